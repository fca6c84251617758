import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentMeta,
  EVIDENCE_CONTENT_TYPES,
  evidenceProblem,
  parseAttachmentRef,
} from "../../shared/api/attachments.js";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertMayReport, mayReadTaskForce } from "../accounts/scope.js";
import { appendAudit, appendAudits } from "../audit/audit.repository.js";
import { readerOf, type ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import { evidenceNamingAttachments } from "../progress-reports/progress-report.repository.js";
import { write } from "../records/transaction.js";
import { taskOwner } from "../tasks/task.repository.js";
import {
  deleteAttachments,
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
      "UNSUPPORTED_MEDIA_TYPE",
      type
        ? `files of type ${type} cannot be attached; accepted: ${ACCEPTED}`
        : "an attachment needs the Content-Type of its file",
    );
  return type;
}

/**
 * The media type of evidence decided by its bytes (magic numbers, via `file-type`; plain text when
 * they are well-formed UTF-8 without control characters): the name and the declared type are not
 * trusted, so an .exe named .pdf is refused (415 naming what it is).
 */
export async function evidenceTypeOf(content: Buffer): Promise<string> {
  const detected = await fileTypeFromBuffer(content);
  if (detected) {
    if (EVIDENCE_CONTENT_TYPES.includes(detected.mime)) return detected.mime;
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `the file's content is ${detected.mime} (.${detected.ext}), which cannot be evidence; accepted: ${ACCEPTED}`,
      [ruleDetail("file", "contentNotEvidence", { ext: detected.ext })],
    );
  }
  if (isPlainText(content)) return "text/plain";
  throw new AppError(
    "UNSUPPORTED_MEDIA_TYPE",
    `the file's content is not of a type that can be evidence, whatever its name or declared type; accepted: ${ACCEPTED}`,
    [ruleDetail("file", "contentUnknown")],
  );
}

const ACCEPTED =
  "pictures (png, jpeg, webp, gif), PDF, Word, Excel, PowerPoint (docx, xlsx, pptx) and plain text";

/** Whether bytes are UTF-8 text: they decode strictly and hold no control characters but tab and line ends. */
function isPlainText(content: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
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
  const declared = evidenceContentType(upload.contentType);
  const content = upload.content ?? Buffer.alloc(0);
  const problem = evidenceProblem({ size: content.length, type: declared });
  if (problem === "empty") throw new AppError("VALIDATION", "the file is empty");
  if (problem === "size")
    throw new AppError("PAYLOAD_TOO_LARGE", `a file may have at most ${ATTACHMENT_MAX_BYTES} bytes (10 MiB)`);
  return write(ctx, async (w) => {
    const task = await taskOwner(w.uow.db, upload.taskId);
    if (!task) throw new AppError("NOT_FOUND", `no task ${upload.taskId}`);
    const taskForceId = task.taskForceId;
    // The same scope as a progress report on this task.
    assertMayReport(w, taskForceId, task.responsiblePersonId, "task");
    const contentType = await evidenceTypeOf(content);
    const meta: AttachmentMeta = {
      id: newId(),
      taskForceId,
      taskId: upload.taskId,
      fileName: upload.fileName,
      contentType,
      size: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      createdAt: w.now(),
      createdBy: w.actor,
    };
    await insertAttachment(w.uow.db, meta, content);
    await appendAudit(w, {
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
const notFound = (id: string) => new AppError("NOT_FOUND", `no attachment ${id}`);

/** An attachment's description, for anyone who may read its task force (404 otherwise). */
export async function getAttachmentMeta(ctx: ServiceContext, id: string): Promise<AttachmentMeta> {
  const meta = await findAttachmentMeta(readerOf(ctx), id);
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
  const found = await findAttachmentContent(readerOf(ctx), id);
  if (!found) throw notFound(id);
  return found;
}

/**
 * Deletes the evidence files no progress report names that were uploaded before `before` (an ISO
 * instant): uploads a reporter removed again, or left behind by a cancelled report. Younger ones
 * stay, as their report may still be being written. Each deletion is audited; answers what went.
 */
export function pruneAttachments(ctx: ServiceContext, before: string): Promise<AttachmentMeta[]> {
  return write(ctx, async (w) => {
    const named = new Set<string>();
    for (const evidence of await evidenceNamingAttachments(w.uow.db))
      for (const entry of evidence) {
        const ref = parseAttachmentRef(entry);
        if (ref) named.add(ref.id);
      }
    const gone = (await findAttachmentMetasBefore(w.uow.db, before)).filter((meta) => !named.has(meta.id));
    await deleteAttachments(
      w.uow.db,
      gone.map((m) => m.id),
    );
    await appendAudits(
      w,
      gone.map((meta) => ({
        action: "delete",
        entity: "attachment",
        entityId: meta.id,
        before: meta,
        after: null,
      })),
    );
    return gone;
  });
}
