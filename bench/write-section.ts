import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const file = join(import.meta.dirname, "..", "docs", "benchmarks.md");

/** Replaces the body of one `## …` section of docs/benchmarks.md (up to the next `## `). */
export function writeSection(heading: string, body: string): void {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`docs/benchmarks.md has no section ${heading}`);
  const after = start + heading.length;
  const next = text.indexOf("\n## ", after);
  const end = next < 0 ? text.length : next + 1;
  writeFileSync(
    file,
    `${text.slice(0, after)}\n\n${body.trim()}\n\n${text.slice(end)}`.replace(/\n{3,}/g, "\n\n"),
  );
}
