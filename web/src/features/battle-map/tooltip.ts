/**
 * Tooltip content for a hovered row: title, light and its reasons, dates and float, in zh or en.
 */
import { claimedTooltipLine } from "../completion/claimed-marks";
import { milestoneDate } from "./geometry";
import { LIGHT_COLORS, lightStyle } from "./lights";
import type { Row } from "./row-model";
import { scheduleProblemLines } from "./schedule-problems";
import type { ComparedBaselines, Lang, LightColor } from "./types";

/** Tooltip content: a heading, the light, the reasons and label/value lines. */
export interface TooltipContent {
  readonly title: string;
  readonly color: LightColor;
  readonly lightLabel: string;
  readonly reasons: readonly string[];
  readonly lines: readonly (readonly [string, string])[];
  /** A task's indicators (支撑指标), titled 可能受影响的指标 when the task is late or red. */
  readonly indicators?: TooltipIndicators;
}

/** The indicators a task advances, as its tooltip lists them. */
export interface TooltipIndicators {
  readonly heading: string;
  readonly atRisk: boolean;
  readonly items: readonly {
    readonly label: string;
    readonly color: LightColor;
    readonly lightLabel: string;
  }[];
}

/** An indicator as the battle map names it: code, name and light (from the overview). */
export interface IndicatorBrief {
  readonly code: string;
  readonly name: string;
  readonly color: LightColor;
}

/** Indicators by id, for the tooltips of the tasks that advance them. */
export type IndicatorLookup = ReadonlyMap<string, IndicatorBrief>;

/**
 * Whether a task puts the indicators it advances at risk: it is red (late, overdue or far behind),
 * or its float is negative (its deadline cannot be met as planned).
 */
export function putsIndicatorsAtRisk(
  task: { readonly totalFloat: number | null },
  color: LightColor,
): boolean {
  return color === "red" || (task.totalFloat !== null && task.totalFloat < 0);
}

const L = {
  zh: {
    schedule: "计划（最早）",
    baseline: "基准计划",
    late: "最迟开始 / 完成（倒排）",
    deadline: "截止日期",
    float: "总时差",
    progress: "进度",
    critical: "关键环节",
    slip: "偏差",
    days: "个工作日",
    tasks: "任务",
    lights: "亮灯",
    span: "任务起止",
    milestone: "进度节点",
    yes: "是",
    version: (n: number) => `第 ${n} 版基线`,
    unschedulable: "无法排程",
    extension: "延期申请（待审批）",
    by: "申请人",
    indicators: "支撑指标",
    atRisk: "可能受影响的指标",
  },
  en: {
    schedule: "Planned (early)",
    baseline: "Baseline",
    late: "Latest start / finish (backward)",
    deadline: "Deadline",
    float: "Total float",
    progress: "Progress",
    critical: "Critical chain",
    slip: "Slippage",
    days: "working days",
    tasks: "Tasks",
    lights: "Lights",
    span: "Tasks span",
    milestone: "Milestone",
    yes: "yes",
    version: (n: number) => `Baseline ${n}`,
    unschedulable: "Cannot be scheduled",
    extension: "Extension requested (pending)",
    by: "by",
    indicators: "Indicators advanced",
    atRisk: "Indicators at risk",
  },
} as const;

function range(a: string | null, b: string | null): string | null {
  if (!a && !b) return null;
  return a === b ? (a ?? "") : `${a ?? "?"} → ${b ?? "?"}`;
}

/**
 * The tooltip of a row; a task's row lists its dates in each compared baseline too, and the
 * indicators it advances found in `indicators` (those the user cannot read are left out).
 */
export function tooltipContent(
  row: Row,
  lang: Lang,
  compared: ComparedBaselines = [],
  indicators?: IndicatorLookup,
): TooltipContent {
  const t = L[lang];
  const light = row.light;
  const reasons = light.reasons.map((r) => r.text[lang]);
  const lightLabel = lightStyle(light.color, "light", lang).label;
  if (row.kind === "taskForce") {
    const tf = row.taskForce;
    const lines: [string, string][] = [[t.tasks, String(row.taskCount)]];
    // A folded task force: how its tasks are lit, and their span, without opening it.
    const o = row.folded;
    if (o) {
      const mix = LIGHT_COLORS.filter((c) => (o.lights[c] ?? 0) > 0).map(
        (c) => `${lightStyle(c, "light", lang).label} ${o.lights[c]}`,
      );
      if (mix.length) lines.push([t.lights, mix.join(" · ")]);
      const span = range(o.start, o.finish);
      if (span) lines.push([t.span, span]);
    }
    if (tf.deadline) lines.push([t.deadline, tf.deadline]);
    for (const problem of scheduleProblemLines(tf, lang)) lines.push([t.unschedulable, problem]);
    return { title: `${tf.code} ${tf.name}`, color: light.color, lightLabel, reasons, lines };
  }
  const task = row.task;
  const lines: [string, string][] = [];
  const add = (label: string, value: string | null) => {
    if (value) lines.push([label, value]);
  };
  if (task.duration === 0) add(t.milestone, milestoneDate(task));
  else add(t.schedule, range(task.earlyStart, task.earlyFinish));
  add(t.baseline, range(task.baselineStart, task.baselineFinish));
  for (const c of compared) {
    const span = c.tasks[task.id];
    if (span) add(t.version(c.number), range(span.start, span.finish));
  }
  add(t.late, range(task.lateStart, task.lateFinish));
  add(t.deadline, task.deadline);
  const ext = row.pendingExtension;
  if (ext)
    add(
      t.extension,
      `${ext.currentDeadline ?? "—"} → ${ext.requestedDeadline} · ${t.by} ${ext.requestedByName}`,
    );
  if (task.totalFloat !== null) add(t.float, `${task.totalFloat} ${t.days}`);
  if (task.slippage) add(t.slip, `${task.slippage > 0 ? "+" : ""}${task.slippage} ${t.days}`);
  add(t.progress, `${task.percent}%`);
  const claimed = claimedTooltipLine(task, lang);
  if (claimed) add(...claimed);
  if (task.critical) add(t.critical, t.yes);
  const content = { title: `${task.code} ${task.title}`, color: light.color, lightLabel, reasons, lines };
  const items = (task.indicatorIds ?? []).flatMap((id) => {
    const i = indicators?.get(id);
    return i
      ? [
          {
            label: `${i.code} ${i.name}`,
            color: i.color,
            lightLabel: lightStyle(i.color, "light", lang).label,
          },
        ]
      : [];
  });
  if (items.length === 0) return content;
  const atRisk = putsIndicatorsAtRisk(task, light.color);
  return { ...content, indicators: { heading: atRisk ? t.atRisk : t.indicators, atRisk, items } };
}
