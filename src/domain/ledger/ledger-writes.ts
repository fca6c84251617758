/**
 * The import's checks against the API's schemas and its writes: units, people, task forces, members,
 * indicators, actuals and supervision items through their services one by one (scope, rules and the
 * audit trail as for any write); the plan's tasks and dependencies through the batched plan write.
 */
import type { z } from "zod";
import type { ImportPlan, PlannedChange } from "../../engines/ledger/plan-import.js";
import type { LedgerProblem } from "../../engines/ledger/read-ledger.js";
import { SHEETS, type SheetKey } from "../../engines/ledger/sheets.js";
import { indicatorSchemas, readingSchemas } from "../../shared/api/indicators.js";
import { orgUnitSchemas, personSchemas } from "../../shared/api/org.js";
import { supervisionItemSchemas } from "../../shared/api/supervision.js";
import { memberSchemas, taskForceSchemas } from "../../shared/api/task-forces.js";
import { dependencySchemas, taskSchemas } from "../../shared/api/tasks.js";
import { issueDetail } from "../../shared/messages.js";
import type { ServiceContext, WriteContext } from "../context.js";
import { createIndicator, updateIndicator } from "../indicators/indicator.service.js";
import { createReading, updateReading } from "../indicators/reading.service.js";
import { createOrgUnit, updateOrgUnit } from "../org/org-unit.service.js";
import { createPerson, updatePerson } from "../org/person.service.js";
import { createSupervisionItem, updateSupervisionItem } from "../supervision/supervision.service.js";
import { createMember, updateMember } from "../task-forces/member.service.js";
import { createTaskForce, updateTaskForce } from "../task-forces/task-force.service.js";
import { type PlanChanges, writePlanChanges } from "../tasks/plan-bulk.service.js";

type Schemas = { create: z.ZodType; update: z.ZodType };
const SCHEMAS: Readonly<Record<SheetKey, Schemas>> = {
  units: orgUnitSchemas,
  people: personSchemas,
  taskForces: taskForceSchemas,
  members: memberSchemas,
  tasks: taskSchemas,
  dependencies: dependencySchemas,
  indicators: indicatorSchemas,
  readings: readingSchemas,
  supervision: supervisionItemSchemas,
};

type Write = {
  create: (ctx: ServiceContext, input: never, id: string, recorded?: never) => Promise<unknown>;
  update: (ctx: ServiceContext, id: string, input: never) => Promise<unknown>;
};
const WRITES: Readonly<Record<Exclude<SheetKey, "tasks" | "dependencies">, Write>> = {
  units: { create: createOrgUnit, update: updateOrgUnit },
  people: { create: createPerson, update: updatePerson },
  taskForces: { create: createTaskForce, update: updateTaskForce },
  members: { create: createMember, update: updateMember },
  indicators: { create: createIndicator, update: updateIndicator },
  readings: { create: createReading, update: updateReading },
  supervision: { create: createSupervisionItem, update: updateSupervisionItem },
};

/** Each change checked with its create or update schema, as the API would; refusals placed by cell. */
export function schemaProblems(plan: ImportPlan, sheetName: (k: SheetKey) => string): LedgerProblem[] {
  const out: LedgerProblem[] = [];
  for (const c of plan.changes) {
    if (c.action === "unchanged") continue;
    const schema = SCHEMAS[c.sheet][c.action];
    const r = schema.safeParse(c.action === "create" ? c.fields : { ...c.fields, version: c.version });
    if (r.success) continue;
    for (const issue of r.error.issues) {
      const d = issueDetail(issue);
      const field = String(issue.path[0] ?? "");
      out.push({
        sheet: sheetName(c.sheet),
        row: c.row,
        column: c.columns[field] ?? null,
        key: d.key ?? "ledgerFile",
        params: d.params ?? {},
        message: d.message,
      });
    }
  }
  return out;
}

/** The task and dependency changes, for the plan's batched write. */
function planChangesOf(changed: readonly PlannedChange[]): PlanChanges {
  const of = (sheet: SheetKey, action: "create" | "update") =>
    changed.filter((c) => c.sheet === sheet && c.action === action);
  const update = (c: PlannedChange) => ({ ...c.fields, version: c.version });
  return {
    tasks: {
      creates: of("tasks", "create").map((c) => ({ id: c.id, input: taskSchemas.create.parse(c.fields) })),
      updates: of("tasks", "update").map((c) => ({ id: c.id, input: taskSchemas.update.parse(update(c)) })),
    },
    dependencies: {
      creates: of("dependencies", "create").map((c) => ({
        id: c.id,
        input: dependencySchemas.create.parse(c.fields),
      })),
      updates: of("dependencies", "update").map((c) => ({
        id: c.id,
        input: dependencySchemas.update.parse(update(c)),
      })),
    },
  };
}

/** Parents before children (units and tasks name their parent in the same sheet). */
function parentsFirst(changes: readonly PlannedChange[]): PlannedChange[] {
  const byId = new Map(changes.map((c) => [c.id, c]));
  const parentOf = (c: PlannedChange | undefined) => {
    const id = c?.fields.parentId;
    return typeof id === "string" ? id : null;
  };
  const depth = (c: PlannedChange): number => {
    let d = 0;
    for (let at = parentOf(c); at && byId.has(at) && d < changes.length; at = parentOf(byId.get(at))) d++;
    return d;
  };
  return [...changes].sort((a, b) => depth(a) - depth(b));
}

/** Writes the import's changes, sheet by sheet in the order rows refer to each other, inside `w`. */
export async function writeChanges(w: WriteContext, changed: readonly PlannedChange[]): Promise<void> {
  for (const spec of SHEETS) {
    const sheet = spec.key;
    if (sheet === "dependencies") continue; // written with the tasks
    if (sheet === "tasks") {
      await writePlanChanges(w, planChangesOf(changed));
      continue;
    }
    const mine = changed.filter((c) => c.sheet === sheet);
    const ordered = sheet === "units" ? parentsFirst(mine) : mine;
    // The sheet's own schema parsed each input; the maps cannot tie a service's input type to its sheet.
    for (const c of ordered)
      if (c.action === "create") {
        const input = SCHEMAS[sheet].create.parse(c.fields) as never; // see above
        await WRITES[sheet].create(w, input, c.id, c.recorded as never); // a supervision item's progress
      } else {
        const input = SCHEMAS[sheet].update.parse({ ...c.fields, version: c.version }) as never; // see above
        await WRITES[sheet].update(w, c.id, input);
      }
  }
}
