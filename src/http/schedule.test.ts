import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { adminClient, appFor, type Client } from "../../test/factories.js";
import { putSetting } from "../domain/settings/settings.repository.js";

describe.each(dialects)("scheduling through the API on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: Client;
  const ids: Record<string, string> = {};
  const post = async (path: string, body: unknown) => {
    const r = await api("POST", `/api/v1/${path}`, body);
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const task = async (key: string) => (await api("GET", `/api/v1/tasks/${ids[key]}`)).body;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await putSetting(
      t.database.db,
      "statusDate",
      { rule: "fixed", date: "2022-08-15" },
      "2022-08-15T00:00:00Z",
    );
    app = await appFor(t);
    api = await adminClient(app, t);
    const tf = await post("task-forces", {
      code: "S1",
      name: "排期专班",
      startDate: "2022-09-01",
      deadline: "2022-12-30",
    });
    ids.tf = tf.id;
    const mk = async (key: string, body: Record<string, unknown>) => {
      ids[key] = (await post("tasks", { taskForceId: tf.id, title: key, ...body })).id;
    };
    await mk("phase", { code: "1" });
    await mk("A", { code: "1.1", parentId: ids.phase, duration: 5 });
    await mk("B", { code: "1.2", parentId: ids.phase, duration: 3, deadline: "2022-10-10" });
    await mk("M", { code: "2", duration: 0, deadline: "2022-10-31" });
    await mk("X", { code: "3" });
    await post("dependencies", { predecessorId: ids.A, successorId: ids.B });
    await post("dependencies", { predecessorId: ids.B, successorId: ids.M, type: "FS", lag: 2 });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("schedules a task force after every edit of its plan, on the 2022 Chinese calendar", async () => {
    const b = await task("B");
    // Due Monday Oct 10; Sat Oct 8 and Sun Oct 9 are worked (调休), Oct 1–7 are the holiday.
    expect(b).toMatchObject({ lateFinish: "2022-10-10", lateStart: "2022-10-08" });
    const a = await task("A");
    expect(a).toMatchObject({
      earlyStart: "2022-09-01",
      earlyFinish: "2022-09-07",
      lateFinish: "2022-09-30",
    });
    expect(a.lateStart).toBe("2022-09-26");
    expect(a.totalFloat).toBe(b.totalFloat);
    expect((await task("phase")).earlyStart).toBe("2022-09-01");
  });

  it("changes a dependency's lag and type in place and re-schedules; refuses a stale version and a cycle", async () => {
    const dep = (await api("GET", `/api/v1/dependencies?predecessorId=${ids.B}`)).body.items[0];
    const url = `/api/v1/dependencies/${dep.id}`;
    // B must now end 20 working days before milestone M (Oct 31), across the National Day holiday.
    const lag = await api("PATCH", url, { lag: 20, version: dep.version });
    expect(lag.status).toBe(200);
    expect(await task("B")).toMatchObject({ lateStart: "2022-09-26", lateFinish: "2022-09-28" });
    expect((await api("PATCH", url, { type: "SS", version: dep.version })).body.error.code).toBe(
      "STALE_VERSION",
    );
    // Start-to-start: B starts 20 working days before M at the latest, and ends on the worked Sat Oct 8.
    const type = await api("PATCH", url, { type: "SS", version: lag.body.version });
    expect(type.body).toMatchObject({ type: "SS", lag: 20 });
    expect(await task("B")).toMatchObject({ lateStart: "2022-09-29", lateFinish: "2022-10-08" });
    // B → A, while A → B stands.
    const cycle = await api("PATCH", url, { successorId: ids.A, version: 3 });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error.code).toBe("DEPENDENCY_CYCLE");
    expect((await api("PATCH", url, { type: "FS", lag: 2, version: 3 })).status).toBe(200);
  });

  it("reports an explicit run with the critical chain and the tasks it had to leave out", async () => {
    const r = await api("POST", `/api/v1/task-forces/${ids.tf}/schedule`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      feasible: true,
      projectStart: "2022-09-01",
      statusDate: "2022-08-15",
      error: null,
    });
    expect(r.body.criticalPath).toEqual([ids.A, ids.B]);
    expect(r.body.skipped).toEqual([{ taskId: ids.X, code: "3", reason: "no_duration" }]);
    const audit = await api("GET", `/api/v1/audit-entries?entity=task_force&entityId=${ids.tf}`);
    expect(audit.body.items[0]).toMatchObject({ action: "schedule", after: { feasible: true } });
    expect((await api("GET", `/api/v1/task-forces/${ids.tf}/schedule`)).body.minFloat).toBe(r.body.minFloat);
  });

  it("approves the plan as the baseline and then shows slippage against it", async () => {
    const approved = await api("POST", `/api/v1/task-forces/${ids.tf}/approve-plan`, {
      reason: "批准计划",
      number: 1,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.approved).toBeGreaterThanOrEqual(3);
    const a = await task("A");
    expect(a).toMatchObject({ baselineStart: "2022-09-01", baselineFinish: "2022-09-07", slippage: 0 });
    // 8 working days from Sep 1 cross the Mid-Autumn holiday (Mon Sep 12): finish Sep 13.
    await api("PATCH", `/api/v1/tasks/${ids.A}`, { duration: 8, version: a.version });
    expect(await task("A")).toMatchObject({ earlyFinish: "2022-09-13", slippage: 3 });
    expect((await task("B")).slippage).toBe(3);
  });

  it("turns infeasible when a deadline cannot be met, naming negative float", async () => {
    const a = await task("A");
    await api("PATCH", `/api/v1/tasks/${ids.A}`, { duration: 30, version: a.version });
    const run = (await api("POST", `/api/v1/task-forces/${ids.tf}/schedule`)).body;
    expect(run.feasible).toBe(false);
    expect(run.minFloat).toBeLessThan(0);
    expect((await task("B")).critical).toBe(true);
  });

  it("serves the battle map with filters", async () => {
    const all = await api("GET", "/api/v1/battle-map");
    expect(all.status).toBe(200);
    expect(all.body.statusDate).toBe("2022-08-15");
    expect(all.body.taskForces[0].schedule.taskForceId).toBe(ids.tf);
    expect(all.body.tasks).toHaveLength(5);
    expect(all.body.dependencies).toHaveLength(2);
    const critical = await api("GET", "/api/v1/battle-map?critical=true");
    expect(critical.body.tasks.every((x: { critical: boolean }) => x.critical)).toBe(true);
    expect(critical.body.tasks.length).toBeGreaterThan(0);
    expect((await api("GET", "/api/v1/battle-map?critical=maybe")).status).toBe(400);
  });
});
