import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGuatu } from "../../../test/cli-run.js";
import { createTestDatabase, type TestDatabase } from "../../../test/db-harness.js";
import { loadDistrictLevel } from "../../../test/district-level.js";
import ExcelJS from "../../domain/excel/exceljs.js";

const dir = mkdtempSync(join(tmpdir(), "guatu-ledger-"));
const db = `sqlite:${join(dir, "demo.db")}`;
/** Databases holding only the district level (goals, district indicators), which the ledger names. */
let empty: string;
let target: string;
const districtOnly: TestDatabase[] = [];
beforeAll(async () => {
  expect(runGuatu(["demo", "--db", db]).code).toBe(0);
  for (let i = 0; i < 2; i++) {
    const t = await createTestDatabase("sqlite");
    await loadDistrictLevel(t.database);
    districtOnly.push(t);
  }
  [empty, target] = districtOnly.map((t) => t.url) as [string, string];
}, 120_000);
afterAll(async () => {
  for (const t of districtOnly) await t.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("guatu export and import", () => {
  it("exports the ledger, imports it into an empty database, and a second import changes nothing", () => {
    const file = join(dir, "台账.xlsx");
    expect(runGuatu(["export", file, "--db", db])).toMatchObject({ code: 0, stdout: `${file}\n` });
    const dry = runGuatu(["import", file, "--db", empty, "--dry-run", "--lang", "en"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("tasks: new 234 · changed 0 · unchanged 0");
    expect(dry.stdout).toContain("(dry run, nothing written)");
    const first = runGuatu(["import", file, "--db", empty, "--lang", "en"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/sha256 [0-9a-f]{64}/);
    const second = runGuatu(["import", file, "--db", empty, "--lang", "zh"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("tasks: 新增 0 · 修改 0 · 不变 234");
    expect(second.stdout).toContain("无变化");
  }, 180_000);

  it("exits 2 with a sheet!cell line per problem, in the chosen language, and writes nothing", async () => {
    const template = join(dir, "模板.xlsx");
    expect(runGuatu(["export", "--template", template]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const row = wb.getWorksheet("任务")!.getRow(3);
    // Task force code, WBS code, title, …, duration (H) as words, deadline (I) as loose text.
    row.values = ["99", "1", "前期工作", null, null, null, null, "五天", "8月底"];
    const bad = join(dir, "有问题.xlsx");
    writeFileSync(bad, Buffer.from(await wb.xlsx.writeBuffer()));
    const zh = runGuatu(["import", bad, "--db", empty, "--lang", "zh"]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain("任务!H3: “五天”不是数字");
    expect(zh.stderr).toContain("任务!I3: “8月底”不是日期");
    const en = runGuatu(["import", bad, "--db", empty, "--lang", "en"]);
    expect(en.stderr).toContain('任务!H3: "五天" is not a number');
    expect(en.stderr).toMatch(/2 problem\(s\); nothing was written/);
    const notXlsx = join(dir, "not.xlsx");
    writeFileSync(notXlsx, "just text");
    expect(runGuatu(["import", notXlsx, "--db", empty, "--lang", "en"]).stderr).toContain(
      "not an .xlsx workbook",
    );
  }, 180_000);

  it("imports an office's own ledger with --map: lists the file's sheets first, remembers the mapping, shows the check's findings", async () => {
    const file = join(dir, "台账-导出.xlsx");
    expect(runGuatu(["export", file, "--db", db]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const name of ["月度实际", "督办事项", "作战图"]) wb.removeWorksheet(wb.getWorksheet(name)!.id);
    const tasks = wb.getWorksheet("任务")!;
    tasks.name = "重点任务台账";
    tasks.spliceRows(2, 1);
    tasks.getRow(1).eachCell((c) => {
      if (c.value === "WBS编码*") c.value = "序号";
    });
    tasks.insertRow(1, ["某区重点任务推进台账"]);
    tasks.mergeCells("A1:K1");
    const own = join(dir, "本区台账.xlsx");
    writeFileSync(own, Buffer.from(await wb.xlsx.writeBuffer()));

    const unmapped = runGuatu(["import", own, "--db", target, "--lang", "zh"]);
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toContain("任务: 缺少工作表“任务”");
    expect(unmapped.stderr).toMatch(/重点任务台账 \(表头行 2\): .*序号/);
    const bad = runGuatu(["import", own, "--db", target, "--map", "任务.不存在=序号"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('no column "不存在" in sheet 任务');

    const maps = [
      "--map",
      "任务=重点任务台账",
      "--map",
      "任务.WBS编码=序号",
      "--map",
      "月度实际=-",
      "--map",
      "督办事项=-",
    ];
    const mapped = runGuatu(["import", own, "--db", target, "--lang", "zh", ...maps]);
    expect(mapped.stderr).toBe("");
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toContain("tasks: 新增 234");
    expect(mapped.stdout).toMatch(/五化检查发现: \d+/);
    // Remembered: the same file imports again without --map, and nothing changes.
    const again = runGuatu(["import", own, "--db", target, "--lang", "zh"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("tasks: 新增 0 · 修改 0 · 不变 234");
  }, 180_000);
});
