/**
 * Reads a ledger workbook (plain cells) into typed rows per sheet, collecting every problem with
 * its sheet, row and column instead of stopping at the first: one problem means nothing is written,
 * and the user fixes them all in one pass.
 */
import { bad, type Coerced, coerce, type LedgerValue, normalise, type Params } from "./cell-value.js";
import { type LedgerMapping, mappedHeaders, NO_MAPPING } from "./mapping.js";
import { type ColumnSpec, SHEETS, type SheetKey, type SheetSpec } from "./sheets.js";
import { type Cell, columnLetters, type SheetData, type WorkbookData } from "./workbook.js";

export type { LedgerValue } from "./cell-value.js";

export interface LedgerRow {
  /** The Excel row number (1-based), for messages. */
  readonly row: number;
  readonly values: Readonly<Record<string, LedgerValue>>;
  /** Column letters of each column key, for messages about this row. */
  readonly columns: Readonly<Record<string, string>>;
}

/** One problem in the workbook: where, and a message key with its params (src/shared/messages.ts). */
export interface LedgerProblem {
  readonly sheet: string;
  /** Excel row number (1-based); null for a problem of the whole sheet (a missing sheet). */
  readonly row: number | null;
  /** Column letters; null for a problem of a whole row or sheet. */
  readonly column: string | null;
  readonly key: string;
  readonly params: Readonly<Record<string, string | number | boolean | null>>;
  /** In English, for logs and API clients. */
  readonly message: string;
}

export interface ReadLedger {
  readonly rows: Readonly<Record<SheetKey, readonly LedgerRow[]>>;
  /** Each sheet's name as found in the file (for messages about its rows). */
  readonly sheetNames: Readonly<Record<SheetKey, string>>;
  readonly problems: readonly LedgerProblem[];
}

/** Header rows are looked for among the first rows (title rows may sit above them). */
const HEADER_SEARCH_ROWS = 10;

export function problem(
  sheet: string,
  row: number | null,
  column: string | null,
  key: string,
  params: Params,
  message: string,
): LedgerProblem {
  return { sheet, row, column, key, params, message };
}

/** Where a problem is, as `任务!D5` (or `任务!5`, or `任务`). */
export function problemAddress(p: Pick<LedgerProblem, "sheet" | "row" | "column">): string {
  if (p.row === null) return p.sheet;
  return `${p.sheet}!${p.column ?? ""}${p.row}`;
}

function cellText(c: Cell | null | undefined): string {
  const v = c?.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/**
 * The sheet of `spec` in the workbook: the one the mapping names, else by its Chinese name or English
 * key (ignoring spaces), so a remembered mapping does not hide the template's own sheets; null when
 * neither is there and the mapping says the file has none.
 */
function findSheet(wb: WorkbookData, spec: SheetSpec, mapping: LedgerMapping): SheetData | null | undefined {
  const named = (names: readonly string[]) =>
    wb.sheets.find((s) => names.map(normalise).includes(normalise(s.name)));
  const mapped = mapping.sheets[spec.key];
  const found = (typeof mapped === "string" ? named([mapped]) : undefined) ?? named([spec.zh, spec.en]);
  return found ?? (mapped === null ? null : undefined);
}

interface HeaderMap {
  /** Index of the header row (0-based). */
  readonly row: number;
  /** Column key → column index. */
  readonly columns: ReadonlyMap<string, number>;
  /** First data row index (after the header, and after the English key row when there is one). */
  readonly firstData: number;
}

/**
 * Finds the header row: the one among the first rows naming the most of the sheet's columns (by
 * Chinese header or English key). Columns may stand in any order; unknown headers (a notes column)
 * are ignored.
 */
function findHeader(sheet: SheetData, spec: SheetSpec, mapping: LedgerMapping): HeaderMap | null {
  let best: HeaderMap | null = null;
  let bestCount = 0;
  const byName = new Map<string, string>();
  for (const c of spec.columns) {
    byName.set(normalise(c.zh), c.key);
    byName.set(normalise(c.en), c.key);
  }
  // The mapping's names win over ours: a file may use one of our headers for another column.
  for (const [text, key] of mappedHeaders(mapping, spec.key)) byName.set(text, key);
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = sheet.rows[r] ?? [];
    const columns = new Map<string, number>();
    cells.forEach((c, i) => {
      const key = byName.get(normalise(cellText(c)));
      if (key && !columns.has(key)) columns.set(key, i);
    });
    if (columns.size > bestCount) {
      bestCount = columns.size;
      // The template's second header row holds the English keys: skip it as well.
      const next = sheet.rows[r + 1] ?? [];
      const keysRow =
        next.length > 0 &&
        [...columns].filter(([key, i]) => cellText(next[i]) === spec.columns.find((c) => c.key === key)?.en)
          .length >= Math.max(1, Math.floor(columns.size / 2));
      best = { row: r, columns, firstData: r + (keysRow ? 2 : 1) };
    }
  }
  return best;
}

/** `A1:D3` → rows and columns (0-based, inclusive). */
function parseRange(range: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range.toUpperCase());
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = Number(m[2]) - 1;
  const c1 = col(m[1]!);
  return { r1, c1, r2: m[4] ? Number(m[4]) - 1 : r1, c2: m[3] ? col(m[3]) : c1 };
}

