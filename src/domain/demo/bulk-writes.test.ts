import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../../test/db-harness.js";
import { AppError } from "../../shared/errors.js";
import { type ServiceContext, serviceContext } from "../context.js";
import { createReadings } from "../indicators/reading.service.js";
import { insertMany } from "../records/update-at-version.js";
import { createMembers } from "../task-forces/member.service.js";
import { loadDemo } from "./demo.service.js";
import { buildDemoDataset } from "./demo-data.js";

const at = () => "2022-08-15T01:00:00.000Z";

/** The bulk writes the demo loads with keep the rules of one record at a time, on both databases. */
describe.each(dialects)("bulk writes on %s", (dialect) => {
  let t: TestDatabase;
  let ctx: ServiceContext;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    ctx = serviceContext(t.database, "test", at);
    await loadDemo(serviceContext(t.database, "demo", at), buildDemoDataset());
  }, 120_000);
  afterAll(() => t?.drop());

  const refused = async (run: () => Promise<unknown>, code: string) => {
    const before = await snapshot(t.database);
    const e = await run().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    expect(await snapshot(t.database)).toBe(before);
    return e as AppError;
  };
  const auditOf = (entityId: string) =>
    t.database.db.selectFrom("audit_entries").selectAll().where("entityId", "=", entityId).execute();

  it("insertMany stores text, numbers and nulls as given (PostgreSQL reads them from one JSON parameter)", async () => {
    const rows = [
      { code: "BULK-1", name: 'quote " back\\slash\nnew line 单位 😀', kind: "department" as const },
      { code: "BULK-2", name: "second", kind: "street" as const },
    ].map((r, k) => ({
      id: `ou-bulk-${k}`,
      version: 1,
      createdAt: at(),
      updatedAt: at(),
      ...r,
      parentId: null,
      sort: 7 + k,
      headPersonId: null,
    }));
    await insertMany(t.database.db, "org_units", rows);
    const stored = await t.database.db
      .selectFrom("org_units")
      .selectAll()
      .where("id", "in", ["ou-bulk-0", "ou-bulk-1"])
      .orderBy("id")
      .execute();
    expect(stored).toEqual(rows);
    const indicator = {
      id: "ind-bulk",
      version: 1,
      createdAt: at(),
      updatedAt: at(),
      taskForceId: null,
      taskId: null,
      code: "BULK",
      name: "bulk",
      unit: "%",
      kind: "level" as const,
      direction: "up" as const,
      year: 2022,
      baseline: -0.125,
      target: 1234567.89,
      monthlyPlan: '{"2022-01":1.5}',
      ownerPersonId: null,
      note: null,
      parentId: null,
      goalId: null,
      orgUnitId: null,
      weight: 0.1,
    };
    await insertMany(t.database.db, "indicators", [indicator]);
    expect(
      await t.database.db.selectFrom("indicators").selectAll().where("id", "=", "ind-bulk").execute(),
    ).toEqual([indicator]);
  });

  it("createReadings checks each month against the readings before it in the list, and refuses a month twice", async () => {
    const ind = await t.database.db
      .selectFrom("indicators")
      .select(["id", "kind", "target"])
      .where("kind", "=", "cumulative")
      .where("direction", "=", "up")
      .where("taskForceId", "is not", null)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await t.database.db.deleteFrom("indicator_readings").where("indicatorId", "=", ind.id).execute();
    const reading = (id: string, period: string, actual: number) => ({
      id,
      input: { indicatorId: ind.id, period, actual, note: null, reportedById: null },
    });
    // The July total falls below June's, which is in the same list: refused as if made one by one.
    const falls = await refused(
      () =>
        createReadings(ctx, [
          reading("r-bulk-6", "2022-06", ind.target / 2),
          reading("r-bulk-7", "2022-07", ind.target / 4),
        ]),
      "READING_RULE",
    );
    expect(falls.details?.[0]?.path).toBe("actual");
    const twice = await refused(
      () =>
        createReadings(ctx, [
          reading("r-bulk-6", "2022-06", ind.target / 4),
          reading("r-bulk-6b", "2022-06", ind.target / 2),
        ]),
      "DUPLICATE",
    );
    expect(twice.details?.[0]?.path).toBe("period");
    const created = await createReadings(ctx, [
      reading("r-bulk-6", "2022-06", ind.target / 4),
      reading("r-bulk-7", "2022-07", ind.target / 2),
    ]);
    expect(created.map((r) => [r.id, r.period, r.reportedAt])).toEqual([
      ["r-bulk-6", "2022-06", at()],
      ["r-bulk-7", "2022-07", at()],
    ]);
    // Audited once each, the record as stored (as one created alone is).
    const audit = await auditOf("r-bulk-7");
    expect(audit.map((a) => [a.action, a.entity])).toEqual([["create", "indicator_reading"]]);
    expect(audit[0]!.after).toBe(JSON.stringify(created[1]));
  });

  it("createMembers refuses a person on the same post twice and audits each membership as stored", async () => {
    const { taskForceId, personId, post } = await t.database.db
      .selectFrom("task_force_members")
      .select(["taskForceId", "personId", "post"])
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const member = (id: string, p: string) => ({
      id,
      input: { taskForceId, personId, post: p, role: "member" as const, duties: null },
    });
    await refused(
      () => createMembers(ctx, [member("m-bulk-1", "新岗位"), member("m-bulk-2", post)]),
      "DUPLICATE",
    );
    await refused(
      () => createMembers(ctx, [member("m-bulk-1", "新岗位"), member("m-bulk-2", "新岗位")]),
      "DUPLICATE",
    );
    const created = await createMembers(ctx, [member("m-bulk-1", "新岗位"), member("m-bulk-2", "另一岗位")]);
    expect(created.map((m) => m.post)).toEqual(["新岗位", "另一岗位"]);
    const audit = await auditOf("m-bulk-2");
    expect(audit.map((a) => [a.action, a.entity])).toEqual([["create", "task_force_member"]]);
    expect(audit[0]!.after).toBe(JSON.stringify(created[1]));
  });
});
