import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../../test/db-harness.js";
import { changesSince, DATA_CHANGES_KEPT, dataRevision, recordChanges } from "./audit.repository.js";

describe.each(dialects)("the data revision and its change log on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("numbers each change with its revision, in order", async () => {
    const db = t.database.db;
    const start = await dataRevision(db);
    expect(await recordChanges(db, [{ entity: "task", entityId: "t-1", taskForceId: "tf-1" }])).toBe(
      start + 1,
    );
    expect(await recordChanges(db, [{ entity: "*" }])).toBe(start + 2);
    expect(await changesSince(db, start)).toEqual([
      { revision: start + 1, entity: "task", entityId: "t-1", taskForceId: "tf-1" },
      { revision: start + 2, entity: "*", entityId: null, taskForceId: null },
    ]);
  });

  it("keeps only the latest changes, pruning every thousandth revision", async () => {
    const db = t.database.db;
    // Jump the counter to just before a pruning revision far ahead of the rows written so far.
    const next = Math.ceil((DATA_CHANGES_KEPT + 5_000) / 1_000) * 1_000;
    await db
      .updateTable("revisions")
      .set({ n: next - 2 })
      .where("scope", "=", "data")
      .execute();
    await recordChanges(db, [{ entity: "task", entityId: "t-2" }]);
    expect((await changesSince(db, 0)).length).toBeGreaterThan(1);
    await recordChanges(db, [{ entity: "task", entityId: "t-3" }]);
    // The early rows are gone; the two just written stay.
    expect((await changesSince(db, 0)).map((c) => c.revision)).toEqual([next - 1, next]);
  });
});
