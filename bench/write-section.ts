import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const file = join(import.meta.dirname, "..", "docs", "benchmarks.md");

/**
 * Replaces the lead of one `## …` section of docs/benchmarks.md: up to its first `### ` subsection
 * or the next `## `, so the notes and earlier runs kept in subsections survive a new run.
 */
export function writeSection(heading: string, body: string): void {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`docs/benchmarks.md has no section ${heading}`);
  const after = start + heading.length;
  const ends = ["\n## ", "\n### "].map((h) => text.indexOf(h, after)).filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) + 1 : text.length;
  writeFileSync(
    file,
    `${text.slice(0, after)}\n\n${body.trim()}\n\n${text.slice(end)}`.replace(/\n{3,}/g, "\n\n"),
  );
}
