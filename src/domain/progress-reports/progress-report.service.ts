import { parseAttachmentRef } from "../../shared/api/attachments.js";
import { progressReportSchemas } from "../../shared/api/reports.js";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { dayNumber, isoDateOfDay } from "../../vocabulary/index.js";
import { assertMayReport, attributedTo, readScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { answerChasesOf } from "../chasing/answer.js";
import { reportFloor } from "../completion/completion.js";
import { announceClaim, completionOfReport } from "../completion/completion.service.js";
import { asSystem, type Executor, readerOf, type ServiceContext, type WriteContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import {
  assertReasonGiven,
  assertUnchanged,
  assertVersion,
  deleteById,
  getById,
} from "../records/record-ops.js";
import { assertRefsExist, type RefCheck } from "../records/references.js";
import { write } from "../records/transaction.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import { organisationSettings, statusDateOf } from "../settings/settings.service.js";
import { findTaskForce, lockTaskForce } from "../task-forces/task-force.repository.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import { applyTaskChanges, type StoredTask, storedTaskIn } from "../tasks/task.service.js";
import type { ProgressReport, ProgressReportCreate, ProgressReportUpdate } from "./progress-report.js";
import {
  attachmentTasks,
  latestReportId,
  listProgressReportRows,
  previousReport,
  toProgressReport,
} from "./progress-report.repository.js";

const LABEL = "progress report";
const ENTITY = "progress_report";

const refsOf = (r: Partial<ProgressReport>): RefCheck[] => [
  { path: "taskId", table: "tasks", id: r.taskId },
  { path: "reportedById", table: "persons", id: r.reportedById },
];

/** Reports on the tasks of the task forces the caller may read. */
export async function listProgressReports(
  ctx: ServiceContext,
  c: ListCriteria,
): Promise<Page<ProgressReport>> {
  const scope = readScope(ctx, c.filters.taskForceId);
  const criteria = scope ? { ...c, filters: { ...c.filters, taskForceId: scope } } : c;
  const { rows, total } = await listProgressReportRows(readerOf(ctx), criteria, ctx.database.dialect);
  return { items: rows.map(toProgressReport), total, limit: c.limit, offset: c.offset };
}

/** One report, for whoever may read its task force. */
export async function getProgressReport(ctx: ServiceContext, id: string): Promise<ProgressReport> {
  const report = toProgressReport(await getById(readerOf(ctx), "progress_reports", id, LABEL));
  await getTaskForce(ctx, report.taskForceId);
  return report;
}

/**
 * A report's evidence may name attachments (`attachment:<id>:<name>`) only of files uploaded for
 * its own task: one named wrongly would show a link that answers 404 or, worse, another task's file.
 * 422 `BAD_EVIDENCE` with the entries' positions otherwise.
 */
async function checkEvidence(db: Executor, taskId: string, evidence: readonly string[]): Promise<void> {
  const refs = evidence.flatMap((entry, k) => {
    const ref = parseAttachmentRef(entry);
    return ref ? [{ k, id: ref.id }] : [];
  });
  const found = await attachmentTasks(
    db,
    refs.map((r) => r.id),
  );
  const details: ErrorDetail[] = [];
  for (const { k, id } of refs) {
    const owner = found.get(id);
    if (owner === undefined) details.push(ruleDetail(`evidence.${k}`, "noAttachment", { id }));
    else if (owner !== taskId)
      details.push(ruleDetail(`evidence.${k}`, "attachmentOtherTask", { id, task: taskId }));
  }
  if (details.length)
    throw new AppError("BAD_EVIDENCE", `${details[0]!.path}: ${details[0]!.message}`, details);
}

/**
 * A report tells what has happened, so it is refused (422 `REPORT_RULE`, one detail per rule) when it
 * is dated after the status date (plus the `plausibility.reportGraceDays` setting) or before its
 * task force's start, says nothing (neither text nor evidence), or reports less progress than an
 * earlier report of the task (which is corrected by editing that report instead).
 */
async function assertPlausibleReport(
  w: WriteContext,
  task: StoredTask,
  report: Pick<ProgressReport, "reportDate" | "percent" | "narrative" | "evidence"> & { id: string | null },
): Promise<void> {
  const settings = await organisationSettings(w);
  const statusDate = statusDateOf(settings, new Date(w.now()));
  const grace = settings.plausibility.reportGraceDays ?? 0;
  const latest = isoDateOfDay(dayNumber(statusDate) + grace);
  const details: ErrorDetail[] = [];
  if (report.reportDate > latest)
    details.push(ruleDetail("reportDate", "reportAfterStatusDate", { statusDate, grace }));
  const taskForce = await findTaskForce(w.uow.db, task.taskForceId);
  if (taskForce?.startDate && report.reportDate < taskForce.startDate)
    details.push(ruleDetail("reportDate", "reportBeforeStart", { start: taskForce.startDate }));
  if (!report.narrative.trim() && report.evidence.length === 0)
    details.push(ruleDetail("narrative", "reportSaysNothing"));
  const previous = await previousReport(w.uow.db, task.id, report.reportDate, report.id);
  const floor = previous ? reportFloor(task, previous.percent) : 0;
  if (previous && report.percent < floor)
    details.push(ruleDetail("percent", "percentBelowEarlier", { percent: floor, date: previous.reportDate }));
  if (details.length)
    throw new AppError("REPORT_RULE", `${details[0]!.path}: ${details[0]!.message}`, details);
}

/**
 * When `report` is its task's latest (by report date, then creation), the task takes its percent:
 * 0 keeps it not started, 1–99 puts it in progress, 100 makes it done with the report date as
 * actual finish; any report with progress moves the actual start back to its date if earlier. The
 * task changes through its own write path (versioned, audited) in the report's write, as the
 * system: the reporter need not be allowed to edit the plan.
 */
async function applyToTask(w: WriteContext, task: StoredTask, report: ProgressReport): Promise<void> {
  const changes: Partial<StoredTask> = {};
  if ((await latestReportId(w.uow.db, task.id)) === report.id) {
    changes.percent = report.percent;
    if (report.percent >= 100) {
      changes.status = "done";
      changes.actualFinish = report.reportDate;
    } else if (report.percent > 0) {
      changes.status = "in_progress";
      changes.actualFinish = null;
    } else if (task.status !== "suspended") {
      changes.status = task.actualStart ? "in_progress" : "not_started";
    }
    // A report that finishes the task claims its completion, for a lead to confirm (完成确认).
    Object.assign(changes, completionOfReport(task, changes.status ?? task.status));
  }
  // Work started no later than the earliest report that shows progress, latest or not.
  if (report.percent > 0 && (!task.actualStart || task.actualStart > report.reportDate))
    changes.actualStart = report.reportDate;
  const same = Object.entries(changes).every(([k, v]) => Reflect.get(task, k) === v);
  if (!same) await announceClaim(w, task, await applyTaskChanges(asSystem(w), task, task.version, changes));
}

/** Reports progress on a task (its owner, its task force's lead, an admin); the task follows its latest report. */
export function createProgressReport(
  ctx: ServiceContext,
  input: ProgressReportCreate,
  id = newId(),
): Promise<ProgressReport> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const given = progressReportSchemas.complete(input);
    const record = { ...given, reportedById: attributedTo(w, given.reportedById) };
    await assertRefsExist(db, refsOf(record));
    const task = await storedTaskIn(w, record.taskId);
    assertMayReport(w, task.taskForceId, task.responsiblePersonId, "task");
    await lockTaskForce(w.uow, w.database.dialect, task.taskForceId);
    await assertPlausibleReport(w, task, { ...record, id: null });
    await checkEvidence(db, task.id, record.evidence);
    const at = w.now();
    const row = await insertRecord(db, "progress_reports", {
      id,
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...record,
      taskForceId: task.taskForceId,
      evidence: JSON.stringify(record.evidence),
    });
    const created = toProgressReport(row);
    await appendAudit(w, { action: "create", entity: ENTITY, entityId: id, before: null, after: created });
    await applyToTask(w, await storedTaskIn(w, task.id), created);
    // The report answers the task's open 催办 sent on or before its day.
    await answerChasesOf(w, task.id, created.reportDate);
    return created;
  });
}

