import { AppError } from "../shared/errors.js";
import { goalResource } from "./goals/goal.resource.js";
import { indicatorResource, readingResource } from "./indicators/indicator.resources.js";
import { orgUnitResource, personResource, userResource } from "./org/org.resources.js";
import { progressReportResource } from "./progress-reports/progress-report.resource.js";
import type { ResourceDef } from "./resource/resource-def.js";
import { supervisionItemResource } from "./supervision/supervision.resource.js";
import { memberResource, taskForceResource } from "./task-forces/task-force.resources.js";
import { dependencyResource, taskResource } from "./tasks/task.resources.js";

/** Every resource served by the generic CRUD, in load order (referenced before referring). */
export const resources: readonly ResourceDef[] = [
  orgUnitResource,
  personResource,
  userResource,
  goalResource,
  taskForceResource,
  memberResource,
  taskResource,
  dependencyResource,
  indicatorResource,
  readingResource,
  progressReportResource,
  supervisionItemResource,
];

/** The resource served at `/api/v1/<path>`. */
export function resourceByPath(path: string): ResourceDef {
  const def = resources.find((r) => r.path === path);
  if (!def) throw new AppError("internal", `unknown resource ${path}`);
  return def;
}
