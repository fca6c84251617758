import { z } from "zod";
import { DIRECTIONS, INDICATOR_KINDS, SUPERVISION_STATES, TREND_STAGES } from "../../vocabulary/index.js";
import { lightColor } from "./closed-loop.js";
import { id, isoDate, period } from "./common.js";

/** The stages the answer sheet reports with the month they happened: 止跌, 回升, 转正. */
export const answerSheetTurnStages = ["stopped-falling", "rebounding", "turned-positive"] as const;

/** How a milestone (a task of duration 0) stands: met on time, met late, past its date unmet, not yet due. */
export const milestoneOutcomes = ["on-time", "late", "overdue", "open"] as const;
export type MilestoneOutcome = (typeof milestoneOutcomes)[number];

/** One indicator of an answer sheet: the overview's figures at the status date, and its turns. */
const indicatorRow = z.object({
  id,
  /** Null: a district-level indicator (it belongs to a goal, not a task force). */
  taskForceId: id.nullable(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(DIRECTIONS),
  baseline: z.number().nullable(),
  target: z.number(),
  /** The latest actual in the period up to the status date, and its month; null: none reported. */
  actual: z.number().nullable(),
  actualPeriod: period.nullable(),
  /** Work and time progress in %, work minus time (points) — the overview's. */
  workProgress: z.number().nullable(),
  timeProgress: z.number(),
  gap: z.number().nullable(),
  /** Achievement in % (work over time progress, capped at 100), as the assessment counts it. */
  achievement: z.number().nullable(),
  light: lightColor,
  /** The trend stage at the status date (the overview's). */
  trend: z.enum(TREND_STAGES),
  /** Each month where the stage became 止跌, 回升 or 转正, oldest first. */
  turns: z.array(z.object({ period, stage: z.enum(answerSheetTurnStages) })),
});

const milestoneRow = z.object({
  id,
  code: z.string(),
  title: z.string(),
  /** The milestone's date: its deadline, else its baseline finish. */
  date: isoDate.nullable(),
  actualFinish: isoDate.nullable(),
  outcome: z.enum(milestoneOutcomes),
});
const milestoneCounts = z.object({
  total: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
});

const supervisionRow = z.object({
  id,
  code: z.string(),
  issue: z.string(),
  raisedOn: isoDate,
  dueDate: isoDate,
  /** The state at the status date: verified only when signed off by then. */
  state: z.enum(SUPERVISION_STATES),
  verifiedOn: isoDate.nullable(),
  /** Closed by its due date (null: not closed by the status date). */
  closedOnTime: z.boolean().nullable(),
});
const supervisionCounts = z.object({
  raised: z.number().int(),
  closed: z.number().int(),
  closedOnTime: z.number().int(),
  /** Not closed by the status date and past due. */
  overdue: z.number().int(),
});

const extensionRow = z.object({
  id,
  taskId: id,
  taskCode: z.string(),
  taskTitle: z.string(),
  /** The deadline before and after the extension. */
  from: isoDate.nullable(),
  to: isoDate,
  grantedOn: isoDate,
  reason: z.string(),
});

const component = z.object({ ratio: z.number().nullable(), met: z.number(), counted: z.number() });
/** A task force's assessment (考核) at the status date: score, rank among all task forces, components. */
const assessmentRow = z.object({
  score: z.number().nullable(),
  rank: z.number().nullable(),
  /** How many task forces the district ranks. */
  of: z.number().int(),
  components: z.object({ milestones: component, indicators: component, supervision: component }),
  redLights: z.number(),
  deducted: z.number(),
});

/** Who signs a sheet: the task force's lead leader (牵头领导), or no one named for the district. */
const signature = z.object({ personId: id.nullable(), name: z.string().nullable() });

/** A task force's answer sheet. */
export const taskForceAnswerSheet = z.object({
  taskForceId: id,
  code: z.string(),
  name: z.string(),
  light: lightColor,
  goals: z.array(z.object({ id, code: z.string(), title: z.string() })),
  indicators: z.array(indicatorRow),
  milestones: milestoneCounts.extend({ items: z.array(milestoneRow) }),
  supervision: supervisionCounts.extend({ items: z.array(supervisionRow) }),
  extensions: z.object({ granted: z.number().int(), items: z.array(extensionRow) }),
  assessment: assessmentRow,
  signature,
});

/** One task force's line on the district sheet. */
const summaryRow = z.object({
  taskForceId: id,
  code: z.string(),
  name: z.string(),
  light: lightColor,
  indicators: z.number().int(),
  /** Mean achievement of its indicators with one, in % (null: none yet). */
  achievement: z.number().nullable(),
  turns: z.number().int(),
  milestones: milestoneCounts,
  supervision: supervisionCounts,
  extensions: z.number().int(),
  score: z.number().nullable(),
  rank: z.number().nullable(),
  leadLeader: z.string().nullable(),
});

/** The district's sheet: every task force's line, the ranking and the district's own figures. */
export const districtAnswerSheet = z.object({
  rows: z.array(summaryRow),
  /** The rows by rank (the unscored last). */
  ranking: z.array(
    summaryRow.pick({ taskForceId: true, code: true, name: true, score: true, rank: true }).extend({
      components: assessmentRow.shape.components,
      redLights: z.number(),
    }),
  ),
  totals: z.object({
    taskForces: z.number().int(),
    indicators: z.number().int(),
    lights: z.record(lightColor, z.number().int()),
    turns: z.number().int(),
    milestones: milestoneCounts,
    supervision: supervisionCounts,
    extensions: z.number().int(),
  }),
  /** District-level indicators (no task force; they belong to a goal). */
  indicators: z.array(indicatorRow),
  signature,
  /**
   * The cascades of the district-level indicators (层层衔接): each district indicator, then its
   * task-force shares and their units' and streets' shares, in pre-order, with the rolled-up actual.
   */
  cascade: z.array(
    z.object({
      indicatorId: id,
      parentId: id.nullable(),
      /** 0: the district indicator. */
      depth: z.number().int().min(0),
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      taskForceName: z.string().nullable(),
      orgUnitName: z.string().nullable(),
      ownerName: z.string().nullable(),
      target: z.number(),
      plan: z.number().nullable(),
      actual: z.number().nullable(),
      period: period.nullable(),
      /** reported: the indicator's own figure; computed: its shares' roll-up. */
      source: z.enum(["reported", "computed", "none"]),
      difference: z.number().nullable(),
      light: lightColor,
      trend: z.enum(TREND_STAGES),
    }),
  ),
});

/** `GET /answer-sheet` (the district's) and `GET /task-forces/{id}/answer-sheet`: the year's answer sheet (交卷). */
export const answerSheetView = z.object({
  statusDate: isoDate,
  year: z.number().int(),
  /** Before Dec 31 of the year: a draft (草稿). */
  draft: z.boolean(),
  /** The organisation's name as recorded, or null. */
  organisation: z.string().nullable(),
  /** The one task force asked for; null on the district sheet. */
  taskForce: taskForceAnswerSheet.nullable(),
  /** The district sheet; null on a task force's. */
  district: districtAnswerSheet.nullable(),
});
z.globalRegistry.add(answerSheetView, { id: "AnswerSheet" });
export type AnswerSheet = z.output<typeof answerSheetView>;
export type TaskForceAnswerSheet = z.output<typeof taskForceAnswerSheet>;
export type DistrictAnswerSheet = z.output<typeof districtAnswerSheet>;
export type AnswerSheetIndicator = z.output<typeof indicatorRow>;

/** Query of `GET /answer-sheet` and `GET /task-forces/{id}/answer-sheet`: the status date. */
export const answerSheetQuery = z.strictObject({ statusDate: isoDate.optional() });

/** Query of the answer sheet's workbook: the status date and the workbook's language. */
export const answerSheetXlsxQuery = answerSheetQuery.extend({ lang: z.enum(["zh", "en"]).default("zh") });
