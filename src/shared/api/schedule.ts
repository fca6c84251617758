import { z } from "zod";
import { keyed } from "../messages.js";
import { light } from "./closed-loop.js";
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

/** What the battle map draws. */
export const battleMap = z.object({
  statusDate: isoDate,
  taskForces: z.array(
    taskForceSchemas.entity.extend({
      schedule: scheduleRun.nullable(),
      /**
       * Why the plan cannot be scheduled (its tasks then have no dates), task by WBS code and field;
       * empty when it can. The battle map marks such a task force rather than showing stale dates.
       */
      scheduleProblems: z.array(errorDetail),
    }),
  ),
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
 * Query of `GET /battle-map`: comma-separated ids, `critical=true` for the critical chain only, and
 * the status date the schedule and lights are computed at.
 */
export const battleMapQuery = z.strictObject({
  statusDate: isoDate.optional(),
  taskForceId: text(4000).optional(),
  responsibleUnitId: text(4000).optional(),
  responsiblePersonId: text(4000).optional(),
  critical: z.enum(["true", "false"]).optional(),
  /** One or two baseline numbers to draw beside the current plan, e.g. `1,2`. */
  baselines: z
    .string()
    .regex(/^\d{1,6}(,\d{1,6})?$/, keyed("baselineNumbers"))
    .optional(),
});
