/**
 * The reasons a task or task-force light can carry: stable codes, params, zh/en sentences.
 * `task` in the text is the WBS code when known, else the id.
 */
import type { IsoDate } from "../indicators/dates.js";
import { fmt, type LightColor, type Reason, reason } from "./light.js";

/** Every task and task-force reason code. */
export type TaskReasonCode =
  | "DONE"
  | "SUSPENDED"
  | "PAST_DEADLINE"
  | "LATE_START_PASSED"
  | "NEGATIVE_FLOAT"
  | "BEHIND_PLAN"
  | "SUPERVISION_OVERDUE"
  | "DEADLINE_SOON"
  | "NO_REPORT_THIS_ROUND"
  | "LOW_FLOAT"
  | "NOT_YET_DUE"
  | "ON_TRACK"
  | "CHILD_LIGHT"
  | "TASK_LIGHT"
  | "INDICATOR_LIGHT"
  | "EMPTY_TASK_FORCE";

const ZH_COLOR: Record<LightColor, string> = {
  red: "红灯",
  yellow: "黄灯",
  green: "绿灯",
  grey: "灰灯",
  blue: "蓝灯",
};

/** Reason builders, one per code. */
export const taskReasons = {
  done: (t: string): Reason => reason("DONE", { task: t }, `任务${t}已完成`, `Task ${t} is done`),
  suspended: (t: string): Reason =>
    reason("SUSPENDED", { task: t }, `任务${t}已暂停`, `Task ${t} is suspended`),
  pastDeadline: (t: string, deadline: IsoDate, overdueWorkdays: number): Reason =>
    reason(
      "PAST_DEADLINE",
      { task: t, deadline, overdueWorkdays },
      `任务${t}已超过截止日期${deadline}（逾期${overdueWorkdays}个工作日）且未完成`,
      `Task ${t} is past its deadline ${deadline} (${overdueWorkdays} working days) and not done`,
    ),
  lateStartPassed: (t: string, lateStart: IsoDate): Reason =>
    reason(
      "LATE_START_PASSED",
      { task: t, lateStart },
      `任务${t}最迟开始日期${lateStart}已过仍未开始`,
      `Task ${t} has not started although its late start ${lateStart} has passed`,
    ),
  negativeFloat: (t: string, totalFloat: number): Reason =>
    reason(
      "NEGATIVE_FLOAT",
      { task: t, totalFloat },
      `任务${t}总时差为${totalFloat}个工作日，按期完成已不可能`,
      `Task ${t} has a total float of ${totalFloat} working days: the deadline cannot be met`,
    ),
  behindPlan: (t: string, planned: number, percent: number, threshold: number): Reason =>
    reason(
      "BEHIND_PLAN",
      {
        task: t,
        plannedProgress: planned,
        percent,
        behindPoints: planned - percent,
        thresholdPoints: threshold,
      },
      `任务${t}完成${fmt(percent)}%，落后计划进度${fmt(planned)}% ${fmt(planned - percent)}个百分点（超过${threshold}）`,
      `Task ${t} is ${fmt(percent)}% done, ${fmt(planned - percent)} points behind planned ${fmt(planned)}% (more than ${threshold})`,
    ),
  supervisionOverdue: (t: string, dueDate: IsoDate, itemId: string): Reason =>
    reason(
      "SUPERVISION_OVERDUE",
      { task: t, dueDate, supervisionId: itemId },
      `任务${t}的督办事项已过期限${dueDate}未销号`,
      `Task ${t} has a supervision item past its due date ${dueDate}, not verified`,
    ),
  deadlineSoon: (t: string, deadline: IsoDate, workdaysLeft: number): Reason =>
    reason(
      "DEADLINE_SOON",
      { task: t, deadline, workdaysLeft },
      `任务${t}距截止日期${deadline}仅剩${workdaysLeft}个工作日`,
      `Task ${t} is due ${deadline}, ${workdaysLeft} working days from now`,
    ),
  noReport: (t: string, roundStart: IsoDate, last: IsoDate | null): Reason =>
    reason(
      "NO_REPORT_THIS_ROUND",
      { task: t, roundStart, lastReportDate: last ?? "" },
      `任务${t}本轮调度（自${roundStart}起）未报送进展`,
      `Task ${t} has no progress report in the current dispatch round (since ${roundStart})`,
    ),
  lowFloat: (t: string, totalFloat: number): Reason =>
    reason(
      "LOW_FLOAT",
      { task: t, totalFloat },
      `任务${t}总时差仅${totalFloat}个工作日`,
      `Task ${t} has only ${totalFloat} working days of float`,
    ),
  notYetDue: (t: string, start: IsoDate): Reason =>
    reason(
      "NOT_YET_DUE",
      { task: t, lateStart: start },
      `任务${t}尚未到开始时间（${start}）`,
      `Task ${t} is not due to start until ${start}`,
    ),
  onTrack: (t: string, planned: number | null, percent: number): Reason =>
    reason(
      "ON_TRACK",
      { task: t, plannedProgress: planned ?? "", percent },
      `任务${t}进展正常（完成${fmt(percent)}%）`,
      `Task ${t} is on track (${fmt(percent)}% done)`,
    ),
  child: (t: string, child: string, color: LightColor, first: Reason | undefined): Reason =>
    reason(
      "CHILD_LIGHT",
      { task: t, child, color, childCode: first?.code ?? "" },
      `子任务${child}为${ZH_COLOR[color]}${first ? `：${first.text.zh}` : ""}`,
      `Sub-task ${child} is ${color}${first ? `: ${first.text.en}` : ""}`,
    ),
  taskLight: (t: string, color: LightColor, first: Reason | undefined): Reason =>
    reason(
      "TASK_LIGHT",
      { task: t, color, taskCode: first?.code ?? "" },
      `任务${t}为${ZH_COLOR[color]}${first ? `：${first.text.zh}` : ""}`,
      `Task ${t} is ${color}${first ? `: ${first.text.en}` : ""}`,
    ),
  indicatorLight: (indicatorId: string, color: LightColor, first: Reason | undefined): Reason =>
    reason(
      "INDICATOR_LIGHT",
      { indicatorId, color, indicatorCode: first?.code ?? "" },
      `指标为${ZH_COLOR[color]}${first ? `：${first.text.zh}` : ""}`,
      `Indicator is ${color}${first ? `: ${first.text.en}` : ""}`,
    ),
  empty: (): Reason =>
    reason("EMPTY_TASK_FORCE", {}, "专班尚无任务和指标", "The task force has no tasks or indicators yet"),
} as const;