/** A cell's value for its column: refused when it shows an error, a formula without a saved result, or nothing where required. */
function readCell(c: Cell | null, col: ColumnSpec): Coerced {
  if (c?.error) return bad("ledgerCellError", { error: c.error }, `the cell shows the error ${c.error}`);
  if (c?.formula && (c.value === null || c.value === undefined)) {
    const formula = c.formula.slice(0, 60);
    const message = `the formula =${formula} has no saved value: open the file in Excel, let it calculate, and save`;
    return bad("ledgerFormulaNoValue", { formula }, message);
  }
  if (!c || c.value === null || (typeof c.value === "string" && c.value.trim() === ""))
    return col.required
      ? bad("ledgerRequired", { header: col.zh }, `"${col.zh}" is required`)
      : { ok: true, value: null };
  return coerce(c.value, col.type);
}

/** The header's problems: required columns it lacks, and merged ranges among the data rows. */
function headerProblems(sheet: SheetData, spec: SheetSpec, header: HeaderMap | null): LedgerProblem[] {
  const missing = spec.columns.filter((c) => c.required && !header?.columns.has(c.key));
  const out = missing.map((c) =>
    problem(
      sheet.name,
      header ? header.row + 1 : 1,
      null,
      "ledgerMissingColumn",
      { header: c.zh, key: c.en, sheetKey: spec.key, column: c.key },
      `no column headed "${c.zh}" (${c.en}) in the header row`,
    ),
  );
  // A merged range among the data rows hides which row a value belongs to; title rows above may merge.
  for (const range of header ? sheet.merges : []) {
    const r = parseRange(range);
    if (r && r.r2 >= header!.firstData)
      out.push(
        problem(
          sheet.name,
          r.r1 + 1,
          columnLetters(r.c1),
          "ledgerMerged",
          { range },
          `merged cells ${range} among the data rows: unmerge them and fill every row`,
        ),
      );
  }
  return out;
}

function readSheet(
  sheet: SheetData,
  spec: SheetSpec,
  mapping: LedgerMapping,
  problems: LedgerProblem[],
): LedgerRow[] {
  const header = findHeader(sheet, spec, mapping);
  const refused = headerProblems(sheet, spec, header);
  problems.push(...refused);
  if (!header || refused.some((p) => p.key === "ledgerMissingColumn")) return [];
  const letters: Record<string, string> = {};
  for (const [key, i] of header.columns) letters[key] = columnLetters(i);
  const out: LedgerRow[] = [];
  const seen = new Map<string, number>();
  for (let r = header.firstData; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (
      !cells ||
      ![...header.columns.values()].some(
        (i) => cellText(cells[i]) !== "" || cells[i]?.formula || cells[i]?.error,
      )
    )
      continue;
    const values: Record<string, LedgerValue> = {};
    let rowOk = true;
    for (const col of spec.columns) {
      const i = header.columns.get(col.key);
      const v = i === undefined ? ({ ok: true, value: null } as const) : readCell(cells[i] ?? null, col);
      if (v.ok) values[col.key] = v.value;
      else {
        rowOk = false;
        problems.push(problem(sheet.name, r + 1, columnLetters(i!), v.key, v.params, v.message));
      }
    }
    if (!rowOk) continue;
    const identity = spec.identity.map((k) => String(values[k] ?? ""));
    const first = seen.get(identity.join("\u0000"));
    if (first === undefined) {
      seen.set(identity.join("\u0000"), r + 1);
      out.push({ row: r + 1, values, columns: letters });
      continue;
    }
    const col = header.columns.get(spec.identity[spec.identity.length - 1]!) ?? 0;
    const params = { row: first, value: identity.join(" / ") };
    problems.push(
      problem(
        sheet.name,
        r + 1,
        columnLetters(col),
        "ledgerDuplicate",
        params,
        `the same record as row ${first}`,
      ),
    );
  }
  return out;
}

/**
 * Reads every sheet of the ledger, through `mapping` (an office's own sheet and header names). A
 * sheet the workbook lacks is a problem, unless the mapping says the file has none; an empty sheet
 * is not (a workbook may carry only tasks). Rows with problems are left out of `rows`.
 */
export function readLedger(wb: WorkbookData, mapping: LedgerMapping = NO_MAPPING): ReadLedger {
  const problems: LedgerProblem[] = [];
  const rows = {} as Record<SheetKey, readonly LedgerRow[]>;
  const sheetNames = {} as Record<SheetKey, string>;
  for (const spec of SHEETS) {
    const sheet = findSheet(wb, spec, mapping);
    sheetNames[spec.key] = sheet?.name ?? spec.zh;
    if (sheet === null) {
      rows[spec.key] = [];
      continue;
    }
    if (!sheet) {
      problems.push(
        problem(
          spec.zh,
          null,
          null,
          "ledgerMissingSheet",
          { sheet: spec.zh, key: spec.en, sheetKey: spec.key },
          `no sheet named "${spec.zh}" (${spec.en})`,
        ),
      );
      rows[spec.key] = [];
      continue;
    }
    rows[spec.key] = readSheet(sheet, spec, mapping, problems);
  }
  return { rows, sheetNames, problems };
}
