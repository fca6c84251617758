import { z } from "zod";
import { DIRECTIONS, INDICATOR_KINDS, LIGHT_COLORS, TREND_STAGES } from "../../vocabulary/index.js";
import { id, isoDate, measure, period } from "./common.js";

/** Codes of the cascade findings (shown in the five-ization check and the task book). */
export const CASCADE_FINDING_CODES = [
  "CASCADE_SHARES",
  "CASCADE_MONTHS",
  "CASCADE_KIND",
  "CASCADE_OWNER",
  "INDICATOR_NO_TASK",
] as const;

export const cascadeFinding = z.object({
  code: z.enum(CASCADE_FINDING_CODES),
  indicatorId: id,
  /** What the parent says (its target, or its plan that month). */
  expected: z.number().optional(),
  /** What the children come to. */
  actual: z.number().optional(),
  period: period.optional(),
});
export type CascadeFindingView = z.output<typeof cascadeFinding>;

/** One indicator of a cascade with its rolled-up actual at the status date. */
export const cascadeNode = z.object({
  indicatorId: id,
  parentId: id.nullable(),
  /** 0 at the top of the cascade. */
  depth: z.number().int().min(0),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(DIRECTIONS),
  year: z.number().int(),
  /** Null: district level. */
  taskForceId: id.nullable(),
  /** e.g. `02 招商引资专班`. */
  taskForceName: z.string().nullable(),
  goalId: id.nullable(),
  orgUnitId: id.nullable(),
  orgUnitName: z.string().nullable(),
  ownerPersonId: id.nullable(),
  ownerName: z.string().nullable(),
  weight: z.number().nullable(),
  baseline: z.number().nullable(),
  target: measure,
  monthlyPlan: z.record(period, measure).nullable(),
  version: z.number().int(),
  /** The month of the value shown (the latest with a value up to the status date's month). */
  period: period.nullable(),
  /** The value that counts: the own reading when there is one, else the children's result. */
  actual: z.number().nullable(),
  source: z.enum(["reported", "computed", "none"]),
  /** The children's sum (cumulative) or weighted result (rate/level) that month. */
  computed: z.number().nullable(),
  /** reported − computed, when the indicator is reported itself and its children too. */
  difference: z.number().nullable(),
  /** Ids of children without a value that month. */
  missing: z.array(id),
  /** Planned value to date (monthly plan, or target × time progress); null for rate/level without a plan. */
  plan: z.number().nullable(),
  light: z.enum(LIGHT_COLORS),
  /** Work progress in % (cumulative/level), null for rate or without an actual. */
  workProgress: z.number().nullable(),
  timeProgress: z.number(),
  trend: z.enum(TREND_STAGES),
  /** Tasks that advance it (linked, or named on the indicator). */
  taskIds: z.array(id),
  findings: z.array(cascadeFinding),
  /** Whether the caller may change its target and plan (and so split it). */
  editable: z.boolean(),
});
export type CascadeNode = z.output<typeof cascadeNode>;

/** `GET /indicators/{id}/cascade` and `GET /indicator-cascades`: trees in pre-order (a parent before its children). */
export const cascadeView = z.object({
  statusDate: isoDate,
  nodes: z.array(cascadeNode),
});
export type CascadeView = z.output<typeof cascadeView>;

export const cascadeQuery = z.strictObject({ statusDate: isoDate.optional() });
export const cascadesQuery = z.strictObject({
  statusDate: isoDate.optional(),
  /** Only the cascades whose top indicator quantifies this goal (or belongs to a task force serving it). */
  goalId: id.optional(),
  /** Only cascades that reach this task force. */
  taskForceId: id.optional(),
});

export const TARGET_SPLIT_METHODS = ["even", "last-year", "shares"] as const;

/** `POST /indicators/{id}/split`: the parent's target split among its shares (preview with `dryRun`). */
export const splitRequest = z.strictObject({
  method: z.enum(TARGET_SPLIT_METHODS),
  /** Every share of the indicator, with the version the preview showed (checked when saving). */
  children: z
    .array(
      z.strictObject({
        id,
        version: z.number().int().min(1),
        /** `shares`: this share's number (any positive scale: 3:2:2 or 60/50/50). */
        share: z.number().min(0).max(1e15).optional(),
      }),
    )
    .min(1)
    .max(500),
  /** Decimals kept (default: as many as the parent's target has). */
  decimals: z.number().int().min(0).max(4).optional(),
  dryRun: z.boolean().default(false),
});
export type SplitRequest = z.output<typeof splitRequest>;

export const splitLine = z.object({
  indicatorId: id,
  code: z.string(),
  name: z.string(),
  before: z.object({ target: z.number(), weight: z.number().nullable() }),
  after: z.object({ target: z.number(), weight: z.number().nullable() }),
});

export const splitResult = z.object({
  indicatorId: id,
  method: z.enum(TARGET_SPLIT_METHODS),
  target: z.number(),
  lines: z.array(splitLine),
  /** What the shares come to after the split (sum or weighted result). */
  total: z.number(),
  saved: z.boolean(),
});
export type SplitResult = z.output<typeof splitResult>;

export const MONTHLY_SPLIT_METHODS = ["working-days", "last-year", "profile"] as const;

/** `POST /indicators/{id}/monthly-split`: a cumulative target spread over the months (preview with `dryRun`). */
export const monthlySplitRequest = z.strictObject({
  method: z.enum(MONTHLY_SPLIT_METHODS),
  /** `profile`: twelve monthly amounts (not year to date), e.g. last year's typed from the statistics. */
  monthly: z.array(z.number().min(0).max(1e15)).length(12).optional(),
  version: z.number().int().min(1),
  decimals: z.number().int().min(0).max(4).optional(),
  dryRun: z.boolean().default(false),
});
export type MonthlySplitRequest = z.output<typeof monthlySplitRequest>;

export const monthlySplitResult = z.object({
  indicatorId: id,
  method: z.enum(MONTHLY_SPLIT_METHODS),
  target: z.number(),
  before: z.record(period, measure).nullable(),
  after: z.record(period, measure),
  saved: z.boolean(),
});
export type MonthlySplitResult = z.output<typeof monthlySplitResult>;
