/**
 * The safe door for an uploaded .xlsx ledger: bytes in, plain WorkbookData out, or a typed
 * XlsxReadError. Two passes. The first is ours: the zip checks in xlsx-zip.ts, then the scan of the
 * parts in xlsx-scan.ts, which picks up what exceljs's streaming reader drops. The second, here,
 * streams the same zip records through exceljs, workbook parts first, and keeps only plain rows.
 */
import type { EventEmitter } from "node:events";
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import {
  type Cell,
  columnLetters,
  type SheetData,
  type WorkbookData,
} from "../../engines/ledger/workbook.js";
import type * as Excel from "../excel/exceljs.js";
import ExcelJS from "../excel/exceljs.js";
import { cellKey, inspect, type Plan, type PlannedSheet, tooManyColumns } from "./xlsx-scan.js";
import {
  DEFAULT_LIMITS,
  readZipDirectory,
  recordsForExceljs,
  sniff,
  unreadable,
  type XlsxLimits,
  XlsxReadError,
} from "./xlsx-zip.js";

export { DEFAULT_LIMITS, type XlsxLimits, type XlsxProblemCode, XlsxReadError } from "./xlsx-zip.js";

/**
 * Reads the workbook; onProgress(rowsRead) is called every 1000 rows. Rejects with XlsxReadError
 * only; an exception thrown by onProgress is passed through unchanged, so a caller can abort.
 */
