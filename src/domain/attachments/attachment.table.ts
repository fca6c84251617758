/** `attachments`: evidence files (佐证材料) with their bytes (bytea / BLOB). */
export interface AttachmentTable {
  id: string;
  taskForceId: string;
  taskId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
  createdBy: string;
  content: Uint8Array;
}
