/**
 * Task forces whose plan cannot be scheduled (a deadline before the start, a cycle): their tasks
 * have no dates, so the battle map says why instead of silently drawing nothing.
 */
import { detailLine } from "../../hooks/messages";
import type { BattleMapData, BattleMapTaskForce, Lang } from "./types";

/** Each problem as a line in `lang`: "任务 01.2 · 截止日期：截止日期 2021-01-01 早于计划开始日期". */
export function scheduleProblemLines(tf: BattleMapTaskForce, lang: Lang): string[] {
  return (tf.scheduleProblems ?? []).map((d) => detailLine(d, lang));
}

/** The task forces shown whose plan cannot be scheduled, each with its problem lines. */
export function unschedulableTaskForces(
  data: Pick<BattleMapData, "taskForces">,
  lang: Lang,
): { id: string; title: string; lines: string[] }[] {
  return data.taskForces
    .filter((tf) => tf.schedule?.error || (tf.scheduleProblems?.length ?? 0) > 0)
    .map((tf) => ({ id: tf.id, title: `${tf.code} ${tf.name}`, lines: scheduleProblemLines(tf, lang) }));
}
