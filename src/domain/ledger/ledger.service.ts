/**
 * The ledger (台账) in Excel: the empty template, the export of what a caller may read, and the
 * import — the whole workbook checked before anything is written, then every change in one
 * transaction through the same services as the API, so a second import of the same file changes
 * nothing.
 */
import { createHash } from "node:crypto";
import {
  type FileSheet,
  fileLayout,
  type LedgerMapping,
  mergeMappings,
  NO_MAPPING,
} from "../../engines/ledger/mapping.js";
import { type ImportPlan, type PlannedChange, planImport } from "../../engines/ledger/plan-import.js";
import { type LedgerProblem, problemAddress, readLedger } from "../../engines/ledger/read-ledger.js";
import { SHEETS, type SheetKey } from "../../engines/ledger/sheets.js";
import { columnLetters } from "../../engines/ledger/workbook.js";
import { type ImportResultWire, ledgerMapping } from "../../shared/api/ledger.js";
import { AppError } from "../../shared/errors.js";
import { mayImportInto, readScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { lightsById } from "../closed-loop/closed-loop.service.js";
import { readerOf, type ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import { write } from "../records/transaction.js";
import { schedulesAt, taskSchedulesOf } from "../schedule/schedule-read-model.js";
import { getSetting, putSetting } from "../settings/settings.repository.js";
import { organisationStatusDate } from "../settings/settings.service.js";
import { type GanttRow, writeGanttSheet } from "./gantt-sheet.js";
import { type ImportFindings, importFindings } from "./import-findings.js";
import { type LedgerRecords, readLedgerRecords } from "./ledger.repository.js";
import { ledgerRows } from "./ledger-rows.js";
import { schemaProblems, writeChanges } from "./ledger-writes.js";
import { supervisionHistory, writeSupervisionHistorySheet } from "./supervision-history-sheet.js";
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
  const records = await readLedgerRecords(db, ids);
  const statusDate = await organisationStatusDate(ctx);
  const gantt = await ganttRows(ctx, records, statusDate);
  const history = await supervisionHistory(ctx, records);
  return writeLedgerXlsx(ledgerRows(records), async (wb) => {
    await writeSupervisionHistorySheet(wb, history);
    await writeGanttSheet(wb, statusDate, gantt);
  });
}

const byCode = new Intl.Collator("en", { numeric: true }).compare;

/** The exported tasks as the Gantt sheet draws them: dates from the schedule (or the actuals), lights at `statusDate`. */
async function ganttRows(
  ctx: ServiceContext,
  records: LedgerRecords,
  statusDate: string,
): Promise<GanttRow[]> {
  const ids = records.taskForces.map((t) => t.id);
  const schedules = taskSchedulesOf(await schedulesAt(ctx, ids, statusDate));
  const lights = (await lightsById(ctx, ids, statusDate)).tasks;
  const tfCode = new Map(records.taskForces.map((t) => [t.id, t.code]));
  const names = new Map(records.persons.map((p) => [p.id, p.name]));
  const parents = new Set(records.tasks.flatMap((t) => (t.parentId ? [t.parentId] : [])));
  return records.tasks
    .map((t) => {
      const s = schedules.get(t.id);
      return {
        taskForceCode: tfCode.get(t.taskForceId) ?? "",
        code: t.code,
        title: t.title,
        owner: t.responsiblePersonId ? (names.get(t.responsiblePersonId) ?? "") : "",
        summary: parents.has(t.id),
        start: t.actualStart ?? s?.earlyStart ?? null,
        finish: t.actualFinish ?? s?.earlyFinish ?? null,
        milestone: t.duration === 0,
        color: lights[t.id]?.color ?? null,
      };
    })
    .sort((a, b) => byCode(a.taskForceCode, b.taskForceCode) || byCode(a.code, b.code));
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
  /** The file's sheets and likely header rows, for mapping its headers. */
  readonly fileSheets: readonly FileSheet[];
  /** The header mapping the file was read with. */
  readonly mapping: LedgerMapping;
  /** After a written import: the schedule's and the five-ization check's findings on its task forces. */
  readonly findings: ImportFindings | null;
}

type Counts = Record<SheetKey, { create: number; update: number; unchanged: number }>;

/** Nothing created, updated or left yet, sheet by sheet. */
function zeroCounts(): Counts {
  const out: Partial<Counts> = {};
  for (const s of SHEETS) out[s.key] = { create: 0, update: 0, unchanged: 0 };
  return out as Counts; // every sheet was set just above
}

const MAPPING_KEY = "ledgerMapping";

/** The remembered header mapping (none yet: the empty one). */
export async function rememberedMapping(ctx: ServiceContext): Promise<LedgerMapping> {
  return (await getSetting(readerOf(ctx), MAPPING_KEY, ledgerMapping)) ?? NO_MAPPING;
}

/** A mapping's column keys that name no column of their sheet, as problems of the mapping. */
function mappingProblems(m: LedgerMapping): LedgerProblem[] {
  return SHEETS.flatMap((spec) =>
    Object.keys(m.columns[spec.key] ?? {})
      .filter((key) => !spec.columns.some((c) => c.key === key))
      .map((key) => ({
        sheet: spec.zh,
        row: null,
        column: null,
        key: "ledgerMappingColumn",
        params: { key },
        message: `the header mapping names a column "${key}" that the sheet does not have`,
      })),
  );
}

/** An unreadable file as the one problem of the import. */
function fileProblem(e: XlsxReadError, fileName: string | undefined): LedgerProblem {
  const where = e.where;
  return {
    sheet: where?.sheet ?? fileName ?? "",
    row: where ? where.row + 1 : null,
    column: where ? columnLetters(where.column) : null,
    key: "ledgerFile",
    params: { code: e.code },
    message: e.message,
  };
}

/**
 * Reads and checks the file: its cells through the mapping, its references against the database,
 * each change against the API's schemas and the caller's scope. Its own function, so the workbook
 * and the typed rows are garbage once it returns (at a province's size, hundreds of megabytes).
 */
async function checkFile(
  ctx: ServiceContext,
  bytes: Buffer,
  mapping: LedgerMapping,
  o: ImportOptions,
): Promise<
  | { failed: LedgerProblem[]; fileSheets: FileSheet[] }
  | {
      plan: ImportPlan;
      problems: LedgerProblem[];
      fileSheets: FileSheet[];
      sheetName: (k: SheetKey) => string;
    }
> {
  let workbook: Awaited<ReturnType<typeof readXlsx>>;
  try {
    workbook = await readXlsx(bytes, { onProgress: o.onProgress });
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    return { failed: [fileProblem(e, o.fileName)], fileSheets: [] };
  }
  const fileSheets = fileLayout(workbook);
  const ledger = readLedger(workbook, mapping);
  const unreadable = [...mappingProblems(mapping), ...ledger.problems];
  if (unreadable.length) return { failed: unreadable, fileSheets };
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
  return { plan, problems, fileSheets, sheetName: (k) => ledger.sheetNames[k] };
}

/** Options of an import. */
export interface ImportOptions {
  readonly dryRun?: boolean;
  readonly fileName?: string;
  readonly onProgress?: (rows: number) => void;
  /** Header names over the remembered mapping; remembered once the import is written. */
  readonly mapping?: LedgerMapping;
}

/**
 * Imports a ledger workbook. Every problem of the file, its cells, its references and the API's own
 * rules is collected first; with any problem, or on a dry run, nothing is written. Otherwise every
 * change is written in one transaction (scope, rules and the audit trail as for any write), with one
 * `import` audit entry naming the file's SHA-256; then the schedule and the five-ization check run
 * over the task forces written to.
 */
export async function importLedger(
  ctx: ServiceContext,
  bytes: Buffer,
  o: ImportOptions = {},
): Promise<ImportResult> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const mapping = mergeMappings(await rememberedMapping(ctx), o.mapping ?? NO_MAPPING);
  const base = { sha256, dryRun: !!o.dryRun, written: false, mapping, findings: null };
  const fail = (problems: LedgerProblem[], fileSheets: FileSheet[] = []): ImportResult => ({
    ...base,
    counts: zeroCounts(),
    changes: [],
    problems,
    fileSheets,
  });
  const checked = await checkFile(ctx, bytes, mapping, o);
  if ("failed" in checked) return fail(checked.failed, checked.fileSheets);
  const { plan, problems, fileSheets, sheetName } = checked;
  const counts = zeroCounts();
  for (const c of plan.changes) counts[c.sheet][c.action]++;
  const changed = plan.changes.filter((c) => c.action !== "unchanged");
  const outcome = { ...base, counts, changes: plan.changes, fileSheets };
  if (problems.length || o.dryRun || changed.length === 0) return { ...outcome, problems };
  await write(ctx, async (w) => {
    await writeChanges(w, changed, sheetName);
    // The mapping that read this file is remembered for the next one.
    if (o.mapping) await putSetting(w.uow.db, MAPPING_KEY, mapping, w.now());
    await appendAudit(w, {
      action: "import",
      entity: "ledger",
      entityId: sha256,
      before: null,
      after: { fileName: o.fileName ?? null, sha256, counts, mapping: o.mapping ? mapping : null },
    });
  });
  const touched = [...new Set(changed.flatMap((c) => (c.taskForceId ? [c.taskForceId] : [])))];
  return { ...outcome, written: true, problems: [], findings: await importFindings(ctx, touched) };
}

/** An import's outcome for the API: created and updated records listed, unchanged ones counted. */
export function importSummary(r: ImportResult): ImportResultWire {
  const changes = r.changes.flatMap((c) =>
    c.action === "unchanged"
      ? []
      : [{ sheet: c.sheet, row: c.row, action: c.action, label: c.label, fields: Object.keys(c.fields) }],
  );
  return {
    ...r,
    changes,
    problems: [...r.problems],
    fileSheets: r.fileSheets.map((f) => ({ ...f, headers: [...f.headers] })),
    findings: r.findings && {
      ...r.findings,
      items: r.findings.items.map((i) => ({ ...i, text: { ...i.text } })),
      unscheduled: [...r.findings.unscheduled],
    },
  };
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
