/**
 * WBS ordering: `01.2.10` sorts after `01.2.9`; numeric segments compare as numbers.
 */

/** A string key whose plain `<` order is the WBS order (numeric segments zero-padded). */
export function wbsSortKey(code: string): string {
  let key = "";
  for (const part of code.split(/([0-9]+)/)) {
    key += /^[0-9]+$/.test(part) ? part.padStart(8, "0") : part;
  }
  return key;
}

/** Compares two WBS codes. */
export function compareWbs(a: string, b: string): number {
  const ka = wbsSortKey(a);
  const kb = wbsSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
