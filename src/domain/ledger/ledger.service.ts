/**
 * The ledger (台账) in Excel: the empty template, the export of what a caller may read, and the
 * import — the whole workbook checked before anything is written, then every change in one
 * transaction through the same services as the API, so a second import of the same file changes
 * nothing.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { type ImportPlan, type PlannedChange, planImport } from "../../engines/ledger/plan-import.js";
import { type LedgerProblem, problemAddress, readLedger } from "../../engines/ledger/read-ledger.js";
import { SHEETS, type SheetKey } from "../../engines/ledger/sheets.js";
import { columnLetters } from "../../engines/ledger/workbook.js";
import { indicatorSchemas, readingSchemas } from "../../shared/api/indicators.js";
import type { ImportResultWire } from "../../shared/api/ledger.js";
import { orgUnitSchemas, personSchemas } from "../../shared/api/org.js";
import { supervisionItemSchemas } from "../../shared/api/supervision.js";
import { memberSchemas, taskForceSchemas } from "../../shared/api/task-forces.js";
import { dependencySchemas, taskSchemas } from "../../shared/api/tasks.js";
import { AppError } from "../../shared/errors.js";
import { issueDetail } from "../../shared/messages.js";
import { mayImportInto, readScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { readerOf, type ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import { createIndicator, updateIndicator } from "../indicators/indicator.service.js";
import { createReading, updateReading } from "../indicators/reading.service.js";
import { createOrgUnit, updateOrgUnit } from "../org/org-unit.service.js";
import { createPerson, updatePerson } from "../org/person.service.js";
import { write } from "../records/transaction.js";
import { createSupervisionItem, updateSupervisionItem } from "../supervision/supervision.service.js";
import { createMember, updateMember } from "../task-forces/member.service.js";
import { createTaskForce, updateTaskForce } from "../task-forces/task-force.service.js";
import { type PlanChanges, writePlanChanges } from "../tasks/plan-bulk.service.js";
import { readLedgerRecords } from "./ledger.repository.js";
import { ledgerRows } from "./ledger-rows.js";
import { readXlsx, XlsxReadError } from "./xlsx-read.js";
import { writeLedgerXlsx } from "./xlsx-write.js";

/** The empty template: every sheet with its headers, drop-downs and frozen header rows. */
export const ledgerTemplate = (): Promise<Buffer> => writeLedgerXlsx();

/** The ledger of the task forces the caller may read (or the one named by code), as xlsx bytes. */
export async function exportLedger(ctx: ServiceContext, o: { taskForceCode?: string } = {}): Promise<Buffer> {
  const db = readerOf(ctx);
  let ids = readScope(ctx);
  if (o.taskForceCode) {
    const tf = await db
      .selectFrom("task_forces")
      .select("id")
      .where("code", "=", o.taskForceCode)
      .executeTakeFirst();
    if (!tf || (ids && !ids.includes(tf.id)))
      throw new AppError("NOT_FOUND", `no task force with code "${o.taskForceCode}" that you may read`);
    ids = [tf.id];
  }
  return writeLedgerXlsx(ledgerRows(await readLedgerRecords(db, ids)));
}

/** What an import found and did. */
export interface ImportResult {
  readonly sha256: string;
  readonly dryRun: boolean;
  /** Whether anything was written (false on a dry run, with problems, or when nothing changed). */
  readonly written: boolean;
  readonly counts: Readonly<Record<SheetKey, { create: number; update: number; unchanged: number }>>;
  readonly changes: readonly PlannedChange[];
  readonly problems: readonly LedgerProblem[];
}

type Counts = Record<SheetKey, { create: number; update: number; unchanged: number }>;

