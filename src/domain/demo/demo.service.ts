import { setPassword } from "../accounts/account.service.js";
import { bumpDataRevision } from "../audit/audit.repository.js";
import type { ServiceContext } from "../context.js";
import { goalResource } from "../goals/goal.resource.js";
import { indicatorResource, readingResource } from "../indicators/indicator.resources.js";
import { orgUnitResource, personResource, userResource } from "../org/org.resources.js";
import { progressReportResource } from "../progress-reports/progress-report.resource.js";
import { createRecord, inTransaction } from "../resource/resource.service.js";
import type { ResourceDef } from "../resource/resource-def.js";
import { recomputeAll } from "../schedule/schedule.service.js";
import { getSetting, putSetting } from "../settings/settings.repository.js";
import { supervisionItemResource } from "../supervision/supervision.resource.js";
import { transitionSupervisionItem } from "../supervision/supervision.service.js";
import { memberResource, taskForceResource } from "../task-forces/task-force.resources.js";
import { dependencyResource, taskResource } from "../tasks/task.resources.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.js";
import type { DemoDataset } from "./demo-dataset.js";

/** Every table, children first, for a reset. */
const ALL_TABLES = [
  "attachments",
  "comments",
  "assessments",
  "schedule_runs",
  "sessions",
  "api_tokens",
  "auth_failures",
  "audit_entries",
  "supervision_items",
  "progress_reports",
  "indicator_readings",
  "indicators",
  "dependencies",
  "task_co_units",
  "tasks",
  "task_force_members",
  "task_force_co_units",
  "task_force_goals",
  "task_forces",
  "goals",
  "users",
  "persons",
  "org_units",
  "settings",
  "data_changes",
];

/** What `loadDemo` did. */
export interface DemoLoadResult {
  readonly loaded: boolean;
  readonly counts: Readonly<Record<string, number>>;
}

/** The settings key marking a demo database (the login page shows demo passwords only then). */
export const DEMO_SETTING = "demo";

/**
 * Loads the demo district in one transaction through the same services as the API (validated,
 * audited as `demo`). Idempotent: a database that already holds the demo is left as it is unless
 * `reset` is set, which first deletes every record of every table.
 */
export async function loadDemo(
  ctx: ServiceContext,
  data: DemoDataset,
  options: { reset?: boolean } = {},
): Promise<DemoLoadResult> {
  return inTransaction(ctx, async (trx) => {
    const c: ServiceContext = { ...ctx, trx, deferSchedule: true };
    if (options.reset) {
      for (const t of ALL_TABLES) await trx.deleteFrom(t).execute();
      await bumpDataRevision(trx, { entity: "*" });
    } else if (await getSetting(trx, DEMO_SETTING)) return { loaded: false, counts: {} };
    const counts: Record<string, number> = {};
    const load = async (def: ResourceDef, seeds: readonly { id: string }[]) => {
      for (const { id, ...input } of seeds) await createRecord(c, def, stripExtras(input), { id });
      counts[def.path] = seeds.length;
    };
    await load(orgUnitResource, data.orgUnits);
    await load(personResource, data.persons);
    await load(userResource, data.users);
    for (const u of data.users) {
      if ((DEMO_ACCOUNTS as readonly string[]).includes(u.username))
        await setPassword(c, u.id, DEMO_PASSWORD);
    }
    await load(goalResource, data.goals);
    await load(taskForceResource, data.taskForces);
    await load(memberResource, data.members);
    await load(taskResource, data.tasks);
    await load(dependencyResource, data.dependencies);
    await load(indicatorResource, data.indicators);
    await load(readingResource, data.readings);
    await load(progressReportResource, data.progressReports);
    await load(supervisionItemResource, data.supervisionItems);
    for (const item of data.supervisionItems) {
      let version = 1;
      for (const t of item.transitions) {
        const after = await transitionSupervisionItem(c, item.id, { ...t, version });
        version = after.version as number;
      }
    }
    await putSetting(
      trx,
      DEMO_SETTING,
      { organisation: data.organisation, statusDate: data.statusDate },
      ctx.now(),
    );
    await putSetting(trx, "statusDate", { rule: "fixed", date: data.statusDate }, ctx.now());
    await recomputeAll({ ...ctx, trx });
    return { loaded: true, counts };
  });
}

/** Seeds of supervision items carry their transitions beside the create-input. */
function stripExtras(input: Record<string, unknown>): Record<string, unknown> {
  const { transitions: _transitions, ...rest } = input;
  return rest;
}
