/**
 * A header mapping: how an office's own ledger names our sheets and columns. A real ledger calls its
 * task sheet "重点任务台账" and its unit column "牵头责任单位"; once mapped, the same file (and next
 * month's) imports as it is, because the mapping is remembered. Pure: the reader consults it, and
 * the file's layout is offered to whoever maps.
 */
import { normalise } from "./cell-value.js";
import { SHEETS, type SheetKey } from "./sheets.js";
import type { Cell, WorkbookData } from "./workbook.js";

export interface LedgerMapping {
  /** Our sheet → the file's sheet of that content, or null: the file has no such sheet (none of it is imported). */
  readonly sheets: Partial<Readonly<Record<SheetKey, string | null>>>;
  /** Our sheet → our column key → the file's header text for it. */
  readonly columns: Partial<Readonly<Record<SheetKey, Readonly<Record<string, string>>>>>;
}

export const NO_MAPPING: LedgerMapping = Object.freeze({ sheets: {}, columns: {} });

/** `b` over `a`: what `b` names replaces what `a` named for the same sheet or column. */
export function mergeMappings(a: LedgerMapping, b: LedgerMapping): LedgerMapping {
  const columns: Partial<Record<SheetKey, Record<string, string>>> = {};
  for (const s of SHEETS) {
    const merged = { ...a.columns[s.key], ...b.columns[s.key] };
    if (Object.keys(merged).length) columns[s.key] = merged;
  }
  return { sheets: { ...a.sheets, ...b.sheets }, columns };
}

/** The header texts the mapping gives a sheet's columns (normalised text → column key). */
export function mappedHeaders(m: LedgerMapping, sheet: SheetKey): ReadonlyMap<string, string> {
  return new Map(Object.entries(m.columns[sheet] ?? {}).map(([key, text]) => [normalise(text), key]));
}

/** One sheet of the file as someone mapping it sees it: its name and the texts of its likely header row. */
export interface FileSheet {
  readonly name: string;
  /** 1-based row number of the likely header row, or null for an empty sheet. */
  readonly headerRow: number | null;
  readonly headers: readonly string[];
}

const text = (c: Cell | null | undefined) => {
  const v = c?.value;
  if (v === null || v === undefined || v instanceof Date) return "";
  return String(v).trim();
};

/** Each sheet's likely header row: among the first ten, the one with the most distinct text cells. */
export function fileLayout(wb: WorkbookData, searchRows = 10): FileSheet[] {
  return wb.sheets.map((s) => {
    let best: { row: number; headers: string[] } | null = null;
    for (let r = 0; r < Math.min(s.rows.length, searchRows); r++) {
      const headers = [...new Set((s.rows[r] ?? []).map(text).filter((t) => t !== "" && t.length <= 60))];
      if (!best || headers.length > best.headers.length) best = { row: r + 1, headers };
    }
    return { name: s.name, headerRow: best?.headers.length ? best.row : null, headers: best?.headers ?? [] };
  });
}
