import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { buildApp } from "./app.js";

interface WireTask {
  id: string;
  code: string;
  status: string;
  parentId: string | null;
  totalFloat: number | null;
  lateStart: string | null;
  critical: boolean | null;
}
interface WireLight {
  taskId: string;
  color: string;
  summary: boolean;
  reasons: { code: string; params: Record<string, string | number> }[];
}

describe.each(dialects)("reads at a status date on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Client;
  // The app's clock, moved by the tests (sessions keep the real one).
  let now = new Date("2022-08-15T03:00:00Z");

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await buildApp({ database: t.database, version: "test", clock: () => now });
    admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("moves to the new day at midnight in Asia/Shanghai, not in UTC, and serves fresh lights", async () => {
    const put = await admin("PUT", "/api/v1/settings", {
      statusDate: { rule: "today", timeZone: "Asia/Shanghai" },
    });
    expect(put.status).toBe(200);
    const revision = async () => (await admin("GET", "/api/v1/audit-entries?limit=1")).body.total;
    const reads = [
      "/api/v1/overview",
      "/api/v1/battle-map",
      "/api/v1/dispatch-report",
      "/api/v1/task-forces/tf-01/full",
    ];

    now = new Date("2022-08-15T15:59:00Z"); // 23:59 in Beijing, 15:59 in UTC
    const before = await Promise.all(reads.map((url) => admin("GET", url)));
    for (const r of before.slice(0, 3)) expect(r.body.statusDate).toBe("2022-08-15");
    const audited = await revision();

    now = new Date("2022-08-15T16:01:00Z"); // 00:01 in Beijing the next day, still 2022-08-15 in UTC
    const after = await Promise.all(reads.map((url) => admin("GET", url)));
    expect(await revision()).toBe(audited); // nothing changed but the day
    for (const r of after.slice(0, 3)) expect(r.body.statusDate).toBe("2022-08-16");
    // What each read says at 00:01 is what a fresh read at the new date says.
    for (const [k, url] of reads.entries()) {
      const fresh = await admin("GET", `${url}${url.includes("?") ? "&" : "?"}statusDate=2022-08-16`);
      expect(after[k]!.body, url).toEqual(fresh.body);
    }
    // And it is news: the lights of the new day are not those of the old one.
    expect(after[1]!.body.lights).not.toEqual(before[1]!.body.lights);
    expect(after[0]!.body.taskForces).not.toEqual(before[0]!.body.taskForces);
  });

  it("refuses a calendar without a working day when it is saved, so the views keep answering", async () => {
    const all = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const put = await admin("PUT", "/api/v1/settings", { calendar: { weekends: all } });
    expect(put.status).toBe(400);
    expect(put.body.error.details).toEqual([
      expect.objectContaining({ path: "body.calendar.weekends", key: "weekendsLeaveWorkday" }),
    ]);
    expect((await admin("GET", "/api/v1/overview")).status).toBe(200);
    const six = await admin("PUT", "/api/v1/settings", { calendar: { weekends: all.slice(1) } });
    expect(six.status).toBe(200);
    expect((await admin("PUT", "/api/v1/settings", { calendar: {} })).status).toBe(200);
  });

  it("gives the battle map, the lights, the schedule and the task book the same float at any status date", async () => {
    const floats = new Map<string, (number | null)[]>();
    for (const date of ["2022-06-01", "2022-08-15", "2022-10-20"]) {
      const map = await admin("GET", `/api/v1/battle-map?taskForceId=tf-01&statusDate=${date}`);
      const full = await admin("GET", `/api/v1/task-forces/tf-01/full?statusDate=${date}`);
      const run = await admin("GET", `/api/v1/task-forces/tf-01/schedule?statusDate=${date}`);
      const lights = await admin("GET", `/api/v1/task-forces/tf-01/lights?statusDate=${date}`);
      for (const r of [map, full, run, lights]) expect(r.status).toBe(200);
      expect(map.body.statusDate).toBe(date);
      expect(run.body.statusDate).toBe(date);
      const mapTasks = new Map((map.body.tasks as WireTask[]).map((x) => [x.id, x]));
      const bookTasks = full.body.tasks as WireTask[];
      expect(bookTasks.length).toBe(mapTasks.size);
      for (const task of bookTasks) {
        const drawn = mapTasks.get(task.id)!;
        expect([drawn.totalFloat, drawn.lateStart, drawn.critical], `${task.code} at ${date}`).toEqual([
          task.totalFloat,
          task.lateStart,
          task.critical,
        ]);
        floats.set(task.id, [...(floats.get(task.id) ?? []), task.totalFloat]);
      }
      const leaves = bookTasks.filter(
        (x) => !bookTasks.some((c) => c.parentId === x.id) && x.totalFloat !== null,
      );
      expect(run.body.minFloat).toBe(Math.min(...leaves.map((x) => x.totalFloat!)));
      for (const id of run.body.criticalPath as string[]) expect(mapTasks.get(id)?.critical).toBe(true);
      // A light that speaks of float names the float the map draws; every open task behind its
      // deadline chain (negative float) is red for it.
      for (const light of lights.body.tasks as WireLight[]) {
        const task = mapTasks.get(light.taskId)!;
        for (const reason of light.reasons)
          if (reason.code === "NEGATIVE_FLOAT" || reason.code === "LOW_FLOAT")
            expect(reason.params.totalFloat, `${task.code} at ${date}`).toBe(task.totalFloat);
        const late = !light.summary && task.status !== "done" && (task.totalFloat ?? 0) < 0;
        if (late)
          expect(
            light.reasons.map((r) => r.code),
            `${task.code} at ${date}`,
          ).toContain("NEGATIVE_FLOAT");
      }
    }
    // The date matters: some task's float is not the same at all three dates.
    expect([...floats.values()].some((f) => new Set(f).size > 1)).toBe(true);
  });
});
