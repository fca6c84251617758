import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../../test/db-harness.js";
import type { Principal } from "../accounts/principal.js";
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
      indicators: { create: 39 },
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
    const lead: Principal = {
      userId: "u-lead",
      username: "lead",
      displayName: "牵头人",
      personId: null,
      roles: ["lead"],
      via: "session",
      taskForceScope: null,
      leadTaskForceIds: new Set(["tf-01"]),
      ownTaskForceIds: new Set(["tf-01"]),
    };
    const before = await snapshot(demo.database);
    const r = await importLedger({ ...serviceContext(demo.database, "test", at), principal: lead }, edited);
    expect(r.problems.map((p) => [p.sheet, p.key])).toEqual([["任务", "ledgerScope"]]);
    expect(r.counts.tasks.update).toBe(2);
    expect(r.written).toBe(false);
    expect(await snapshot(demo.database)).toBe(before);
  }, 60_000);
});
