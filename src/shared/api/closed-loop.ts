import { z } from "zod";
import {
  DIRECTIONS,
  FIVE_CHECKS,
  INDICATOR_KINDS,
  LIGHT_COLORS,
  TREND_STAGES,
} from "../../vocabulary/index.js";
import { id, isoDate, period, timestamp } from "./common.js";
import { goalSchemas } from "./goals.js";

/** 亮灯 colours: red / yellow / green, grey = not yet due, blue = done. */
export const lightColor = z.enum(LIGHT_COLORS);
const counts = z.object({
  red: z.number(),
  yellow: z.number(),
  green: z.number(),
  grey: z.number(),
  blue: z.number(),
});

/** Why a light has its colour: a stable code, its parameters and the text in both languages. */
export const reason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  text: z.object({ zh: z.string(), en: z.string() }),
});
export const light = z.object({ color: lightColor, reasons: z.array(reason) });
z.globalRegistry.add(light, { id: "Light" });

const reading = z.object({ period, actual: z.number() });
const indicatorProgress = z.object({
  indicatorId: id,
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(DIRECTIONS),
  reading: reading.nullable(),
  workProgress: z.number().nullable(),
  timeProgress: z.number(),
  timeBasis: z.enum(["linear", "monthly-plan"]),
  asOf: isoDate,
  gap: z.number().nullable(),
  achievement: z.number().nullable(),
  light,
});
const forecast = z.object({
  status: z.enum(["forecast", "not-cumulative", "no-reading", "no-basis"]),
  value: z.number().optional(),
  basis: z.enum(["monthly-plan", "elapsed-time"]).optional(),
  share: z.number().optional(),
  meetsTarget: z.boolean().optional(),
});
const component = z.object({
  ratio: z.number().nullable(),
  met: z.number(),
  counted: z.number(),
  weight: z.number(),
  points: z.number(),
});
/** A scored and ranked task force, unit or person. */
export const entityScore = z.object({
  id,
  kind: z.enum(["task-force", "unit", "person"]),
  name: z.string(),
  score: z.number().nullable(),
  components: z.object({ milestones: component, indicators: component, supervision: component }),
  redLights: z.number(),
  /** Points taken off (催办 left unanswered past grace); absent in snapshots taken before deductions. */
  deducted: z.number().optional(),
  rank: z.number().nullable(),
});
const weights = z.object({ milestones: z.number(), indicators: z.number(), supervision: z.number() });

