/** Pure helpers of the add-indicator form: the monthly plan as text, the next indicator code. */

/** A parsed monthly plan: `YYYY-MM` → planned value to date, or the 1-based line that is wrong. */
export type MonthlyPlanParse =
  | { readonly ok: true; readonly plan: Record<string, number> | null }
  | { readonly ok: false; readonly line: number };

const LINE = /^(\d{4}-(?:0[1-9]|1[0-2]))\s*[:：=\s]\s*(-?\d+(?:\.\d+)?)$/;

/**
 * Reads one `YYYY-MM value` per line (also `YYYY-MM: value`); blank lines are skipped, and no
 * lines at all mean no plan (null). Example: `"2022-07 50\n2022-08 60"` → `{"2022-07": 50, "2022-08": 60}`.
 */
export function parseMonthlyPlan(text: string | null | undefined): MonthlyPlanParse {
  const plan: Record<string, number> = {};
  const lines = (text ?? "").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!.trim();
    if (!s) continue;
    const m = LINE.exec(s);
    if (!m) return { ok: false, line: i + 1 };
    plan[m[1]!] = Number(m[2]);
  }
  return { ok: true, plan: Object.keys(plan).length ? plan : null };
}

/** The next code like the task force's own (`ZB01-4` → `ZB01-5`), else `ZB<task-force code>-1`. */
export function nextIndicatorCode(codes: readonly string[], taskForceCode: string): string {
  const prefix = `ZB${taskForceCode}-`;
  let max = 0;
  for (const c of codes) {
    if (!c.startsWith(prefix)) continue;
    const n = Number(c.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  const taken = new Set(codes);
  let n = max + 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
