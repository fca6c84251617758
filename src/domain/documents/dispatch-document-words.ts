/**
 * The fixed words of the dispatch report document (调度通报) in Chinese and English: title, headings,
 * table heads, sheet names, lights, trend stages and supervision states.
 */
import type { LightColor, TrendStage } from "../../engines/index.js";

/** The languages a document is written in. */
export type DocumentLang = "zh" | "en";

/** Lights as words. */
export const COLORS: Record<DocumentLang, Record<LightColor, string>> = {
  zh: { red: "红灯", yellow: "黄灯", green: "绿灯", grey: "未到期", blue: "已完成" },
  en: { red: "red", yellow: "yellow", green: "green", grey: "not due", blue: "done" },
};
/** Trend stages as words. */
export const TRENDS: Record<DocumentLang, Record<TrendStage, string>> = {
  zh: {
    "turned-positive": "转正",
    "stopped-falling": "止跌",
    rebounding: "回升",
    flat: "持平",
    falling: "下滑",
    unknown: "数据不足",
  },
  en: {
    "turned-positive": "turned positive",
    "stopped-falling": "stopped falling",
    rebounding: "rebounding",
    flat: "flat",
    falling: "falling",
    unknown: "too few readings",
  },
};
/** Supervision states as words. */
export const STATES = {
  zh: { open: "待整改", rectifying: "整改中", submitted: "已报结", verified: "已销号" },
  en: { open: "open", rectifying: "rectifying", submitted: "submitted", verified: "verified" },
} as const;

/** Fixed words of the document: title, headings, table heads and sheet names. */
export const WORDS = {
  zh: {
    title: (organisation: string) => `${organisation}重点工作调度通报`,
    defaultOrganisation: "本区",
    headings: [
      "一、总体情况",
      "二、各专班亮灯情况",
      "三、本轮变化",
      "四、超期和即将到期事项",
      "五、指标运行情况",
      "六、考核排名",
      "七、要点提示",
    ],
    sub: {
      lit: "红黄灯事项及原因",
      overdue: "（一）超期未完成事项",
      due: "（二）即将到期事项",
      supervision: "（三）超期未销号督办事项",
      newlyOverdue: "本轮新增超期事项",
      noLongerOverdue: "本轮退出超期事项",
    },
    forces: [
      "编号",
      "专班",
      "亮灯",
      "红灯",
      "黄灯",
      "绿灯",
      "未到期",
      "已完成",
      "超期",
      "即将到期",
      "未报进展",
    ],
    lit: ["专班", "编号", "任务", "亮灯", "原因"],
    overdue: ["专班", "编号", "任务", "时限", "超期", "进度"],
    due: ["专班", "编号", "任务", "时限", "剩余", "进度"],
    supervision: ["督办单", "专班", "任务编号", "办结时限", "超期", "状态"],
    indicators: [
      "专班",
      "指标编号",
      "指标",
      "单位",
      "目标值",
      "最新值",
      "期别",
      "工作进度",
      "时间进度",
      "趋势",
      "亮灯",
    ],
    totals: ["项目", "数值"],
    kind: ["类别", "超期", "即将到期"],
    sheets: {
      totals: "总体情况",
      forces: "专班亮灯",
      lit: "红黄灯事项",
      lists: "超期和到期",
      supervision: "超期督办",
      indicators: "指标",
      changes: "本轮变化",
      ranking: "考核排名",
      keyPoints: "要点",
    },
    none: "无",
    noPrevious: "未取得上一轮数据，本节从略。",
  },
  en: {
    title: (organisation: string) => `${organisation}: key work dispatch report`,
    defaultOrganisation: "The district",
    headings: [
      "1. Overview",
      "2. Task force lights",
      "3. Changes this round",
      "4. Overdue and due soon",
      "5. Indicators",
      "6. Ranking",
      "7. Key points",
    ],
    sub: {
      lit: "Red and yellow tasks and their reasons",
      overdue: "4.1 Overdue tasks",
      due: "4.2 Due soon",
      supervision: "4.3 Overdue supervision items",
      newlyOverdue: "Newly overdue this round",
      noLongerOverdue: "No longer overdue",
    },
    forces: [
      "Code",
      "Task force",
      "Light",
      "Red",
      "Yellow",
      "Green",
      "Not due",
      "Done",
      "Overdue",
      "Due soon",
      "No report",
    ],
    lit: ["Task force", "WBS", "Task", "Light", "Reasons"],
    overdue: ["Task force", "WBS", "Task", "Deadline", "Overdue", "Done"],
    due: ["Task force", "WBS", "Task", "Deadline", "Left", "Done"],
    supervision: ["Item", "Task force", "Task", "Due", "Overdue", "State"],
    indicators: [
      "Task force",
      "Code",
      "Indicator",
      "Unit",
      "Target",
      "Latest",
      "Period",
      "Work progress",
      "Time progress",
      "Trend",
      "Light",
    ],
    totals: ["Item", "Value"],
    kind: ["Kind", "overdue", "due soon"],
    sheets: {
      totals: "Overview",
      forces: "Task force lights",
      lit: "Red and yellow tasks",
      lists: "Overdue and due",
      supervision: "Overdue supervision",
      indicators: "Indicators",
      changes: "Changes",
      ranking: "Ranking",
      keyPoints: "Key points",
    },
    none: "none",
    noPrevious: "The previous round's report was not available; this part is left out.",
  },
} as const;

/** Display width of a cell in half-width characters: CJK and full-width characters count twice. */
export function textWidth(v: string | number): number {
  let n = 0;
  for (const ch of String(v)) n += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return n;
}

/** A light as a word ("红灯" / "red"); null as a dash. */
export const colorWord = (c: LightColor | null, lang: DocumentLang): string => (c ? COLORS[lang][c] : "—");

/** A trend stage as a word (止跌 / stopped falling …). */
export const trendWord = (t: TrendStage, lang: DocumentLang): string => TRENDS[lang][t];
