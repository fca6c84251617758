import { commentSchemas } from "../src/shared/api/comments.js";
import { goalSchemas } from "../src/shared/api/goals.js";
import { indicatorSchemas, readingSchemas } from "../src/shared/api/indicators.js";
import { orgUnitSchemas, personSchemas, userSchemas } from "../src/shared/api/org.js";
import { progressReportSchemas } from "../src/shared/api/reports.js";
import { supervisionItemSchemas } from "../src/shared/api/supervision.js";
import { memberSchemas, taskForceSchemas } from "../src/shared/api/task-forces.js";
import { dependencySchemas, taskSchemas } from "../src/shared/api/tasks.js";

/** The kinds of record with standard routes (list, create, read, update, delete), for tests that visit each. */
export const RECORD_KINDS = [
  { path: "org-units", schemas: orgUnitSchemas },
  { path: "persons", schemas: personSchemas },
  { path: "users", schemas: userSchemas },
  { path: "goals", schemas: goalSchemas },
  { path: "task-forces", schemas: taskForceSchemas },
  { path: "members", schemas: memberSchemas },
  { path: "tasks", schemas: taskSchemas },
  { path: "dependencies", schemas: dependencySchemas },
  { path: "indicators", schemas: indicatorSchemas },
  { path: "indicator-readings", schemas: readingSchemas },
  { path: "progress-reports", schemas: progressReportSchemas },
  { path: "supervision-items", schemas: supervisionItemSchemas },
  { path: "comments", schemas: commentSchemas },
] as const;
