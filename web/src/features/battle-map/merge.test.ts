import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { taskLight } from "./lights";
import { mergeBattleMaps } from "./merge";
import { buildRows, indexBattleMap, type Row } from "./row-model";
import { buildDistrict } from "./test-factories";
import { tooltipContent } from "./tooltip";
import type { BattleMapData, TaskForceOutline } from "./types";

const SPAN = ["earlyStart", "earlyFinish", "baselineStart", "baselineFinish", "lateFinish"] as const;

/** What the server answers with `outline=true` (and `critical=true`) for this map (battle-map.service.ts). */
function outlineOf(whole: BattleMapData, criticalOnly = false): BattleMapData {
  const outline: Record<string, TaskForceOutline> = {};
  for (const t of whole.tasks) {
    if (criticalOnly && !t.critical) continue;
    const o = outline[t.taskForceId] ?? {
      tasks: 0,
      lights: { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 },
      start: null,
      finish: null,
    };
    outline[t.taskForceId] = o;
    o.tasks++;
    o.lights[taskLight(whole, t).color]++;
    for (const f of SPAN) {
      const v = t[f];
      if (!v) continue;
      if (o.start === null || v < o.start) o.start = v;
      if (o.finish === null || v > o.finish) o.finish = v;
    }
  }
  return { ...whole, tasks: [], dependencies: [], outline };
}

/** What the server answers with `taskForceId=` for one task force of this map. */
function partOf(whole: BattleMapData, id: string): BattleMapData {
  const tasks = whole.tasks.filter((t) => t.taskForceId === id);
  const ids = new Set(tasks.map((t) => t.id));
  return {
    ...whole,
    taskForces: whole.taskForces.filter((tf) => tf.id === id),
    tasks,
    dependencies: whole.dependencies.filter((d) => ids.has(d.predecessorId) && ids.has(d.successorId)),
  };
}

const label = (r: Row) => (r.kind === "task" ? r.id : `[${r.id}:${r.taskCount}${r.loading ? "…" : ""}]`);

describe("a map drawn from an outline", () => {
  const whole = buildDistrict(6, 2, 8);
  const outline = outlineOf(whole);
  const forces = whole.taskForces.map((tf) => tf.id);

  it("starts with one folded row per task force, counted from the outline, on the whole map's axis", () => {
    const index = indexBattleMap(mergeBattleMaps(outline, []));
    const rows = buildRows(index, new Set(forces)).rows;
    expect(rows.map(label)).toEqual(buildRows(indexBattleMap(whole), new Set(forces)).rows.map(label));
    expect(rows.every((r) => r.kind === "taskForce" && r.taskCount === 18)).toBe(true);
    expect([index.minDay, index.maxDay]).toEqual([
      indexBattleMap(whole).minDay,
      indexBattleMap(whole).maxDay,
    ]);
  });

  it("tells a folded task force's lights and span in its tooltip", () => {
    const index = indexBattleMap(mergeBattleMaps(outline, []));
    const row = buildRows(index, new Set(forces)).rows[0]!;
    const o = outline.outline![row.id]!;
    const lines = Object.fromEntries(tooltipContent(row, "zh").lines);
    expect(lines["亮灯"]).toContain(`已完成 ${o.lights.blue}`);
    expect(lines["任务起止"]).toContain(o.start!);
    expect(lines["任务"]).toBe(String(o.tasks));
  });

  it("marks an opened task force loading until its tasks arrive", () => {
    const index = indexBattleMap(mergeBattleMaps(outline, []));
    const shut = new Set(forces.filter((id) => id !== "tf-2"));
    const row = buildRows(index, shut).rows.find((r) => r.id === "tf-2")!;
    expect(row.kind === "taskForce" && row.loading).toBe(true);
  });

  it("counts folded task forces under a light filter from the outline's lights", () => {
    const index = indexBattleMap(mergeBattleMaps(outline, []));
    for (const light of ["blue", "green", "red"] as const) {
      const filter = { lights: [light] };
      expect(buildRows(index, new Set(forces), filter).rows.map(label), light).toEqual(
        buildRows(indexBattleMap(whole), new Set(forces), filter).rows.map(label),
      );
    }
  });

  it("draws any set of opened task forces exactly as the whole map draws them, counts too", () => {
    fc.assert(
      fc.property(
        fc.subarray(forces),
        fc.subarray(whole.tasks.filter((t) => !t.parentId).map((t) => t.id)),
        fc.constantFrom({}, { criticalOnly: true }, { lights: ["blue" as const] }),
        (opened, collapsedTasks, filter) => {
          const merged = mergeBattleMaps(
            filter.criticalOnly ? outlineOf(whole, true) : outline,
            opened.map((id) => partOf(whole, id)),
          );
          const shut = new Set([...forces.filter((id) => !opened.includes(id)), ...collapsedTasks]);
          const mine = buildRows(indexBattleMap(merged), shut, filter);
          const theirs = buildRows(indexBattleMap(whole), shut, filter);
          expect(mine.rows.map(label)).toEqual(theirs.rows.map(label));
          expect(mine.links.length).toBe(theirs.links.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
