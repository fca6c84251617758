/** One field that an audited change altered, with its value before and after. */
export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

const BOOKKEEPING = new Set(["version", "updatedAt", "createdAt"]);

/** Unset, empty text and empty lists compare as the same "nothing". */
const norm = (v: unknown) =>
  JSON.stringify(v === undefined || v === "" || (Array.isArray(v) && v.length === 0) ? null : v);

/**
 * The fields an audit entry changed (bookkeeping fields left out), in the record's field order;
 * a creation lists every set field, a deletion every field it had.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys
    .filter((k) => !BOOKKEEPING.has(k) && norm(a[k]) !== norm(b[k]))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

/** A value as a short text for the history table. */
export function shortValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}
