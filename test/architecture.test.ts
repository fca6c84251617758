import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function filesUnder(dir: string): string[] {
  const abs = join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => join(abs, f));
}

function importsOf(file: string): string[] {
  const src = readFileSync(file, "utf8");
  return [
    ...src.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => (m[1] ?? m[2]) as string);
}

/** Imports in `dir` that match a forbidden pattern, as "file: specifier". */
function violations(dir: string, forbidden: RegExp[]): string[] {
  return filesUnder(dir).flatMap((f) =>
    importsOf(f)
      .filter((spec) => forbidden.some((re) => re.test(spec)))
      .map((spec) => `${relative(root, f)}: ${spec}`),
  );
}

const IO = [
  /^node:/,
  /^(fs|path|os|child_process|http|net)$/,
  /fastify/,
  /^kysely/,
  /^pg$/,
  /better-sqlite3/,
  /commander/,
];

describe("dependencies point one way (engines ← domain ← http/cli)", () => {
  it("the scanner itself finds imports (domain may use node: modules)", () => {
    expect(violations("src/domain", [/^node:crypto$/])).toContain("src/domain/ids.ts: node:crypto");
  });
  it("engines import nothing with I/O and no outer layer", () => {
    expect(violations("src/engines", [...IO, /\/(domain|http|cli|db|config)\//])).toEqual([]);
  });
  it("shared wire code imports no I/O and no outer layer (the web app uses it)", () => {
    expect(violations("src/shared", [...IO, /\/(domain|http|cli|db|config)\//])).toEqual([]);
  });
  it("domain does not import the adapters", () => {
    expect(violations("src/domain", [/\/(http|cli)\//, /fastify/, /commander/])).toEqual([]);
  });
  it("the web app imports only src/shared and src/engines from the server side", () => {
    expect(violations("web/src", [/\/src\/(domain|http|cli|db|config)\//, /^node:/])).toEqual([]);
  });
});
