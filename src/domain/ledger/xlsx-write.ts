/**
 * Writes the ledger workbook: Chinese headers with the English key in a second header row (and a
 * comment with the column's hint), frozen header rows, drop-down lists for every enum column, date
 * cells as real dates. The same writer makes the empty template and the export.
 */

import { PassThrough } from "node:stream";
import type { LedgerValue } from "../../engines/ledger/read-ledger.js";
import { type ColumnSpec, SHEETS, type SheetKey, type SheetSpec } from "../../engines/ledger/sheets.js";
import { columnLetters } from "../../engines/ledger/workbook.js";
import type * as Excel from "../excel/exceljs.js";
import ExcelJS from "../excel/exceljs.js";

/** Rows to write per sheet, each a value per column key (enum cells: the value, written as its label). */
export type LedgerSheets = Partial<
  Readonly<Record<SheetKey, readonly Readonly<Record<string, LedgerValue>>[]>>
>;

/** The header rows' fill, shared by the export's extra sheets. */
export const HEADER_FILL: Excel.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const KEY_FONT: Partial<Excel.Font> = { color: { argb: "FF808080" }, italic: true, size: 9 };
/** The rows the template offers drop-downs and date formats on. */
const TEMPLATE_ROWS = 2000;

function cellValue(col: ColumnSpec, v: LedgerValue | undefined): Excel.CellValue {
  if (v === null || v === undefined) return null;
  if (col.type.kind === "enum") return col.type.values.find((e) => e.value === v)?.zh ?? String(v);
  if (col.type.kind === "date" && typeof v === "string") return new Date(`${v}T00:00:00.000Z`);
  return typeof v === "object" ? v.join("、") : v;
}

/** A worksheet of exceljs's streaming writer: rows go out as they are committed. */
export type StreamSheet = ReturnType<Excel.WorkbookWriter["addWorksheet"]>;

/**
 * The ledger as xlsx bytes: every sheet, with `data`'s rows (none: the empty template), then the
 * sheets `extra` adds. Written by exceljs's streaming writer, row by row with inline strings: a
 * province's ledger held as a workbook model took 1.8 GB.
 */
export async function writeLedgerXlsx(
  data: LedgerSheets = {},
  extra?: (wb: Excel.WorkbookWriter) => Promise<void>,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = "Guatu";
  for (const spec of SHEETS) await writeSheet(wb, spec, data[spec.key] ?? []);
  if (extra) await extra(wb);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

async function writeSheet(
  wb: Excel.WorkbookWriter,
  spec: SheetSpec,
  rows: readonly Readonly<Record<string, LedgerValue>>[],
): Promise<void> {
  const ws = wb.addWorksheet(spec.zh, { views: [{ state: "frozen", ySplit: 2 }] });
  // One style object per column, given to every cell of it: exceljs finds a style by the object's
  // identity first, and the copy it gives each new cell would cost a full lookup (a second at 140,000 rows).
  const styles = spec.columns.map(columnStyle);
  ws.columns = spec.columns.map((c, i) => ({
    key: c.key,
    width: Math.min(
      40,
      Math.max(10, c.zh.length * 2 + 4, c.type.kind === "text" && c.type.max > 200 ? 30 : 0),
    ),
    style: styles[i],
  }));
  const last = Math.max(TEMPLATE_ROWS, rows.length + 2);
  type Validations = { add(range: string, v: Excel.DataValidation): void };
  // exceljs keeps a sheet's validations in `dataValidations` (its typings leave the member out).
  const validations = (ws as unknown as { dataValidations: Validations }).dataValidations;
  spec.columns.forEach((c, i) => {
    if (c.type.kind !== "enum") return;
    const letter = columnLetters(i);
    // One validation over the column's data range (not one per cell: the file stays small).
    validations.add(`${letter}3:${letter}${last}`, {
      type: "list",
      allowBlank: !c.required,
      formulae: [`"${c.type.values.map((e) => e.zh).join(",")}"`],
      showErrorMessage: true,
      errorTitle: "请从下拉列表中选择",
      error: `可选：${c.type.values.map((e) => e.zh).join("、")}`,
    });
  });
  const head = ws.getRow(1);
  const keys = ws.getRow(2);
  spec.columns.forEach((c, i) => {
    const h = head.getCell(i + 1);
    h.value = c.required ? `${c.zh}*` : c.zh;
    h.font = { bold: true, color: c.createOnly ? { argb: "FF808080" } : undefined };
    h.fill = HEADER_FILL;
    h.note = c.hint ? `${c.en}\n${c.hint}` : c.en;
    const k = keys.getCell(i + 1);
    k.value = c.en;
    k.font = KEY_FONT;
  });
  head.commit();
  keys.commit();
  for (const values of rows) {
    const row = ws.addRow(spec.columns.map((c) => cellValue(c, values[c.key])));
    for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i]!;
    row.commit();
  }
  ws.commit();
}

/** A column's number format: dates as dates, text kept as text (a code like 01.10 stays 01.10). */
function columnStyle(c: ColumnSpec): Partial<Excel.Style> {
  if (c.type.kind === "date") return { numFmt: "yyyy-mm-dd" };
  if (c.type.kind === "month" || c.type.kind === "text" || c.type.kind === "list") return { numFmt: "@" };
  return {};
}
