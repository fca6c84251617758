/**
 * 延期申请 (extension requests): an owner asks for a later deadline with a reason; a lead of the task
 * force or the supervision office approves or rejects it (extension-decision.service.ts); the one
 * who filed it may withdraw it while it is pending. Each change is audited, and the leads hear of a
 * new request in their inbox.
 */
import { type ExtensionRequest, extensionRequestInput } from "../../shared/api/extensions.js";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertTaskForceInScope, leadsTaskForce, readScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { type Executor, readerOf, type ServiceContext, type WriteContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { parseOrThrow } from "../records/parse-input.js";
import { assertVersion, getById, notFound } from "../records/record-ops.js";
import { write } from "../records/transaction.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import { lockTaskForce } from "../task-forces/task-force.repository.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import type { Task } from "../tasks/task.js";
import { findTaskRow } from "../tasks/task.repository.js";
import { getTask } from "../tasks/task.service.js";
import {
  type ExtensionRow,
  leadPersonsOf,
  listExtensionRows,
  pendingOfTask,
  taskLabels,
} from "./extension.repository.js";
import { postMessages } from "./messages.js";

export const EXTENSION_LABEL = "extension request";
export const EXTENSION_ENTITY = "extension_request";

/** Stored rows → wire requests, each with its task's WBS code and title. */
export async function withTaskLabels(
  db: Executor,
  rows: readonly ExtensionRow[],
): Promise<ExtensionRequest[]> {
  const labels = await taskLabels(
    db,
    rows.map((r) => r.taskId),
  );
  return rows.map((r) => ({
    ...r,
    taskCode: labels.get(r.taskId)?.code ?? "",
    taskTitle: labels.get(r.taskId)?.title ?? "",
  }));
}

/** Extension requests of the task forces the caller may read (the queue filters by state). */
export async function listExtensionRequests(
  ctx: ServiceContext,
  c: ListCriteria,
): Promise<Page<ExtensionRequest>> {
  const scope = readScope(ctx, c.filters.taskForceId);
  const criteria = scope ? { ...c, filters: { ...c.filters, taskForceId: scope } } : c;
  const db = readerOf(ctx);
  const { rows, total } = await listExtensionRows(db, criteria, ctx.database.dialect);
  return { items: await withTaskLabels(db, rows), total, limit: c.limit, offset: c.offset };
}

/** One request, for whoever may read its task force. */
export async function getExtensionRequest(ctx: ServiceContext, id: string): Promise<ExtensionRequest> {
  const db = readerOf(ctx);
  const row = await getById(db, "extension_requests", id, EXTENSION_LABEL);
  await getTaskForce(ctx, row.taskForceId);
  return (await withTaskLabels(db, [row]))[0]!;
}

/**
 * Who may ask for a task's extension: its owner (the user whose person is responsible for it), or
 * for them a lead or member of its task force, or an admin; an API token only within its task force.
 */
function assertMayFile(ctx: ServiceContext, task: Pick<Task, "taskForceId" | "responsiblePersonId">) {
  const p = ctx.principal;
  if (!p) return;
  assertTaskForceInScope(ctx, task.taskForceId);
  if (p.roles.includes("admin") || leadsTaskForce(p, task.taskForceId)) return;
  if (p.personId !== null && p.personId === task.responsiblePersonId) return;
  if (p.roles.includes("member") && p.ownTaskForceIds.has(task.taskForceId)) return;
  throw new AppError(
    "FORBIDDEN",
    "only the task's owner, or a lead or member of its task force for them, may ask for an extension",
  );
}

/**
 * A done task needs no extension; the date asked for must lie after the current deadline, or after
 * the schedule's late finish when the task has none (422 `EXTENSION_RULE`, naming the field).
 */
export function assertExtensible(
  task: Pick<Task, "status" | "deadline" | "lateFinish">,
  requestedDeadline: string,
): void {
  if (task.status === "done")
    throw new AppError("EXTENSION_RULE", "status: the task is done; it needs no extension", [
      ruleDetail("status", "taskDone"),
    ]);
  const bound = task.deadline ?? task.lateFinish;
  if (bound !== null && requestedDeadline <= bound) {
    const basis = task.deadline ? "deadline" : "lateFinish";
    const detail = ruleDetail("requestedDeadline", "notAfterDeadline", { date: bound, basis });
    throw new AppError("EXTENSION_RULE", `requestedDeadline: ${detail.message}`, [detail]);
  }
}

/**
 * Files a 延期申请 for a task: refused (naming the field) for a done task, a date that is not a real
 * date or not after the current deadline, an empty reason, or while another request of the task is
 * pending (409 `EXTENSION_PENDING`). The task force's leads get an inbox message.
 */
export function fileExtensionRequest(
  ctx: ServiceContext,
  taskId: string,
  input: unknown,
  id = newId(),
): Promise<ExtensionRequest> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const body = parseOrThrow(extensionRequestInput, input, "extension request");
    const row = await findTaskRow(db, taskId);
    if (!row) throw notFound("task", taskId);
    await getTaskForce(w, row.taskForceId);
    assertMayFile(w, row);
    // One request at a time per task: a concurrent second filing waits here, then sees the first.
    await lockTaskForce(w.uow, w.database.dialect, row.taskForceId);
    const task = await getTask(w, taskId);
    assertExtensible(task, body.requestedDeadline);
    const pending = await pendingOfTask(db, taskId);
    if (pending)
      throw new AppError(
        "EXTENSION_PENDING",
        `taskId: a request to move the deadline to ${pending.requestedDeadline} is pending`,
        [ruleDetail("taskId", "extensionPending", { date: pending.requestedDeadline })],
      );
    const at = w.now();
    const created = await insertRecord(db, "extension_requests", {
      id,
      version: 1,
      createdAt: at,
      updatedAt: at,
      taskForceId: task.taskForceId,
      taskId,
      requestedBy: w.actor,
      requestedByName: w.principal?.displayName ?? w.actor,
      currentDeadline: task.deadline,
      requestedDeadline: body.requestedDeadline,
      reason: body.reason.trim(),
      state: "pending",
      decidedBy: null,
      decidedByName: null,
      decidedAt: null,
      decisionNote: null,
      baselineId: null,
    });
    await appendAudit(w, {
      action: "create",
      entity: EXTENSION_ENTITY,
      entityId: id,
      before: null,
      after: created,
    });
    await notifyLeads(w, created, task);
    return (await withTaskLabels(db, [created]))[0]!;
  });
}

