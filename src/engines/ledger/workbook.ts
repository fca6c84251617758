/**
 * A workbook as plain data: what the xlsx reader (src/domain/ledger/xlsx-read.ts) hands the ledger
 * engine, and what the writer is given. No exceljs types cross this line.
 */

/** A cell's value as the file holds it: text, a number, a boolean, a date (Excel date cell), or empty. */
export type CellValue = string | number | boolean | Date | null;

export interface Cell {
  /** The value (for a formula: its cached result, null when the file has none). */
  readonly value: CellValue;
  /** The formula's text without "=", when the cell holds a formula. */
  readonly formula?: string;
  /** The Excel error the cell shows (#REF!, #DIV/0! …), when it holds one. */
  readonly error?: string;
}

export interface SheetData {
  /** The sheet's name as in the file. */
  readonly name: string;
  /**
   * Rows from the first (index 0 = Excel row 1), each a list of cells from column A (index 0 =
   * column A); a missing cell or row is null or absent.
   */
  readonly rows: readonly (readonly (Cell | null)[] | null)[];
  /** Merged ranges in A1 notation ("A1:D1"). */
  readonly merges: readonly string[];
}

export interface WorkbookData {
  readonly sheets: readonly SheetData[];
}

/** Column index (0 = A) as Excel letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A cell's address: sheet name, row index (0-based) and column index (0-based) → `任务!D5`. */
export function cellAddress(sheet: string, row: number, column: number): string {
  return `${sheet}!${columnLetters(column)}${row + 1}`;
}
