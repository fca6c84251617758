import { z } from "zod";
import { DIRECTIONS, INDICATOR_KINDS } from "../../vocabulary/index.js";
import { correctionReason, id, measure, period, requiredText, text, timestamp } from "./common.js";
import { defineEntity } from "./define.js";

/** 累计值 cumulative · 增速/比率 rate · 时点值 level. */
export const indicatorKinds = INDICATOR_KINDS;
/** higher-better (`up`) or lower-better (`down`). */
export const indicatorDirections = DIRECTIONS;

/**
 * An indicator (指标) quantified as a number, owned by a task force (and optionally a task), or at
 * the district level by no task force but a goal. It may be a share of a parent indicator
 * (层层衔接: district → task force → unit or street → person).
 */
export const indicatorSchemas = defineEntity({
  name: "Indicator",
  fields: {
    /** Null: a district-level indicator (it names a goal instead). */
    taskForceId: id.nullable(),
    taskId: id.nullable(),
    /** The indicator this one is a share of; same kind, direction, unit and year. */
    parentId: id.nullable(),
    /** The goal a district-level indicator quantifies. */
    goalId: id.nullable(),
    /** The unit or street (街道) whose share this is. */
    orgUnitId: id.nullable(),
    /** Weight in the parent's weighted result (`rate`/`level` shares, e.g. the share of the base); null counts as 1. */
    weight: z.number().positive().max(1e12).nullable(),
    code: requiredText(40),
    name: requiredText(100),
    unit: text(20),
    kind: z.enum(indicatorKinds),
    direction: z.enum(indicatorDirections),
    year: z.number().int().min(2000).max(2100),
    baseline: measure.nullable(),
    target: measure,
    /** Planned value to date per month (`YYYY-MM` → value); replaces linear time progress. */
    monthlyPlan: z.record(period, measure).nullable(),
    ownerPersonId: id.nullable(),
    note: text(2000).nullable(),
  },
  readOnly: {},
  required: ["taskForceId", "code", "name", "kind", "target", "year"],
  defaults: {
    taskId: null,
    parentId: null,
    goalId: null,
    orgUnitId: null,
    weight: null,
    unit: "",
    direction: "up",
    baseline: null,
    monthlyPlan: null,
    ownerPersonId: null,
    note: null,
  },
});
export type Indicator = z.output<typeof indicatorSchemas.entity>;

/** One month's actual value of an indicator (unique per indicator and period). */
export const readingSchemas = defineEntity({
  name: "IndicatorReading",
  fields: {
    indicatorId: id,
    period,
    actual: measure,
    note: text(2000).nullable(),
    reportedById: id.nullable(),
  },
  readOnly: { reportedAt: timestamp },
  required: ["indicatorId", "period", "actual"],
  defaults: { note: null, reportedById: null },
});
export type IndicatorReading = z.output<typeof readingSchemas.entity>;

/** Body of `PATCH /indicator-readings/{id}`: the changed fields, the version, and why. */
export const readingCorrection = readingSchemas.update.extend({ reason: correctionReason });
