import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../../test/db-harness.js";
import { loadDistrictLevel } from "../../../test/district-level.js";
import { leadPrincipal } from "../../../test/principals.js";
import { serviceContext } from "../context.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import ExcelJS from "../excel/exceljs.js";
import { GANTT_SHEET } from "./gantt-sheet.js";
import { exportLedger, importLedger, ledgerTemplate } from "./ledger.service.js";
import { HISTORY_SHEET } from "./supervision-history-sheet.js";
import { readXlsx } from "./xlsx-read.js";

/** Every sheet's cell values (dates as ISO days), for comparing two exports. */
async function cells(bytes: Buffer) {
  const wb = await readXlsx(bytes);
  // The Gantt sheet draws lights and the history sheet steps, which come from progress reports and
  // transitions the ledger does not carry.
  return wb.sheets
    .filter((s) => s.name !== GANTT_SHEET && s.name !== HISTORY_SHEET)
    .map((s) => ({
      name: s.name,
      rows: s.rows.map((r) =>
        (r ?? []).map((c) =>
          c?.value instanceof Date ? c.value.toISOString().slice(0, 10) : (c?.value ?? null),
        ),
      ),
    }));
}

/** The ledger round trip: export → import into an empty database → export gives the same cells. */
describe.each(dialects)("the ledger in Excel on %s", (dialect) => {
  let demo: TestDatabase;
  let empty: TestDatabase;
  let exported: Buffer;
  const at = () => "2022-08-15T01:00:00.000Z";

  beforeAll(async () => {
    demo = await createTestDatabase(dialect);
    await loadDemo(serviceContext(demo.database, "demo", at), buildDemoDataset());
    empty = await createTestDatabase(dialect);
    // Goals and district-level indicators are set up outside the ledger; its shares name them.
    await loadDistrictLevel(empty.database);
    exported = await exportLedger(serviceContext(demo.database, "test", at));
  }, 120_000);
  afterAll(async () => {
    await demo?.drop();
    await empty?.drop();
  });

  it("imports the demo district's export into an empty database and exports the same cells", async () => {
    const ctx = serviceContext(empty.database, "test", at);
    const dry = await importLedger(ctx, exported, { dryRun: true, fileName: "demo.xlsx" });
    expect(dry.problems).toEqual([]);
    expect(dry.written).toBe(false);
    expect(dry.counts.tasks.create).toBe(234);
    const r = await importLedger(ctx, exported, { fileName: "demo.xlsx" });
    expect(r.problems).toEqual([]);
    expect(r.written).toBe(true);
    expect(r.counts).toMatchObject({
      tasks: { create: 234 },
      dependencies: { create: 238 },
      indicators: { create: 74 },
    });
    const again = await exportLedger(ctx);
    expect(await cells(again)).toEqual(await cells(exported));
  }, 120_000);

  it("exports the battle map as a Gantt sheet: week columns, light fills, milestones, frozen panes, A3 landscape", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as never);
    const ws = wb.getWorksheet(GANTT_SHEET)!;
    expect(ws).toBeDefined();
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 8, orientation: "landscape", fitToWidth: 1 });
    expect(ws.getRow(2).getCell(2).value).toBe("WBS编码");
    const fills = new Map<string, number>();
    let marks = 0;
    let redRows = 0;
    ws.eachRow((row, r) => {
      if (r < 3) return;
      const light = row.getCell(7).value;
      row.eachCell({ includeEmpty: true }, (c, col) => {
        if (col <= 7) return;
        const f = c.fill?.type === "pattern" ? c.fill.fgColor?.argb : undefined;
        if (f) fills.set(f, (fills.get(f) ?? 0) + 1);
        if (c.value === "◆") marks++;
      });
      // A red task's row carries the red fill in its bar.
      if (light === "红灯") {
        redRows++;
        const cols: string[] = [];
        row.eachCell({ includeEmpty: true }, (c, col) => {
          if (col > 7 && c.fill?.type === "pattern" && c.fill.fgColor?.argb) cols.push(c.fill.fgColor.argb);
        });
        expect(cols.length).toBeGreaterThan(0);
        expect(new Set(cols)).toEqual(new Set(["FFF5222D"]));
      }
    });
    expect(redRows).toBeGreaterThan(0);
    expect([...fills.keys()]).toEqual(expect.arrayContaining(["FFF5222D", "FF52C41A", "FF1677FF"]));
    expect(marks).toBeGreaterThan(0);
  }, 60_000);

  it("exports each supervision item's history: raised, then every step with its day, note and actor", async () => {
    const wb = await readXlsx(exported);
    const sheet = wb.sheets.find((x) => x.name === HISTORY_SHEET)!;
    const rows = sheet.rows.slice(1).map((r) => (r ?? []).map((c) => (c?.value ?? null) as string | null));
    const items = await demo.database.db.selectFrom("supervision_items").select(["code", "state"]).execute();
    for (const item of items) {
      const mine = rows.filter((r) => r[0] === item.code);
      expect(mine[0]?.[3], item.code).toBe("交办");
      if (item.state === "verified") expect(mine.map((r) => r[3])).toContain("销号");
    }
    const verified = items.find((i) => i.state === "verified")!;
    const steps = rows.filter((r) => r[0] === verified.code).map((r) => r[3]);
    expect(steps.indexOf("报结")).toBeLessThan(steps.indexOf("销号"));
  }, 60_000);

  it("changes nothing on a second import of the same file", async () => {
    const ctx = serviceContext(empty.database, "test", at);
    const before = await snapshot(empty.database);
    const r = await importLedger(ctx, exported, { fileName: "demo.xlsx" });
    expect(r.problems).toEqual([]);
    expect(r.written).toBe(false);
    expect(r.changes.every((c) => c.action === "unchanged")).toBe(true);
    expect(await snapshot(empty.database)).toBe(before);
  }, 120_000);

  it("refuses a workbook with problems, naming sheet and cell, and writes nothing", async () => {
    const ctx = serviceContext(empty.database, "test", at);
    const before = await snapshot(empty.database);
    const template = await importLedger(ctx, await ledgerTemplate());
    expect(template.problems).toEqual([]);
    const notXlsx = await importLedger(ctx, Buffer.from("这不是工作簿"), { fileName: "x.xlsx" });
    expect(notXlsx.problems.map((p) => [p.key, p.params.code])).toEqual([["ledgerFile", "NOT_XLSX"]]);
    expect(await snapshot(empty.database)).toBe(before);
  }, 60_000);

  it("changes a stored actual only with a 更正原因, which the audit trail keeps; without one it names the cell and writes nothing", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as never);
    const ws = wb.getWorksheet("月度实际")!;
    const col = new Map<string, number>();
    ws.getRow(1).eachCell((c, n) => col.set(String(c.value).replace(/\*$/, ""), n));
    const row = ws.getRow(3);
    const was = Number(row.getCell(col.get("实际值")!).value);
    row.getCell(col.get("实际值")!).value = was + 1.5;
    const reasonCell = row.getCell(col.get("更正原因")!);
    const ctx = serviceContext(empty.database, "test", at);
    const before = await snapshot(empty.database);
    const refused = await importLedger(ctx, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(refused.written).toBe(false);
    expect(refused.problems.map((p) => [`${p.sheet}!${p.column}${p.row}`, p.key, p.message])).toEqual([
      [
        `月度实际!${reasonCell.address}`,
        "ledgerCorrectionReason",
        expect.stringContaining(`(${was} → ${was + 1.5})`),
      ],
    ]);
    expect(await snapshot(empty.database)).toBe(before);

    reasonCell.value = "统计局核定数据修正";
    const done = await importLedger(ctx, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(done.problems).toEqual([]);
    const changed = done.changes.filter((c) => c.action !== "unchanged");
    expect(changed.map((c) => [c.sheet, c.fields.actual])).toEqual([["readings", was + 1.5]]);
    const reading = await empty.database.db
      .selectFrom("indicator_readings")
      .select(["actual"])
      .where("id", "=", changed[0]!.id)
      .executeTakeFirstOrThrow();
    expect(reading.actual).toBe(was + 1.5);
    const audit = await empty.database.db
      .selectFrom("audit_entries")
      .select(["action", "reason"])
      .where("entityId", "=", changed[0]!.id)
      .where("action", "=", "update")
      .execute();
    expect(audit).toEqual([{ action: "update", reason: "统计局核定数据修正" }]);

    // Back as exported, again with a reason, for the tests after this one.
    row.getCell(col.get("实际值")!).value = was;
    reasonCell.value = "恢复原值";
    expect((await importLedger(ctx, Buffer.from(await wb.xlsx.writeBuffer()))).problems).toEqual([]);
  }, 60_000);

  /** The exported workbook, its 指标 sheet, and the column of each header (without its *). */
  async function indicatorSheet() {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as never);
    const ws = wb.getWorksheet("指标")!;
    const col = new Map<string, number>();
    ws.getRow(1).eachCell((c, n) => col.set(String(c.value).replace(/\*$/, ""), n));
    const share = ws
      .getRows(3, ws.rowCount - 2)!
      .find((r) => r.getCell(col.get("上级指标编码")!).value === "QZB-1")!;
    return { wb, ws, col, share, bytes: async () => Buffer.from(await wb.xlsx.writeBuffer()) };
  }

  it("carries the cascade: a share names its parent by code, a task its 支撑指标; unknown codes are refused by cell", async () => {
    const { wb, col, share, bytes } = await indicatorSheet();
    expect(share.getCell(col.get("权重")!).value).toBe(90);
    // A task names a district-level indicator among its 支撑指标: it is linked by that code.
    const tasks = wb.getWorksheet("任务")!;
    let linksCol = 0;
    tasks.getRow(1).eachCell((c, n) => {
      if (c.value === "支撑指标编码") linksCol = n;
    });
    const task = tasks
      .getRows(3, tasks.rowCount - 2)!
      .find((r) => String(r.getCell(linksCol).value ?? "").startsWith("ZB01-"))!;
    const own = String(task.getCell(linksCol).value);
    task.getCell(linksCol).value = `${own}、QZB-3`;
    // Into the round trip's database (the demo's, imported): the demo's own stays as exported.
    const ctx = serviceContext(empty.database, "test", at);
    const linked = await importLedger(ctx, await bytes());
    expect(linked.problems).toEqual([]);
    const changed = linked.changes.filter((c) => c.action !== "unchanged");
    expect(changed.map((c) => [c.sheet, (c.fields.indicatorIds as string[] | undefined)?.length])).toEqual([
      ["tasks", own.split("、").length + 1],
    ]);
    expect(changed[0]!.fields.indicatorIds).toContain("ind-qzb-3");
    share.getCell(col.get("上级指标编码")!).value = "QZB-9";
    const r = await importLedger(ctx, await bytes(), { dryRun: true });
    const letter = share.getCell(col.get("上级指标编码")!).address.replace(/\d+$/, "");
    expect(r.problems.map((p) => [`${p.sheet}!${p.column}${p.row}`, p.key, p.params.code])).toEqual([
      [`指标!${letter}${share.number}`, "ledgerUnknownCode", "QZB-9"],
    ]);
  }, 60_000);

  it("places a rule the service refuses (a share of another kind than its parent) at its cell, writing nothing", async () => {
    const { col, share, bytes } = await indicatorSheet();
    share.getCell(col.get("指标类型")!).value = "累计值";
    const ctx = serviceContext(demo.database, "test", at);
    const before = await snapshot(demo.database);
    const file = await bytes();
    expect((await importLedger(ctx, file, { dryRun: true })).problems).toEqual([]);
    const refused = await importLedger(ctx, file).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "LEDGER_PROBLEMS" });
    const paths = (refused as { details: { path: string }[] }).details.map((d) => d.path);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p).toMatch(new RegExp(`^指标!([A-Z]+)?${share.number}$`));
    expect(await snapshot(demo.database)).toBe(before);
  }, 60_000);

  it("leaves the stored cascade as it is when the file has no cascade columns (an older ledger)", async () => {
    const { wb, ws, col, bytes } = await indicatorSheet();
    for (const h of ["权重", "责任单位编码", "上级指标编码"]) ws.spliceColumns(col.get(h)!, 1);
    const tasks = wb.getWorksheet("任务")!;
    tasks.getRow(1).eachCell((c, n) => {
      if (c.value === "支撑指标编码") tasks.spliceColumns(n, 1);
    });
    const before = await snapshot(demo.database);
    const r = await importLedger(serviceContext(demo.database, "test", at), await bytes());
    expect(r.problems).toEqual([]);
    expect(r.changes.filter((c) => c.action !== "unchanged")).toEqual([]);
    expect(await snapshot(demo.database)).toBe(before);
  }, 60_000);

  it("lets a lead change their own task force only: a row of another is refused by cell, nothing is written", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as never);
    const tasks = wb.getWorksheet("任务")!;
    // Retitle the first task of task forces 01 and 02 (column A: task force code, C: title).
    for (const tf of ["01", "02"]) {
      let done = false;
      tasks.eachRow((row) => {
        if (!done && row.getCell(1).value === tf) {
          row.getCell(3).value = `${row.getCell(3).value}（修订）`;
          done = true;
        }
      });
    }
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const lead = leadPrincipal(["tf-01"]);
    const before = await snapshot(demo.database);
    const r = await importLedger({ ...serviceContext(demo.database, "test", at), principal: lead }, edited);
    expect(r.problems.map((p) => [p.sheet, p.key])).toEqual([["任务", "ledgerScope"]]);
    expect(r.counts.tasks.update).toBe(2);
    expect(r.written).toBe(false);
    expect(await snapshot(demo.database)).toBe(before);
  }, 60_000);
});
