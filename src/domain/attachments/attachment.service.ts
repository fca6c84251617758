import { createHash } from "node:crypto";
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentMeta,
  EVIDENCE_CONTENT_TYPES,
  evidenceProblem,
  parseAttachmentRef,
} from "../../shared/api/attachments.js";
import { AppError } from "../../shared/errors.js";
import { assertCanWrite, mayReadTaskForce } from "../accounts/access.js";
import { appendAudit } from "../audit/audit.repository.js";
import type { ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import { progressReportResource } from "../progress-reports/progress-report.resource.js";
import { inTransaction } from "../resource/resource.service.js";
import {
  findAttachmentContent,
  findAttachmentMeta,
  findAttachmentMetasBefore,
  insertAttachment,
} from "./attachment.repository.js";

/**
 * The media type of an upload when it may be attached as evidence (lower case, parameters such as
 * `charset` dropped); 415 naming the type otherwise. Checked before the body is read.
 */
export function evidenceContentType(header: string | undefined): string {
  const type = (header ?? "").split(";")[0]!.trim().toLowerCase();
  if (!EVIDENCE_CONTENT_TYPES.includes(type))
    throw new AppError(
      "unsupported_media_type",
      type
        ? `files of type ${type} cannot be attached; accepted: pictures (png, jpeg, webp, gif), PDF, Word, Excel, PowerPoint (docx, xlsx, pptx) and plain text`
        : "an attachment needs the Content-Type of its file",
    );
  return type;
}

/** What {@link createAttachment} stores. */
export interface AttachmentUpload {
  /** The task the evidence is for; the caller must be allowed to report on it. */
  readonly taskId: string;
  readonly fileName: string;
  /** The Content-Type header sent with the bytes. */
  readonly contentType: string | undefined;
  readonly content: Buffer | undefined;
}

/**
 * Stores an evidence file for a task, with its SHA-256, audited as `attachment`. Who may attach is
 * who may report progress on the task (its owner, the task force's lead, an admin). Every check
 * runs before the insert, all in one transaction: a refusal writes nothing.
 */
export async function createAttachment(
  ctx: ServiceContext,
  upload: AttachmentUpload,
): Promise<AttachmentMeta> {
  const contentType = evidenceContentType(upload.contentType);
  const content = upload.content ?? Buffer.alloc(0);
  const problem = evidenceProblem({ size: content.length, type: contentType });
  if (problem === "empty") throw new AppError("invalid", "the file is empty");
  if (problem === "size")
    throw new AppError("too_large", `a file may have at most ${ATTACHMENT_MAX_BYTES} bytes (10 MiB)`);
  return inTransaction(ctx, async (trx) => {
    const task = await trx
      .selectFrom("tasks")
      .select("taskForceId")
      .where("id", "=", upload.taskId)
      .executeTakeFirst();
    if (!task) throw new AppError("not_found", `no task ${upload.taskId}`);
    const taskForceId = task.taskForceId as string;
    // The same scope as a progress report on this task.
    await assertCanWrite(ctx, trx, progressReportResource, { taskId: upload.taskId, taskForceId });
    const meta: AttachmentMeta = {
      id: newId(),
      taskForceId,
      taskId: upload.taskId,
      fileName: upload.fileName,
      contentType,
      size: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      createdAt: ctx.now(),
      createdBy: ctx.actor,
    };
    await insertAttachment(trx, meta, content);
    await appendAudit(trx, {
      at: meta.createdAt,
      actor: ctx.actor,
      action: "create",
      entity: "attachment",
      entityId: meta.id,
      before: null,
      after: meta,
    });
    return meta;
  });
}

// A caller who may not read the task force learns nothing, not even that the file exists.
const notFound = (id: string) => new AppError("not_found", `no attachment ${id}`);

/** An attachment's description, for anyone who may read its task force (404 otherwise). */
export async function getAttachmentMeta(ctx: ServiceContext, id: string): Promise<AttachmentMeta> {
  const meta = await findAttachmentMeta(ctx.trx ?? ctx.database.db, id);
  if (!meta || !mayReadTaskForce(ctx.principal, meta.taskForceId)) throw notFound(id);
  return meta;
}

/** An attachment's description and bytes, for anyone who may read its task force (404 otherwise). */
export async function getAttachmentContent(
  ctx: ServiceContext,
  id: string,
): Promise<{ meta: AttachmentMeta; content: Buffer }> {
  // The description first, so a refused caller never makes the database read the bytes.
  await getAttachmentMeta(ctx, id);
  const found = await findAttachmentContent(ctx.trx ?? ctx.database.db, id);
  if (!found) throw notFound(id);
  return found;
}

/**
 * Deletes the evidence files no progress report names that were uploaded before `before` (an ISO
 * instant): uploads a reporter removed again, or left behind by a cancelled report. Younger ones
 * stay, as their report may still be being written. Each deletion is audited; answers what went.
 */
export async function pruneAttachments(ctx: ServiceContext, before: string): Promise<AttachmentMeta[]> {
  return inTransaction(ctx, async (trx) => {
    const named = new Set<string>();
    const reports = await trx
      .selectFrom("progress_reports")
      .select("evidence")
      .where("evidence", "like", "%attachment:%")
      .execute();
    for (const r of reports)
      for (const entry of JSON.parse(r.evidence as string) as string[]) {
        const ref = parseAttachmentRef(entry);
        if (ref) named.add(ref.id);
      }
    const gone: AttachmentMeta[] = [];
    for (const meta of await findAttachmentMetasBefore(trx, before)) {
      if (named.has(meta.id)) continue;
      await trx.deleteFrom("attachments").where("id", "=", meta.id).execute();
      await appendAudit(trx, {
        at: ctx.now(),
        actor: ctx.actor,
        action: "delete",
        entity: "attachment",
        entityId: meta.id,
        before: meta,
        after: null,
      });
      gone.push(meta);
    }
    return gone;
  });
}
