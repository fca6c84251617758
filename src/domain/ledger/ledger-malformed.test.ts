import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../../test/db-harness.js";
import { problemAddress } from "../../engines/ledger/read-ledger.js";
import { detailText } from "../../shared/messages.js";
import { serviceContext } from "../context.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import type * as Excel from "../excel/exceljs.js";
import ExcelJS from "../excel/exceljs.js";
import { exportLedger, importLedger } from "./ledger.service.js";

/**
 * Every malformed workbook the issue names, imported for real (not a dry run) into the demo
 * district at the reader's default limits: each is refused with the right place and a message in
 * Chinese and English, and the database stays byte-for-byte as it was.
 */
type Edit = (wb: Excel.Workbook) => void;
/** Task sheet columns: A 专班编码, B WBS编码, C 任务名称, D 上级WBS编码, E 责任单位编码, F 责任人, H 工期, I 截止日期. */
const tasks = (wb: Excel.Workbook) => wb.getWorksheet("任务")!;
const cell =
  (address: string, value: Excel.CellValue): Edit =>
  (wb) => {
    tasks(wb).getCell(address).value = value;
  };
const varied = (n: number) =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join("");

interface Case {
  readonly name: string;
  readonly edit?: Edit;
  readonly bytes?: () => Promise<Buffer>;
  /** The first problem's address and key, and words of its Chinese and English messages. */
  readonly at: string | RegExp;
  readonly key: string;
  readonly zh: string;
  readonly en: string;
}

const CASES: readonly Case[] = [
  {
    name: "a missing sheet",
    edit: (wb) => wb.removeWorksheet(wb.getWorksheet("前置关系")!.id),
    at: "前置关系",
    key: "ledgerMissingSheet",
    zh: "缺少工作表“前置关系”",
    en: 'no sheet "前置关系"',
  },
  {
    name: "a wrong header",
    // Both header rows: the English key row alone would still name the column.
    edit: (wb) => {
      tasks(wb).getCell("C1").value = "任务标题";
      tasks(wb).getCell("C2").value = "caption";
    },
    at: "任务!1",
    key: "ledgerMissingColumn",
    zh: "没有“任务名称”列",
    en: 'no column "任务名称"',
  },
  {
    name: "a text date",
    edit: cell("I3", "8月底"),
    at: "任务!I3",
    key: "ledgerNotDate",
    zh: "不是日期",
    en: "not a date",
  },
  {
    name: "an out-of-range serial date",
    edit: cell("I3", 9_999_999),
    at: "任务!I3",
    key: "ledgerBadSerial",
    zh: "9999999",
    en: "9999999",
  },
  {
    name: "a date before 2000",
    edit: cell("I3", new Date(Date.UTC(1999, 11, 31))),
    at: "任务!I3",
    key: "ledgerDateRange",
    zh: "1999-12-31",
    en: "1999-12-31",
  },
  {
    name: "a duplicate code",
    edit: (wb) => {
      tasks(wb).getCell("B4").value = tasks(wb).getCell("B3").value;
    },
    at: "任务!B4",
    key: "ledgerDuplicate",
    zh: "第 3 行",
    en: "row 3",
  },
  {
    name: "an unknown person",
    edit: cell("F3", "查无此人"),
    at: "任务!F3",
    key: "ledgerUnknownPerson",
    zh: "查无此人",
    en: "查无此人",
  },
  {
    name: "an unknown unit",
    edit: cell("E3", "NO-SUCH-UNIT"),
    at: "任务!E3",
    key: "ledgerUnknownCode",
    zh: "NO-SUCH-UNIT",
    en: "NO-SUCH-UNIT",
  },
  {
    name: "a parent code that does not exist",
    edit: cell("D4", "99.9"),
    at: "任务!D4",
    key: "ledgerUnknownCode",
    zh: "99.9",
    en: "99.9",
  },
  {
    name: "a dependency cycle",
    edit: (wb) => {
      const deps = wb.getWorksheet("前置关系")!;
      const first = deps.getRow(3);
      const [tf, pred, succ] = [first.getCell(1).value, first.getCell(2).value, first.getCell(3).value];
      deps.addRow([tf, succ, pred, "完成-开始", 0]);
    },
    at: /^前置关系!C\d+$/,
    key: "ledgerCycle",
    zh: "→",
    en: "→",
  },
  {
    name: "text in a number column",
    edit: cell("H3", "五天"),
    at: "任务!H3",
    key: "ledgerNotNumber",
    zh: "“五天”不是数字",
    en: '"五天" is not a number',
  },
  {
    name: "a formula saved without its value",
    edit: cell("H4", { formula: "2+3" } as Excel.CellValue),
    at: "任务!H4",
    key: "ledgerFormulaNoValue",
    zh: "2+3",
    en: "=2+3",
  },
  {
    name: "merged cells among the data rows",
    edit: (wb) => tasks(wb).mergeCells("K3:K4"),
    at: "任务!K3",
    key: "ledgerMerged",
    zh: "合并",
    en: "merged",
  },
  {
    name: "a 1 MB cell",
    edit: cell("K3", varied(1_000_000)),
    at: "任务!K3",
    key: "ledgerFile",
    zh: "过长",
    en: "too long",
  },
  {
    name: "200 columns",
    edit: (wb) => {
      const row = tasks(wb).getRow(3);
      for (let c = 12; c <= 200; c++) row.getCell(c).value = c;
    },
    at: "任务!CW3",
    key: "ledgerFile",
    zh: "列数过多",
    en: "too many columns",
  },
  {
    name: "an empty file",
    bytes: async () => Buffer.alloc(0),
    at: "x.xlsx",
    key: "ledgerFile",
    zh: "空",
    en: "empty",
  },
  {
    name: "a file that is not xlsx",
    bytes: async () => Buffer.from("%PDF-1.7\n"),
    at: "x.xlsx",
    key: "ledgerFile",
    zh: ".xlsx",
    en: ".xlsx",
  },
  {
    name: "a password-protected file",
    bytes: async () =>
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
        Buffer.from("EncryptionInfo", "utf16le"),
        Buffer.alloc(64),
      ]),
    at: "x.xlsx",
    key: "ledgerFile",
    zh: "密码",
    en: "password",
  },
  {
    name: "a zip bomb",
    bytes: async () => {
      const zip = new JSZip();
      zip.file("[Content_Types].xml", "<Types/>");
      zip.file("xl/workbook.xml", "<workbook/>");
      zip.file("xl/worksheets/sheet1.xml", Buffer.alloc(64 * 1024 * 1024));
      return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    },
    at: "x.xlsx",
    key: "ledgerFile",
    zh: "过大",
    en: "far too much",
  },
];

