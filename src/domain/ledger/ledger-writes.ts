/**
 * The import's checks against the API's schemas and its writes: units, people, task forces, members,
 * indicators, actuals and supervision items through their services one by one (scope, rules and the
 * audit trail as for any write); the plan's tasks and dependencies through the batched plan write.
 */
import type { z } from "zod";
import type { ImportPlan, PlannedChange } from "../../engines/ledger/plan-import.js";
import { type LedgerProblem, problemAddress } from "../../engines/ledger/read-ledger.js";
import { SHEETS, type SheetKey } from "../../engines/ledger/sheets.js";
import { indicatorSchemas, readingCorrection, readingSchemas } from "../../shared/api/indicators.js";
import { orgUnitSchemas, personSchemas } from "../../shared/api/org.js";
import { supervisionItemSchemas } from "../../shared/api/supervision.js";
import { memberSchemas, taskForceSchemas } from "../../shared/api/task-forces.js";
import { dependencySchemas, taskSchemas } from "../../shared/api/tasks.js";
import { AppError, isAppError } from "../../shared/errors.js";
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
  // A changed actual carries its reason (plan-indicators.ts), as PATCH /indicator-readings asks.
  readings: { create: readingSchemas.create, update: readingCorrection },
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
  // A cell the planner already refused (e.g. a missing correction reason) is named once.
  const cell = (p: Pick<LedgerProblem, "sheet" | "row" | "column">) =>
    `${p.sheet}\u0000${p.row}\u0000${p.column}`;
  const named = new Set(plan.problems.map(cell));
  for (const c of plan.changes) {
    if (c.action === "unchanged") continue;
    const schema = SCHEMAS[c.sheet][c.action];
    const r = schema.safeParse(c.action === "create" ? c.fields : { ...c.fields, version: c.version });
    if (r.success) continue;
    for (const issue of r.error.issues) {
      const d = issueDetail(issue);
      const field = String(issue.path[0] ?? "");
      const at = { sheet: sheetName(c.sheet), row: c.row, column: c.columns[field] ?? null };
      if (named.has(cell(at))) continue;
      out.push({
        ...at,
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

/**
 * A service's refusal of one change (a rule only the whole record shows, e.g. a share whose kind
 * differs from its parent's) placed at the change's row and column, as the checks before it are.
 */
function placed(e: unknown, c: PlannedChange, sheetName: (k: SheetKey) => string): unknown {
  if (!isAppError(e) || e.status !== 422) return e;
  const problems = (e.details.length ? e.details : [{ path: "", message: e.message }]).map((d) => {
    const field = String(d.path ?? "").split(".")[0] ?? "";
    return {
      sheet: sheetName(c.sheet),
      row: c.row,
      column: c.columns[field] ?? null,
      message: d.message,
      key: d.key,
      params: d.params,
    };
  });
  return new AppError(
    "LEDGER_PROBLEMS",
    `the workbook has ${problems.length} problem(s); nothing was imported`,
    problems.map((p) => ({
      path: problemAddress(p),
      message: `${c.label}: ${p.message}`,
      ...(p.key ? { key: p.key, params: p.params ?? {} } : {}),
    })),
  );
}

/** Runs `act` for change `c`, a refusal placed at its cell. */
async function one(c: PlannedChange, sheetName: (k: SheetKey) => string, act: () => Promise<unknown>) {
  try {
    await act();
  } catch (e) {
    throw placed(e, c, sheetName);
  }
}

/**
 * Tasks and indicators name each other (an indicator its task, a task its 支撑指标): a task's links
 * to indicators the import creates are held back from the plan's write and written once those exist.
 */
function holdBackLinks(changed: readonly PlannedChange[]) {
  const created = new Set(
    changed.filter((c) => c.sheet === "indicators" && c.action === "create").map((c) => c.id),
  );
  const later: PlannedChange[] = [];
  const now = changed.flatMap((c): PlannedChange[] => {
    // The planner set a task's indicatorIds to ids (plan-tasks.ts).
    const links = c.sheet === "tasks" ? (c.fields.indicatorIds as readonly string[] | undefined) : undefined;
    if (!links?.some((id) => created.has(id))) return [c];
    later.push(c);
    const { indicatorIds: _, ...rest } = c.fields;
    if (c.action === "create")
      return [{ ...c, fields: { ...rest, indicatorIds: links.filter((id) => !created.has(id)) } }];
    return Object.keys(rest).length ? [{ ...c, fields: rest }] : [];
  });
  return { now, later };
}

/** Writes the import's changes, sheet by sheet in the order rows refer to each other, inside `w`. */
export async function writeChanges(
  w: WriteContext,
  all: readonly PlannedChange[],
  sheetName: (k: SheetKey) => string = (k) => SHEETS.find((s) => s.key === k)!.zh,
): Promise<void> {
  const { now: changed, later } = holdBackLinks(all);
  for (const spec of SHEETS) {
    const sheet = spec.key;
    if (sheet === "dependencies") continue; // written with the tasks
    if (sheet === "tasks") {
      await writePlanChanges(w, planChangesOf(changed));
      continue;
    }
    const mine = changed.filter((c) => c.sheet === sheet);
    const ordered = sheet === "units" || sheet === "indicators" ? parentsFirst(mine) : mine;
    // The sheet's own schema parsed each input; the maps cannot tie a service's input type to its sheet.
    for (const c of ordered)
      await one(c, sheetName, async () => {
        if (c.action === "create") {
          const input = SCHEMAS[sheet].create.parse(c.fields) as never; // see above
          await WRITES[sheet].create(w, input, c.id, c.recorded as never); // a supervision item's progress
        } else {
          const input = SCHEMAS[sheet].update.parse({ ...c.fields, version: c.version }) as never; // see above
          await WRITES[sheet].update(w, c.id, input);
        }
      });
  }
  if (later.length === 0) return;
  const versions = new Map<string, number>();
  const ids = later.map((c) => c.id);
  for (let k = 0; k < ids.length; k += 5000)
    for (const t of await w.uow.db
      .selectFrom("tasks")
      .select(["id", "version"])
      .where("id", "in", ids.slice(k, k + 5000))
      .execute())
      versions.set(t.id, t.version);
  for (const c of later)
    await one(c, sheetName, () =>
      writePlanChanges(w, {
        tasks: {
          creates: [],
          updates: [
            {
              id: c.id,
              input: taskSchemas.update.parse({
                indicatorIds: c.fields.indicatorIds,
                version: versions.get(c.id),
              }),
            },
          ],
        },
        dependencies: { creates: [], updates: [] },
      }),
    );
}
