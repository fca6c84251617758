/**
 * What one data revision changed, for read models that catch up by re-reading only that:
 * a record (`entity` and `entityId`), every record of an entity in a task force (`entityId` null),
 * or everything (`entity` "*").
 */
export interface DataChange {
  readonly entity: string;
  readonly entityId?: string | null;
  readonly taskForceId?: string | null;
}

/** A change as `data_changes` recorded it, with its revision. */
export interface RecordedChange {
  readonly revision: number;
  readonly entity: string;
  readonly entityId: string | null;
  readonly taskForceId: string | null;
}
