/**
 * The key points (要点) of a dispatch report: the worst items of the round, worst first — overdue
 * tasks and supervision items by days overdue, then other red tasks, then red indicators.
 */
import type { DayUnit, DispatchSection, KeyPoint, KeyPointKind } from "./types.js";

const KIND_RANK: Readonly<Record<KeyPointKind, number>> = {
  "overdue-task": 0,
  "overdue-supervision": 1,
  "red-task": 2,
  "red-indicator": 3,
};

const days = (n: number, unit: DayUnit) =>
  unit === "workdays"
    ? { zh: `${n}个工作日`, en: `${n} working day${n === 1 ? "" : "s"}` }
    : { zh: `${n}天`, en: `${n} day${n === 1 ? "" : "s"}` };

/** Every candidate of the sections, ordered, cut to `max`. */
export function keyPoints(sections: readonly DispatchSection[], unit: DayUnit, max: number): KeyPoint[] {
  const all: KeyPoint[] = [];
  for (const s of sections) {
    const base = { taskForceId: s.taskForceId, taskForceCode: s.code };
    const tf = { zh: `${s.code} ${s.name}`, en: `${s.code} ${s.name}` };
    const overdueIds = new Set(s.overdue.map((o) => o.taskId));
    for (const o of s.overdue) {
      const d = days(o.daysOverdue, unit);
      all.push({
        ...base,
        kind: "overdue-task",
        refId: o.taskId,
        refCode: o.code,
        daysOverdue: o.daysOverdue,
        text: {
          zh: `${tf.zh}：${o.code} ${o.title} 超期${d.zh}（时限 ${o.deadline}，进度 ${o.percent}%）`,
          en: `${tf.en}: ${o.code} ${o.title} is ${d.en} overdue (deadline ${o.deadline}, ${o.percent}% done)`,
        },
      });
    }
    for (const i of s.supervision.overdue) {
      const d = days(i.daysOverdue ?? 0, unit);
      const on = i.taskCode ? `（任务 ${i.taskCode}）` : "";
      const onEn = i.taskCode ? ` (task ${i.taskCode})` : "";
      all.push({
        ...base,
        kind: "overdue-supervision",
        refId: i.id,
        refCode: i.code,
        daysOverdue: i.daysOverdue,
        text: {
          zh: `${tf.zh}：督办单 ${i.code}${on} 超过办结时限${d.zh}（${i.dueDate}）`,
          en: `${tf.en}: supervision item ${i.code}${onEn} is ${d.en} past its due date (${i.dueDate})`,
        },
      });
    }
    for (const r of s.red) {
      if (overdueIds.has(r.taskId)) continue;
      const why = r.reasons[0]?.text ?? { zh: "", en: "" };
      all.push({
        ...base,
        kind: "red-task",
        refId: r.taskId,
        refCode: r.code,
        daysOverdue: null,
        text: {
          zh: `${tf.zh}：${r.code} ${r.title} 亮红灯——${why.zh}`,
          en: `${tf.en}: ${r.code} ${r.title} is red — ${why.en}`,
        },
      });
    }
    for (const i of s.indicators) {
      if (i.color !== "red") continue;
      const actual = i.reading ? `${i.reading.actual}${i.unit}（${i.reading.period}）` : "无数据";
      const actualEn = i.reading ? `${i.reading.actual} ${i.unit} (${i.reading.period})` : "no reading";
      all.push({
        ...base,
        kind: "red-indicator",
        refId: i.id,
        refCode: i.code,
        daysOverdue: null,
        text: {
          zh: `${tf.zh}：指标 ${i.name} 亮红灯，实际 ${actual}，目标 ${i.target}${i.unit}`,
          en: `${tf.en}: indicator ${i.name} is red, actual ${actualEn}, target ${i.target} ${i.unit}`,
        },
      });
    }
  }
  // Sections arrive in task-force order and each list in code order; sort is stable.
  all.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
  return all.slice(0, Math.max(0, max));
}
