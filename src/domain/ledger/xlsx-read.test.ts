import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type * as Excel from "../excel/exceljs.js";
import ExcelJS from "../excel/exceljs.js";
import { readXlsx, type XlsxLimits, type XlsxProblemCode, XlsxReadError } from "./xlsx-read.js";

type Fill = (ws: Excel.Worksheet) => void;

/** A workbook written by exceljs's ordinary writer: sheets by name, each filled by a callback. */
async function buildXlsx(sheets: Record<string, Fill>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, fill] of Object.entries(sheets)) fill(wb.addWorksheet(name));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rewrites parts of a zip (in the given order when `order` is set). */
async function rezip(
  bytes: Buffer,
  edit: Record<string, (xml: string) => string> = {},
  order?: (names: string[]) => string[],
): Promise<Buffer> {
  const src = await JSZip.loadAsync(bytes);
  const names = Object.keys(src.files).filter((n) => !src.files[n]?.dir);
  const out = new JSZip();
  for (const name of order ? order(names) : names) {
    const xml = await src.file(name)!.async("string");
    out.file(name, edit[name] ? edit[name](xml) : xml);
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The refusal readXlsx gives, or fails when it reads the file. */
async function refusal(bytes: Buffer, limits?: Partial<XlsxLimits>): Promise<XlsxReadError> {
  try {
    await readXlsx(bytes, limits ? { limits } : {});
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  throw new Error("the file was read");
}

async function expectCode(bytes: Buffer, code: XlsxProblemCode, limits?: Partial<XlsxLimits>) {
  const e = await refusal(bytes, limits);
  expect(e.code, e.message).toBe(code);
  return e;
}

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("readXlsx", () => {
  it("reads a normal workbook with Chinese sheet names, value by value", async () => {
    const bytes = await buildXlsx({
      任务: (ws) => {
        ws.getCell("A1").value = "年度重点任务台账";
        ws.mergeCells("A1:D1");
        ws.getRow(2).values = ["  任务名称 ", 42, day(2024, 3, 5), true, { formula: "1+1", result: 2 }];
        ws.getCell("C2").numFmt = "yyyy-mm-dd";
        ws.getCell("F2").value = { formula: "B2*2" } as Excel.CellFormulaValue;
        ws.getCell("G2").value = { richText: [{ text: "牵头" }, { font: { bold: true }, text: "单位" }] };
        ws.getCell("H2").value = { error: "#REF!" };
        ws.getCell("I2").value = { text: "链接", hyperlink: "https://example.org" };
        ws.getCell("A3").value = { formula: "B2-42", result: 0 };
        ws.getCell("B3").value = { formula: "1=1", result: true };
        ws.getCell("C3").value = { formula: "C2+7", result: day(2024, 3, 12) };
        ws.getCell("C3").numFmt = "yyyy-mm-dd";
        ws.getCell("D3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
        ws.getCell("E4").value = {
          formula: "A4+1",
          result: 1,
          shareType: "shared",
          ref: "E4:E6",
        } as Excel.CellFormulaValue /* the writer takes these; its types do not */;
        ws.getCell("E5").value = { sharedFormula: "E4", result: 2 };
        ws.getCell("E6").value = { sharedFormula: "E4", result: 3 };
      },
      统计: (ws) => {
        ws.getCell("B2").value = 3.5;
      },
    });
    const { sheets } = await readXlsx(bytes);
    expect(sheets.map((s) => s.name)).toEqual(["任务", "统计"]);
    const [tasks, stats] = sheets;
    expect(tasks?.merges).toEqual(["A1:D1"]);
    expect(tasks?.rows[0]).toEqual([{ value: "年度重点任务台账" }]);
    expect(tasks?.rows[1]).toStrictEqual([
      { value: "  任务名称 " },
      { value: 42 },
      { value: day(2024, 3, 5) },
      { value: true },
      { value: 2, formula: "1+1" },
      { value: null, formula: "B2*2" },
      { value: "牵头单位" },
      { value: null, error: "#REF!" },
      { value: "链接" },
    ]);
    expect(tasks?.rows[2]).toStrictEqual([
      { value: 0, formula: "B2-42" },
      { value: true, formula: "1=1" },
      { value: day(2024, 3, 12), formula: "C2+7" },
      { value: null, error: "#DIV/0!", formula: "1/0" },
    ]);
    expect(tasks?.rows.slice(3).map((r) => r?.[4])).toStrictEqual([
      { value: 1, formula: "A4+1" },
      { value: 2, formula: "A5+1" },
      { value: 3, formula: "A6+1" },
    ]);
    expect(stats).toEqual({ name: "统计", rows: [null, [null, { value: 3.5 }]], merges: [] });
  });

  it("keeps long Chinese text whole, whatever the zip's chunk boundaries (exceljs split UTF-8 there)", async () => {
    // Three-byte characters at every offset: some straddle the stream's chunk boundaries.
    const texts = Array.from(
      { length: 400 },
      (_, i) => `${"专班".repeat(i % 7)}项目前期经费${i}：${"督办整改".repeat(40 + (i % 13))}`,
    );
    const bytes = await buildXlsx({
      任务: (ws) => {
        texts.forEach((t, i) => {
          ws.getCell(i + 1, 1).value = t;
        });
      },
    });
    const wb = await readXlsx(bytes);
    const got = wb.sheets[0]!.rows.map((r) => r?.[0]?.value);
    expect(got.filter((v) => typeof v === "string" && v.includes("\uFFFD"))).toEqual([]);
    expect(got).toEqual(texts);
  });

  it("tells a date-formatted cell from a plain number, also with Excel's built-in Chinese date format", async () => {
    const base = await buildXlsx({
      任务: (ws) => {
        ws.getRow(1).values = [45356, 45356, 45356];
        ws.getCell("B1").numFmt = "yyyy-mm-dd";
        ws.getCell("C1").numFmt = 'yyyy"年"m"月"d"日"';
      },
    });
    // exceljs writes the Chinese format as custom id 164; Chinese Excel uses built-in id 31 with no code.
    const bytes = await rezip(base, {
      "xl/styles.xml": (xml) =>
        xml
          .replace(/<numFmt numFmtId="(\d+)" formatCode="yyyy&quot;年[^"]*"\/>/, "")
          .replace(/numFmtId="165"/g, 'numFmtId="31"'),
    });
    const styles = await (await JSZip.loadAsync(bytes)).file("xl/styles.xml")!.async("string");
    expect(styles).toContain('numFmtId="31"');
    expect(styles).not.toContain("年");
    const row = (await readXlsx(bytes)).sheets[0]?.rows[0];
    expect(row).toStrictEqual([{ value: 45356 }, { value: day(2024, 3, 5) }, { value: day(2024, 3, 5) }]);
  });

  it("names sheets right when the relationships use absolute targets", async () => {
    const base = await buildXlsx({ 任务: (ws) => (ws.getCell("A1").value = 1) });
    const bytes = await rezip(base, {
      "xl/_rels/workbook.xml.rels": (xml) => xml.replace('Target="worksheets/', 'Target="/xl/worksheets/'),
    });
    expect((await readXlsx(bytes)).sheets.map((s) => s.name)).toEqual(["任务"]);
  });

  it("reads a 20,000-row sheet completely and reports progress every 1000 rows", async () => {
    const bytes = await buildXlsx({
      任务: (ws) => {
        for (let i = 1; i <= 20_000; i++) ws.addRow([`任务${i}`, i, i % 2 === 0]);
      },
    });
    const seen: number[] = [];
    const { sheets } = await readXlsx(bytes, { onProgress: (n) => seen.push(n) });
    const rows = sheets[0]?.rows ?? [];
    expect(rows).toHaveLength(20_000);
    expect(rows[19_999]).toEqual([{ value: "任务20000" }, { value: 20_000 }, { value: true }]);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 1000));
  });

  it("passes an exception thrown by onProgress through unchanged, so a caller can abort", async () => {
    const bytes = await buildXlsx({ 任务: (ws) => ws.addRows(Array.from({ length: 1500 }, (_, i) => [i])) });
    const stop = new Error("cancelled by the user");
    await expect(
      readXlsx(bytes, {
        onProgress: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
  });

  it("refuses an empty buffer, random bytes and a PDF", async () => {
    await expectCode(Buffer.alloc(0), "EMPTY_FILE");
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    await expectCode(random, "NOT_XLSX");
    await expectCode(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n"), "NOT_XLSX");
  });

  it("refuses a password-protected workbook, and an .xls, by their OLE headers", async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = Buffer.concat([
      ole,
      Buffer.alloc(504),
      Buffer.from("EncryptionInfo", "utf16le"),
      Buffer.alloc(64),
    ]);
    const e = await expectCode(encrypted, "ENCRYPTED");
    expect(e.message).toMatch(/password/);
    const xls = Buffer.concat([ole, Buffer.alloc(504), Buffer.from("Workbook", "utf16le"), Buffer.alloc(64)]);
    expect((await expectCode(xls, "NOT_XLSX")).message).toMatch(/\.xls/);
  });

  it("refuses a zip that is not a workbook", async () => {
    await expectCode(await zipOf({ "word/document.xml": "<w:document/>" }), "NOT_XLSX");
  });

  it("refuses zip bombs by ratio and by total size", async () => {
    const zeros = await zipOf({
      "xl/workbook.xml": "<workbook/>",
      "xl/zeros.bin": Buffer.alloc(5 * 1024 * 1024),
    });
    await expectCode(zeros, "ZIP_BOMB", { maxRatio: 100 });
    await expectCode(zeros, "ZIP_BOMB", { maxUncompressedBytes: 1024 * 1024 });
  });

  it("refuses an entry that inflates past the size its headers declare", async () => {
    const bytes = await zipOf({ "xl/workbook.xml": "<workbook/>", "xl/zeros.bin": Buffer.alloc(512 * 1024) });
    // Claim 1000 bytes for xl/zeros.bin in both the local header and the central directory.
    for (let at = bytes.indexOf("xl/zeros.bin"); at >= 0; at = bytes.indexOf("xl/zeros.bin", at + 1)) {
      const local = bytes.readUInt32LE(at - 30) === 0x04034b50;
      bytes.writeUInt32LE(1000, local ? at - 8 : at - 22);
    }
    await expectCode(bytes, "ZIP_BOMB");
  });

  it("refuses a file over maxBytes and a ZIP64 size marker as TOO_LARGE", async () => {
    const bytes = await buildXlsx({ 任务: (ws) => (ws.getCell("A1").value = 1) });
    await expectCode(bytes, "TOO_LARGE", { maxBytes: 100 });
    const cd = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const marked = Buffer.from(bytes);
    marked.writeUInt32LE(0xffffffff, cd + 24);
    await expectCode(marked, "TOO_LARGE");
  });

  it("refuses truncated and corrupted files as UNREADABLE", async () => {
    const bytes = await buildXlsx({ 任务: (ws) => ws.addRow(["x", 1]) });
    await expectCode(bytes.subarray(0, Math.floor(bytes.length / 2)), "UNREADABLE");
    const corrupt = Buffer.from(bytes);
    const at = corrupt.indexOf("xl/worksheets/sheet1.xml") + "xl/worksheets/sheet1.xml".length;
    corrupt.fill(0xff, at + 10, at + 40); // inside the deflate data of the sheet
    await expectCode(corrupt, "UNREADABLE");
  });

  it("refuses an XML entity bomb without expanding it", async () => {
    const base = await buildXlsx({ 任务: (ws) => (ws.getCell("A1").value = "x") });
    const lol = `<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${"b".repeat(i + 1)} "${`&${i === 0 ? "a" : "b".repeat(i)};`.repeat(10)}">`).join("")}]>`;
    const bytes = await rezip(base, {
      "xl/sharedStrings.xml": (xml) =>
        xml.replace("?>", `?>${lol}`).replace(/<t>x<\/t>/, `<t>&${"b".repeat(9)};</t>`),
    });
    await expectCode(bytes, "UNREADABLE");
  });

  it("refuses a row with 200 columns, naming the place", async () => {
    const bytes = await buildXlsx({ 任务: (ws) => ws.addRow(Array.from({ length: 200 }, (_, i) => i)) });
    const e = await expectCode(bytes, "TOO_MANY_COLUMNS");
    expect(e.where).toEqual({ sheet: "任务", row: 0, column: 100 });
  });

  it("refuses a cell beyond Excel's last column without building columns up to it", async () => {
    const base = await buildXlsx({ 任务: (ws) => (ws.getCell("A1").value = 1) });
    const bytes = await rezip(base, {
      "xl/worksheets/sheet1.xml": (xml) => xml.replace('<c r="A1">', '<c r="ZZZZZZ1"/><c r="A1">'),
    });
    await expectCode(bytes, "TOO_MANY_COLUMNS");
  });

  it("refuses a 1 MB text cell, naming sheet, row and column", async () => {
    const bytes = await buildXlsx({
      说明: (ws) => (ws.getCell("A1").value = "ok"),
      // Varied text: one character repeated would compress past maxRatio and be refused as a bomb.
      任务: (ws) =>
        (ws.getCell("C4").value = Array.from({ length: 1_000_000 }, (_, i) =>
          String.fromCharCode(0x4e00 + ((i * 7919) % 20_000)),
        ).join("")),
    });
    const e = await expectCode(bytes, "CELL_TOO_LONG");
    expect(e.where).toEqual({ sheet: "任务", row: 3, column: 2 });
  });

  it("refuses more rows than maxRows", async () => {
    const bytes = await buildXlsx({ 任务: (ws) => ws.addRows(Array.from({ length: 50 }, (_, i) => [i])) });
    await expectCode(bytes, "TOO_LARGE", { maxRows: 20 });
  });

  it("reads parts stored in an order that trips exceljs (a sheet before workbook.xml and styles.xml)", async () => {
    const base = await buildXlsx({
      任务: (ws) => {
        ws.getRow(1).values = ["x", day(2024, 3, 5)];
        ws.getCell("B1").numFmt = "yyyy-mm-dd";
      },
    });
    const first = ["xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"];
    const bytes = await rezip(base, {}, (names) => [...first, ...names.filter((n) => !first.includes(n))]);
    const { sheets } = await readXlsx(bytes);
    expect(sheets).toEqual([
      { name: "任务", rows: [[{ value: "x" }, { value: day(2024, 3, 5) }]], merges: [] },
    ]);
  });

  it("reads a workbook without a shared-strings part", async () => {
    const base = await buildXlsx({ 任务: (ws) => ws.addRow([1, 2]) });
    const bytes = await rezip(base, {}, (names) => names.filter((n) => n !== "xl/sharedStrings.xml"));
    expect((await readXlsx(bytes)).sheets[0]?.rows).toEqual([[{ value: 1 }, { value: 2 }]]);
  });

  it("leaves no temp files behind when it stops in the middle of a sheet", async () => {
    const ours = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));
    const before = ours();
    // exceljs's writer stores sheets before shared strings, the order that sends exceljs to temp files.
    const bytes = await buildXlsx({
      任务: (ws) => ws.addRows(Array.from({ length: 3000 }, (_, i) => [i, "x"])),
    });
    await expectCode(bytes, "TOO_LARGE", { maxRows: 1000 });
    expect(ours()).toEqual(before);
  });

  it("ends every mutated file in a value or an XlsxReadError", async () => {
    const base = await buildXlsx({
      任务: (ws) => {
        ws.addRow(["任务", 1, { formula: "B1*2", result: 2 }]);
        ws.mergeCells("A2:B2");
      },
    });
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 150; i++) {
      const bytes = Buffer.from(base);
      for (let k = 0; k < 1 + (i % 4); k++) bytes[next() % bytes.length] = next() % 256;
      await readXlsx(bytes).catch((e: unknown) => {
        if (!(e instanceof XlsxReadError)) throw e;
      });
    }
  });
});
