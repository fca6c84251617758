import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGuatu } from "../../../test/cli-run.js";
import { documentFormat } from "./report-documents.js";

const dir = mkdtempSync(join(tmpdir(), "guatu-report-"));
const db = `sqlite:${join(dir, "demo.db")}`;
beforeAll(() => {
  expect(runGuatu(["demo", "--db", db]).code).toBe(0);
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("guatu report dispatch", () => {
  it("writes the Word document and prints its path", () => {
    const out = join(dir, "通报.docx");
    const r = runGuatu(["report", "dispatch", "--db", db, "--format", "docx", "--out", out, "--lang", "zh"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${out}\n`);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  }, 120_000);

  it("writes the workbook, its format taken from --out, at another status date", () => {
    const out = join(dir, "report.xlsx");
    const r = runGuatu(["report", "dispatch", "--db", db, "--out", out, "--status-date", "2022-08-19"]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  }, 120_000);

  it("exits 2 naming a bad --format, and writes nothing", () => {
    const out = join(dir, "report.pdf");
    const r = runGuatu(["report", "dispatch", "--db", db, "--format", "pdf", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format pdf: must be docx or xlsx");
    expect(existsSync(out)).toBe(false);
    expect(runGuatu(["report", "dispatch", "--db", db, "--format", "docx"]).code).toBe(2);
  }, 120_000);
});

describe("documentFormat", () => {
  it("takes --format, else the extension of --out, else names the option", () => {
    expect(documentFormat("xlsx", "a.docx")).toBe("xlsx");
    expect(documentFormat(undefined, "a.DOCX")).toBe("docx");
    expect(() => documentFormat(undefined, "a.txt")).toThrow(/--format missing and --out a\.txt/);
    expect(() => documentFormat("doc", "a.docx")).toThrow("--format doc: must be docx or xlsx");
  });
});
