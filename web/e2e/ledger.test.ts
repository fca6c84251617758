/**
 * The ledger page in Chromium: check a workbook (every problem by sheet, row and column, in the UI's
 * language, nothing written), then a clean one, confirm, and see the change stored.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import ExcelJS from "../../src/domain/excel/exceljs.js";
import { XLSX_TYPE } from "../../src/shared/api/ledger.js";
import { RUN_BROWSER_TESTS, useHarness } from "./harness.js";

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** The ledger as the API exports it, with the first task of task force 01 retitled and a bad deadline elsewhere. */
async function edited(p: Page, o: { retitle: string; badDeadline?: string }): Promise<Buffer> {
  const bytes = await (await p.request.get("/api/v1/ledger")).body();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const tasks = wb.getWorksheet("任务")!;
  const first = tasks.getRow(3);
  first.getCell(3).value = o.retitle;
  if (o.badDeadline) tasks.getRow(4).getCell(9).value = o.badDeadline;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The exported ledger as an office keeps its own: own sheet names, title rows, own header words, fewer sheets. */
async function officeShaped(p: Page, retitle: string): Promise<Buffer> {
  const bytes = await (await p.request.get("/api/v1/ledger")).body();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  for (const name of ["月度实际", "督办事项", "作战图"]) wb.removeWorksheet(wb.getWorksheet(name)!.id);
  wb.getWorksheet("专班")!.name = "专班一览表";
  const tasks = wb.getWorksheet("任务")!;
  tasks.name = "重点任务台账";
  tasks.spliceRows(2, 1);
  tasks.getRow(1).eachCell((c) => {
    if (c.value === "WBS编码*") c.value = "序号";
  });
  tasks.getRow(2).getCell(3).value = retitle;
  tasks.insertRow(1, ["某区2022年重点任务推进台账"]);
  tasks.mergeCells("A1:L1");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(!RUN_BROWSER_TESTS)("the ledger page in Chromium", () => {
  const h = useHarness();

  it("lists a workbook's problems by sheet and cell in Chinese and English, then imports a clean one after the check", async () => {
    const p = await h.open("admin", "/ledger");
    const card = p.getByTestId("ledger-import");
    await card.waitFor();
    const choose = async (name: string, buffer: Buffer) => {
      await card.locator("input[type=file]").setInputFiles({ name, mimeType: XLSX_TYPE, buffer });
      await card.locator(".ant-upload-list-item", { hasText: name }).waitFor();
    };
    const outcome = p.getByTestId("ledger-outcome");
    const titleOf = async () => (await p.request.get("/api/v1/tasks/t-01-1")).json();
    const before = await titleOf();

    await choose("台账-有误.xlsx", await edited(p, { retitle: "前期谋划（修订）", badDeadline: "8月底" }));
    await card.getByTestId("ledger-check").click();
    await poll(() => outcome.locator("[data-problem]").allTextContents()).toEqual([
      "“8月底”不是日期，请写作 2022-08-15 或设为日期格式",
    ]);
    expect(await outcome.locator("tbody tr").first().textContent()).toContain("任务");
    expect(await card.getByTestId("ledger-confirm").isDisabled()).toBe(true);
    await h.shot(p, "ledger-problems-zh");
    await p.getByRole("combobox", { name: "语言" }).click();
    await p.locator(".ant-select-item-option", { hasText: "English" }).click();
    await poll(() => outcome.locator("[data-problem]").allTextContents()).toEqual([
      '"8月底" is not a date; write 2022-08-15 or use a date cell',
    ]);
    await h.shot(p, "ledger-problems-en");
    expect(await titleOf()).toEqual(before);

    // One file at a time: choosing another replaces it (and forgets the last check).
    await choose("台账-修订.xlsx", await edited(p, { retitle: "前期谋划（修订）" }));
    await outcome.waitFor({ state: "detached" });
    await card.getByTestId("ledger-check").click();
    await poll(() => outcome.locator(".ant-alert").first().textContent()).toContain(
      "1 record(s) will be created or changed",
    );
    await card.getByTestId("ledger-confirm").click();
    await poll(() => outcome.locator(".ant-alert").first().textContent()).toContain(
      "The ledger was imported",
    );
    expect((await titleOf()).title).toBe("前期谋划（修订）");
    await h.shot(p, "ledger-imported-en");
    await p.context().close();
  }, 90_000);

  it("maps an office's own sheet and header names, imports, shows the check's findings, and remembers the mapping", async () => {
    const p = await h.open("admin", "/ledger");
    const card = p.getByTestId("ledger-import");
    await card.waitFor();
    const file = await officeShaped(p, "项目谋划储备（台账映射）");
    await card
      .locator("input[type=file]")
      .setInputFiles({ name: "本区台账.xlsx", mimeType: XLSX_TYPE, buffer: file });
    await card.getByTestId("ledger-check").click();
    const mapping = p.getByTestId("ledger-mapping");
    await mapping.waitFor();
    // Each select's own drop-down (the one just closed may still be fading out).
    const pick = async (testId: string, option: string) => {
      const select = mapping.getByTestId(testId);
      await select.click();
      const list = await select.getByRole("combobox").getAttribute("aria-controls");
      const dropdown = p.locator(".ant-select-dropdown", { has: p.locator(`[id="${list}"]`) });
      await dropdown.locator(".ant-select-item-option", { hasText: option }).click();
      await poll(() =>
        select.locator(".ant-select-content, .ant-select-selection-item").first().textContent(),
      ).toBe(option);
    };
    await pick("map-sheet-taskForces", "专班一览表");
    await pick("map-sheet-tasks", "重点任务台账");
    await pick("map-sheet-readings", "本文件没有此表");
    await pick("map-sheet-supervision", "本文件没有此表");
    await h.shot(p, "ledger-mapping-sheets");
    await mapping.getByTestId("ledger-map-apply").click();
    // The tasks sheet is found now; its WBS column is headed 序号 in this file.
    await mapping.getByTestId("map-column-tasks-code").waitFor();
    await pick("map-column-tasks-code", "序号");
    await mapping.getByTestId("ledger-map-apply").click();
    const outcome = p.getByTestId("ledger-outcome");
    await poll(() => outcome.locator(".ant-alert").first().textContent()).toContain("检查通过");
    expect(await p.getByTestId("ledger-mapping").count()).toBe(0);
    await card.getByTestId("ledger-confirm").click();
    await poll(() => outcome.locator(".ant-alert").first().textContent()).toContain("台账已导入");
    await p.getByTestId("ledger-findings").waitFor();
    expect(await p.getByTestId("ledger-findings").textContent()).toContain("五化检查");
    await h.shot(p, "ledger-mapped-imported");
    // Next time the same file is read with the remembered mapping: nothing to map, nothing changed.
    await p.reload();
    await card
      .locator("input[type=file]")
      .setInputFiles({ name: "本区台账.xlsx", mimeType: XLSX_TYPE, buffer: file });
    await card.getByTestId("ledger-check").click();
    await poll(() => outcome.locator(".ant-alert").first().textContent()).toContain("与系统中的数据一致");
    expect(await p.getByTestId("ledger-mapping").count()).toBe(0);
    await p.context().close();
  }, 90_000);

  it("offers a viewer the downloads but not the import", async () => {
    const p = await h.open("viewer", "/ledger");
    await p.getByTestId("ledger-export").waitFor();
    expect(await p.getByTestId("ledger-import").count()).toBe(0);
    const template = await p.request.get("/api/v1/ledger/template");
    expect(template.headers()["content-type"]).toBe(XLSX_TYPE);
    await p.context().close();
  }, 60_000);
});
