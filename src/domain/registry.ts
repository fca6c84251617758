import { AppError } from "../shared/errors.js";
import { commentResource } from "./comments/comment.resource.js";
import { goalResource } from "./goals/goal.resource.js";
import { indicatorResource, readingResource } from "./indicators/indicator.resources.js";
import { orgUnitResource, personResource, userResource } from "./org/org.resources.js";
import { progressReportResource } from "./progress-reports/progress-report.resource.js";
import type { ResourceDef } from "./resource/resource-def.js";
import { supervisionItemResource } from "./supervision/supervision.resource.js";
import { memberResource, taskForceResource } from "./task-forces/task-force.resources.js";
import { dependencyResource, taskResource } from "./tasks/task.resources.js";

let registry: readonly ResourceDef[] | undefined;

/**
 * Every resource served by the generic CRUD, in load order (referenced before referring). Built on
 * first use: resource modules and the generic service import each other, so no module may read
 * the list while the import graph is still being evaluated.
 */
export function allResources(): readonly ResourceDef[] {
  registry ??= [
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
    commentResource,
  ];
  return registry;
}

/**
 * Tables outside the generic CRUD whose rows refer to a resource's records, so that deleting a
 * referred record is refused with what refers to it (409 `STILL_REFERENCED`), as for resources.
 */
export const OTHER_REFERENCES: readonly {
  readonly table: string;
  readonly field: string;
  /** The referred resource's path. */
  readonly target: string;
  readonly label: string;
}[] = [
  { table: "attachments", field: "taskId", target: "tasks", label: "evidence file" },
  { table: "attachments", field: "taskForceId", target: "task-forces", label: "evidence file" },
];

/** The resource served at `/api/v1/<path>`. */
export function resourceByPath(path: string): ResourceDef {
  const def = allResources().find((r) => r.path === path);
  if (!def) throw new AppError("internal", `unknown resource ${path}`);
  return def;
}
