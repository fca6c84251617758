import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

type Problem = { path: string; key?: string; params?: Record<string, unknown> };
type MapTaskForce = { id: string; schedule: { error: string | null } | null; scheduleProblems: Problem[] };
type MapTask = { id: string; code: string; taskForceId: string; earlyStart: string | null; version: number };

/**
 * A plan that was already impossible to schedule when it reached the database (written before the
 * rule, or straight into the tables) is marked on the battle map with its reason, never left to
 * look like a plan without dates; and it may be edited to mend it.
 */
describe.each(dialects)("a plan already unschedulable, on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let lead: Client;
  /** Reads the whole district's battle map. */
  let supervisor: Client;
  let broken: MapTask;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    const leaf = await t.database.db
      .selectFrom("tasks")
      .select(["id", "code"])
      .where("taskForceId", "=", "tf-01")
      .where("duration", ">", 0)
      .orderBy("code")
      .executeTakeFirstOrThrow();
    // As a ledger kept before the rule would hold it: a deadline before the task force's start.
    await t.database.db
      .updateTable("tasks")
      .set({ deadline: "2021-01-01" })
      .where("id", "=", leaf.id)
      .execute();
    app = await appFor(t);
    lead = clientFor(app, await signIn(app, "lead", DEMO_PASSWORD));
    supervisor = clientFor(app, await signIn(app, "supervisor", DEMO_PASSWORD));
    broken = (await lead("GET", `/api/v1/tasks/${leaf.id}`)).body;
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const map = async () => {
    const r = await supervisor("GET", "/api/v1/battle-map");
    expect(r.status).toBe(200);
    return r.body as { taskForces: MapTaskForce[]; tasks: MapTask[] };
  };

  it("marks the task force on the battle map with the task and the reason, and only that one", async () => {
    const m = await map();
    const tf01 = m.taskForces.find((x) => x.id === "tf-01")!;
    expect(tf01.schedule?.error).toContain(broken.code);
    expect(tf01.scheduleProblems).toEqual([
      expect.objectContaining({
        path: `task ${broken.code}.deadline`,
        key: "DEADLINE_BEFORE_START",
        params: { date: "2021-01-01" },
      }),
    ]);
    expect(m.tasks.filter((x) => x.taskForceId === "tf-01").every((x) => x.earlyStart === null)).toBe(true);
    const others = m.taskForces.filter((x) => x.id !== "tf-01");
    expect(others.length).toBeGreaterThan(0);
    for (const tf of others)
      expect([tf.id, tf.schedule?.error, tf.scheduleProblems]).toEqual([tf.id, null, []]);
  });

  it("lets the plan be edited while broken, and clears the mark once it is mended", async () => {
    const unrelated = await lead("PATCH", `/api/v1/tasks/${broken.id}`, {
      weight: 5,
      version: broken.version,
    });
    expect(unrelated.status, JSON.stringify(unrelated.body)).toBe(200);
    expect((await map()).taskForces.find((x) => x.id === "tf-01")!.scheduleProblems).toHaveLength(1);
    const mended = await lead("PATCH", `/api/v1/tasks/${broken.id}`, {
      deadline: "2022-12-31",
      version: unrelated.body.version,
    });
    expect(mended.status, JSON.stringify(mended.body)).toBe(200);
    const m = await map();
    expect(m.taskForces.find((x) => x.id === "tf-01")).toMatchObject({
      scheduleProblems: [],
      schedule: { error: null },
    });
    expect(m.tasks.find((x) => x.id === broken.id)?.earlyStart).not.toBeNull();
  });
});
