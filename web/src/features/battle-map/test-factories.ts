/**
 * Test factories for the battle map: tasks, task forces and whole districts of any size.
 */
import type { BattleMapData, BattleMapTaskForce, Dependency, Task } from "./types";

const STAMP = { version: 1, createdAt: "2022-08-15T01:00:00.000Z", updatedAt: "2022-08-15T01:00:00.000Z" };

/** A task with sensible defaults (a 10-day in-progress task in July 2022). */
export function buildTask(over: Partial<Task> & { id: string }): Task {
  return {
    ...STAMP,
    taskForceId: "tf-01",
    parentId: null,
    code: "01.1",
    title: `Task ${over.id}`,
    description: null,
    goalId: null,
    responsibleUnitId: "ou-1",
    responsiblePersonId: "p-1",
    responsiblePost: null,
    coUnitIds: [],
    indicatorIds: [],
    duration: 10,
    deadline: "2022-09-30",
    notBefore: null,
    baselineStart: "2022-07-01",
    baselineFinish: "2022-07-14",
    actualStart: "2022-07-01",
    actualFinish: null,
    percent: 50,
    status: "in_progress",
    weight: 1,
    acceptance: null,
    earlyStart: "2022-07-01",
    earlyFinish: "2022-07-14",
    lateStart: "2022-07-11",
    lateFinish: "2022-07-22",
    totalFloat: 6,
    critical: false,
    slippage: 0,
    completion: null,
    completionNote: null,
    ...over,
  };
}

/** A task force with a period in the second half of 2022. */
export function buildTaskForce(
  over: Partial<BattleMapTaskForce> & { id: string; code: string },
): BattleMapTaskForce {
  return {
    ...STAMP,
    name: `Task force ${over.code}`,
    goalIds: [],
    leadLeaderId: null,
    leadUnitId: null,
    coUnitIds: [],
    indicatorIds: [],
    objective: null,
    scope: null,
    measures: null,
    guarantees: null,
    startDate: "2022-07-01",
    deadline: "2022-12-31",
    status: "active",
    schedule: null,
    ...over,
  } as BattleMapTaskForce;
}

/** A dependency. */
export function buildDependency(from: string, to: string, type: Dependency["type"] = "FS"): Dependency {
  return {
    ...STAMP,
    id: `dep-${from}-${to}`,
    predecessorId: from,
    successorId: to,
    type,
    lag: 0,
    taskForceId: "tf-01",
  };
}

/**
 * A district of `forces` task forces with `groups × leaves` tasks under `groups` summary tasks each,
 * leaves chained FS within a group (tasks listed in reverse, to exercise the WBS sort). Passed
 * through JSON like an answer of the API (flat strings: built ids are slower Map keys).
 */
export function buildDistrict(forces: number, groups: number, leaves: number): BattleMapData {
  const taskForces: BattleMapTaskForce[] = [];
  const tasks: Task[] = [];
  const dependencies: Dependency[] = [];
  for (let f = forces; f >= 1; f--) {
    const tf = `tf-${f}`;
    const fc = String(f).padStart(2, "0");
    taskForces.push(buildTaskForce({ id: tf, code: fc }));
    for (let g = groups; g >= 1; g--) {
      const gid = `${tf}-${g}`;
      tasks.push(buildTask({ id: gid, taskForceId: tf, code: `${fc}.${g}`, duration: null }));
      for (let l = leaves; l >= 1; l--) {
        const id = `${gid}.${l}`;
        const day = String(1 + ((l * 3) % 27)).padStart(2, "0");
        tasks.push(
          buildTask({
            id,
            taskForceId: tf,
            parentId: gid,
            code: `${fc}.${g}.${l}`,
            duration: l % 10 === 0 ? 0 : 5,
            earlyStart: `2022-08-${day}`,
            earlyFinish: `2022-08-${day}`,
            critical: l % 7 === 0,
            status: l % 3 === 0 ? "done" : "in_progress",
          }),
        );
        if (l > 1) dependencies.push(buildDependency(`${gid}.${l - 1}`, id));
      }
    }
  }
  return JSON.parse(JSON.stringify({ statusDate: "2022-08-15", taskForces, tasks, dependencies }));
}