export async function readXlsx(
  bytes: Buffer,
  o: { limits?: Partial<XlsxLimits>; onProgress?: (rows: number) => void } = {},
): Promise<WorkbookData> {
  const limits = { ...DEFAULT_LIMITS, ...o.limits };
  try {
    sniff(bytes, limits);
    const plan = await inspect(bytes, readZipDirectory(bytes, limits), limits);
    return { sheets: await streamSheets(bytes, plan, limits, o.onProgress) };
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    if (e instanceof CallerError) throw e.cause;
    throw unreadable(
      `The file could not be read as a workbook: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Pass 2: stream the sheets through exceljs

const requireCjs = createRequire(import.meta.url);
// exceljs is pinned (4.4.0) and has no "exports" map; these are the helpers its own reader uses.
const excelUtils = requireCjs("exceljs/lib/utils/utils.js") as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(serial: number, date1904: boolean): Date;
};
// exceljs internals (CommonJS, untyped): pinned at 4.4.0, guarded by xlsx-read.test.ts.
const { slideFormula } = requireCjs("exceljs/lib/utils/shared-formula.js") as {
  slideFormula(formula: string, from: string, to: string): string;
};
/**
 * Excel's built-in East Asian date formats (ids 27–36, 50–58, e.g. 31 = yyyy"年"m"月"d"日") carry no
 * code in exceljs's table, so their cells would read as plain numbers. Chinese Excel uses them.
 */
const EAST_ASIAN_DATE_FORMATS = Object.entries(
  // exceljs's built-in number formats by id (an untyped internal table).
  requireCjs("exceljs/lib/xlsx/defaultnumformats.js") as Record<string, Record<string, string>>,
).flatMap(([id, f]) => (f.f === undefined && f["zh-cn"] ? [[Number(id), f["zh-cn"]] as const] : []));

interface ReaderInternals {
  styles?: { index?: { numFmt?: Record<number, string | undefined> } };
}

/** Wraps an exception from the caller's onProgress, so it is not reported as an unreadable file. */
class CallerError {
  constructor(readonly cause: unknown) {}
}

interface SheetContext {
  readonly limits: XlsxLimits;
  readonly date1904: boolean;
  readonly sheet: PlannedSheet;
  /** Shared-formula groups met so far: si → the group's formula and its cell. */
  readonly groups: Map<number, { formula: string; address: string }>;
}

async function streamSheets(
  bytes: Buffer,
  plan: Plan,
  limits: XlsxLimits,
  onProgress?: (rows: number) => void,
): Promise<SheetData[]> {
  const input = Readable.from(recordsForExceljs(bytes, plan.zip));
  let sheetNo = "";
  const reader = openReader(input, (n) => {
    sheetNo = n;
  });
  const read = new Map<string, SheetData>();
  const progress: Progress = { rows: 0, onProgress };
  try {
    for await (const worksheet of reader) {
      const sheet = plan.sheets.find((s) => s.path === `xl/worksheets/sheet${sheetNo}.xml`);
      const ctx: SheetContext | undefined = sheet && {
        limits,
        date1904: plan.date1904,
        sheet,
        groups: new Map(),
      };
      const rows: PlainRow[] = [];
      for await (const row of worksheet) {
        // Unlisted parts (not a tab of the workbook) are read through, and dropped.
        if (ctx) readRow(row, rows, ctx, progress);
      }
      if (sheet) read.set(sheet.path, { name: sheet.name, rows, merges: sheet.facts.merges });
    }
  } finally {
    input.destroy();
  }
  return plan.sheets.map((s) => {
    const data = read.get(s.path);
    if (!data) throw unreadable(`The sheet "${s.name}" could not be read.`);
    return data;
  });
}

type PlainRow = (Cell | null)[] | null;

/**
 * exceljs's streaming reader; onWorksheet gets N of sheetN.xml from the "entry" event that comes
 * just before each sheet is yielded. The reader's own name is "SheetN" whenever its rels lookup
 * fails (e.g. an absolute Target), so names come from pass 1.
 */
function openReader(input: Readable, onWorksheet: (sheetNo: string) => void) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "emit",
  });
  // The streaming reader is an EventEmitter and keeps its styles internally; its typings show neither.
  (reader as unknown as EventEmitter).on("entry", (e: { type: string; id?: unknown }) => {
    if (e.type !== "worksheet") return;
    onWorksheet(String(e.id));
    const numFmt = (reader as unknown as ReaderInternals).styles?.index?.numFmt; // see above
    for (const [id, code] of EAST_ASIAN_DATE_FORMATS)
      if (numFmt && numFmt[id] === undefined) numFmt[id] = code;
  });
  return reader;
}

function readRow(row: Excel.Row, rows: PlainRow[], ctx: SheetContext, progress: Progress): void {
  const { limits, sheet } = ctx;
  const r = row.number - 1;
  if (!Number.isInteger(r) || r < 0)
    throw unreadable(`Sheet "${sheet.name}" has a row without a valid number.`);
  if (r >= limits.maxRows || ++progress.rows > limits.maxRows) {
    throw new XlsxReadError("TOO_LARGE", `The workbook has more than ${limits.maxRows} rows.`);
  }
  reportProgress(progress);
  const cells: (Cell | null)[] = [];
  const visit = (cell: Excel.Cell, colNumber: number) => {
    const c = colNumber - 1;
    const mapped = toCell(cell, r, c, ctx);
    if (!mapped) return;
    if (c >= limits.maxColumns) throw tooManyColumns(sheet.name, r, c, limits);
    while (cells.length < c) cells.push(null);
    cells[c] = mapped;
  };
  // Pass 1 refused content past maxColumns; a long row of empty styled cells would only make
  // eachCell walk a sparse array of up to 16,384 slots.
  if (row.cellCount <= limits.maxColumns) row.eachCell(visit);
  else {
    for (let col = 1; col <= limits.maxColumns; col++) {
      const cell = row.findCell(col);
      if (cell) visit(cell, col);
    }
  }
  if (cells.length === 0) return;
  while (rows.length < r) rows.push(null);
  rows[r] = cells;
}

interface Progress {
  rows: number;
  onProgress?: ((rows: number) => void) | undefined;
}

function reportProgress(progress: Progress): void {
  if (progress.rows % 1000 !== 0 || !progress.onProgress) return;
  try {
    progress.onProgress(progress.rows);
  } catch (e) {
    throw new CallerError(e);
  }
}

/** One exceljs cell as a plain Cell; null when empty. */
function toCell(cell: Excel.Cell, r: number, c: number, ctx: SheetContext): Cell | null {
  const v: unknown = cell.value;
  if (v === null || v === undefined) return null;
  let out: Cell;
  if (typeof v !== "object" || v instanceof Date) out = scalar(v);
  else if ("formula" in v || "sharedFormula" in v)
    out = formulaCell(v as FormulaModel, cell, r, c, ctx); // the keys checked make it one
  else if ("richText" in v) out = { value: plainText(v) };
  else if ("error" in v) out = { value: null, error: String(v.error) };
  else if ("text" in v)
    out = { value: plainText(v.text) }; // a hyperlink: keep its text
  else if ("sharedString" in v)
    throw unreadable("A cell refers to a shared string the file does not contain.");
  else throw unreadable(`Sheet "${ctx.sheet.name}": a cell holds content this reader does not know.`);
  const text = typeof out.value === "string" ? out.value : "";
  if (text.length > ctx.limits.maxCellChars || (out.formula?.length ?? 0) > ctx.limits.maxCellChars) {
    const sheet = ctx.sheet.name;
    throw new XlsxReadError(
      "CELL_TOO_LONG",
      `Sheet "${sheet}", cell ${columnLetters(c)}${r + 1} holds over ${ctx.limits.maxCellChars} characters.`,
      { sheet, row: r, column: c },
    );
  }
  return out;
}

interface FormulaModel {
  formula?: string;
  result?: unknown;
}

function formulaCell(v: FormulaModel, cell: Excel.Cell, r: number, c: number, ctx: SheetContext): Cell {
  const fact = ctx.sheet.facts.formulas.get(cellKey(r + 1, c + 1));
  let formula = v.formula || undefined;
  if (fact?.si !== undefined) {
    const address = `${columnLetters(c)}${r + 1}`;
    const group = ctx.groups.get(fact.si);
    if (fact.master && formula) ctx.groups.set(fact.si, { formula, address });
    else if (!formula && group) formula = slideFormula(group.formula, group.address, address);
  }
  const withFormula = (value: Cell): Cell => (formula === undefined ? value : { ...value, formula });
  if (fact?.t === "e") return withFormula({ value: null, error: fact.v || "#VALUE!" });
  if (fact?.t === "b")
    return withFormula({ value: fact.v === undefined ? null : fact.v !== "0" && fact.v !== "false" });
  let result = v.result;
  if (result === undefined && fact?.t === "n" && fact.v !== undefined) result = Number(fact.v);
  // The streaming reader turns only plain numbers into dates; a date-formatted formula result too.
  if (typeof result === "number" && excelUtils.isDateFmt(cell.numFmt)) {
    result = excelUtils.excelToDate(result, ctx.date1904);
  }
  return withFormula(result === undefined || result === null ? { value: null } : scalar(result));
}

function scalar(v: unknown): Cell {
  if (typeof v === "string" || typeof v === "boolean") return { value: v };
  if (typeof v === "number" && Number.isFinite(v)) return { value: v };
  if (v instanceof Date && !Number.isNaN(v.getTime())) return { value: v };
  return { value: null, error: "#NUM!" }; // not a number, or a date Excel cannot show
}

function plainText(v: unknown): string {
  if (typeof v === "string") return v;
  // Rich text, or a hyperlink whose text may be rich: exceljs's value shapes, read defensively.
  const runs = (v as { richText?: { text?: string | null }[] } | null)?.richText;
  return Array.isArray(runs) ? runs.map((run) => run.text ?? "").join("") : String(v ?? "");
}
