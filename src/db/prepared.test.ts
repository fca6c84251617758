import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { preparedQuery } from "./prepared.js";

describe.each(dialects)("preparedQuery on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await t.database.db
      .insertInto("org_units")
      .values(
        ["a", "b", "c"].map((code, k) => ({
          id: `u-${code}`,
          version: 1,
          createdAt: "2022-01-01T00:00:00.000Z",
          updatedAt: "2022-01-01T00:00:00.000Z",
          code,
          name: `单位${code}`,
          kind: k === 0 ? "district" : "department",
          sort: k,
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("runs one compiled query with new values, constants kept, rows in camelCase", async () => {
    const query = preparedQuery((db, param: (name: "kind" | "code") => never) =>
      db
        .selectFrom("org_units")
        .select(["id", "createdAt"])
        .where("kind", "=", param("kind"))
        .where("code", "!=", param("code"))
        .where("sort", ">=", 0)
        .orderBy("code"),
    );
    const db = t.database.db;
    expect(await query(db, { kind: "department", code: "b" })).toEqual([
      { id: "u-c", createdAt: "2022-01-01T00:00:00.000Z" },
    ]);
    expect(await query(db, { kind: "department", code: "x" })).toEqual([
      { id: "u-b", createdAt: "2022-01-01T00:00:00.000Z" },
      { id: "u-c", createdAt: "2022-01-01T00:00:00.000Z" },
    ]);
    expect(await query(db, { kind: "district", code: "x" })).toEqual([
      { id: "u-a", createdAt: "2022-01-01T00:00:00.000Z" },
    ]);
  });

  it.runIf(dialect === "postgres")(
    "is parsed and planned once per PostgreSQL connection (a named statement); other queries are not",
    async () => {
      const query = preparedQuery((db, param: (name: "code") => never) =>
        db.selectFrom("org_units").select("id").where("code", "=", param("code")),
      );
      const named = await t.database.db.connection().execute(async (conn) => {
        expect(await query(conn, { code: "a" })).toEqual([{ id: "u-a" }]);
        expect(await query(conn, { code: "b" })).toEqual([{ id: "u-b" }]);
        await conn.selectFrom("org_units").select("name").where("code", "=", "c").execute();
        return (
          await sql<{
            name: string;
            statement: string;
          }>`select name, statement from pg_prepared_statements`.execute(conn)
        ).rows;
      });
      const statements = named.map((r) => r.statement);
      expect(statements).toContain('select "id" from "org_units" where "code" = $1');
      expect(statements).not.toContain('select "name" from "org_units" where "code" = $1');
      expect(named.every((r) => /^guatu_\d+$/.test(r.name))).toBe(true);
    },
  );
});
