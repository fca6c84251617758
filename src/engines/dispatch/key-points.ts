/**
 * The key points (要点) of a dispatch report: the worst items of the round, worst first — overdue
 * tasks and supervision items by days overdue, then other red tasks, then red indicators.
 */
import type { LocalizedText } from "../lights/light.js";
import type { DayUnit, DispatchSection, KeyPoint, KeyPointKind } from "./types.js";

const KIND_RANK: Readonly<Record<KeyPointKind, number>> = {
  "overdue-task": 0,
  "overdue-supervision": 1,
  "red-task": 2,
  "red-indicator": 3,
};

const days = (n: number, unit: DayUnit): LocalizedText =>
  unit === "workdays"
    ? { zh: `${n}个工作日`, en: `${n} working day${n === 1 ? "" : "s"}` }
    : { zh: `${n}天`, en: `${n} day${n === 1 ? "" : "s"}` };

/** Every candidate of the sections, ordered, cut to `max`. */
export function keyPoints(sections: readonly DispatchSection[], unit: DayUnit, max: number): KeyPoint[] {
  const all = sections.flatMap((s) => [
    ...overdueTasks(s, unit),
    ...overdueItems(s, unit),
    ...redTasks(s),
    ...redIndicators(s),
  ]);
  // Sections arrive in task-force order and each list in code order; the sort is stable.
  all.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
  return all.slice(0, Math.max(0, max));
}

function point(
  s: DispatchSection,
  kind: KeyPointKind,
  ref: { id: string; code: string; daysOverdue: number | null },
  text: LocalizedText,
): KeyPoint {
  return {
    kind,
    taskForceId: s.taskForceId,
    taskForceCode: s.code,
    refId: ref.id,
    refCode: ref.code,
    daysOverdue: ref.daysOverdue,
    text: { zh: `${s.code} ${s.name}：${text.zh}`, en: `${s.code} ${s.name}: ${text.en}` },
  };
}

function overdueTasks(s: DispatchSection, unit: DayUnit): KeyPoint[] {
  return s.overdue.map((o) => {
    const d = days(o.daysOverdue, unit);
    return point(
      s,
      "overdue-task",
      { id: o.taskId, code: o.code, daysOverdue: o.daysOverdue },
      {
        zh: `${o.code} ${o.title} 超期${d.zh}（时限 ${o.deadline}，进度 ${o.percent}%）`,
        en: `${o.code} ${o.title} is ${d.en} overdue (deadline ${o.deadline}, ${o.percent}% done)`,
      },
    );
  });
}

function overdueItems(s: DispatchSection, unit: DayUnit): KeyPoint[] {
  return s.supervision.overdue.map((i) => {
    const d = days(i.daysOverdue ?? 0, unit);
    return point(
      s,
      "overdue-supervision",
      { id: i.id, code: i.code, daysOverdue: i.daysOverdue },
      {
        zh: `督办单 ${i.code}${i.taskCode ? `（任务 ${i.taskCode}）` : ""} 超过办结时限${d.zh}（${i.dueDate}）`,
        en: `supervision item ${i.code}${i.taskCode ? ` (task ${i.taskCode})` : ""} is ${d.en} past its due date (${i.dueDate})`,
      },
    );
  });
}

/** Red tasks not already named as overdue, with their first reason. */
function redTasks(s: DispatchSection): KeyPoint[] {
  const overdue = new Set(s.overdue.map((o) => o.taskId));
  return s.red
    .filter((r) => !overdue.has(r.taskId))
    .map((r) => {
      const why = r.reasons[0]?.text ?? { zh: "", en: "" };
      return point(
        s,
        "red-task",
        { id: r.taskId, code: r.code, daysOverdue: null },
        { zh: `${r.code} ${r.title} 亮红灯——${why.zh}`, en: `${r.code} ${r.title} is red — ${why.en}` },
      );
    });
}

function redIndicators(s: DispatchSection): KeyPoint[] {
  return s.indicators
    .filter((i) => i.color === "red")
    .map((i) => {
      const zhActual = i.reading ? `${i.reading.actual}${i.unit}（${i.reading.period}）` : "无数据";
      const enActual = i.reading ? `${i.reading.actual} ${i.unit} (${i.reading.period})` : "no reading";
      return point(
        s,
        "red-indicator",
        { id: i.id, code: i.code, daysOverdue: null },
        {
          zh: `指标 ${i.name} 亮红灯，实际 ${zhActual}，目标 ${i.target}${i.unit}`,
          en: `indicator ${i.name} is red, actual ${enActual}, target ${i.target} ${i.unit}`,
        },
      );
    });
}
