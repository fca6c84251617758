import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

/** Corrections and withdrawals of recorded values: with a reason, the old value kept, lights follow. */
describe.each(dialects)("corrections with a trail on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let lead: Client;
  const light = async (tf: string, taskId: string) =>
    (await lead("GET", `/api/v1/task-forces/${tf}/lights`)).body.tasks.find(
      (l: { taskId: string }) => l.taskId === taskId,
    );
  const trail = async (entity: string, id: string) =>
    (await lead("GET", `/api/v1/audit-entries?entity=${entity}&entityId=${id}&limit=10`)).body.items;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    lead = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("refuses a correction or a withdrawal without a reason, and changes nothing", async () => {
    const report = (await lead("GET", "/api/v1/progress-reports?taskId=t-10-1.3&sort=-reportDate&limit=1"))
      .body.items[0];
    const before = await snapshot(t.database);
    const patched = await lead("PATCH", `/api/v1/progress-reports/${report.id}`, {
      version: report.version,
      percent: 20,
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error.details[0]).toMatchObject({ path: "body.reason", key: "zod.invalid_type" });
    const deleted = await lead("DELETE", `/api/v1/progress-reports/${report.id}?version=${report.version}`);
    expect(deleted.status).toBe(400);
    expect(deleted.body.error.details[0].path).toBe("querystring.reason");
    const blank = await lead("PATCH", `/api/v1/progress-reports/${report.id}`, {
      version: report.version,
      percent: 20,
      reason: "  ",
    });
    expect(blank.body.error.details[0]).toMatchObject({ path: "body.reason", key: "notEmpty" });
    expect(await snapshot(t.database)).toBe(before);
  });

  it("corrects a report: the old value stays in the trail with the reason, and the light follows", async () => {
    const report = (await lead("GET", "/api/v1/progress-reports?taskId=t-10-1.3&sort=-reportDate&limit=1"))
      .body.items[0];
    expect((await light("tf-10", "t-10-1.3")).color).not.toBe("red");
    const r = await lead("PATCH", `/api/v1/progress-reports/${report.id}`, {
      version: report.version,
      percent: 20,
      reason: "前期进度估计偏高，按实际工程量更正",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await light("tf-10", "t-10-1.3")).color).toBe("red");
    expect((await lead("GET", "/api/v1/tasks/t-10-1.3")).body.percent).toBe(20);
    expect((await trail("progress_report", report.id))[0]).toMatchObject({
      action: "update",
      reason: "前期进度估计偏高，按实际工程量更正",
      before: { percent: report.percent },
      after: { percent: 20 },
    });
  });

  it("withdraws a report: the task follows its latest remaining report, the withdrawn one stays in the trail", async () => {
    const reports = (await lead("GET", "/api/v1/progress-reports?taskId=t-10-1.3&sort=-reportDate&limit=10"))
      .body.items;
    const [latest, previous] = reports;
    const r = await lead(
      "DELETE",
      `/api/v1/progress-reports/${latest.id}?version=${latest.version}&reason=${encodeURIComponent("重复填报")}`,
    );
    expect(r.status).toBe(204);
    expect((await lead("GET", "/api/v1/tasks/t-10-1.3")).body.percent).toBe(previous?.percent ?? 0);
    expect((await trail("progress_report", latest.id))[0]).toMatchObject({
      action: "delete",
      reason: "重复填报",
      before: { percent: 20 },
    });
  });

  it("corrects an indicator's actual: the old value stays in the trail and the indicator's figures follow", async () => {
    const ind = (await lead("GET", "/api/v1/indicators?taskForceId=tf-01&limit=1")).body.items[0];
    const reading = (
      await lead("GET", `/api/v1/indicator-readings?indicatorId=${ind.id}&sort=-period&limit=1`)
    ).body.items[0];
    const progressOf = async () =>
      (await lead("GET", "/api/v1/overview")).body.indicators.find((i: { id: string }) => i.id === ind.id);
    const before = await progressOf();
    const actual = reading.actual * 0.9;
    const r = await lead("PATCH", `/api/v1/indicator-readings/${reading.id}`, {
      version: reading.version,
      actual,
      reason: "统计局核定数据更正",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await progressOf()).not.toEqual(before);
    expect((await trail("indicator_reading", reading.id))[0]).toMatchObject({
      reason: "统计局核定数据更正",
      before: { actual: reading.actual },
      after: { actual },
    });
  });
});
