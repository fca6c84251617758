/**
 * A large organisation's battle map is its outline (task forces, their tasks folded) with the tasks
 * of the task forces opened so far, each fetched on its own: this joins them into one answer.
 */
import type { BattleMapData } from "./types";

/** The outline with the tasks, dependencies, lights, baselines and extensions of the parts. */
export function mergeBattleMaps(outline: BattleMapData, parts: readonly BattleMapData[]): BattleMapData {
  if (parts.length === 0) return { ...outline, loadedTaskForceIds: [] };
  const compared = new Map<number, Record<string, { start: string; finish: string }>>();
  for (const c of outline.compared ?? []) compared.set(c.number, { ...c.tasks });
  const taskLights = { ...outline.lights?.tasks };
  // The outline's task-force lights come without reasons; an opened one's own answer has them.
  const forceLights = { ...outline.lights?.taskForces };
  const pending = { ...outline.pendingExtensions };
  const loaded: string[] = [];
  for (const p of parts) {
    for (const tf of p.taskForces) loaded.push(tf.id);
    Object.assign(taskLights, p.lights?.tasks);
    for (const tf of p.taskForces) {
      const light = p.lights?.taskForces[tf.id];
      if (light) forceLights[tf.id] = light;
    }
    Object.assign(pending, p.pendingExtensions);
    for (const c of p.compared ?? []) compared.set(c.number, { ...compared.get(c.number), ...c.tasks });
  }
  return {
    ...outline,
    tasks: parts.flatMap((p) => p.tasks),
    dependencies: parts.flatMap((p) => p.dependencies),
    lights: { tasks: taskLights, taskForces: forceLights },
    pendingExtensions: pending,
    compared: [...compared].sort((a, b) => a[0] - b[0]).map(([number, tasks]) => ({ number, tasks })),
    loadedTaskForceIds: loaded,
  };
}
