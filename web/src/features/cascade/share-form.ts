/** Pure helpers of the add-share form (新增分解指标). */

/**
 * The next free code below `parentCode` (`ZB01-1` with `ZB01-1-1`, `ZB01-1-2` taken → `ZB01-1-3`),
 * or the next district code (`QZB-5` → `QZB-6`) when there is no parent.
 */
export function nextShareCode(parentCode: string | null, taken: readonly string[]): string {
  const prefix = parentCode === null ? "QZB-" : `${parentCode}-`;
  const used = new Set(taken);
  let max = 0;
  for (const c of taken) {
    if (!c.startsWith(prefix)) continue;
    const n = Number(c.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  let n = max + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
