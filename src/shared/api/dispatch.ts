import { z } from "zod";
import { CHAIN_LEVELS, TREND_STAGES } from "../../vocabulary/index.js";
import { indicatorIdentity, lightColor, reason } from "./closed-loop.js";
import { id, isoDate, period } from "./common.js";

const counts = z.object({
  red: z.number(),
  yellow: z.number(),
  green: z.number(),
  grey: z.number(),
  blue: z.number(),
});
const window = z.object({ start: isoDate, end: isoDate });
const taskStatus = z.enum(["not_started", "in_progress", "done", "suspended"]);
const supervisionState = z.enum(["open", "rectifying", "submitted", "verified"]);

const chaseCounts = z.object({
  sent: z.number().int(),
  unanswered: z.number().int(),
  pastGrace: z.number().int(),
});

/** A task in one of the dispatch report's lists. */
const taskEntry = z.object({
  taskId: id,
  taskForceId: id,
  code: z.string(),
  title: z.string(),
  summary: z.boolean(),
  status: taskStatus,
  percent: z.number(),
  deadline: isoDate.nullable(),
  actualFinish: isoDate.nullable(),
  lastReportDate: isoDate.nullable(),
  responsibleUnitId: id.nullable(),
  responsiblePersonId: id.nullable(),
  color: lightColor,
});
const supervisionEntry = z.object({
  id,
  code: z.string(),
  taskForceId: id,
  taskId: id.nullable(),
  taskCode: z.string().nullable(),
  state: supervisionState,
  issue: z.string(),
  raisedOn: isoDate,
  submittedOn: isoDate.nullable(),
  verifiedOn: isoDate.nullable(),
  dueDate: isoDate,
  daysOverdue: z.number().nullable(),
});
const indicatorEntry = indicatorIdentity.extend({
  target: z.number(),
  reading: z.object({ period, actual: z.number() }).nullable(),
  reportedOn: isoDate.nullable(),
  reportedInRound: z.boolean(),
  trend: z.enum(TREND_STAGES),
  color: lightColor,
  workProgress: z.number().nullable(),
  timeProgress: z.number(),
});
/** Counts of a task force's section, or of the whole report. */
const summary = z.object({
  tasks: z.number(),
  taskCounts: counts,
  indicatorCounts: counts,
  completed: z.number(),
  due: z.number(),
  overdue: z.number(),
  noReport: z.number(),
  red: z.number(),
  yellow: z.number(),
  supervision: z.object({
    raised: z.number(),
    submitted: z.number(),
    verified: z.number(),
    overdue: z.number(),
  }),
  indicators: z.number(),
  indicatorsReported: z.number(),
  trends: z.record(z.enum(TREND_STAGES), z.number()),
});

/** A task force's section of the report without its lists: who, light and counts. */
const taskForceHead = z.object({
  taskForceId: id,
  code: z.string(),
  name: z.string(),
  color: lightColor.nullable(),
  summary,
});

/** `GET /dispatch-report`: the weekly (or monthly) dispatch report (调度报告). */
export const dispatchReportView = z.object({
  statusDate: isoDate,
  roundSetting: z.enum(["weekly", "monthly", "off"]),
  rounds: z.object({ kind: z.enum(["weekly", "monthly"]), current: window, next: window, due: window }),
  dayUnit: z.enum(["workdays", "calendar-days"]),
  total: summary,
  taskForces: z.array(
    taskForceHead.extend({
      completed: z.array(taskEntry),
      due: z.array(taskEntry.extend({ daysLeft: z.number() })),
      overdue: z.array(taskEntry.extend({ daysOverdue: z.number() })),
      noReport: z.array(taskEntry),
      red: z.array(taskEntry.extend({ reasons: z.array(reason) })),
      yellow: z.array(taskEntry.extend({ reasons: z.array(reason) })),
      supervision: z.object({
        raised: z.array(supervisionEntry),
        submitted: z.array(supervisionEntry),
        verified: z.array(supervisionEntry),
        overdue: z.array(supervisionEntry),
      }),
      indicators: z.array(indicatorEntry),
    }),
  ),
  keyPoints: z.array(
    z.object({
      kind: z.enum(["overdue-task", "overdue-supervision", "red-task", "red-indicator"]),
      taskForceId: id,
      taskForceCode: z.string(),
      refId: id,
      refCode: z.string(),
      daysOverdue: z.number().nullable(),
      text: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
  /** Indicators split into shares (层层衔接), with the shares that pull each down, worst first. */
  cascade: z.array(
    z.object({
      indicatorId: id,
      taskForceId: id.nullable(),
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      color: lightColor,
      laggards: z.array(
        z.object({
          indicatorId: id,
          code: z.string(),
          holder: z.string(),
          color: lightColor,
          actual: z.number().nullable(),
          target: z.number(),
          workProgress: z.number().nullable(),
          timeProgress: z.number(),
          behind: z.number(),
        }),
      ),
      text: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
  names: z.object({ units: z.record(z.string(), z.string()), persons: z.record(z.string(), z.string()) }),
  /** 催办 of the current round: sent, still unanswered, unanswered past the owner's grace. */
  chases: z.object({
    total: chaseCounts,
    byTaskForce: z.record(z.string(), chaseCounts),
    unanswered: z.array(
      z.object({
        taskForceId: id,
        subjectKind: z.enum(["task", "supervisionItem"]),
        subjectId: id,
        subjectCode: z.string(),
        subjectTitle: z.string(),
        recipientName: z.string(),
        level: z.enum(CHAIN_LEVELS),
        rule: z.string(),
        day: isoDate,
        workdaysUnanswered: z.number().int(),
      }),
    ),
  }),
});
z.globalRegistry.add(dispatchReportView, { id: "DispatchReport" });

/**
 * `GET /dispatch-report/summary`: the report's first answer at any size — totals, key points, the
 * district's cascade first and a page of task forces' counts, without the task lists (those come per task
 * force from `GET /dispatch-report?taskForceId=`). Lists that grow with the organisation are cut
 * to their worst entries; their full lengths are given.
 */
export const dispatchReportSummary = dispatchReportView.omit({ taskForces: true }).extend({
  /** A page of the task forces (`limit`, `offset`), in the report's order; `chases.byTaskForce` holds theirs. */
  taskForces: z.array(taskForceHead),
  /** Full lengths: task forces, cascade entries and unanswered 催办 (the summary keeps the first of each). */
  cut: z.object({
    taskForces: z.number().int(),
    cascade: z.number().int(),
    unansweredChases: z.number().int(),
  }),
});
z.globalRegistry.add(dispatchReportSummary, { id: "DispatchReportSummary" });

/** Query of `GET /dispatch-report/summary`. */
export const dispatchSummaryQuery = z.strictObject({
  statusDate: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Query of `GET /dispatch-report`. */
export const dispatchReportQuery = z.strictObject({
  statusDate: isoDate.optional(),
  taskForceId: id.optional(),
});
