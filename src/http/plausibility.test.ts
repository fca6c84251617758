import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

/** Plausibility rules: one bad entry must never silently change lights and rankings. */
describe.each(dialects)("plausible entries on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let lead: Client;
  let admin: Client;
  /** A leaf task of task force 01 in progress (status date 2022-08-15). */
  let task: {
    id: string;
    code: string;
    percent: number;
    taskForceId: string;
    version: number;
    deadline: string;
  };

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    lead = clientFor(app, await signIn(app, "lead", DEMO_PASSWORD));
    admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
    const tasks = (await lead("GET", "/api/v1/tasks?taskForceId=tf-01&status=in_progress&limit=100")).body
      .items;
    task = tasks.find((x: { duration: number | null }) => x.duration);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const refusedWithoutTrace = async (send: () => ReturnType<Client>, code: string, path: string) => {
    const before = await snapshot(t.database);
    const r = await send();
    expect(r.status, JSON.stringify(r.body)).toBe(code === "VALIDATION" ? 400 : 422);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await snapshot(t.database)).toBe(before);
    return r.body.error;
  };

  it("refuses a progress report dated after the status date, and leaves the task as it was", async () => {
    for (const reportDate of ["2022-08-16", "2030-01-01"])
      await refusedWithoutTrace(
        () =>
          lead("POST", "/api/v1/progress-reports", {
            taskId: task.id,
            reportDate,
            percent: 100,
            narrative: "已完成",
          }),
        "REPORT_RULE",
        "reportDate",
      );
    expect((await lead("GET", `/api/v1/tasks/${task.id}`)).body.status).toBe("in_progress");
  });

  it("refuses a report that says nothing, and one that reports less than an earlier report", async () => {
    await refusedWithoutTrace(
      () =>
        lead("POST", "/api/v1/progress-reports", { taskId: task.id, reportDate: "2022-08-15", percent: 0 }),
      "REPORT_RULE",
      "narrative",
    );
    const lower = Math.max(0, task.percent - 5);
    if (task.percent > 0)
      await refusedWithoutTrace(
        () =>
          lead("POST", "/api/v1/progress-reports", {
            taskId: task.id,
            reportDate: "2022-08-15",
            percent: lower,
            narrative: "本周推进",
          }),
        "REPORT_RULE",
        "percent",
      );
    const fine = await lead("POST", "/api/v1/progress-reports", {
      taskId: task.id,
      reportDate: "2022-08-15",
      percent: task.percent,
      narrative: "本周无新增进度，等待审批",
    });
    expect(fine.status).toBe(201);
  });

  it("asks a confirming note for an actual far outside its target and last actual, and refuses a month to come", async () => {
    const indicator = (await admin("GET", "/api/v1/indicators?taskForceId=tf-01&kind=level&limit=1")).body
      .items[0];
    const error = await refusedWithoutTrace(
      () =>
        admin("POST", "/api/v1/indicator-readings", {
          indicatorId: indicator.id,
          period: "2022-08",
          actual: 99_999_999_999,
        }),
      "READING_RULE",
      "actual",
    );
    expect(error.details[0].message).toContain(`target ${indicator.target}`);
    await refusedWithoutTrace(
      () =>
        admin("POST", "/api/v1/indicator-readings", {
          indicatorId: indicator.id,
          period: "2022-09",
          actual: indicator.target,
        }),
      "READING_RULE",
      "period",
    );
    const confirmed = await admin("POST", "/api/v1/indicator-readings", {
      indicatorId: indicator.id,
      period: "2022-08",
      actual: 99_999_999_999,
      note: "经统计局核实无误",
    });
    expect(confirmed.status).toBe(201);
  });

  it("refuses a deadline that leaves the task force impossible to schedule, naming the task, and keeps the battle map's dates", async () => {
    const before = (await lead("GET", "/api/v1/battle-map?taskForceId=tf-01")).body;
    const error = await refusedWithoutTrace(
      () => lead("PATCH", `/api/v1/tasks/${task.id}`, { deadline: "2021-01-01", version: task.version }),
      "UNSCHEDULABLE",
      `task ${task.code}.deadline`,
    );
    expect(error.message).toContain(task.code);
    const after = (await lead("GET", "/api/v1/battle-map?taskForceId=tf-01")).body;
    expect(after.taskForces[0].schedule.error).toBeNull();
    expect(
      after.tasks.every(
        (x: { earlyStart: string | null; duration: number | null }) => x.duration === null || x.earlyStart,
      ),
    ).toBe(true);
    expect(after.tasks).toEqual(before.tasks);
  });

  it("refuses a start and duration that would schedule past 2999-12-31, naming the task (lists and the battle map answered 500)", async () => {
    const later = (await lead("GET", "/api/v1/tasks?taskForceId=tf-01&status=not_started&limit=100")).body
      .items;
    const leaf = later.find((x: { duration: number | null }) => x.duration);
    const error = await refusedWithoutTrace(
      () =>
        lead("PATCH", `/api/v1/tasks/${leaf.id}`, {
          notBefore: "2999-06-01",
          duration: 1000,
          version: leaf.version,
        }),
      "UNSCHEDULABLE",
      `task ${leaf.code}.earlyFinish`,
    );
    expect(error.details[0]).toMatchObject({ key: "scheduledOutOfRange" });
    expect((await lead("GET", "/api/v1/tasks?taskForceId=tf-01")).status).toBe(200);
  });

  it("refuses a weight over 100 instead of clamping it", async () => {
    const r = await lead("PATCH", `/api/v1/tasks/${task.id}`, { weight: 1000, version: task.version });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].path).toBe("body.weight");
  });
});
