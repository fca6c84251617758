/**
 * Rows that were just acted on and wait for the list's refetch. After an action the server answers
 * with the item's new version; until the list shows at least that version, the row still holds the
 * old one, and a second action would send it and get 409 STALE_VERSION. The table keeps the
 * answered versions here and disables those rows until their refetch lands.
 */

/** Item id → the version the server answered an action with. */
export type PendingVersions = ReadonlyMap<string, number>;

/** No row waits. */
export const NO_PENDING: PendingVersions = new Map();

/** Records that `id` will be at `version` once the list has refetched it. */
export function markPending(pending: PendingVersions, id: string, version: number): PendingVersions {
  const next = new Map(pending);
  next.set(id, Math.max(version, pending.get(id) ?? version));
  return next;
}

/** Whether a row still shows an older version than the server answered with. */
export function awaitsRefetch(item: { id: string; version: number }, pending: PendingVersions): boolean {
  const expected = pending.get(item.id);
  return expected !== undefined && item.version < expected;
}

/** Forgets the rows whose refetch has landed (the same map when nothing changed). */
export function settlePending(
  pending: PendingVersions,
  items: readonly { id: string; version: number }[],
): PendingVersions {
  if (pending.size === 0) return pending;
  let next: Map<string, number> | null = null;
  for (const item of items) {
    if (pending.has(item.id) && !awaitsRefetch(item, pending)) {
      next ??= new Map(pending);
      next.delete(item.id);
    }
  }
  return next ?? pending;
}