/** The task force's leads (but not whoever filed it) hear of a new request. */
async function notifyLeads(w: WriteContext, r: ExtensionRow, task: Pick<Task, "code" | "title">) {
  const leads = (await leadPersonsOf(w.uow.db, r.taskForceId)).filter((p) => p !== w.principal?.personId);
  await postMessages(
    w,
    leads.map((personId) => ({
      personId,
      kind: "extensionRequested",
      taskForceId: r.taskForceId,
      subject: { kind: "task", id: r.taskId },
      params: {
        requestId: r.id,
        taskCode: task.code,
        taskTitle: task.title,
        requestedDeadline: r.requestedDeadline,
        currentDeadline: r.currentDeadline,
        requesterName: r.requestedByName,
        // The name the inbox's words read (src/shared/message-words.ts).
        requestedByName: r.requestedByName,
        reason: r.reason,
      },
    })),
  );
}

/** A decision or withdrawal finds the request pending (409 `EXTENSION_DECIDED` otherwise). */
export function assertPending(r: Pick<ExtensionRow, "id" | "state">): void {
  if (r.state !== "pending")
    throw new AppError("EXTENSION_DECIDED", `extension request ${r.id} is ${r.state}, no longer pending`);
}

/** The one who filed a pending request takes it back, at its version. */
export function withdrawExtensionRequest(
  ctx: ServiceContext,
  id: string,
  input: { version: number },
): Promise<ExtensionRequest> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await getById(db, "extension_requests", id, EXTENSION_LABEL);
    await getTaskForce(w, before.taskForceId);
    assertTaskForceInScope(w, before.taskForceId);
    if (w.principal && w.principal.username !== before.requestedBy)
      throw new AppError("FORBIDDEN", "only the one who filed an extension request may withdraw it");
    assertVersion(before, input.version, EXTENSION_LABEL);
    assertPending(before);
    const at = w.now();
    const after = await updateAtVersion(
      db,
      "extension_requests",
      { id, version: input.version, label: EXTENSION_LABEL },
      {
        state: "withdrawn",
        decidedBy: w.actor,
        decidedByName: w.principal?.displayName ?? w.actor,
        decidedAt: at,
        updatedAt: at,
      },
    );
    await appendAudit(w, { action: "transition", entity: EXTENSION_ENTITY, entityId: id, before, after });
    return (await withTaskLabels(db, [after]))[0]!;
  });
}
