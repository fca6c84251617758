import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../../test/db-harness.js";
import { loadDistrictLevel } from "../../../test/district-level.js";
import type { LedgerMapping } from "../../engines/ledger/mapping.js";
import { serviceContext } from "../context.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import ExcelJS from "../excel/exceljs.js";
import { exportLedger, importLedger, rememberedMapping } from "./ledger.service.js";

/**
 * The demo district's ledger reshaped as an office keeps its own: Chinese sheet names of its own,
 * merged title rows above the header, no English key row, its own header words, a notes column, and
 * only the sheets it keeps (no actuals, no supervision items).
 */
async function officeShaped(exported: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(exported as never);
  for (const name of ["月度实际", "督办事项", "作战图"]) wb.removeWorksheet(wb.getWorksheet(name)!.id);
  wb.getWorksheet("专班")!.name = "专班一览表";
  const tasks = wb.getWorksheet("任务")!;
  tasks.name = "重点任务台账";
  tasks.spliceRows(2, 1); // the English key row
  const header = tasks.getRow(1);
  header.eachCell((c) => {
    if (c.value === "WBS编码*") c.value = "序号";
    if (c.value === "责任单位编码") c.value = "牵头责任单位";
  });
  const notes = header.cellCount + 1;
  header.getCell(notes).value = "备注说明";
  tasks.getRow(3).getCell(notes).value = "市里重点关注";
  tasks.insertRow(1, ["填报单位：区督查办　　更新日期：2022年8月15日"]);
  tasks.insertRow(1, ["某区2022年重点任务推进台账"]);
  tasks.mergeCells("A1:L1");
  tasks.mergeCells("A2:L2");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const MAPPING: LedgerMapping = {
  sheets: { tasks: "重点任务台账", taskForces: "专班一览表", readings: null, supervision: null },
  columns: { tasks: { code: "序号", unitCode: "牵头责任单位" } },
};

describe.each(dialects)("an office's own ledger, mapped once, on %s", (dialect) => {
  let demo: TestDatabase;
  let empty: TestDatabase;
  let file: Buffer;
  const at = () => "2022-08-15T01:00:00.000Z";

  beforeAll(async () => {
    demo = await createTestDatabase(dialect);
    await loadDemo(serviceContext(demo.database, "demo", at), buildDemoDataset());
    file = await officeShaped(await exportLedger(serviceContext(demo.database, "test", at)));
    empty = await createTestDatabase(dialect);
    // Goals and district-level indicators are set up outside the ledger; its shares name them.
    await loadDistrictLevel(empty.database);
  }, 120_000);
  afterAll(async () => {
    await demo?.drop();
    await empty?.drop();
  });

  it("names the unmatched sheets and offers the file's own sheets and header rows to map", async () => {
    const ctx = serviceContext(empty.database, "test", at);
    const before = await snapshot(empty.database);
    const r = await importLedger(ctx, file, { dryRun: true });
    expect(r.problems.map((p) => [p.sheet, p.key])).toEqual(
      expect.arrayContaining([
        ["专班", "ledgerMissingSheet"],
        ["任务", "ledgerMissingSheet"],
        ["月度实际", "ledgerMissingSheet"],
      ]),
    );
    const tasks = r.fileSheets.find((s) => s.name === "重点任务台账")!;
    expect(tasks.headerRow).toBe(3);
    expect(tasks.headers).toEqual(expect.arrayContaining(["序号", "牵头责任单位", "任务名称*", "备注说明"]));
    // Mapped sheets, but a header left unmapped: the missing column is named on the file's sheet.
    const half = await importLedger(ctx, file, { dryRun: true, mapping: { ...MAPPING, columns: {} } });
    expect(half.problems.map((p) => [p.sheet, p.row, p.key])).toEqual([
      ["重点任务台账", 3, "ledgerMissingColumn"],
    ]);
    expect(await snapshot(empty.database)).toBe(before);
  }, 60_000);

  it("imports after mapping, remembers the mapping, and reads the same file alike next time", async () => {
    const ctx = serviceContext(empty.database, "test", at);
    const r = await importLedger(ctx, file, { mapping: MAPPING, fileName: "台账.xlsx" });
    expect(r.problems).toEqual([]);
    expect(r.written).toBe(true);
    expect(r.counts.tasks.create).toBe(234);
    expect(r.counts.readings.create).toBe(0);
    expect(r.findings).not.toBeNull();
    const stored = await empty.database.db
      .selectFrom("tasks")
      .innerJoin("org_units", "org_units.id", "tasks.responsibleUnitId")
      .select(["tasks.code", "org_units.code as unit"])
      .orderBy("tasks.code")
      .executeTakeFirstOrThrow();
    expect(stored.unit).toBeTruthy();
    expect(await rememberedMapping(ctx)).toEqual(MAPPING);
    const before = await snapshot(empty.database);
    const again = await importLedger(ctx, file);
    expect(again.problems).toEqual([]);
    expect(again.written).toBe(false);
    expect(again.counts.tasks.unchanged).toBe(234);
    expect(await snapshot(empty.database)).toBe(before);
  }, 120_000);
});
