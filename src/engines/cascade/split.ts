/**
 * Splitting a target (分解): among the children of an indicator by an even split, last year's
 * actuals or typed shares, and over the twelve months of a year. Parts are rounded with the
 * largest-remainder method, so they add up exactly to the whole.
 */
import type { IndicatorKind, YearMonth } from "../../vocabulary/index.js";
import { CascadeError } from "./cascade-error.js";
import type { MonthlySplit, SplitShare, TargetSplit } from "./types.js";

/** What {@link splitTarget} needs of the indicator being split. */
export interface SplitParent {
  readonly kind: IndicatorKind;
  readonly target: number;
  /** Decimal places of the parts (0–10); default the target's own, at most 4. */
  readonly decimals?: number;
}

/** Largest number of decimal places taken from a target when `decimals` is not given. */
const MAX_DEFAULT_DECIMALS = 4;

/**
 * Splits a parent's target among `n` children, in the children's order.
 * - `cumulative` (higher- or lower-better alike): the parts are proportional to the split's basis
 *   (1 each, `lastYear[i]` or `shares[i]`), rounded to `decimals` places by largest remainder
 *   (ties to the earlier child) so that they sum exactly to the target rounded to those places;
 *   `weight` is the child's proportion.
 * - `rate` and `level`: every child keeps the parent's target and gets the basis as its `weight`
 *   (1 for `even`), so the children's weighted result is the parent's target.
 * Throws {@link CascadeError} for `n` < 1, a basis of the wrong length, with a negative or
 * non-finite value, or all zero.
 *
 * Example: `splitTarget({ kind: "cumulative", target: 160 }, { method: "shares", shares: [60, 50, 50] }, 3)`
 * gives targets 60, 50, 50; `splitTarget({ kind: "cumulative", target: 100 }, { method: "even" }, 3)`
 * gives 34, 33, 33.
 */
export function splitTarget(parent: SplitParent, split: TargetSplit, n: number): SplitShare[] {
  if (!Number.isInteger(n) || n < 1)
    throw new CascadeError("SPLIT_COUNT", `A target is split among 1 or more children, not ${n}`, {
      field: "n",
    });
  assertFinite(parent.target, "target");
  const basis = splitBasis(split, n);
  if (parent.kind !== "cumulative") return basis.map((weight) => ({ target: parent.target, weight }));
  const share = proportions(basis);
  const scale = 10 ** resolveDecimals(parent.decimals, parent.target);
  const parts = apportionUnits(Math.round(parent.target * scale), basis);
  return parts.map((units, i) => ({ target: units / scale + 0, weight: share[i]! }));
}

/**
 * Spreads an annual cumulative `target` over the months of `year` and returns the cumulative plan
 * (year to date at the end of each month, `YYYY-01` … `YYYY-12`). Each month's amount is
 * proportional to the profile (last year's monthly amounts) or to the month's working days,
 * rounded to `decimals` places (default the target's, at most 4) by largest remainder, so December
 * is exactly the target. Throws {@link CascadeError} unless 12 finite, non-negative, not all zero
 * values are given.
 *
 * Example: `splitMonthly(120, 2022, { method: "working-days", workingDays: Array(12).fill(21) })`
 * gives `{ "2022-01": 10, "2022-02": 20, …, "2022-12": 120 }`.
 */
export function splitMonthly(
  target: number,
  year: number,
  split: MonthlySplit,
  decimals?: number,
): Record<YearMonth, number> {
  if (!Number.isInteger(year) || year < 1 || year > 9999)
    throw new CascadeError("SPLIT_YEAR", `The year must be a whole number in 1–9999, not ${year}`, {
      field: "year",
    });
  assertFinite(target, "target");
  const basis =
    split.method === "profile"
      ? checkBasis(split.monthly, "monthly", 12)
      : checkBasis(split.workingDays, "workingDays", 12);
  const scale = 10 ** resolveDecimals(decimals, target);
  const amounts = apportionUnits(Math.round(target * scale), basis);
  const plan: Record<YearMonth, number> = {};
  let units = 0;
  for (let k = 0; k < 12; k++) {
    units += amounts[k]!;
    plan[`${String(year).padStart(4, "0")}-${String(k + 1).padStart(2, "0")}`] = units / scale + 0;
  }
  return plan;
}

/**
 * Integer parts of `totalUnits` proportional to `basis` (non-negative, not all zero) by the
 * largest-remainder method: each part is the floor or the ceiling of its exact share and the parts
 * sum exactly to `totalUnits`; the units left over go to the largest remainders, ties to the
 * earlier position.
 */
export function apportionUnits(totalUnits: number, basis: readonly number[]): number[] {
  const n = basis.length;
  const share = proportions(basis);
  const parts = new Array<number>(n);
  const remainders = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = totalUnits * share[i]!;
    parts[i] = Math.floor(exact);
    remainders[i] = exact - parts[i]!;
    given += parts[i]!;
  }
  const byRemainder = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => remainders[b]! - remainders[a]! || a - b,
  );
  // Rounding noise in the exact shares can leave one unit more than there are parts: go round again.
  for (let k = 0; k < totalUnits - given; k++) parts[byRemainder[k % n]!]!++;
  return parts;
}

/** Each value's share of the sum, in [0, 1]; scaled by the largest first so no sum overflows or underflows. */
function proportions(basis: readonly number[]): number[] {
  const largest = Math.max(...basis);
  const scaled = basis.map((b) => b / largest);
  const sum = scaled.reduce((a, b) => a + b, 0);
  return scaled.map((b) => b / sum);
}

function splitBasis(split: TargetSplit, n: number): readonly number[] {
  switch (split.method) {
    case "even":
      return new Array<number>(n).fill(1);
    case "last-year":
      return checkBasis(split.lastYear, "lastYear", n);
    case "shares":
      return checkBasis(split.shares, "shares", n);
  }
}

function checkBasis(values: readonly number[], field: string, n: number): readonly number[] {
  if (values.length !== n)
    throw new CascadeError("SPLIT_LENGTH", `${field} needs ${n} values, not ${values.length}`, { field });
  let sum = 0;
  values.forEach((v, i) => {
    assertFinite(v, `${field}.${i}`);
    if (v < 0)
      throw new CascadeError("SPLIT_NEGATIVE", `${field}.${i} is negative (${v})`, {
        field: `${field}.${i}`,
      });
    sum += v;
  });
  if (sum === 0) throw new CascadeError("SPLIT_ZERO", `Every value of ${field} is zero`, { field });
  return values;
}

function assertFinite(value: number, field: string): void {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new CascadeError("SPLIT_NOT_FINITE", `${field} is not a finite number (${value})`, { field });
}

function resolveDecimals(decimals: number | undefined, target: number): number {
  if (decimals === undefined) return Math.min(MAX_DEFAULT_DECIMALS, decimalsIn(target));
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10)
    throw new CascadeError("SPLIT_DECIMALS", `decimals must be a whole number in 0–10, not ${decimals}`, {
      field: "decimals",
    });
  return decimals;
}

/** Decimal places of a number as JavaScript writes it: 12.5 → 1, 3 → 0, 1e-7 → 7. */
function decimalsIn(x: number): number {
  const [mantissa = "", exponent = "0"] = String(Math.abs(x)).split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}
