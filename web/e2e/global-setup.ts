/**
 * Once per run of the browser tests: the production build of the web app when web/dist lacks one,
 * and the demo district loaded once into a SQLite file that each harness copies, instead of every
 * test file migrating and loading the demo through its services again (about a second each).
 */
import { execSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { parseDbUrl } from "../../src/config/load-config.js";
import { openDatabase } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { serviceContext } from "../../src/domain/context.js";
import { loadDemo } from "../../src/domain/demo/demo.service.js";
import { buildDemoDataset } from "../../src/domain/demo/demo-data.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A SQLite file holding the migrated demo district, to be copied, never opened in place. */
    demoDatabase: string;
  }
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The web app as `npm start` builds it, into `dist` (web/dist unless GUATU_WEB_DIST names another). */
export function buildWebWhenMissing(dist: string): void {
  if (existsSync(join(dist, "index.html"))) return;
  // A production build: under vitest NODE_ENV is "test", and antd's test mode gives every
  // generated id the same value ("test-id"), so dialogs would lose their names.
  execSync(`npx vite build --outDir ${JSON.stringify(dist)} --emptyOutDir`, {
    cwd: ROOT,
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production" },
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  // Without Chromium the browser tests are skipped (outside CI): nothing to prepare.
  if (!existsSync(process.env.GUATU_TEST_BROWSER ?? "/usr/bin/chromium") && !process.env.CI) return () => {};
  buildWebWhenMissing(process.env.GUATU_WEB_DIST ?? join(ROOT, "web", "dist"));
  const dir = mkdtempSync(join(tmpdir(), "guatu-e2e-demo-"));
  const file = join(dir, "demo.db");
  const database = openDatabase(parseDbUrl(`sqlite:${file}`));
  const migration = await migrateToLatest(database.db);
  if (migration.error) throw migration.error;
  const data = buildDemoDataset();
  await loadDemo(
    serviceContext(database, "demo", () => `${data.statusDate}T01:00:00.000Z`),
    data,
    {},
  );
  // Closing checkpoints the write-ahead log into the file, so the file alone holds everything.
  await database.close();
  project.provide("demoDatabase", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
