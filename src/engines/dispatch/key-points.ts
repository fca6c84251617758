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

/** A key point not yet written out: what orders it, and how to write it. */
interface Candidate {
  readonly rank: number;
  readonly daysOverdue: number;
  readonly write: () => KeyPoint;
}

/**
 * Every candidate of the sections, ordered, cut to `max`. Only the points kept are written out: a
 * province has tens of thousands of candidates for ten points.
 */
export function keyPoints(sections: readonly DispatchSection[], unit: DayUnit, max: number): KeyPoint[] {
  const all: Candidate[] = [];
  const add = (kind: KeyPointKind, daysOverdue: number | null, write: () => KeyPoint) =>
    all.push({ rank: KIND_RANK[kind], daysOverdue: daysOverdue ?? 0, write });
  for (const s of sections) {
    for (const o of s.overdue) add("overdue-task", o.daysOverdue, () => overdueTask(s, o, unit));
    for (const i of s.supervision.overdue)
      add("overdue-supervision", i.daysOverdue, () => overdueItem(s, i, unit));
    const overdue = s.overdue.length ? new Set(s.overdue.map((o) => o.taskId)) : undefined;
    for (const r of s.red) if (!overdue?.has(r.taskId)) add("red-task", null, () => redTask(s, r));
    for (const i of s.indicators) if (i.color === "red") add("red-indicator", null, () => redIndicator(s, i));
  }
  // Sections arrive in task-force order and each list in code order; the sort is stable.
  all.sort((a, b) => a.rank - b.rank || b.daysOverdue - a.daysOverdue);
  return all.slice(0, Math.max(0, max)).map((c) => c.write());
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

function overdueTask(s: DispatchSection, o: DispatchSection["overdue"][number], unit: DayUnit): KeyPoint {
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
}

function overdueItem(
  s: DispatchSection,
  i: DispatchSection["supervision"]["overdue"][number],
  unit: DayUnit,
): KeyPoint {
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
}

/** A red task not already named as overdue, with its first reason. */
function redTask(s: DispatchSection, r: DispatchSection["red"][number]): KeyPoint {
  const why = r.reasons[0]?.text ?? { zh: "", en: "" };
  return point(
    s,
    "red-task",
    { id: r.taskId, code: r.code, daysOverdue: null },
    { zh: `${r.code} ${r.title} 亮红灯——${why.zh}`, en: `${r.code} ${r.title} is red — ${why.en}` },
  );
}

function redIndicator(s: DispatchSection, i: DispatchSection["indicators"][number]): KeyPoint {
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
}
