/**
 * Once per run of the server tests:
 * - the CLI's TypeScript transpiled to JavaScript, file by file as tsc emits it (TypeScript's
 *   `transpileModule`, without type checking: `npm run typecheck` does that), into a folder beside
 *   src/ that the tests which start `guatu` processes run. Started from source through tsx instead,
 *   each process took about twice the time (1.1 s against 0.5 s of CPU for `guatu check`), and the
 *   tests start a few hundred;
 * - the demo district loaded once per dialect, which `createTestDatabase(kind, { demo: true })`
 *   copies (a SQLite file; a PostgreSQL database made from it as a template) instead of loading it
 *   through the services again: 1–2.5 s per test file and dialect.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { TestProject } from "vitest/node";
import { closeOnce, createTestDatabase, dialects, loadTestDemo } from "./db-harness.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The demo loaded into a new database of `kind` (the name of a PostgreSQL one, or a SQLite file). */
async function demoTemplate(
  kind: "sqlite" | "postgres",
): Promise<{ name: string; drop: () => Promise<void> }> {
  const t = await createTestDatabase(kind);
  await loadTestDemo(t.database);
  const name = kind === "sqlite" ? t.url.slice("sqlite:".length) : new URL(t.url).pathname.slice(1);
  // Closed: a template has no session (PostgreSQL refuses to copy one in use); SQLite's log is
  // checkpointed into the file.
  await closeOnce(t.database);
  return { name, drop: t.drop };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = ts.readConfigFile(join(ROOT, "tsconfig.build.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  // A folder of the repository's root, as dist/ is: the code finds package.json and web/dist from
  // where it runs (../package.json, ../../../web/dist).
  const out = mkdtempSync(join(ROOT, ".test-build-"));
  const src = join(ROOT, "src");
  for (const file of sources(src)) {
    const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
      // ES modules, as tsc emits them under package.json's "type": "module" (a lone file cannot tell).
      compilerOptions: { ...options, module: ts.ModuleKind.ESNext, sourceMap: false, inlineSourceMap: false },
      fileName: file,
    });
    const target = join(out, relative(src, file)).replace(/\.ts$/, ".js");
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  project.provide("guatuBuild", join(out, "cli", "main.js"));
  const templates = await Promise.all(dialects.map(demoTemplate));
  project.provide("demoTemplates", {
    sqlite: templates[0]!.name,
    ...(templates[1] ? { postgres: templates[1].name } : {}),
  });
  return async () => {
    rmSync(out, { recursive: true, force: true });
    for (const t of templates) await t.drop();
  };
}
