/**
 * A ledger cell's value as its column's type wants it, or why it cannot be: dates typed as text or
 * kept as Excel serial numbers, numbers typed as text, choices by Chinese label or English value.
 */
import type { ColumnType, EnumValue } from "./sheets.js";
import type { CellValue } from "./workbook.js";

export type LedgerValue = string | number | readonly string[] | null;
export type Params = Record<string, string | number | boolean | null>;
export type Coerced =
  | { ok: true; value: LedgerValue }
  | { ok: false; key: string; params: Params; message: string };

/** Days from Excel's epoch (1899-12-30) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;
/** The earliest date a ledger may hold: before 2000 is a typing slip (or a two-digit year). */
const EARLIEST_DATE = "2000-01-01";
const LATEST_DATE = "2099-12-31";
/** Excel's last serial day (9999-12-31). */
const LAST_SERIAL = 2_958_465;

/** Header and choice text compared loosely: no spaces, ASCII brackets, no required-mark star, any case. */
export const normalise = (s: string) =>
  s
    .replace(/\s+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[*＊]$/, "")
    .toLowerCase();

const ok = (value: LedgerValue): Coerced => ({ ok: true, value });
export const bad = (key: string, params: Params, message: string): Coerced => ({
  ok: false,
  key,
  params,
  message,
});
const shown = (v: CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).slice(0, 60);
const pad = (n: number) => String(n).padStart(2, "0");

/** y-m-d as ISO when it is a real calendar day. */
function isoDay(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A day typed as text: 2022-08-15, 2022/8/15, 2022.8.15 or 2022年8月15日. */
function dayFromText(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  return m ? isoDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** A month typed as text: 2022-08, 2022/8, 2022.8 or 2022年8月. */
function monthFromText(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(s);
  const month = m ? Number(m[2]) : 0;
  return month >= 1 && month <= 12 ? `${m![1]}-${pad(month)}` : null;
}

/** A number typed as text ("1,234.5", " 12 "), or null when the text is not a number. */
function numberFromText(s: string): number | null {
  const t = s.replace(/,/g, "").trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function inRange(value: string, length: 7 | 10): Coerced {
  if (value >= EARLIEST_DATE.slice(0, length) && value <= LATEST_DATE.slice(0, length)) return ok(value);
  const params = { date: value, from: EARLIEST_DATE, to: LATEST_DATE };
  return bad("ledgerDateRange", params, `${value} is outside ${EARLIEST_DATE}–${LATEST_DATE}`);
}

function text(v: CellValue, max: number, list: boolean): Coerced {
  const s = (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim();
  if (!list)
    return s.length > max
      ? bad("ledgerTooLong", { max, length: s.length }, `longer than ${max} characters`)
      : ok(s);
  const items = s
    .split(/[、，,;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length > max ? bad("ledgerTooMany", { max }, `more than ${max} entries`) : ok(items);
}

function number(v: CellValue, range?: { min: number; max: number }): Coerced {
  const n = typeof v === "number" ? v : typeof v === "string" ? numberFromText(v) : null;
  if (n === null) return bad("ledgerNotNumber", { value: shown(v) }, `"${shown(v)}" is not a number`);
  if (!range) return ok(n);
  if (!Number.isInteger(n)) return bad("ledgerNotInteger", { value: n }, `${n} is not a whole number`);
  if (n >= range.min && n <= range.max) return ok(n);
  const params = { value: n, min: range.min, max: range.max };
  return bad("ledgerOutOfRange", params, `${n} is outside ${range.min}–${range.max}`);
}

function date(v: CellValue): Coerced {
  if (v instanceof Date) {
    // A date cell past Excel's last day (9999-12-31) is a serial number typed into a date column.
    const serial = Math.round(v.getTime() / 86_400_000) + EXCEL_EPOCH_OFFSET;
    if (Number.isNaN(serial) || serial > LAST_SERIAL)
      return bad("ledgerBadSerial", { value: serial }, `${serial} is not an Excel date serial number`);
    return inRange(v.toISOString().slice(0, 10), 10);
  }
  if (typeof v === "number") {
    // A plain number in a date column: an Excel serial date whose cell lost its date format.
    if (!Number.isInteger(v) || v < 1 || v > LAST_SERIAL)
      return bad("ledgerBadSerial", { value: v }, `${v} is not an Excel date serial number`);
    return inRange(new Date((v - EXCEL_EPOCH_OFFSET) * 86_400_000).toISOString().slice(0, 10), 10);
  }
  const day = typeof v === "string" ? dayFromText(v.trim()) : null;
  return day
    ? inRange(day, 10)
    : bad("ledgerNotDate", { value: shown(v) }, `"${shown(v)}" is not a date (write 2022-08-15)`);
}

function month(v: CellValue): Coerced {
  const m =
    v instanceof Date ? v.toISOString().slice(0, 7) : typeof v === "string" ? monthFromText(v.trim()) : null;
  return m
    ? inRange(m, 7)
    : bad("ledgerNotMonth", { value: shown(v) }, `"${shown(v)}" is not a month (write 2022-08)`);
}

function choice(v: CellValue, values: readonly EnumValue[]): Coerced {
  const s = normalise(String(v));
  const hit = values.find((e) => [e.value, e.zh, e.en].some((x) => normalise(x) === s));
  if (hit) return ok(hit.value);
  const params = { value: shown(v), allowed: values.map((e) => e.zh).join("、") };
  return bad(
    "ledgerNotInList",
    params,
    `"${shown(v)}" is not one of ${values.map((e) => e.value).join(", ")}`,
  );
}

/** A (non-empty) cell's value as the column's type wants it, or why it cannot be. */
export function coerce(v: CellValue, type: ColumnType): Coerced {
  switch (type.kind) {
    case "text":
      return text(v, type.max, false);
    case "list":
      return text(v, type.max, true);
    case "number":
      return number(v);
    case "int":
      return number(v, type);
    case "date":
      return date(v);
    case "month":
      return month(v);
    case "enum":
      return choice(v, type.values);
  }
}
