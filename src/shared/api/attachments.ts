import { z } from "zod";
import { keyed } from "../messages.js";
import { id, requiredText, timestamp } from "./common.js";

/** Largest evidence file accepted, in bytes (10 MiB: a phone photo or a scanned PDF). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Media types an owner may attach as evidence (佐证材料): pictures, PDF, office documents, text. */
export const EVIDENCE_CONTENT_TYPES: readonly string[] = [
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "text/plain",
];

/** Why a file (its media type and size) cannot be attached as evidence, or null when it can. */
export function evidenceProblem(file: { size: number; type: string }): "type" | "size" | "empty" | null {
  if (!EVIDENCE_CONTENT_TYPES.includes(file.type)) return "type";
  if (file.size === 0) return "empty";
  if (file.size > ATTACHMENT_MAX_BYTES) return "size";
  return null;
}

/**
 * A file name as shown and downloaded: no folders (`/`, `\`, a `..` or `.` name), no control
 * characters, no bidirectional controls (U+202E would show `exe.pdf` as `fdp.exe`'s mirror).
 */
export const attachmentFileName = requiredText(200).refine(
  (s) =>
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    !/[\u0000-\u001f\u007f-\u009f/\\\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(s) &&
    s.trim() !== "." &&
    s.trim() !== "..",
  keyed("fileName"),
);

/** Query of an upload: the task the evidence is for and the file's name. */
export const attachmentUploadQuery = z.strictObject({ taskId: id, name: attachmentFileName });

/** An attachment's description (its bytes are served by `GET /attachments/:id`). */
export const attachmentMeta = z.object({
  id,
  taskForceId: id,
  taskId: id.nullable(),
  fileName: z.string(),
  contentType: z.string(),
  /** Bytes. */
  size: z.number().int(),
  /** Hex SHA-256 of the bytes. */
  sha256: z.string(),
  createdAt: timestamp,
  /** Username of the uploader. */
  createdBy: z.string(),
});
z.globalRegistry.add(attachmentMeta, { id: "AttachmentMeta" });
export type AttachmentMeta = z.output<typeof attachmentMeta>;

const REF_PREFIX = "attachment:";

/**
 * How a progress report's `evidence` names an attachment: `attachment:<id>:<fileName>`. The name
 * rides along so a report list shows it without a request per file; the id alone is authoritative
 * (the download's name and type are the stored ones).
 */
export function attachmentRef(a: { id: string; fileName: string }): string {
  return `${REF_PREFIX}${a.id}:${a.fileName}`;
}

/** The attachment an evidence entry names, or null for a plain entry (a file name or link). */
export function parseAttachmentRef(entry: string): { id: string; fileName: string } | null {
  if (!entry.startsWith(REF_PREFIX)) return null;
  const rest = entry.slice(REF_PREFIX.length);
  const colon = rest.indexOf(":");
  const attId = colon < 0 ? rest : rest.slice(0, colon);
  if (!id.safeParse(attId).success) return null;
  return { id: attId, fileName: colon < 0 ? attId : rest.slice(colon + 1) || attId };
}
