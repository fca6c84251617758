import type { Selectable } from "kysely";
import type { AttachmentMeta } from "../../shared/api/attachments.js";
import type { Executor } from "../context.js";
import type { AttachmentTable } from "./attachment.table.js";

/** Columns of an attachment's description: everything but the bytes. */
const META_COLUMNS = [
  "id",
  "taskForceId",
  "taskId",
  "fileName",
  "contentType",
  "size",
  "sha256",
  "createdAt",
  "createdBy",
] as const;

/** Stores one attachment with its bytes. */
export async function insertAttachment(db: Executor, meta: AttachmentMeta, content: Buffer): Promise<void> {
  await db
    .insertInto("attachments")
    .values({ ...meta, content })
    .execute();
}

/** An attachment's description, without its bytes; undefined when there is none. */
export async function findAttachmentMeta(db: Executor, id: string): Promise<AttachmentMeta | undefined> {
  const row = await db.selectFrom("attachments").select(META_COLUMNS).where("id", "=", id).executeTakeFirst();
  return row ? rowToMeta(row) : undefined;
}

/** Descriptions of the attachments uploaded before `before` (an ISO instant), oldest first. */
export async function findAttachmentMetasBefore(db: Executor, before: string): Promise<AttachmentMeta[]> {
  const rows = await db
    .selectFrom("attachments")
    .select(META_COLUMNS)
    .where("createdAt", "<", before)
    .orderBy("createdAt")
    .execute();
  return rows.map(rowToMeta);
}

/** An attachment's description and bytes; undefined when there is none. */
export async function findAttachmentContent(
  db: Executor,
  id: string,
): Promise<{ meta: AttachmentMeta; content: Buffer } | undefined> {
  const row = await db
    .selectFrom("attachments")
    .select([...META_COLUMNS, "content"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { content, ...meta } = row;
  return { meta: rowToMeta(meta), content: Buffer.from(content) };
}

/** Deletes attachments by id. */
export async function deleteAttachments(db: Executor, ids: readonly string[]): Promise<void> {
  for (let k = 0; k < ids.length; k += 1000)
    await db
      .deleteFrom("attachments")
      .where("id", "in", ids.slice(k, k + 1000))
      .execute();
}

// PostgreSQL answers integers of a plain `integer` column as numbers, SQLite too; Number() for safety.
function rowToMeta(row: Omit<Selectable<AttachmentTable>, "content">): AttachmentMeta {
  return { ...row, size: Number(row.size) };
}
