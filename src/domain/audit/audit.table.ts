/** `audit_entries`: append-only; `before`/`after` are JSON text of wire records or null. */
export interface AuditEntryTable {
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  /** Why, where the change asks for a reason (a correction or withdrawal). */
  reason: string | null;
}

/** `revisions`: counters; the `data` row moves on with every audited change. */
export interface RevisionTable {
  scope: string;
  n: number;
}

/** `data_changes`: what each data revision changed (read models catch up from it). */
export interface DataChangeTable {
  revision: number;
  entity: string;
  entityId: string | null;
  taskForceId: string | null;
}
