import { bumpDataRevision } from "../audit/audit.repository.js";
import type { Executor } from "../context.js";

/** A setting's value (JSON), or undefined when unset. */
export async function getSetting<T>(db: Executor, key: string): Promise<T | undefined> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  return row ? (JSON.parse(row.value as string) as T) : undefined;
}

/** Sets a setting (insert or replace), bumping its version. */
export async function putSetting(db: Executor, key: string, value: unknown, now: string): Promise<void> {
  const text = JSON.stringify(value);
  await bumpDataRevision(db, { entity: "settings", entityId: key });
  const updated = await db
    .updateTable("settings")
    .set((eb) => ({ value: text, updatedAt: now, version: eb("version", "+", 1) }))
    .where("key", "=", key)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db.insertInto("settings").values({ key, value: text, version: 1, updatedAt: now }).execute();
  }
}
