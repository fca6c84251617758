/**
 * Plain input and output types of the indicator cascade engine (层层衔接): a target split down the
 * levels (district → task force → unit or street → person) and into months, actuals rolled up,
 * and the consistency findings of the five-ization check.
 */
import type { Direction, IndicatorKind, YearMonth } from "../../vocabulary/index.js";

/** One indicator of a cascade, as the engine needs it. Values are in the indicator's unit. */
export interface CascadeIndicator {
  readonly id: string;
  /** The indicator this one is a share of; null at the top of a cascade. */
  readonly parentId: string | null;
  readonly kind: IndicatorKind;
  readonly direction: Direction;
  /** Annual target (a cap for lower-better; for `rate` the rate in %). */
  readonly target: number;
  /** Cumulative plan to the end of each month (`YYYY-MM` → value), as on the indicator. */
  readonly monthlyPlan?: Readonly<Record<YearMonth, number>> | null;
  /**
   * Weight of this child in its parent's weighted result (`rate` and `level`: e.g. its share of
   * the base). Missing or null counts as 1. Ignored for `cumulative`.
   */
  readonly weight?: number | null;
  readonly ownerPersonId?: string | null;
}

/** One month's reported actual (for `cumulative`: year to date to the end of the month). */
export interface CascadeReading {
  readonly indicatorId: string;
  readonly period: YearMonth;
  readonly actual: number;
}

/** How far a sum or a weighted result may stray from the parent before it is a finding. */
export interface CascadeTolerance {
  /** `cumulative` and `level`: share of the parent's target, e.g. 0.005 = 0.5 %. */
  readonly relative: number;
  /** `rate`: percentage points. */
  readonly ratePoints: number;
}

export const DEFAULT_CASCADE_TOLERANCE: CascadeTolerance = Object.freeze({
  relative: 0.005,
  ratePoints: 0.05,
});

/** How a target is split among children. */
export type TargetSplit =
  | { readonly method: "even" }
  /** Proportional to each child's actual of last year (a `rate`'s base, e.g. last year's output). */
  | { readonly method: "last-year"; readonly lastYear: readonly number[] }
  /** Proportional to typed shares (any positive numbers: 3:2:2, or 60/50/50). */
  | { readonly method: "shares"; readonly shares: readonly number[] };

/** One child's result of a split, in the order the children were given. */
export interface SplitShare {
  /** `cumulative`: its part of the total (the parts sum exactly to the total); `rate`/`level`: the parent's target. */
  readonly target: number;
  /** `rate`/`level`: the weight the split gives it; `cumulative`: its share of the total in [0, 1]. */
  readonly weight: number;
}

/** How a cumulative annual target is spread over the twelve months. */
export type MonthlySplit =
  /** Each month's amount (not year to date) last year; the plan follows the same profile. */
  | { readonly method: "profile"; readonly monthly: readonly number[] }
  /** Proportional to each month's working days (from the organisation's calendar). */
  | { readonly method: "working-days"; readonly workingDays: readonly number[] };

/** A finding of the cascade check; `indicatorId` is the indicator the finding is about. */
export type CascadeFindingCode =
  /** Children's targets do not sum (cumulative) or weigh up (rate/level) to the parent's. */
  | "CASCADE_SHARES"
  /** A monthly plan does not reach the annual target in its last month, or children's months do not add up to the parent's. */
  | "CASCADE_MONTHS"
  /** A child differs from its parent in kind or direction. */
  | "CASCADE_KIND"
  /** A child (a share of a parent) has no owner. */
  | "CASCADE_OWNER"
  /** No task advances this indicator or any of its shares. */
  | "INDICATOR_NO_TASK";

export interface CascadeFinding {
  readonly code: CascadeFindingCode;
  readonly indicatorId: string;
  /** For CASCADE_SHARES / CASCADE_MONTHS: what the children come to, what the parent says, and the month. */
  readonly expected?: number;
  readonly actual?: number;
  readonly period?: YearMonth;
}

/** One month of a rolled-up indicator. */
export interface RolledMonth {
  readonly period: YearMonth;
  /** The value that counts: the indicator's own reading when there is one, else the children's result. */
  readonly actual: number | null;
  readonly source: "reported" | "computed" | "none";
  /** The children's sum (cumulative) or weighted result (rate/level); null for a leaf or when no child has a value. */
  readonly computed: number | null;
  /** The indicator's own reading, when reported. */
  readonly reported: number | null;
  /** reported − computed, when both exist (e.g. a statistics-bureau figure against the units' sum). */
  readonly difference: number | null;
  /** Children without a value that month: the computed figure is incomplete while any are missing. */
  readonly missing: readonly string[];
}

/** An indicator's rolled-up months: one for each month asked for, in ascending order. */
export interface RolledIndicator {
  readonly indicatorId: string;
  readonly months: readonly RolledMonth[];
  /** The latest month with a value (its actual), or null. */
  readonly latest: RolledMonth | null;
}
