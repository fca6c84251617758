/**
 * Deciding a 延期申请: a lead of its task force or the supervision office approves it (moving the
 * task's deadline and recording the plan change as baseline N+1, extension-plan-change.ts) or
 * rejects it with a note, at the request's version. Whoever filed it is told in their inbox.
 */
import type { ExtensionDecisionInput, ExtensionRequest } from "../../shared/api/extensions.js";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertTaskForceInScope, leadsTaskForce } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import type { ServiceContext, WriteContext } from "../context.js";
import { assertVersion, getById } from "../records/record-ops.js";
import { write } from "../records/transaction.js";
import { updateAtVersion } from "../records/update-at-version.js";
import { lockTaskForce } from "../task-forces/task-force.repository.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import { taskOwner } from "../tasks/task.repository.js";
import type { ExtensionState } from "./chasing.table.js";
import { type ExtensionRow, personOfUser, taskLabels } from "./extension.repository.js";
import { assertPending, EXTENSION_ENTITY, EXTENSION_LABEL, withTaskLabels } from "./extension.service.js";
import { applyExtension } from "./extension-plan-change.js";
import { postMessages } from "./messages.js";

/**
 * Who decides a request: a lead of its task force or the supervision office (a supervisor or an
 * admin), never the one who filed it (403 `SELF_DECISION`); an API token only within its task force.
 */
function assertMayDecide(ctx: ServiceContext, r: Pick<ExtensionRow, "taskForceId" | "requestedBy">) {
  const p = ctx.principal;
  if (!p) return;
  assertTaskForceInScope(ctx, r.taskForceId);
  if (p.username === r.requestedBy)
    throw new AppError("SELF_DECISION", "an extension request is decided by someone other than who filed it");
  if (p.roles.some((role) => role === "admin" || role === "supervisor")) return;
  if (leadsTaskForce(p, r.taskForceId)) return;
  throw new AppError(
    "FORBIDDEN",
    `only a lead of task force ${r.taskForceId} or the supervision office may decide its extension requests`,
  );
}

/** Approves a pending request: the task's deadline moves and the plan change is recorded as baseline N+1. */
export function approveExtensionRequest(
  ctx: ServiceContext,
  id: string,
  input: ExtensionDecisionInput,
): Promise<ExtensionRequest> {
  return decide(ctx, id, "approved", input);
}

/** Rejects a pending request; the note (why) is required (400 `VALIDATION` on `note`). */
export function rejectExtensionRequest(
  ctx: ServiceContext,
  id: string,
  input: ExtensionDecisionInput,
): Promise<ExtensionRequest> {
  if (!input.note?.trim())
    throw new AppError("VALIDATION", "note: a rejection needs a note", [
      ruleDetail("note", "rejectNeedsNote"),
    ]);
  return decide(ctx, id, "rejected", input);
}

function decide(
  ctx: ServiceContext,
  id: string,
  state: Extract<ExtensionState, "approved" | "rejected">,
  input: ExtensionDecisionInput,
): Promise<ExtensionRequest> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const found = await getById(db, "extension_requests", id, EXTENSION_LABEL);
    await getTaskForce(w, found.taskForceId);
    assertMayDecide(w, found);
    // Plan changes of one task force run one at a time; read the request again under the lock.
    await lockTaskForce(w.uow, w.database.dialect, found.taskForceId);
    const before = await getById(db, "extension_requests", id, EXTENSION_LABEL);
    assertVersion(before, input.version, EXTENSION_LABEL);
    assertPending(before);
    const baselineId = state === "approved" ? await applyExtension(w, before) : null;
    const at = w.now();
    const note = input.note?.trim() || null;
    const after = await updateAtVersion(
      db,
      "extension_requests",
      { id, version: input.version, label: EXTENSION_LABEL },
      {
        state,
        decidedBy: w.actor,
        decidedByName: w.principal?.displayName ?? w.actor,
        decidedAt: at,
        decisionNote: note,
        baselineId,
        updatedAt: at,
      },
    );
    await appendAudit(w, {
      action: state === "approved" ? "approve" : "transition",
      entity: EXTENSION_ENTITY,
      entityId: id,
      before,
      after,
      reason: note,
    });
    await notifyDecision(w, after);
    return (await withTaskLabels(db, [after]))[0]!;
  });
}

/** Whoever filed the request (and the task's owner, when someone filed it for them) hears the decision. */
async function notifyDecision(w: WriteContext, r: ExtensionRow): Promise<void> {
  const db = w.uow.db;
  const owner = await taskOwner(db, r.taskId);
  const people = [await personOfUser(db, r.requestedBy), owner?.responsiblePersonId ?? null];
  const recipients = [...new Set(people)].filter(
    (p): p is string => p !== null && p !== w.principal?.personId,
  );
  const label = (await taskLabels(db, [r.taskId])).get(r.taskId);
  await postMessages(
    w,
    recipients.map((personId) => ({
      personId,
      kind: "extensionDecided",
      taskForceId: r.taskForceId,
      subject: { kind: "task", id: r.taskId },
      params: {
        requestId: r.id,
        taskCode: label?.code ?? "",
        taskTitle: label?.title ?? "",
        requestedDeadline: r.requestedDeadline,
        currentDeadline: r.currentDeadline,
        state: r.state,
        note: r.decisionNote,
        deciderName: r.decidedByName,
        // The name the inbox's words read (src/shared/message-words.ts).
        decidedByName: r.decidedByName,
      },
    })),
  );
}
