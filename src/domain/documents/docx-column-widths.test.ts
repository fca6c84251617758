import { describe, expect, it } from "vitest";
import { columnWidths } from "./docx-column-widths.js";

const ZH = { pt: 12, latin: 0.6 };
const BLOCK = 8845;

describe("columnWidths", () => {
  it("spreads a table that fits over the whole text block, in proportion to its widest cells", () => {
    const w = columnWidths({ head: ["编号", "任务"], rows: [["01", "项目用地预审"]] }, ZH, BLOCK);
    expect(w[0]! + w[1]!).toBeLessThanOrEqual(BLOCK);
    expect(w[0]! + w[1]!).toBeGreaterThan(BLOCK - 3);
    expect(w[1]! / w[0]!).toBeCloseTo((6 * 240 + 170) / (2 * 240 + 170), 1);
  });

  it("keeps codes, counts and dates whole and gives what is left to the long columns", () => {
    const reasons = "总时差为-4个工作日，按期完成已不可能；完成75%，落后计划进度100% 25个百分点（超过20）";
    const w = columnWidths(
      {
        head: ["专班", "编号", "任务", "时限", "原因"],
        rows: [["01", "01.2.2", "项目用地预审与规划许可", "2022-08-15", reasons.repeat(2)]],
      },
      ZH,
      BLOCK,
    );
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(BLOCK);
    // "2022-08-15": ten characters at 0.6 × 12 pt, plus the cell's margins.
    expect(w[3]).toBeGreaterThanOrEqual(10 * 144 + 170);
    expect(w[1]).toBeGreaterThanOrEqual(6 * 144 + 170);
    expect(w[4]!).toBeGreaterThan(w[2]!);
    expect(w[2]).toBeGreaterThanOrEqual(4 * 240 + 170);
  });

  it("scales what every column needs when even that does not fit", () => {
    const head = Array.from({ length: 20 }, () => "progress");
    const w = columnWidths({ head, rows: [] }, ZH, BLOCK);
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(BLOCK);
    expect(new Set(w).size).toBe(1);
  });
});
