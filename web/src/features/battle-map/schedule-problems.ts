/**
 * Task forces whose plan cannot be scheduled (a deadline before the start, a cycle): their tasks
 * have no dates, so the battle map says why instead of silently drawing nothing.
 */
import { fieldLabel } from "../../../../src/shared/field-labels";
import { detailText } from "../../../../src/shared/messages";
import type { BattleMapData, BattleMapTaskForce, Lang } from "./types";

/** One problem as a line in `lang`: "任务 1.2 · 截止日期：截止日期 2021-01-01 早于计划开始日期". */
export function scheduleProblemLines(tf: BattleMapTaskForce, lang: Lang): string[] {
  return (tf.scheduleProblems ?? []).map((d) => {
    // A problem without a vocabulary key is the engine's English; in Chinese say only that it fails.
    const text = d.key || lang === "en" ? detailText(d, lang) : "无法排程";
    return `${fieldLabel(d.path, lang)}${lang === "zh" ? "：" : ": "}${text}`;
  });
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
