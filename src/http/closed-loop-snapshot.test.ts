/**
 * The in-memory closed-loop snapshot against a fresh read, on SQLite and PostgreSQL: after every
 * kind of write the API offers (through the app that shares the snapshot), the records it hands
 * out equal what `readClosedLoopData` reads from the database, in the same order; and the overview
 * made of the task forces' kept parts equals the overview computed whole.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { adminClient, appFor, type Client } from "../../test/factories.js";
import { leadPrincipal } from "../../test/principals.js";
import { readClosedLoopData } from "../domain/closed-loop/closed-loop.repository.js";
import {
  computeOverview,
  computeOverviewWhole,
  overviewPartsStats,
} from "../domain/closed-loop/closed-loop.service.js";
import { closedLoopData, closedLoopSnapshotStats } from "../domain/closed-loop/closed-loop.snapshot.js";
import { dispatchReportView, dispatchSectionStats } from "../domain/closed-loop/dispatch.service.js";
import { type ServiceContext, serviceContext } from "../domain/context.js";
import { loadDemo } from "../domain/demo/demo.service.js";
import { buildDemoDataset } from "../domain/demo/demo-data.js";

const data = buildDemoDataset();
const NOW = () => "2022-08-15T01:00:00.000Z";

describe.each(dialects)("the closed-loop snapshot on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Client;
  let ctx: ServiceContext;
  const ok = async (method: string, url: string, body?: unknown) => {
    const r = await admin(method, url, body);
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** The snapshot's records equal a fresh read, for everything and for two task forces. */
  const expectFresh = async () => {
    for (const ids of [null, ["tf-02", "tf-07"]]) {
      const kept = await closedLoopData(ctx, ids);
      const read = await readClosedLoopData(t.database.db, ids);
      expect(kept.taskForces).toEqual(read.taskForces);
      expect(kept.tasks).toEqual(read.tasks);
      expect(kept.indicators).toEqual(read.indicators);
      expect(kept.readings).toEqual(read.readings);
      expect(kept.supervisionItems).toEqual(read.supervisionItems);
      // Report dates of tasks in scope (the snapshot keeps every task's).
      const inScope = new Set(read.tasks.map((x) => x.id as string));
      expect(new Map([...kept.lastReports].filter(([id]) => inScope.has(id)))).toEqual(read.lastReports);
    }
    // The overview from kept parts (most of them from before the write) equals one computed whole,
    // for everyone and for a reader of two task forces.
    const lead: ServiceContext = { ...ctx, principal: leadPrincipal(["tf-02"], ["tf-02", "tf-07"]) };
    for (const reader of [ctx, lead]) {
      const parts = await computeOverview(reader);
      const whole = await computeOverviewWhole(reader);
      expect(parts.result).toEqual(whole.result);
      expect(parts.series).toEqual(whole.series);
      // So does the dispatch report made of kept sections, and one task force's.
      expect(await dispatchReportView(reader)).toEqual(await dispatchReportView(reader, { whole: true }));
    }
    const one = { taskForceId: "tf-07" };
    expect(await dispatchReportView(ctx, one)).toEqual(
      await dispatchReportView(ctx, { ...one, whole: true }),
    );
  };

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await loadDemo(serviceContext(t.database, "demo", NOW), data);
    app = await appFor(t);
    admin = await adminClient(app, t);
    ctx = serviceContext(t.database, "test", NOW);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const stats = () => closedLoopSnapshotStats(t.database);

  it("follows progress reports, task edits, new and deleted tasks and rescheduling", async () => {
    await expectFresh();
    expect(stats().loads).toBe(1);
    await ok("POST", "/api/v1/progress-reports", {
      taskId: "t-01-3.3",
      reportDate: "2022-08-15",
      percent: 100,
      narrative: "已完成",
    });
    await expectFresh();
    const task = await ok("GET", "/api/v1/tasks/t-02-1");
    await ok("PATCH", "/api/v1/tasks/t-02-1", {
      version: task.version,
      title: "招商项目库更新",
      duration: 12,
    });
    await expectFresh();
    // A new sub-task whose code sorts between existing ones, then a predecessor (reschedules tf-02).
    const created = await ok("POST", "/api/v1/tasks", {
      taskForceId: "tf-02",
      parentId: "t-02-1",
      code: "02.1.0",
      title: "新增任务",
      duration: 5,
      deadline: "2022-10-31",
    });
    await expectFresh();
    await ok("POST", "/api/v1/dependencies", {
      predecessorId: created.id,
      successorId: "t-02-1.1",
      type: "FS",
      lag: 0,
    });
    await expectFresh();
    const deps = await ok("GET", `/api/v1/dependencies?predecessorId=${created.id}`);
    await ok("DELETE", `/api/v1/dependencies/${deps.items[0].id}?version=${deps.items[0].version}`);
    await ok(
      "DELETE",
      `/api/v1/tasks/${created.id}?version=${(await ok("GET", `/api/v1/tasks/${created.id}`)).version}`,
    );
    await expectFresh();
  });

  it("follows indicator readings, supervision items and task-force edits", async () => {
    const ind = (await ok("GET", "/api/v1/indicators?taskForceId=tf-07&limit=1")).items[0];
    const reading = await ok("POST", "/api/v1/indicator-readings", {
      indicatorId: ind.id,
      period: "2022-08",
      actual: 42,
      // Far from the indicator's figures: a note confirms it (else it is refused as implausible).
      note: "口径调整后重报",
    });
    await expectFresh();
    await ok("PATCH", `/api/v1/indicator-readings/${reading.id}`, {
      version: reading.version,
      actual: 43,
      reason: "统计口径更正",
    });
    await expectFresh();
    await ok(
      "DELETE",
      `/api/v1/indicator-readings/${reading.id}?version=${reading.version + 1}&reason=${encodeURIComponent("重复填报")}`,
    );
    await expectFresh();
    const item = await ok("POST", "/api/v1/supervision-items", {
      taskForceId: "tf-07",
      taskId: (await ok("GET", "/api/v1/tasks?taskForceId=tf-07&limit=1")).items[0].id,
      code: `DB-SNAP-${dialect}`,
      raisedOn: "2022-08-01",
      issue: "进度滞后",
      requiredAction: "8月10日前完成",
      dueDate: "2022-08-10",
    });
    await expectFresh();
    await ok("POST", `/api/v1/supervision-items/${item.id}/start`, { version: 1, date: "2022-08-02" });
    await expectFresh();
    // A unit renamed: the holder the dispatch report names its indicators by.
    const held = (await ok("GET", "/api/v1/indicators?limit=500")).items.find(
      (i: { orgUnitId: string | null }) => i.orgUnitId,
    );
    const unit = await ok("GET", `/api/v1/org-units/${held.orgUnitId}`);
    await ok("PATCH", `/api/v1/org-units/${unit.id}`, {
      version: unit.version,
      name: `${unit.name}（更名）`,
    });
    await expectFresh();
    const tf = await ok("GET", "/api/v1/task-forces/tf-07");
    await ok("PATCH", "/api/v1/task-forces/tf-07", { version: tf.version, name: "促消费专班（调整）" });
    await expectFresh();
    expect(stats().loads).toBe(1);
  });

  it("recomputes the overview's part of the one task force a write changed", async () => {
    await expectFresh();
    // Readers of some task forces (a lead, one task force's report) before it: they must not make
    // everyone's parts be made again.
    await dispatchReportView(ctx, { taskForceId: "tf-07" });
    const before = overviewPartsStats(t.database);
    const forces = (await closedLoopData(ctx, null)).taskForces.length;
    await ok("POST", "/api/v1/progress-reports", {
      taskId: "t-03-1",
      reportDate: "2022-08-15",
      percent: 35,
      narrative: "调度",
    });
    const sections = dispatchSectionStats(t.database);
    await computeOverview(ctx);
    await dispatchReportView(ctx);
    const after = overviewPartsStats(t.database);
    // tf-03's part and section; every other task force's and the district's are reused.
    expect(after.computed - before.computed).toBe(1);
    expect(after.reused - before.reused).toBe(forces);
    expect(after.unsplit).toBe(0);
    expect(dispatchSectionStats(t.database).computed - sections.computed).toBe(1);
    expect(dispatchSectionStats(t.database).reused - sections.reused).toBe(forces);
    // A reading moves its task force's part and the district's (its cascades span task forces).
    const ind = (await ok("GET", "/api/v1/indicators?taskForceId=tf-04&limit=1")).items[0];
    await ok("POST", "/api/v1/indicator-readings", {
      indicatorId: ind.id,
      period: "2022-08",
      actual: 1,
      note: "基准",
    });
    await computeOverview(ctx);
    expect(overviewPartsStats(t.database).computed - after.computed).toBe(2);
    await expectFresh();
  });

  it("reloads in full when it cannot know what it missed", async () => {
    await expectFresh();
    await ok("POST", "/api/v1/progress-reports", {
      taskId: "t-05-1",
      reportDate: "2022-08-15",
      percent: 30,
      narrative: "调度",
    });
    // The change record is lost (pruned): the gap makes it read everything again.
    const db = t.database.db;
    await db.deleteFrom("data_changes").execute();
    await expectFresh();
    expect(stats().loads).toBe(2);
    // Everything replaced at once (a demo reset records a change of everything).
    await loadDemo(serviceContext(t.database, "demo", NOW), data, { reset: true });
    await expectFresh();
    expect(stats().loads).toBe(3);
  });
});
