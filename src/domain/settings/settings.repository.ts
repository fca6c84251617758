import type { z } from "zod";
import type { Settings } from "../../shared/api/settings.js";
import type { Executor } from "../context.js";
import { fromJson } from "../records/json-column.js";

/** A setting's value checked against its schema, or undefined when unset. */
export async function getSetting<S extends z.ZodType>(
  db: Executor,
  key: string,
  schema: S,
): Promise<z.output<S> | undefined> {
  const row = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
  return row ? fromJson(schema, row.value) : undefined;
}

/**
 * The settings as read inside a write, by its transaction: a bulk write asks for them per record
 * (nine queries each time). Forgotten when the write puts a setting.
 */
export const settingsInWrite = new WeakMap<Executor, Settings>();

/** Sets a setting (insert or replace), moving its version on. */
export async function putSetting(db: Executor, key: string, value: unknown, now: string): Promise<void> {
  settingsInWrite.delete(db);
  const text = JSON.stringify(value);
  const updated = await db
    .updateTable("settings")
    .set((eb) => ({ value: text, updatedAt: now, version: eb("version", "+", 1) }))
    .where("key", "=", key)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await db.insertInto("settings").values({ key, value: text, version: 1, updatedAt: now }).execute();
}
