import { gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { serviceContext } from "../domain/context.js";
import { loadDemo } from "../domain/demo/demo.service.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { buildDemoDataset } from "../domain/demo/demo-data.js";

const data = buildDemoDataset();

describe.each(dialects)("the closed loop on the demo district on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let supervisor: Client;
  let member: Client;
  let viewer: Client;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await loadDemo(
      serviceContext(t.database, "demo", () => "2022-08-15T01:00:00.000Z"),
      data,
    );
    app = await appFor(t);
    supervisor = clientFor(app, await signIn(app, "supervisor", DEMO_PASSWORD));
    member = clientFor(app, await signIn(app, "member", DEMO_PASSWORD));
    viewer = clientFor(app, await signIn(app, "viewer", DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("finds exactly the gaps the demo planted", async () => {
    const r = await supervisor("GET", "/api/v1/check");
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(false);
    type F = {
      taskForceCode: string;
      wbs: string | null;
      check: string;
      code: string;
      params: Record<string, unknown>;
    };
    const findings = r.body.findings as F[];
    const found = new Set(
      findings.filter((f) => !f.params.indicatorId).map((f) => `${f.taskForceCode}|${f.wbs}|${f.check}`),
    );
    const planted = new Set(data.plantedGaps.map((g) => `${g.taskForceCode}|${g.taskCode}|${g.check}`));
    expect(found).toEqual(planted);
    // The indicator cascade's findings (层层衔接) are the planted ones too.
    const cascade = findings
      .filter((f) => f.params.indicatorId)
      .map((f) => `${f.code} ${f.params.indicatorId}`);
    expect(cascade.sort()).toEqual(data.plantedCascadeGaps.map((g) => `${g.code} ${g.indicatorId}`).sort());
  });

  it("shows all five light colours in the overview, with scores, ranks and trend stages", async () => {
    const r = await supervisor("GET", "/api/v1/overview");
    expect(r.status).toBe(200);
    expect(r.body.statusDate).toBe("2022-08-15");
    expect(r.body.taskForces).toHaveLength(10);
    const colours = new Set<string>();
    for (const tf of r.body.taskForces)
      for (const [c, n] of Object.entries(tf.counts)) if ((n as number) > 0) colours.add(c);
    expect(colours).toEqual(new Set(["red", "yellow", "green", "grey", "blue"]));
    expect(
      r.body.taskForces.every(
        (tf: { rank: number; score: number }) => tf.rank >= 1 && tf.score >= 0 && tf.score <= 100,
      ),
    ).toBe(true);
    const stages = new Set(r.body.indicators.map((i: { trend: string }) => i.trend));
    for (const s of ["falling", "stopped-falling", "rebounding", "turned-positive", "flat"])
      expect(stages).toContain(s);
    expect(r.body.assessment.units.length).toBeGreaterThan(0);
    expect(
      (await viewer("GET", "/api/v1/overview")).body.taskForces.map((x: { code: string }) => x.code),
    ).toEqual(["01"]);
  });

  it("moves a task's light, its task force's light and score when a progress report changes", async () => {
    const admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
    const overview = async () => (await supervisor("GET", "/api/v1/overview")).body;
    const tf = (
      o: { taskForces: { id: string; light: string; counts: Record<string, number>; score: number }[] },
      id: string,
    ) => o.taskForces.find((x) => x.id === id)!;
    const taskLight = async (tfId: string, taskId: string) =>
      (await supervisor("GET", `/api/v1/task-forces/${tfId}/lights`)).body.tasks.find(
        (l: { taskId: string }) => l.taskId === taskId,
      ).color;
    const report = (taskId: string, percent: number) =>
      admin("POST", "/api/v1/progress-reports", {
        taskId,
        reportDate: "2022-08-15",
        percent,
        narrative: "调度",
      });

    // A milestone of task force 01 reached early: the task turns blue and the milestone score rises.
    const before = await overview();
    expect(await taskLight("tf-01", "t-01-3.3")).not.toBe("blue");
    expect((await report("t-01-3.3", 100)).status).toBe(201);
    // A 100 % report only claims the completion: done once a reviewer confirms it (完成确认).
    expect(await taskLight("tf-01", "t-01-3.3")).toBe("green");
    expect(tf(await overview(), "tf-01").score).toBe(tf(before, "tf-01").score);
    const claimed = (await admin("GET", "/api/v1/tasks/t-01-3.3")).body;
    expect(claimed.completion).toBe("claimed");
    const confirmed = await supervisor("POST", "/api/v1/tasks/t-01-3.3/confirm-completion", {
      version: claimed.version,
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const after = await overview();
    expect(await taskLight("tf-01", "t-01-3.3")).toBe("blue");
    expect(tf(after, "tf-01").counts.blue).toBe(tf(before, "tf-01").counts.blue + 1);
    expect(tf(after, "tf-01").score).toBeGreaterThan(tf(before, "tf-01").score);

    // Task force 10 is green until one of its tasks reports far behind plan: then both turn red.
    expect(tf(after, "tf-10").light).toBe("green");
    // Less progress than reported before is a correction of the latest report, not a new one.
    const latest = (await admin("GET", "/api/v1/progress-reports?taskId=t-10-1.3&sort=-reportDate&limit=1"))
      .body.items[0];
    expect((await report("t-10-1.3", 20)).body.error.code).toBe("REPORT_RULE");
    const corrected = await admin("PATCH", `/api/v1/progress-reports/${latest.id}`, {
      version: latest.version,
      percent: 20,
      reason: "前期进度估计偏高，按实际工程量更正",
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(await taskLight("tf-10", "t-10-1.3")).toBe("red");
    expect(tf(await overview(), "tf-10").light).toBe("red");
  });

  it("keeps dated assessment snapshots to compare rankings", async () => {
    const first = await supervisor("POST", "/api/v1/assessments?statusDate=2022-07-31");
    expect(first.status).toBe(201);
    const second = await supervisor("POST", "/api/v1/assessments");
    expect(second.body.statusDate).toBe("2022-08-15");
    const list = await viewer("GET", "/api/v1/assessments");
    expect(list.body.items.map((a: { statusDate: string }) => a.statusDate)).toEqual([
      "2022-08-15",
      "2022-07-31",
    ]);
    expect(list.body.items[0].taskForces).toHaveLength(10);
    expect((await member("POST", "/api/v1/assessments")).status).toBe(403);
    expect((await supervisor("GET", `/api/v1/assessments/${first.body.id}`)).body.id).toBe(first.body.id);
  });

  it("filters task and task-force lists by light", async () => {
    const red = await supervisor("GET", "/api/v1/tasks?light=red&taskForceId=tf-01&limit=500");
    expect(red.status).toBe(200);
    const lights = (await supervisor("GET", "/api/v1/task-forces/tf-01/lights")).body.tasks;
    const expected = lights
      .filter((l: { color: string }) => l.color === "red")
      .map((l: { taskId: string }) => l.taskId);
    expect(red.body.items.map((t: { id: string }) => t.id).sort()).toEqual(expected.sort());
    const green = await supervisor("GET", "/api/v1/task-forces?light=green,yellow");
    const overview = (await supervisor("GET", "/api/v1/overview")).body;
    const notRed = overview.taskForces.filter(
      (t: { light: string }) => t.light === "green" || t.light === "yellow",
    );
    expect(notRed.length).toBeGreaterThan(0);
    expect(green.body.items.map((t: { code: string }) => t.code)).toEqual(
      notRed.map((t: { code: string }) => t.code),
    );
    expect((await supervisor("GET", "/api/v1/tasks?light=purple")).status).toBe(400);
  });

  it("colours the battle map's tasks with their lights", async () => {
    const r = await supervisor("GET", "/api/v1/battle-map?taskForceId=tf-02");
    expect(r.status).toBe(200);
    expect(r.body.tasks.length).toBeGreaterThan(10);
    for (const task of r.body.tasks)
      expect(r.body.lights.tasks[task.id].color).toMatch(/red|yellow|green|grey|blue/);
    expect(r.body.lights.taskForces["tf-02"].reasons.length).toBeGreaterThan(0);
    const session = await signIn(app, "leader", DEMO_PASSWORD);
    const headers = { cookie: `guatu_session=${session.cookie}`, "accept-encoding": "gzip" };
    const zipped = await app.inject({ method: "GET", url: "/api/v1/battle-map", headers });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    const map = JSON.parse(gunzipSync(zipped.rawPayload).toString("utf8"));
    expect(map.tasks.length).toBeGreaterThan(200);
    expect(zipped.rawPayload.length).toBeLessThan(JSON.stringify(map).length / 4);
  });

  it("applies changed settings: light thresholds and calendar overrides (re-scheduling), audited", async () => {
    const admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
    const settings = (await admin("GET", "/api/v1/settings")).body;
    expect(settings).toMatchObject({
      statusDate: { rule: "fixed", date: "2022-08-15" },
      lights: { dispatchRound: "weekly" },
    });
    const lightOf = async (taskId: string) =>
      (await supervisor("GET", "/api/v1/task-forces/tf-10/lights")).body.tasks.find(
        (l: { taskId: string }) => l.taskId === taskId,
      );
    expect((await lightOf("t-10-1.3")).reasons.map((r: { code: string }) => r.code)).toContain("BEHIND_PLAN");
    const put = await admin("PUT", "/api/v1/settings", {
      lights: { thresholds: { redBehindPoints: 100, yellowBehindPoints: 100 }, dispatchRound: "off" },
    });
    expect(put.status).toBe(200);
    expect((await lightOf("t-10-1.3")).reasons.map((r: { code: string }) => r.code)).not.toContain(
      "BEHIND_PLAN",
    );
    const task = async () => (await supervisor("GET", "/api/v1/tasks/t-10-3.3")).body;
    const before = await task();
    expect(
      (await admin("PUT", "/api/v1/settings", { calendar: { holidays: [before.earlyStart] } })).status,
    ).toBe(200);
    expect((await task()).earlyStart > before.earlyStart).toBe(true);
    expect((await admin("PUT", "/api/v1/settings", { lights: { dispatchRound: "hourly" } })).status).toBe(
      400,
    );
    expect((await supervisor("PUT", "/api/v1/settings", { calendar: {} })).status).toBe(403);
    const audit = await admin("GET", "/api/v1/audit-entries?entity=settings");
    expect(audit.body.total).toBe(2);
  });
});
