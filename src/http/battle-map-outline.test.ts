import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

interface Task {
  id: string;
  taskForceId: string;
  responsibleUnitId: string | null;
  critical: boolean | null;
  [field: string]: unknown;
}
interface Outline {
  tasks: number;
  lights: Record<string, number>;
  start: string | null;
  finish: string | null;
}

const SPAN = ["earlyStart", "earlyFinish", "baselineStart", "baselineFinish", "lateFinish"];

/** What the outline of these tasks must be, computed from the whole map's answer. */
function foldOf(tasks: Task[], lights: Record<string, { color: string }>): Record<string, Outline> {
  const out: Record<string, Outline> = {};
  for (const t of tasks) {
    const o = out[t.taskForceId] ?? {
      tasks: 0,
      lights: { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 },
      start: null,
      finish: null,
    };
    out[t.taskForceId] = o;
    o.tasks++;
    const c = lights[t.id]?.color;
    if (c) o.lights[c]!++;
    for (const f of SPAN) {
      const v = t[f] as string | null;
      if (!v) continue;
      if (o.start === null || v < o.start) o.start = v;
      if (o.finish === null || v > o.finish) o.finish = v;
    }
  }
  return out;
}

/** The battle map's outline: task forces with their tasks folded, for a province's map (issue 18). */
describe.each(dialects)("battle-map outline on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let supervisor: Client;
  let lead: Client;
  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    supervisor = clientFor(app, await signIn(app, "supervisor", DEMO_PASSWORD));
    lead = clientFor(app, await signIn(app, "lead", DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("folds every task force's tasks into counts by light and the span the whole map draws", async () => {
    const full = (await supervisor("GET", "/api/v1/battle-map")).body;
    const r = await supervisor("GET", "/api/v1/battle-map?outline=true");
    expect(r.status).toBe(200);
    const o = r.body;
    expect(o.tasks).toEqual([]);
    expect(o.dependencies).toEqual([]);
    expect(o.lights.tasks).toEqual({});
    // Task forces brief, their lights without reasons: a province's outline stays well under 1 MB.
    const colors = (l: Record<string, { color: string }>) =>
      Object.fromEntries(Object.entries(l).map(([k, v]) => [k, { color: v.color, reasons: [] }]));
    expect(o.lights.taskForces).toEqual(colors(full.lights.taskForces));
    expect(o.taskForces).toEqual(
      full.taskForces.map(
        (tf: Record<string, { feasible: boolean; error: string; earliestFinish: string }>) => ({
          id: tf.id,
          code: tf.code,
          name: tf.name,
          startDate: tf.startDate,
          deadline: tf.deadline,
          schedule: tf.schedule && {
            feasible: tf.schedule.feasible,
            error: tf.schedule.error,
            earliestFinish: tf.schedule.earliestFinish,
          },
          scheduleProblems: tf.scheduleProblems,
        }),
      ),
    );
    expect(JSON.stringify(o).length).toBeLessThan(JSON.stringify(full).length / 10);
    expect(o.baselineNumbers).toEqual(full.baselineNumbers);
    expect(o.outline).toEqual(foldOf(full.tasks, full.lights.tasks));
    const total = Object.values(o.outline as Record<string, Outline>).reduce((n, x) => n + x.tasks, 0);
    expect(total).toBe(full.tasks.length);
    expect(total).toBeGreaterThan(50);
    // The whole map has no outline.
    expect(full.outline).toBeUndefined();
  });

  it("applies the map's filters to what it folds", async () => {
    const full = (await supervisor("GET", "/api/v1/battle-map")).body;
    const unit = (full.tasks as Task[]).find((x) => x.responsibleUnitId)!.responsibleUnitId!;
    for (const q of [`responsibleUnitId=${unit}`, "critical=true", "taskForceId=tf-02"]) {
      const filtered = (await supervisor("GET", `/api/v1/battle-map?${q}`)).body;
      const o = (await supervisor("GET", `/api/v1/battle-map?${q}&outline=true`)).body;
      expect(o.outline, q).toEqual(foldOf(filtered.tasks, full.lights.tasks));
    }
    const critical = (await supervisor("GET", "/api/v1/battle-map?critical=true&outline=true")).body;
    const all = (await supervisor("GET", "/api/v1/battle-map?outline=true")).body;
    const sum = (x: Record<string, Outline>) => Object.values(x).reduce((n, v) => n + v.tasks, 0);
    expect(sum(critical.outline)).toBeLessThan(sum(all.outline));
    expect(sum(critical.outline)).toBeGreaterThan(0);
  });

  it("folds only the task forces the reader may read, and refuses one they may not", async () => {
    const own = (await lead("GET", "/api/v1/battle-map?outline=true")).body;
    expect(Object.keys(own.outline)).toEqual(["tf-01"]);
    expect(own.taskForces.map((x: { id: string }) => x.id)).toEqual(["tf-01"]);
    expect((await lead("GET", "/api/v1/battle-map?outline=true&taskForceId=tf-02")).status).toBe(403);
    expect((await lead("GET", "/api/v1/battle-map?outline=maybe")).status).toBe(400);
  });
});
