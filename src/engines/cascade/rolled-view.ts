/**
 * The result of a roll-up as {@link RolledIndicator}s over the month matrices: each indicator's
 * `latest` month is built at once, its `months` on first access, since callers mostly read the
 * latest month of most indicators and the months of a few (building all 44,000 × 12 up front took
 * longer than the roll-up itself).
 */
import type { YearMonth } from "../../vocabulary/index.js";
import type { CascadeTree } from "./cascade-tree.js";
import { roundCascadeValue } from "./round-cascade-value.js";
import type { CascadeIndicator, RolledIndicator, RolledMonth } from "./types.js";

/** One roll-up's inputs and its months as `indicator × month` matrices (NaN = no value). */
export interface RollUpMatrices {
  readonly indicators: readonly CascadeIndicator[];
  readonly tree: CascadeTree;
  readonly periods: readonly YearMonth[];
  readonly reported: Float64Array;
  readonly computed: Float64Array;
  readonly actual: Float64Array;
}

const NONE: readonly string[] = Object.freeze([]);

/** The roll-up's indicators by id, in input order. */
export function presentRollUp(data: RollUpMatrices): Map<string, RolledIndicator> {
  const out = new Map<string, RolledIndicator>();
  for (let i = 0; i < data.indicators.length; i++) out.set(data.indicators[i]!.id, new RolledView(data, i));
  return out;
}

/**
 * A {@link RolledIndicator} whose `months` is an own, enumerable getter (one shared function, so
 * every view has the same hidden class): spreading, `JSON.stringify` and `toEqual` see plain data.
 */
class RolledView implements RolledIndicator {
  readonly indicatorId: string;
  declare readonly months: readonly RolledMonth[];
  readonly latest: RolledMonth | null;
  readonly #data: RollUpMatrices;
  readonly #i: number;
  readonly #last: number;
  #months: readonly RolledMonth[] | null = null;

  static readonly #monthsProperty: PropertyDescriptor = {
    enumerable: true,
    get(this: RolledView) {
      this.#months ??= this.#data.periods.map((_, k) =>
        k === this.#last ? this.latest! : monthAt(this.#data, this.#i, k),
      );
      return this.#months;
    },
  };

  constructor(data: RollUpMatrices, i: number) {
    this.#data = data;
    this.#i = i;
    this.indicatorId = data.indicators[i]!.id;
    Object.defineProperty(this, "months", RolledView.#monthsProperty);
    const m = data.periods.length;
    let last = m - 1;
    while (last >= 0 && Number.isNaN(data.actual[i * m + last]!)) last--;
    this.#last = last;
    this.latest = last < 0 ? null : monthAt(data, i, last);
  }
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Month `k` of indicator `i`, with the children that have no value then. */
function monthAt(data: RollUpMatrices, i: number, k: number): RolledMonth {
  const { indicators, tree, periods, reported, computed, actual } = data;
  const m = periods.length;
  const at = i * m + k;
  const r = orNull(reported[at]!);
  const c = orNull(computed[at]!);
  let missing = NONE;
  for (let e = tree.childStart[i]!; e < tree.childStart[i + 1]!; e++) {
    const child = tree.childList[e]!;
    if (Number.isNaN(actual[child * m + k]!)) {
      if (missing === NONE) missing = [];
      (missing as string[]).push(indicators[child]!.id);
    }
  }
  return {
    period: periods[k]!,
    actual: orNull(actual[at]!),
    source: r !== null ? "reported" : c !== null ? "computed" : "none",
    computed: c,
    reported: r,
    difference: r !== null && c !== null ? roundCascadeValue(r - c) : null,
    missing,
  };
}
