/**
 * Light colours, their shapes (colour is never the only carrier), legend labels, and the fallback
 * light derived from a task's status while the API does not yet send `lights`.
 */
import { isConfirmedDone } from "../../../../src/vocabulary/index";
import type { BattleMapData, Lang, Light, LightColor, Task, Theme } from "./types";

/** Every light in legend order (worst first). */
export const LIGHT_COLORS: readonly LightColor[] = ["red", "yellow", "green", "grey", "blue"];

/** Severity for "worst of": higher is worse. */
export const LIGHT_SEVERITY: Readonly<Record<LightColor, number>> = {
  red: 4,
  yellow: 3,
  green: 2,
  grey: 1,
  blue: 0,
};

/** The marker drawn beside a light's colour: a distinct shape per light. */
export type LightShape = "alert" | "warn" | "dot" | "ring" | "check";

/** How a light is drawn and named. */
export interface LightStyle {
  readonly fill: string;
  /** Darker shade: progress fill, outlines, text on light backgrounds. */
  readonly strong: string;
  /** Fill of the icon's body (vivid in both themes). */
  readonly icon: string;
  readonly shape: LightShape;
  readonly label: string;
}

const PALETTE: Readonly<Record<Theme, Readonly<Record<LightColor, readonly [string, string]>>>> = {
  light: {
    red: ["#f26b6b", "#c62828"],
    yellow: ["#f7c548", "#b7791f"],
    green: ["#5cc98a", "#2e8b57"],
    grey: ["#c4c9d1", "#7b8494"],
    blue: ["#6aa7f0", "#2f6fc0"],
  },
  dark: {
    red: ["#ff5c5c", "#ffb3b3"],
    yellow: ["#ffc93c", "#ffe29a"],
    green: ["#3ddc84", "#b4f5cf"],
    grey: ["#7d8797", "#c9d0da"],
    blue: ["#4da3ff", "#b8dbff"],
  },
};

const SHAPES: Readonly<Record<LightColor, LightShape>> = {
  red: "alert",
  yellow: "warn",
  green: "dot",
  grey: "ring",
  blue: "check",
};

const LABELS: Readonly<Record<Lang, Readonly<Record<LightColor, string>>>> = {
  zh: { red: "红灯", yellow: "黄灯", green: "绿灯", grey: "未到期", blue: "已完成" },
  en: { red: "Red", yellow: "Yellow", green: "Green", grey: "Not yet due", blue: "Done" },
};

/** The drawing style and label of a light. */
export function lightStyle(color: LightColor, theme: Theme, lang: Lang): LightStyle {
  const [fill, strong] = PALETTE[theme][color];
  const icon = theme === "dark" || color !== "red" ? fill : strong;
  return { fill, strong, icon, shape: SHAPES[color], label: LABELS[lang][color] };
}

/** Legend entries in order (worst first). */
export function legendEntries(theme: Theme, lang: Lang): (LightStyle & { color: LightColor })[] {
  return LIGHT_COLORS.map((color) => ({ color, ...lightStyle(color, theme, lang) }));
}

const FALLBACK_TEXT = {
  done: { zh: "已完成", en: "Done" },
  notDue: { zh: "未开始，未到最迟开始日期", en: "Not started; latest start not reached" },
  lateStart: { zh: "已过最迟开始日期仍未开始", en: "Not started after its latest start" },
  overdue: { zh: "已过截止日期仍未完成", en: "Past its deadline and not done" },
  negativeFloat: { zh: "总时差为负，按期完成有风险", en: "Negative float: the deadline cannot be met" },
  onTrack: { zh: "按计划推进", en: "On track" },
} as const;

function fallback(color: LightColor, key: keyof typeof FALLBACK_TEXT): Light {
  return { color, reasons: [{ code: `status.${key}`, text: FALLBACK_TEXT[key] }] };
}

/** A light from the task's status and schedule, used while the API sends no `lights`. */
export function statusLight(task: Task, statusDate: string): Light {
  // A claimed completion (reported 100 %, not yet confirmed) is not done yet.
  if (isConfirmedDone(task)) return fallback("blue", "done");
  if (task.deadline && task.deadline < statusDate) return fallback("red", "overdue");
  if (task.status === "not_started" && task.lateStart && task.lateStart < statusDate)
    return fallback("red", "lateStart");
  if (task.totalFloat !== null && task.totalFloat < 0) return fallback("red", "negativeFloat");
  if (task.status === "not_started") return fallback("grey", "notDue");
  return fallback("green", "onTrack");
}

/** The light of a task: the API's when present, else the status fallback. */
export function taskLight(data: BattleMapData, task: Task): Light {
  return data.lights?.tasks[task.id] ?? statusLight(task, data.statusDate);
}

/** The worst of some colours (`grey` for none). */
export function worstLight(colors: Iterable<LightColor>): LightColor {
  let worst: LightColor | null = null;
  for (const c of colors) if (worst === null || LIGHT_SEVERITY[c] > LIGHT_SEVERITY[worst]) worst = c;
  return worst ?? "grey";
}
