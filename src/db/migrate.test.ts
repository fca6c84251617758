import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { migrateToEmpty, migrateToLatest } from "./migrate.js";
import { migrations } from "./migrations/index.js";

describe.each(dialects)("migrations on %s", (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  it("run up, down to empty and up again without error", async () => {
    t = await createTestDatabase(dialect, { migrate: false });
    const up = await migrateToLatest(t.database.db);
    expect(up.error).toBeUndefined();
    expect(up.results?.map((r) => r.migrationName)).toEqual(Object.keys(migrations));
    const down = await migrateToEmpty(t.database.db);
    expect(down.error).toBeUndefined();
    const tables = await t.database.db.introspection.getTables();
    expect(tables.map((x) => x.name).filter((n) => !n.startsWith("kysely_"))).toEqual([]);
    const again = await migrateToLatest(t.database.db);
    expect(again.error).toBeUndefined();
    const names = (await t.database.db.introspection.getTables()).map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(["tasks", "dependencies", "audit_entries", "settings"]));
  });

  it("is a no-op when already at the latest version", async () => {
    t = await createTestDatabase(dialect);
    const again = await migrateToLatest(t.database.db);
    expect(again).toEqual({ results: [] });
  });
});
