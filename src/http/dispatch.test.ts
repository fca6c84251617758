import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { serviceContext } from "../domain/context.js";
import { loadDemo } from "../domain/demo/demo.service.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { buildDemoDataset } from "../domain/demo/demo-data.js";

interface Entry {
  taskId: string;
  code: string;
  daysOverdue?: number;
  reasons?: { code: string; text: { zh: string } }[];
}
interface Section {
  taskForceId: string;
  code: string;
  color: string;
  summary: { taskCounts: Record<string, number>; indicatorCounts: Record<string, number>; tasks: number };
  overdue: Entry[];
  noReport: Entry[];
  red: Entry[];
  completed: (Entry & { actualFinish: string; status: string })[];
  supervision: { overdue: { code: string; taskCode: string | null; daysOverdue: number }[] };
}

describe.each(dialects)("GET /dispatch-report on the demo district on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let supervisor: Client;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await loadDemo(
      serviceContext(t.database, "demo", () => "2022-08-15T01:00:00.000Z"),
      buildDemoDataset(),
    );
    app = await appFor(t);
    supervisor = clientFor(app, await signIn(app, "supervisor", DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("reports the week of 2022-08-15 with counts that match the overview", async () => {
    const r = await supervisor("GET", "/api/v1/dispatch-report");
    expect(r.status).toBe(200);
    expect(r.body.statusDate).toBe("2022-08-15");
    expect(r.body.dayUnit).toBe("workdays");
    expect(r.body.rounds).toMatchObject({
      kind: "weekly",
      current: { start: "2022-08-15", end: "2022-08-15" },
      next: { start: "2022-08-22", end: "2022-08-28" },
    });
    const sections = r.body.taskForces as Section[];
    expect(sections.map((s) => s.code)).toEqual(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"]);
    const overview = (await supervisor("GET", "/api/v1/overview")).body;
    for (const s of sections) {
      const o = overview.taskForces.find((x: { id: string }) => x.id === s.taskForceId);
      expect(s.color).toBe(o.light);
      const sum: Record<string, number> = {};
      for (const c of ["red", "yellow", "green", "grey", "blue"])
        sum[c] = s.summary.taskCounts[c]! + s.summary.indicatorCounts[c]!;
      expect(sum).toEqual(o.counts);
    }
    expect(r.body.total.tasks).toBe(234);
    // 39 of the task forces' own, 4 more shares of district indicators and 31 streets' shares.
    expect(r.body.total.indicators).toBe(74);
    // Every reading was loaded on 2022-08-15 (the demo's clock), i.e. in the round; the 4 shares
    // rolled up from their streets have no actual of their own and count by their streets'.
    expect(r.body.total.indicatorsReported).toBe(74);
  });

  it("names the overdue task, the overdue supervision items and the seven tasks that missed the round", async () => {
    const r = await supervisor("GET", "/api/v1/dispatch-report");
    const sections = r.body.taskForces as Section[];
    const by = (code: string) => sections.find((s) => s.code === code)!;
    // 01.2.5 节能审查: deadline 2022-07-31, never started — 11 working days late on 08-15.
    expect(sections.flatMap((s) => s.overdue.map((o) => [o.code, o.daysOverdue]))).toEqual([["01.2.5", 11]]);
    expect(r.body.total.overdue).toBe(1);
    expect(sections.flatMap((s) => s.supervision.overdue.map((i) => [i.taskCode, i.daysOverdue]))).toEqual([
      ["01.2.2", 1],
      ["06.3.2", 1],
    ]);
    expect(sections.flatMap((s) => s.noReport.map((e) => e.code))).toEqual([
      "01.3.2",
      "02.2.5",
      "03.1.4",
      "06.2.5",
      "07.2.2",
      "08.3.2",
      "09.3.1",
    ]);
    expect(r.body.keyPoints[0]).toMatchObject({ kind: "overdue-task", refCode: "01.2.5", daysOverdue: 11 });
    expect(r.body.keyPoints[0].text.zh).toContain("超期11个工作日");
    // Reasons are the lights engine's, exactly as the task force's lights show them.
    const red = by("01").red.find((e) => e.code === "01.2.2")!;
    const lights = (await supervisor("GET", "/api/v1/task-forces/tf-01/lights")).body;
    expect(red.reasons).toEqual(
      lights.tasks.find((l: { taskId: string }) => l.taskId === red.taskId).reasons,
    );
    expect(red.reasons!.map((x) => x.code)).toContain("SUPERVISION_OVERDUE");
    expect(by("10").red).toEqual([]);
    expect(r.body.names.persons[by("01").overdue[0]!.taskId]).toBeUndefined();
    expect(Object.values(r.body.names.units).length).toBeGreaterThan(0);
  });

  it("limits a lead to their task force and refuses members and viewers", async () => {
    const lead = clientFor(app, await signIn(app, "lead", DEMO_PASSWORD));
    const own = await lead("GET", "/api/v1/dispatch-report");
    expect(own.status).toBe(200);
    expect(own.body.taskForces.map((s: Section) => s.code)).toEqual(["01"]);
    expect(own.body.total.tasks).toBe(27);
    expect((await lead("GET", "/api/v1/dispatch-report?taskForceId=tf-02")).status).toBe(403);
    for (const who of ["member", "viewer"]) {
      const c = clientFor(app, await signIn(app, who, DEMO_PASSWORD));
      const res = await c("GET", "/api/v1/dispatch-report");
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
    const leader = clientFor(app, await signIn(app, "leader", DEMO_PASSWORD));
    const one = await leader("GET", "/api/v1/dispatch-report?taskForceId=tf-06");
    expect(one.body.taskForces.map((s: Section) => s.code)).toEqual(["06"]);
  });

  it("counts an actual entered today in the round of a fixed status date (本轮填报)", async () => {
    const lead = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
    type Ind = { id: string; code: string; reportedInRound: boolean; target: number };
    const indicators = async () =>
      // The next round: the demo's readings were entered in the last one.
      (
        (await lead("GET", "/api/v1/dispatch-report?statusDate=2022-08-22")).body.taskForces as {
          indicators: Ind[];
        }[]
      ).flatMap((s) => s.indicators);
    const before = await indicators();
    let picked: Ind | undefined;
    let last: { period: string; actual: number } | undefined;
    for (const i of before.filter((x) => !x.reportedInRound)) {
      const rs = (await lead("GET", `/api/v1/indicator-readings?indicatorId=${i.id}&limit=100`)).body
        .items as {
        period: string;
        actual: number;
      }[];
      const latest = rs.sort((a, b) => (a.period < b.period ? 1 : -1))[0];
      if (!latest || latest.period < "2022-08") {
        picked = i;
        last = latest ?? { period: "", actual: i.target / 2 };
        break;
      }
    }
    expect(picked).toBeDefined();
    const r = await lead("POST", "/api/v1/indicator-readings", {
      indicatorId: picked?.id,
      period: "2022-08",
      actual: last?.actual,
    });
    expect(r.status).toBe(201);
    const after = await indicators();
    expect(after.find((i) => i.id === picked?.id)?.reportedInRound).toBe(true);
  });

  it("names the bad field of a bad query and 404s an unknown task force", async () => {
    const bad = await supervisor("GET", "/api/v1/dispatch-report?statusDate=15.8.2022");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION");
    expect(JSON.stringify(bad.body.error.details)).toContain("statusDate");
    expect((await supervisor("GET", "/api/v1/dispatch-report?taskForceId=tf-99")).status).toBe(404);
    expect((await supervisor("GET", "/api/v1/dispatch-report?week=1")).status).toBe(400);
    const doc = (await supervisor("GET", "/api/v1/openapi.json")).body;
    expect(doc.paths["/api/v1/dispatch-report"].get).toBeDefined();
  });

  it("reports the month when the dispatch round is monthly, with the tasks finished in it", async () => {
    const admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
    const put = await admin("PUT", "/api/v1/settings", {
      lights: { thresholds: {}, dispatchRound: "monthly" },
    });
    expect(put.status).toBe(200);
    const r = await supervisor("GET", "/api/v1/dispatch-report?statusDate=2022-08-15");
    expect(r.body.roundSetting).toBe("monthly");
    expect(r.body.rounds.current).toEqual({ start: "2022-08-01", end: "2022-08-15" });
    const completed = (r.body.taskForces as Section[]).flatMap((s) => s.completed);
    expect(completed.length).toBeGreaterThan(0);
    for (const c of completed) {
      expect(c.status).toBe("done");
      expect(c.actualFinish >= "2022-08-01" && c.actualFinish <= "2022-08-15").toBe(true);
    }
    expect(r.body.total.completed).toBe(completed.length);
    // A report dated 2022-08-05 is in the month: only tasks with no August report remain.
    expect(r.body.total.noReport).toBeLessThan(7);
  });
});
