import type { z } from "zod";
import { goalSchemas } from "../../shared/api/goals.js";
import { indicatorSchemas, readingSchemas } from "../../shared/api/indicators.js";
import { orgUnitSchemas, personSchemas, userSchemas } from "../../shared/api/org.js";
import { progressReportSchemas } from "../../shared/api/reports.js";
import { supervisionItemSchemas } from "../../shared/api/supervision.js";
import { memberSchemas, taskForceSchemas } from "../../shared/api/task-forces.js";
import { dependencySchemas, taskSchemas } from "../../shared/api/tasks.js";
import { setPassword } from "../accounts/account.service.js";
import { recordBaseline } from "../baselines/baseline.service.js";
import type { ServiceContext, WriteContext } from "../context.js";
import { createGoal } from "../goals/goal.service.js";
import { createIndicator } from "../indicators/indicator.service.js";
import { createReadings } from "../indicators/reading.service.js";
import { createOrgUnit, updateOrgUnit } from "../org/org-unit.service.js";
import { createPerson } from "../org/person.service.js";
import { createUser } from "../org/user.service.js";
import { createProgressReport } from "../progress-reports/progress-report.service.js";
import { parseOrThrow } from "../records/parse-input.js";
import { write } from "../records/transaction.js";
import { getSetting, putSetting } from "../settings/settings.repository.js";
import { createSupervisionItem, transitionSupervisionItem } from "../supervision/supervision.service.js";
import { createMembers } from "../task-forces/member.service.js";
import { createTaskForce } from "../task-forces/task-force.service.js";
import { writePlanChanges } from "../tasks/plan-bulk.service.js";
import { storedTaskIn, updateTask } from "../tasks/task.service.js";
import { deleteEverything } from "./demo.repository.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SETTING, demoSetting } from "./demo-accounts.js";
import type { DemoDataset } from "./demo-dataset.js";

/** What `loadDemo` did. */
export interface DemoLoadResult {
  readonly loaded: boolean;
  readonly counts: Readonly<Record<string, number>>;
}

/** Loads seeds through a create service, each checked against its create schema first. */
async function loadSeeds<S extends z.ZodType, R>(
  w: WriteContext,
  schema: S,
  seeds: readonly { readonly id: string }[],
  create: (ctx: ServiceContext, input: z.output<S>, id: string) => Promise<R>,
): Promise<number> {
  for (const { id, ...input } of seeds) await create(w, parseOrThrow(schema, input, `demo record ${id}`), id);
  return seeds.length;
}

/** Seeds checked against their create schema, with their ids, for a bulk write. */
function checked<S extends z.ZodType>(
  schema: S,
  seeds: readonly { readonly id: string }[],
): { id: string; input: z.output<S> }[] {
  return seeds.map(({ id, ...input }) => ({ id, input: parseOrThrow(schema, input, `demo record ${id}`) }));
}

/**
 * Loads the demo district in one write through the same services as the API (validated, audited as
 * `demo`). Idempotent: a database that already holds the demo is left as it is unless `reset` is
 * set, which first deletes every record of every table.
 */
export function loadDemo(
  ctx: ServiceContext,
  data: DemoDataset,
  options: { reset?: boolean } = {},
): Promise<DemoLoadResult> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    if (options.reset) {
      await deleteEverything(db);
      w.uow.changes.push({ entity: "*" });
    } else if (await getSetting(db, DEMO_SETTING, demoSetting)) return { loaded: false, counts: {} };
    const counts: Record<string, number> = {};
    counts["org-units"] = await loadSeeds(w, orgUnitSchemas.create, data.orgUnits, createOrgUnit);
    counts.persons = await loadSeeds(w, personSchemas.create, data.persons, createPerson);
    for (const h of data.unitHeads)
      await updateOrgUnit(w, h.unitId, { version: 1, headPersonId: h.personId });
    counts.users = await loadSeeds(w, userSchemas.create, data.users, createUser);
    for (const u of data.users)
      if (DEMO_ACCOUNTS.some((name) => name === u.username)) await setPassword(w, u.id, DEMO_PASSWORD);
    counts.goals = await loadSeeds(w, goalSchemas.create, data.goals, createGoal);
    counts["task-forces"] = await loadSeeds(w, taskForceSchemas.create, data.taskForces, createTaskForce);
    await createMembers(w, checked(memberSchemas.create, data.members));
    counts.members = data.members.length;
    const claims = new Set(data.plantedClaims);
    // Links to indicators wait for the indicators, which may name their task.
    const tasks = data.tasks.map(({ baselineStart: _s, baselineFinish: _f, indicatorIds: _i, ...task }) =>
      // A claimed completion is made by its 100 % report, below: until then the task is under way.
      claims.has(task.id)
        ? { ...task, status: "in_progress" as const, percent: 90, actualFinish: null }
        : task,
    );
    // The plan in one bulk write (the ledger import's), under the same rules as one record at a time.
    await writePlanChanges(w, {
      tasks: { creates: checked(taskSchemas.create, tasks), updates: [] },
      dependencies: { creates: checked(dependencySchemas.create, data.dependencies), updates: [] },
    });
    counts.tasks = tasks.length;
    counts.dependencies = data.dependencies.length;
    // Each task force's plan as approved at its start: baseline 1, which slippage counts from.
    for (const tf of data.taskForces) {
      const dates = data.tasks.flatMap((t) =>
        t.taskForceId === tf.id && t.baselineStart && t.baselineFinish
          ? [{ taskId: t.id, start: t.baselineStart, finish: t.baselineFinish }]
          : [],
      );
      if (dates.length === 0) continue;
      const day = tf.startDate ?? data.statusDate;
      await recordBaseline(w, tf.id, dates, {
        reason: "专班成立时批准的初始计划",
        statusDate: day,
        approvedAt: `${day}T01:00:00.000Z`,
      });
    }
    counts.indicators = await loadSeeds(w, indicatorSchemas.create, data.indicators, createIndicator);
    counts["task-indicator-links"] = 0;
    for (const t of data.tasks) {
      if (!t.indicatorIds?.length) continue;
      const { version } = await storedTaskIn(w, t.id);
      const links = { version, indicatorIds: t.indicatorIds };
      await updateTask(w, t.id, parseOrThrow(taskSchemas.update, links, `demo record ${t.id}`));
      counts["task-indicator-links"] += t.indicatorIds.length;
    }
    await createReadings(w, checked(readingSchemas.create, data.readings));
    counts["indicator-readings"] = data.readings.length;
    counts["progress-reports"] = await loadSeeds(
      w,
      progressReportSchemas.create,
      data.progressReports,
      createProgressReport,
    );
    const items = data.supervisionItems.map(({ transitions: _t, ...item }) => item);
    counts["supervision-items"] = await loadSeeds(
      w,
      supervisionItemSchemas.create,
      items,
      createSupervisionItem,
    );
    for (const item of data.supervisionItems) {
      let version = 1;
      for (const t of item.transitions)
        version = (await transitionSupervisionItem(w, item.id, { ...t, version })).version;
    }
    await putSetting(
      db,
      DEMO_SETTING,
      { organisation: data.organisation, statusDate: data.statusDate },
      w.now(),
    );
    await putSetting(db, "statusDate", { rule: "fixed", date: data.statusDate }, w.now());
    await putSetting(db, "documents", { issuingUnit: "区委区政府督查室", numberPrefix: "区督查" }, w.now());
    w.uow.changes.push({ entity: "settings", entityId: DEMO_SETTING });
    return { loaded: true, counts };
  });
}
