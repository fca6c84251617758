/** Hook: one task force's workspace model — its full record, lights by task and indicator, names. */
import { useMemo } from "react";
import type { LightColor, Reason, TaskForceFull, TaskForceLights } from "../../api/types";
import { useNames, useTaskForceFull, useTaskForceLights } from "../../hooks/use-data";

type LightOf = { color: LightColor; reasons: Reason[] };

/** Lights keyed by task id and by indicator id. */
export function indexLights(l: TaskForceLights | undefined) {
  const tasks = new Map<string, LightOf & { plannedProgress: number | null }>();
  const indicators = new Map<string, TaskForceLights["indicators"][number]>();
  for (const x of l?.tasks ?? []) tasks.set(x.taskId, x);
  for (const x of l?.indicators ?? []) indicators.set(x.indicatorId, x);
  return { tasks, indicators };
}

/** Tasks in WBS order with their depth (from the code's dots) and whether they are summaries. */
export function wbsRows(full: TaskForceFull) {
  const parents = new Set(full.tasks.map((t) => t.parentId).filter(Boolean));
  const cmp = (a: string, b: string) => {
    const x = a.split(".").map(Number);
    const y = b.split(".").map(Number);
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const d = (x[i] ?? -1) - (y[i] ?? -1);
      if (d) return d;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
  return [...full.tasks]
    .sort((a, b) => cmp(a.code, b.code))
    .map((t) => ({ ...t, depth: t.code.split(".").length - 1, summary: parents.has(t.id) }));
}

/** The workspace data of task force `id`. */
export function useTaskForceModel(id: string) {
  const full = useTaskForceFull(id);
  const lights = useTaskForceLights(id);
  const names = useNames();
  const model = useMemo(() => {
    if (!full.data) return null;
    return {
      full: full.data,
      rows: wbsRows(full.data),
      lights: indexLights(lights.data),
      tfLight: lights.data?.taskForce ?? null,
    };
  }, [full.data, lights.data]);
  return { full, lights, names, model };
}
