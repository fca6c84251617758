import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** Every `x as T` (not `as const`) and `<T>x` in a source file, with the line and whether a comment explains it. */
function castsIn(file: string): { where: string; explained: boolean }[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const lines = text.split("\n");
  const out: { where: string; explained: boolean }[] = [];
  const visit = (node: ts.Node) => {
    const isCast =
      (ts.isAsExpression(node) && node.type.getText(source) !== "const") ||
      ts.isTypeAssertionExpression(node);
    if (isCast) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const near = [lines[line - 1] ?? "", lines[line] ?? ""].join("\n");
      out.push({ where: `${relative(root, file)}:${line + 1}`, explained: /\/\/|\/\*|\*/.test(near) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const domainFiles = readdirSync(join(root, "src/domain"), { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => join(root, "src/domain", f));

describe("type casts in src/domain", () => {
  const casts = domainFiles.flatMap(castsIn);

  it("are at most 30: rows and records are typed by the Database interface, not asserted", () => {
    expect(casts.length, casts.map((c) => c.where).join("\n")).toBeLessThanOrEqual(30);
  });

  it("each say why, in a comment on their line or the one before", () => {
    expect(casts.filter((c) => !c.explained).map((c) => c.where)).toEqual([]);
  });
});
