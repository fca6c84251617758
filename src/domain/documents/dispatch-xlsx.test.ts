import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../../test/db-harness.js";
import { serviceContext } from "../context.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import type * as Excel from "../excel/exceljs.js";
import ExcelJS from "../excel/exceljs.js";
import { type DispatchDocumentInput, dispatchDocumentInput } from "./dispatch-document.service.js";
import { dispatchXlsx } from "./dispatch-xlsx.js";

/** Every row of a sheet as plain values (row 1 = header). */
function rowsOf(ws: Excel.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

async function read(bytes: Buffer): Promise<Excel.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe.each(dialects)("dispatchXlsx for the demo district on %s", (dialect) => {
  let t: TestDatabase;
  let input: DispatchDocumentInput;
  let wb: Excel.Workbook;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await loadDemo(
      serviceContext(t.database, "demo", () => "2022-08-15T01:00:00.000Z"),
      buildDemoDataset(),
    );
    input = await dispatchDocumentInput(serviceContext(t.database, "test"), { statusDate: "2022-08-15" });
    wb = await read(
      await dispatchXlsx(input.view, {
        organisation: "示范区",
        lang: "zh",
        changes: input.changes,
        ranking: input.ranking,
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it("has one sheet per part, each with a frozen header row in Chinese", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "总体情况",
      "专班亮灯",
      "红黄灯事项",
      "超期和到期",
      "超期督办",
      "指标",
      "本轮变化",
      "考核排名",
      "要点",
    ]);
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(rowsOf(wb.getWorksheet("专班亮灯")!)[0]).toEqual([
      "编号",
      "专班",
      "亮灯",
      "红灯",
      "黄灯",
      "绿灯",
      "未到期",
      "已完成",
      "超期",
      "即将到期",
      "未报进展",
    ]);
  });

  it("gives the totals as numbers", () => {
    const totals = new Map(rowsOf(wb.getWorksheet("总体情况")!).map(([k, v]) => [k, v]));
    const { total } = input.view;
    expect(totals.get("单位")).toBe("示范区");
    expect(totals.get("统计截至")).toBe("2022-08-15");
    expect(totals.get("任务红灯")).toBe(total.taskCounts.red);
    expect(totals.get("任务黄灯")).toBe(total.taskCounts.yellow);
    expect(totals.get("超期未完成")).toBe(total.overdue);
    expect(totals.get("督办超期")).toBe(total.supervision.overdue);
    expect(totals.get("指标本轮填报")).toBe(total.indicatorsReported);
  });

  it("gives every task force's light and counts, the light cell filled with its colour", () => {
    const ws = wb.getWorksheet("专班亮灯")!;
    const rows = rowsOf(ws).slice(1);
    expect(rows).toEqual(
      input.view.taskForces.map((s) => [
        s.code,
        s.name,
        { red: "红灯", yellow: "黄灯", green: "绿灯", grey: "未到期", blue: "已完成" }[s.color!],
        s.summary.taskCounts.red,
        s.summary.taskCounts.yellow,
        s.summary.taskCounts.green,
        s.summary.taskCounts.grey,
        s.summary.taskCounts.blue,
        s.summary.overdue,
        s.summary.due,
        s.summary.noReport,
      ]),
    );
    const red = input.view.taskForces.findIndex((s) => s.color === "red");
    expect(ws.getRow(red + 2).getCell(3).fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFCF1322" },
    });
    const green = input.view.taskForces.findIndex((s) => s.color === "green");
    expect(ws.getRow(green + 2).getCell(3).fill).toMatchObject({ fgColor: { argb: "FF52C41A" } });
  });

  it("lists the overdue and due tasks, and every indicator with its trend", () => {
    const lists = rowsOf(wb.getWorksheet("超期和到期")!);
    expect(lists).toContainEqual([
      "超期",
      "01",
      "01.2.5",
      "固定资产投资项目节能审查",
      "2022-07-31",
      "11个工作日",
      "0%",
    ]);
    expect(lists.filter((r) => r[0] === "即将到期")).toHaveLength(input.view.total.due);
    const indicators = rowsOf(wb.getWorksheet("指标")!);
    expect(indicators).toHaveLength(input.view.total.indicators + 1);
    const trends = indicators.slice(1).map((r) => r[9]);
    expect(trends.filter((x) => x === "回升")).toHaveLength(input.view.total.trends.rebounding);
  });

  it("writes English headers and sheet names when asked", async () => {
    const en = await read(
      await dispatchXlsx(input.view, { organisation: "Demo", lang: "en", changes: input.changes }),
    );
    expect(en.worksheets[0]!.name).toBe("Overview");
    expect(rowsOf(en.getWorksheet("Task force lights")!)[0]![1]).toBe("Task force");
  });
});