/** What names an indicator in a read model (the overview, the dispatch report). */
export const indicatorIdentity = z.object({
  id,
  /** Null: a district-level indicator. */
  taskForceId: id.nullable(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(DIRECTIONS),
});

/** A task force as the overview shows it: light with reasons, counts, score and rank. */
export const overviewTaskForce = z.object({
  id,
  code: z.string(),
  name: z.string(),
  goalIds: z.array(id),
  leadUnitId: id.nullable(),
  leadLeaderId: id.nullable(),
  light: lightColor,
  reasons: z.array(reason),
  counts,
  score: z.number().nullable(),
  rank: z.number().nullable(),
  redLights: z.number(),
});
z.globalRegistry.add(overviewTaskForce, { id: "OverviewTaskForce" });

/** An indicator as the overview shows it: progress, trend stage, forecast and monthly series. */
export const overviewIndicator = indicatorIdentity.extend({
  /** The indicator this one is a share of (层层衔接); its series is then part of the parent's roll-up. */
  parentId: id.nullable(),
  /** The goal a district-level indicator quantifies. */
  goalId: id.nullable(),
  baseline: z.number().nullable(),
  target: z.number(),
  progress: indicatorProgress,
  trend: z.enum(TREND_STAGES),
  forecast,
  series: z.array(reading),
});
z.globalRegistry.add(overviewIndicator, { id: "OverviewIndicator" });

const assessmentScores = z.object({
  weights,
  taskForces: z.array(entityScore),
  units: z.array(entityScore),
  persons: z.array(entityScore),
});

/** `GET /overview`: the wall map's summary. */
export const overviewView = z.object({
  statusDate: isoDate,
  counts,
  taskForces: z.array(overviewTaskForce),
  indicators: z.array(overviewIndicator),
  goals: z.array(goalSchemas.entity),
  assessment: assessmentScores,
});
z.globalRegistry.add(overviewView, { id: "Overview" });

/**
 * `GET /overview/summary`: the overview's first answer at any size (a province's 2,000 task forces
 * in well under 1 MB): counts, goals and district-level indicators, the best and the red task forces
 * and the top of each ranking; the rest by page from `/overview/task-forces` and `/overview/indicators`.
 */
export const overviewSummary = z.object({
  statusDate: isoDate,
  /** Task forces by light. */
  counts,
  /** Their tasks and indicators by light. */
  itemCounts: counts,
  taskForceCount: z.number().int(),
  indicatorCount: z.number().int(),
  /** The first task forces by rank. */
  ranking: z.array(overviewTaskForce),
  /** Red task forces, the most red lights first. */
  red: z.array(overviewTaskForce),
  /** Indicators set for the district (no task force), with their series. */
  districtIndicators: z.array(overviewIndicator),
  goals: z.array(goalSchemas.entity),
  assessment: assessmentScores.extend({
    taskForceCount: z.number().int(),
    unitCount: z.number().int(),
    personCount: z.number().int(),
  }),
});
z.globalRegistry.add(overviewSummary, { id: "OverviewSummary" });

/** Query of `GET /overview/summary`: how many rows each of its lists holds at most. */
export const overviewSummaryQuery = z.strictObject({
  statusDate: isoDate.optional(),
  top: z.coerce.number().int().min(1).max(100).default(20),
});

/** Query of `GET /overview/task-forces`: a page by rank, optionally of one light. */
export const overviewTaskForcesQuery = z.strictObject({
  statusDate: isoDate.optional(),
  light: lightColor.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Query of `GET /overview/indicators`: a page of one task force's indicators, or of one indicator's shares. */
export const overviewIndicatorsQuery = z.strictObject({
  statusDate: isoDate.optional(),
  taskForceId: id.optional(),
  parentId: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** `GET /task-forces/:id/lights`. */
export const taskForceLights = z.object({
  statusDate: isoDate,
  taskForce: light.extend({ taskForceId: id, counts }),
  tasks: z.array(light.extend({ taskId: id, summary: z.boolean(), plannedProgress: z.number().nullable() })),
  indicators: z.array(light.extend({ indicatorId: id, progress: indicatorProgress })),
});

/** `GET /check`: five-ization findings. */
export const checkView = z.object({
  ok: z.boolean(),
  findings: z.array(
    z.object({
      check: z.enum(FIVE_CHECKS),
      code: z.string(),
      taskForceId: id.nullable(),
      taskForceCode: z.string().nullable(),
      taskId: id.nullable(),
      wbs: z.string().nullable(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      text: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
  summary: z.object({
    taskForces: z.number(),
    tasks: z.number(),
    tasksWithFindings: z.number(),
    byCheck: z.record(z.string(), z.number()),
    byCode: z.record(z.string(), z.number()),
  }),
});

/** A dated assessment snapshot (考核), so rankings can be compared month to month. */
export const assessmentSnapshot = z.object({
  id,
  takenAt: timestamp,
  takenBy: z.string(),
  statusDate: isoDate,
  weights,
  taskForces: z.array(entityScore),
  units: z.array(entityScore),
  persons: z.array(entityScore),
});
z.globalRegistry.add(assessmentSnapshot, { id: "AssessmentSnapshot" });

/** Query of the overview and of a new assessment. */
export const statusDateQuery = z.strictObject({ statusDate: isoDate.optional() });
