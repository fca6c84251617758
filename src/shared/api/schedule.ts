import { z } from "zod";
import { keyed } from "../messages.js";
import { light, lightColor } from "./closed-loop.js";
import { errorDetail, id, isoDate, text, timestamp } from "./common.js";
import { pendingExtension } from "./extensions.js";
import { taskForceSchemas } from "./task-forces.js";
import { dependencySchemas, taskSchemas } from "./tasks.js";

/** The stored outcome of scheduling a task force (倒排工期 run). */
export const scheduleRun = z.object({
  taskForceId: id,
  computedAt: timestamp,
  statusDate: isoDate,
  projectStart: isoDate,
  deadline: isoDate.nullable(),
  earliestFinish: isoDate,
  feasible: z.boolean(),
  minFloat: z.number().int(),
  criticalPath: z.array(id),
  skipped: z.array(z.object({ taskId: id, code: z.string(), reason: z.enum(["no_duration"]) })),
  error: z.string().nullable(),
});
z.globalRegistry.add(scheduleRun, { id: "ScheduleRun" });
export type ScheduleRun = z.output<typeof scheduleRun>;

/**
 * Why the plan cannot be scheduled (its tasks then have no dates), task by WBS code and field;
 * empty when it can. The battle map marks such a task force rather than showing stale dates.
 */
const scheduleProblems = z.array(errorDetail);

/** What the battle map draws. */
export const battleMap = z.object({
  statusDate: isoDate,
  taskForces: z.array(taskForceSchemas.entity.extend({ schedule: scheduleRun.nullable(), scheduleProblems })),
  tasks: z.array(taskSchemas.entity),
  dependencies: z.array(dependencySchemas.entity),
  lights: z.object({ tasks: z.record(id, light), taskForces: z.record(id, light) }),
  /** Baseline numbers the task forces shown have (for choosing which to compare). */
  baselineNumbers: z.array(z.number().int()),
  /**
   * The baselines asked for with `baselines=1,2`: per baseline number, each task's planned start and
   * finish in it (tasks a baseline does not hold are absent).
   */
  compared: z.array(
    z.object({
      number: z.number().int(),
      tasks: z.record(id, z.object({ start: isoDate, finish: isoDate })),
    }),
  ),
  /** Pending 延期申请 (extension requests) of the tasks shown, by task id: the date each asks for. */
  pendingExtensions: z.record(id, pendingExtension),
});
z.globalRegistry.add(battleMap, { id: "BattleMap" });

/**
 * The battle map's outline (`outline=true`): what a map of thousands of task forces draws before
 * any is opened, in well under 1 MB for a province. Each task force is brief (no task-book texts,
 * its run without the critical chain's ids), its light without reasons (its own answer with
 * `taskForceId=` carries them), and `outline` folds its tasks.
 */
export const battleMapOutline = battleMap.extend({
  taskForces: z.array(
    taskForceSchemas.entity
      .pick({ id: true, code: true, name: true, startDate: true, deadline: true })
      .extend({
        schedule: scheduleRun.pick({ feasible: true, error: true, earliestFinish: true }).nullable(),
        scheduleProblems,
      }),
  ),
  /**
   * Each task force's tasks folded into its row: how many pass the filters, how many of those have
   * each light, and the span of their dates (so the time axis is the one the whole map would have).
   * Task forces with no such task are absent.
   */
  outline: z.record(
    id,
    z.object({
      tasks: z.number().int(),
      lights: z.record(lightColor, z.number().int()),
      start: isoDate.nullable(),
      finish: isoDate.nullable(),
    }),
  ),
});
z.globalRegistry.add(battleMapOutline, { id: "BattleMapOutline" });
export type BattleMapOutline = z.output<typeof battleMapOutline>;

/**
 * Query of `GET /battle-map`: comma-separated ids, `critical=true` for the critical chain only, and
 * the status date the schedule and lights are computed at.
 */
export const battleMapQuery = z.strictObject({
  statusDate: isoDate.optional(),
  taskForceId: text(4000).optional(),
  responsibleUnitId: text(4000).optional(),
  responsiblePersonId: text(4000).optional(),
  critical: z.enum(["true", "false"]).optional(),
  /**
   * `true`: task forces only, each with its tasks folded into counts and a span (a province's
   * 50,000 tasks are 70 MB); a task force's tasks then come with `taskForceId=`.
   */
  outline: z.enum(["true", "false"]).optional(),
  /** One or two baseline numbers to draw beside the current plan, e.g. `1,2`. */
  baselines: z
    .string()
    .regex(/^\d{1,6}(,\d{1,6})?$/, keyed("baselineNumbers"))
    .optional(),
});
