import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { LONG_LIST } from "./long-in-lists.js";

/**
 * `in` lists beyond what a database binds (SQLite 32,766 parameters, PostgreSQL 65,535): a
 * province's ids are sent as one JSON parameter and match as the short list would.
 */
describe.each(dialects)("long in-lists on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const at = "2026-12-05T00:00:00.000Z";
    await t.database.db
      .insertInto("settings")
      .values(["k-7", "k-40000", "k-69999"].map((key) => ({ key, value: "{}", version: 1, updatedAt: at })))
      .execute();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("answers where key in 70,000 keys, and not in them, as for a short list", async () => {
    const keys = Array.from({ length: 70_000 }, (_, i) => `k-${i}`);
    const found = await t.database.db
      .selectFrom("settings")
      .select("key")
      .where("key", "in", keys)
      .orderBy("key")
      .execute();
    expect(found.map((r) => r.key)).toEqual(["k-40000", "k-69999", "k-7"]);
    const outside = await t.database.db
      .selectFrom("settings")
      .select("key")
      .where("key", "not in", keys.slice(0, 50_000))
      .execute();
    expect(outside.map((r) => r.key)).toEqual(["k-69999"]);
    // Short lists stay bound value by value.
    const short = t.database.db
      .selectFrom("settings")
      .select("key")
      .where("key", "in", keys.slice(0, LONG_LIST));
    expect(short.compile().parameters).toHaveLength(LONG_LIST);
    const long = t.database.db.selectFrom("settings").select("key").where("key", "in", keys);
    expect(long.compile().parameters).toHaveLength(1);
  });
});