describe.each(dialects)("malformed ledgers on %s", (dialect) => {
  let t: TestDatabase;
  let exported: Buffer;
  let before: string;
  const at = () => "2022-08-15T01:00:00.000Z";

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await loadDemo(serviceContext(t.database, "demo", at), buildDemoDataset());
    exported = await exportLedger(serviceContext(t.database, "test", at));
    before = await snapshot(t.database);
  }, 120_000);
  afterAll(() => t?.drop());

  it.each(CASES)(
    "refuses $name by place, in Chinese and English, and writes nothing",
    async (c) => {
      let bytes: Buffer;
      if (c.bytes) bytes = await c.bytes();
      else {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(exported as never);
        c.edit?.(wb);
        bytes = Buffer.from(await wb.xlsx.writeBuffer());
      }
      const r = await importLedger(serviceContext(t.database, "test", at), bytes, { fileName: "x.xlsx" });
      expect(r.written).toBe(false);
      const p = r.problems.find((x) => x.key === c.key);
      expect(p, JSON.stringify(r.problems.slice(0, 3))).toBeDefined();
      expect(problemAddress(p!)).toMatch(
        typeof c.at === "string" ? new RegExp(`^${c.at.replace(/[.!]/g, "\\$&")}$`) : c.at,
      );
      const detail = { path: "", message: p!.message, key: p!.key, params: p!.params };
      expect(detailText(detail, "zh")).toContain(c.zh);
      expect(detailText(detail, "en")).toContain(c.en);
      expect(await snapshot(t.database)).toBe(before);
    },
    60_000,
  );

  it("takes a formula's saved value, and finds moved columns by their headers", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as never);
    const ws = tasks(wb);
    const duration = ws.getCell("H4").value;
    ws.getCell("H4").value = { formula: `${duration}+0`, result: duration } as Excel.CellValue;
    // Swap 任务名称 (C) and 上级WBS编码 (D), header and data alike.
    ws.eachRow((row) => {
      const [c, d] = [row.getCell(3).value, row.getCell(4).value];
      row.getCell(3).value = d;
      row.getCell(4).value = c;
    });
    const r = await importLedger(
      serviceContext(t.database, "test", at),
      Buffer.from(await wb.xlsx.writeBuffer()),
      {
        dryRun: true,
      },
    );
    expect(r.problems).toEqual([]);
    expect(r.counts.tasks.update).toBe(0);
  }, 60_000);
});