/** Nothing created, updated or left yet, sheet by sheet. */
function zeroCounts(): Counts {
  const out: Partial<Counts> = {};
  for (const s of SHEETS) out[s.key] = { create: 0, update: 0, unchanged: 0 };
  return out as Counts; // every sheet was set just above
}

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
function schemaProblems(plan: ImportPlan, sheetName: (k: SheetKey) => string): LedgerProblem[] {
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

/**
 * Imports a ledger workbook. Every problem of the file, its cells, its references and the API's own
 * rules is collected first; with any problem, or on a dry run, nothing is written. Otherwise every
 * change is written in one transaction through the services (scope, rules and the audit trail as
 * for any write), with one `import` audit entry naming the file's SHA-256.
 */
export async function importLedger(
  ctx: ServiceContext,
  bytes: Buffer,
  o: { dryRun?: boolean; fileName?: string; onProgress?: (rows: number) => void } = {},
): Promise<ImportResult> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const fail = (problems: LedgerProblem[]): ImportResult => ({
    sha256,
    dryRun: !!o.dryRun,
    written: false,
    counts: zeroCounts(),
    changes: [],
    problems,
  });
  let workbook: Awaited<ReturnType<typeof readXlsx>>;
  try {
    workbook = await readXlsx(bytes, { onProgress: o.onProgress });
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    const where = e.where;
    return fail([
      {
        sheet: where?.sheet ?? o.fileName ?? "",
        row: where ? where.row + 1 : null,
        column: where ? columnLetters(where.column) : null,
        key: "ledgerFile",
        params: { code: e.code },
        message: e.message,
      },
    ]);
  }
  const ledger = readLedger(workbook);
  if (ledger.problems.length) return fail([...ledger.problems]);
  const existing = await readLedgerRecords(readerOf(ctx), null);
  const plan = planImport(ledger, existing, newId);
  const problems = [...plan.problems, ...schemaProblems(plan, (k) => ledger.sheetNames[k])];
  // A lead imports into the task forces they lead; units, people and new task forces are the office's.
  for (const c of plan.changes) {
    const organisationWide =
      c.sheet === "units" || c.sheet === "people" || (c.sheet === "taskForces" && c.action === "create");
    if (c.action === "unchanged" || mayImportInto(ctx.principal, organisationWide ? null : c.taskForceId))
      continue;
    problems.push({
      sheet: ledger.sheetNames[c.sheet],
      row: c.row,
      column: null,
      key: "ledgerScope",
      params: {},
      message: "you may import only into the task forces you lead",
    });
  }
  const counts = zeroCounts();
  for (const c of plan.changes) counts[c.sheet][c.action]++;
  const changed = plan.changes.filter((c) => c.action !== "unchanged");
  if (problems.length || o.dryRun || changed.length === 0)
    return { sha256, dryRun: !!o.dryRun, written: false, counts, changes: plan.changes, problems };
  await write(ctx, async (w) => {
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
    await appendAudit(w, {
      action: "import",
      entity: "ledger",
      entityId: sha256,
      before: null,
      after: { fileName: o.fileName ?? null, sha256, counts },
    });
  });
  return { sha256, dryRun: false, written: true, counts, changes: plan.changes, problems: [] };
}

/** An import's outcome for the API: created and updated records listed, unchanged ones counted. */
export function importSummary(r: ImportResult): ImportResultWire {
  const changes = r.changes.flatMap((c) =>
    c.action === "unchanged"
      ? []
      : [{ sheet: c.sheet, row: c.row, action: c.action, label: c.label, fields: Object.keys(c.fields) }],
  );
  return { ...r, changes, problems: [...r.problems] };
}

/** Refuses (422 `LEDGER_PROBLEMS`, each problem by `sheet!cell`) an import that found problems. */
export function assertImported(r: ImportResult): void {
  if (r.dryRun || r.problems.length === 0) return;
  throw new AppError(
    "LEDGER_PROBLEMS",
    `the workbook has ${r.problems.length} problem(s); nothing was imported`,
    r.problems.map((p) => ({ path: problemAddress(p), message: p.message, key: p.key, params: p.params })),
  );
}
