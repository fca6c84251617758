import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGuatu } from "../../../test/cli-run.js";
import ExcelJS from "../../domain/excel/exceljs.js";
import { answerSheetFormat } from "./write-answer-sheet.js";

const dir = mkdtempSync(join(tmpdir(), "guatu-answer-sheet-"));
const db = `sqlite:${join(dir, "demo.db")}`;
beforeAll(() => {
  expect(runGuatu(["demo", "--db", db]).code).toBe(0);
}, 120_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("guatu answer-sheet", () => {
  it("writes a task force's workbook: 草稿 in the title, a sheet per section, numbers as numbers", async () => {
    const out = join(dir, "交卷-01.xlsx");
    const r = runGuatu([
      "answer-sheet",
      "--db",
      db,
      "--task-force",
      "01",
      "--format",
      "xlsx",
      "--out",
      out,
      "--lang",
      "zh",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${out}\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.title).toBe("01 重大项目建设专班 2022年度交卷（草稿）");
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "交卷",
      "指标完成情况",
      "节点完成情况",
      "督办事项",
      "延期情况",
      "考核得分与排名",
    ]);
    const front = wb.getWorksheet("交卷")!;
    expect(front.getCell("A1").value).toBe("01 重大项目建设专班 2022年度交卷（草稿）");
    expect(front.getCell("A2").value).toBe("草稿：按 2022-08-15 的数据生成，年底（12月31日）定稿。");
    expect([front.getCell("A4").value, front.getCell("B4").value]).toEqual(["项目", "内容"]);
    const frontText = front.getSheetValues().flat().map(String).join("|");
    expect(frontText).toContain("牵头领导：");
    expect(frontText).toContain("签字：");
    const indicators = wb.getWorksheet("指标完成情况")!;
    expect(indicators.getCell("A4").value).toBe("编号");
    expect(indicators.getCell("D4").value).toBe("目标");
    expect(typeof indicators.getCell("D5").value).toBe("number");
    expect(String(indicators.getCell("A5").value)).toMatch(/^[A-Z]+01-/);
    const score = wb.getWorksheet("考核得分与排名")!;
    expect(typeof score.getCell("A5").value).toBe("number");
    expect(score.getCell("B5").value).toMatch(/^\d+ \/ 10$/);
  }, 120_000);

  it("writes the district's standalone page at year end: no draft, no external resource", () => {
    const out = join(dir, "district.html");
    const r = runGuatu([
      "answer-sheet",
      "--db",
      db,
      "--status-date",
      "2022-12-31",
      "--out",
      out,
      "--lang",
      "zh",
    ]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<title>示范区 2022年度交卷</title>");
    expect(html).not.toContain("草稿");
    expect(html).toContain("@page { size: A4 portrait;");
    for (const words of ["考核排名", "各专班汇总", "区级指标", "督查室负责人："])
      expect(html).toContain(words);
    expect(html).not.toMatch(/<(script|link|img)\b|https?:\/\//);
    expect(html.match(/data-section-table="ranking"[\s\S]*?<\/table>/)?.[0].match(/<tr>/g)).toHaveLength(11);
  }, 120_000);

  it("exits 2 naming an unknown --task-force in one line, and writes nothing", () => {
    const out = join(dir, "none.html");
    const r = runGuatu(["answer-sheet", "--db", db, "--task-force", "99", "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('guatu: --task-force 99: no task force with code "99"\n');
    expect(existsSync(out)).toBe(false);
    const bad = runGuatu(["answer-sheet", "--db", db, "--format", "pdf", "--out", join(dir, "x.pdf")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format pdf: must be xlsx or html");
  }, 120_000);
});

describe("answerSheetFormat", () => {
  it("takes --format, else the extension of --out, else names the option", () => {
    expect(answerSheetFormat("html", "a.xlsx")).toBe("html");
    expect(answerSheetFormat(undefined, "a.XLSX")).toBe("xlsx");
    expect(() => answerSheetFormat(undefined, "a.txt")).toThrow(/--format missing and --out a\.txt/);
  });
});