/** Corrects a report at its version; its task is fixed, and the task follows again. */
export function updateProgressReport(
  ctx: ServiceContext,
  id: string,
  input: ProgressReportUpdate,
): Promise<ProgressReport> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = toProgressReport(await getById(db, "progress_reports", id, LABEL));
    const task = await storedTaskIn(w, before.taskId);
    assertMayReport(w, task.taskForceId, task.responsiblePersonId, "task");
    const { version, evidence, reason, ...changes } = input;
    assertVersion(before, version, LABEL);
    // Who made a report stays who made it: a correction is another person's, in the audit trail.
    assertUnchanged(before, changes, w.principal ? ["taskId", "reportedById"] : ["taskId"], LABEL);
    await assertRefsExist(db, refsOf(changes));
    await lockTaskForce(w.uow, w.database.dialect, task.taskForceId);
    await assertPlausibleReport(w, task, { ...before, ...changes, evidence: evidence ?? before.evidence });
    if (evidence) await checkEvidence(db, task.id, evidence);
    const row = await updateAtVersion(
      db,
      "progress_reports",
      { id, version, label: LABEL },
      { ...changes, ...(evidence ? { evidence: JSON.stringify(evidence) } : {}), updatedAt: w.now() },
    );
    const after = toProgressReport(row);
    await appendAudit(w, {
      action: "update",
      entity: ENTITY,
      entityId: id,
      before,
      after,
      reason: reason.trim(),
    });
    await applyToTask(w, await storedTaskIn(w, task.id), after);
    return after;
  });
}

/**
 * Withdraws a report, saying why (kept in the audit trail with the report). The task then follows
 * its latest remaining report, or none: back to 0 %.
 */
export function deleteProgressReport(
  ctx: ServiceContext,
  id: string,
  version?: number,
  reason?: string,
): Promise<void> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = toProgressReport(await getById(db, "progress_reports", id, LABEL));
    const task = await storedTaskIn(w, before.taskId);
    assertMayReport(w, task.taskForceId, task.responsiblePersonId, "task");
    assertVersion(before, version, LABEL);
    assertReasonGiven(w, reason);
    await lockTaskForce(w.uow, w.database.dialect, task.taskForceId);
    await deleteById(db, "progress_reports", id);
    await appendAudit(w, {
      action: "delete",
      entity: ENTITY,
      entityId: id,
      before,
      after: null,
      reason: reason?.trim() ?? null,
    });
    const latest = await latestReportId(db, task.id);
    const now = await storedTaskIn(w, task.id);
    if (latest)
      await applyToTask(w, now, toProgressReport(await getById(db, "progress_reports", latest, LABEL)));
    else if (now.percent !== 0 || now.status === "done")
      await applyTaskChanges(asSystem(w), now, now.version, {
        percent: 0,
        actualFinish: null,
        status: now.status === "suspended" ? "suspended" : now.actualStart ? "in_progress" : "not_started",
      });
  });
}
