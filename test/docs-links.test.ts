/**
 * The documentation stands alone: every relative link and image in README.md and docs/ resolves to a
 * file inside the repository (and a `#fragment` to a heading of the target), and nothing points
 * outside it (a clone has no ../shared).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = join(dir, e.name);
    if (e.isDirectory()) return markdownFiles(f);
    return e.name.endsWith(".md") ? [f] : [];
  });
}

/** Markdown links and images `[text](target)` / `![alt](target)` and HTML `src`/`href`, outside code. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const out: string[] = [];
  for (const m of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1]!);
  for (const m of prose.matchAll(/\b(?:src|href)="([^"]+)"/g)) out.push(m[1]!);
  return out;
}

/** GitHub-style anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchors(file: string): Set<string> {
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1]!)));
}

/** Repository paths named in code spans (`src/http/policy.ts`), which readers follow as links too. */
function namedPaths(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "");
  return [...prose.matchAll(/`((?:src|web|test|bench|docs|bin|\.ci)\/[\w./[\]-]*)`/g)]
    .map((m) => m[1]!.replace(/\/$/, ""))
    .filter((p) => !p.includes("*"));
}

/** Outputs of a build or a benchmark run, named in the docs but absent from a clone. */
const BUILT = /^(web\/dist|bench\/out)(\/|$)/;

describe("the documentation's links", () => {
  const files = [join(ROOT, "README.md"), ...markdownFiles(join(ROOT, "docs"))];

  it("finds the documents and their links", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(linkTargets("see [a](docs/a.md#x) and ![b](img/b.png) but not `[c](d)`")).toEqual([
      "docs/a.md#x",
      "img/b.png",
    ]);
    expect(anchorOf("Lights (亮灯), exactly")).toBe("lights-亮灯-exactly");
  });

  it("resolve inside the repository", () => {
    const problems: string[] = [];
    for (const file of files) {
      const where = relative(ROOT, file);
      const text = readFileSync(file, "utf8");
      if (text.includes("../shared/")) problems.push(`${where}: names ../shared/, which a clone lacks`);
      for (const target of linkTargets(text)) {
        if (/^(https?:|mailto:)/.test(target)) {
          // Only examples on the intranet or localhost; the product calls nothing outside.
          if (!/^https?:\/\/(127\.0\.0\.1|localhost|guatu\.intranet|[a-z.-]*example)/.test(target))
            problems.push(`${where}: external link ${target}`);
          continue;
        }
        const [path, fragment] = target.split("#") as [string, string | undefined];
        const abs = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
        if (!abs.startsWith(ROOT)) {
          problems.push(`${where}: ${target} points outside the repository`);
          continue;
        }
        if (!existsSync(abs)) {
          problems.push(`${where}: ${target} does not exist`);
          continue;
        }
        if (fragment && statSync(abs).isFile() && abs.endsWith(".md") && !anchors(abs).has(fragment))
          problems.push(`${where}: ${target} names no heading of ${relative(ROOT, abs)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("name files of the repository", () => {
    const missing = files.flatMap((file) =>
      namedPaths(readFileSync(file, "utf8"))
        .filter((p) => !BUILT.test(p) && !existsSync(join(ROOT, p)))
        .map((p) => `${relative(ROOT, file)}: ${p}`),
    );
    expect(missing).toEqual([]);
  });
});
