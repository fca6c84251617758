/**
 * bench:ui preparation: a temporary SQLite district scaled to ~5,000 tasks, the web app build
 * (and the bench harness build), and a `guatu serve` process on a free port.
 */
import { type ChildProcess, execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { build } from "vite";
import { openDatabase } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { serviceContext } from "../../src/domain/context.js";
import { loadDemo } from "../../src/domain/demo/demo.service.js";
import { buildDemoDataset } from "../../src/domain/demo/demo-data.js";
import { scaleDemo } from "../api/scale-demo.js";
import { serveInChild } from "../serve.js";

/** The repository root. */
export const root = join(import.meta.dirname, "..", "..");
/** Where figures and screenshots go (gitignored). */
export const outDir = join(root, "bench", "out");
/** Where the harness build goes. */
export const harnessOut = join(outDir, "ui-harness");

/** Creates the scaled district in a temporary SQLite file; returns its URL, task count and a remover. */
export async function prepareDatabase(factor: number) {
  const path = join(tmpdir(), `guatu_bench_ui_${process.pid}.db`);
  const drop = () => {
    for (const s of ["", "-wal", "-shm"]) rmSync(`${path}${s}`, { force: true });
  };
  drop();
  const url = `sqlite:${path}`;
  const database = openDatabase({ kind: "sqlite", url, path });
  await migrateToLatest(database.db);
  const data = scaleDemo(buildDemoDataset(), factor);
  await loadDemo(
    serviceContext(database, "demo", () => "2022-08-15T01:00:00.000Z"),
    data,
  );
  await database.close();
  return { url, tasks: data.tasks.length, dependencies: data.dependencies.length, drop };
}

/** Builds the web app (`npx vite build`) unless BENCH_UI_SKIP_BUILD is set and a build exists. */
export function buildWebApp(): void {
  if (process.env.BENCH_UI_SKIP_BUILD && existsSync(join(root, "web", "dist", "index.html"))) return;
  execFileSync("npx", ["vite", "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
}

/**
 * Builds the harness (the real BattleMapPage with its providers, for when the app lacks the route)
 * and, with `vtable`, the vtable-gantt evaluation spike beside it.
 */
export async function buildHarness(vtable: boolean): Promise<void> {
  const dir = join(root, "web", "src", "features", "battle-map", "harness");
  const input = { index: join(dir, "index.html"), ...(vtable ? { vtable: join(dir, "vtable.html") } : {}) };
  await build({
    configFile: false,
    root: join(root, "web", "src", "features", "battle-map", "harness"),
    base: "/__bench/",
    plugins: [react()],
    logLevel: "warn",
    build: { outDir: harnessOut, emptyOutDir: true, chunkSizeWarningLimit: 4000, rollupOptions: { input } },
  });
}

/** Sizes of the built assets (raw and gzip), largest first. */
export function bundleSizes(): { file: string; bytes: number; gzip: number }[] {
  const dir = join(root, "web", "dist", "assets");
  return readdirSync(dir)
    .map((file) => {
      const body = readFileSync(join(dir, file));
      return { file, bytes: statSync(join(dir, file)).size, gzip: gzipSync(body).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/** The compiled `guatu serve` in its own process (see `bench/serve.ts`). */
export async function serve(url: string): Promise<{ base: string; child: ChildProcess }> {
  const { base, child } = await serveInChild(url);
  return { base, child };
}

/** p-th percentile (0..100) of numbers (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
