import type { Executor } from "../context.js";

/**
 * The next value of the named counter, starting after `floor` the first time: one upsert that both
 * databases run atomically (`ON CONFLICT … DO UPDATE … RETURNING`), so concurrent writers on several
 * app instances never get the same value.
 */
export async function nextInSequence(db: Executor, name: string, floor: number): Promise<number> {
  const row = await db
    .insertInto("sequences")
    .values({ name, value: floor + 1 })
    .onConflict((oc) => oc.column("name").doUpdateSet((eb) => ({ value: eb("sequences.value", "+", 1) })))
    .returning("value")
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
