/**
 * The reasons a task or task-force light can carry: stable codes, params, zh/en sentences.
 * A task's own reasons do not name the task (the light sits beside it), so equal reasons can be shared
 * between tasks ({@link sharedReason}); task-force reasons (`TASK_LIGHT`, `CHILD_LIGHT`) name it.
 */
import { fmt, type LightColor, type Reason, type ReasonParams, reason } from "./light.js";

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
  | "AWAITING_CONFIRMATION"
  | "CHILD_LIGHT"
  | "TASK_LIGHT"
  | "INDICATOR_LIGHT"
  | "EMPTY_TASK_FORCE"
  | "MORE_ITEMS";

const ZH_COLOR: Record<LightColor, string> = {
  red: "红灯",
  yellow: "黄灯",
  green: "绿灯",
  grey: "灰灯",
  blue: "蓝灯",
};
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Reasons equal in code and params, built once per lighting run and shared (frozen) by every task that
 * has them — most tasks share "done" or "not yet due until D", which keeps a 30 000-task run light.
 */
export type ReasonCache = Map<unknown, ReasonCache | Reason>;

const DONE: Reason = Object.freeze({
  code: "DONE",
  params: Object.freeze({}),
  text: Object.freeze({ zh: "已完成", en: "Done" }),
});

/** Param names of each task's own reason, in the order {@link sharedReason} takes their values. */
export const TASK_REASON_PARAMS: Readonly<Partial<Record<TaskReasonCode, readonly string[]>>> = {
  DONE: [],
  SUSPENDED: [],
  PAST_DEADLINE: ["deadline", "overdueWorkdays"],
  LATE_START_PASSED: ["lateStart"],
  NEGATIVE_FLOAT: ["totalFloat"],
  BEHIND_PLAN: ["plannedProgress", "percent", "behindPoints", "thresholdPoints"],
  SUPERVISION_OVERDUE: ["dueDate", "supervisionId", "supervisionCode"],
  DEADLINE_SOON: ["deadline", "workdaysLeft"],
  NO_REPORT_THIS_ROUND: ["roundStart", "lastReportDate"],
  LOW_FLOAT: ["totalFloat"],
  NOT_YET_DUE: ["lateStart"],
  ON_TRACK: ["plannedProgress", "percent"],
  AWAITING_CONFIRMATION: ["claimedOn"],
};

type V = string | number | undefined;

/**
 * The shared reason for `code` with param values `a…d` (named by {@link TASK_REASON_PARAMS}), built
 * and frozen on first use. Example: `sharedReason(cache, "NOT_YET_DUE", "2022-09-01")` has params
 * `{ lateStart: "2022-09-01" }`.
 */
export function sharedReason(cache: ReasonCache, code: TaskReasonCode, a?: V, b?: V, c?: V, d?: V): Reason {
  if (code === "DONE") return DONE;
  const names = TASK_REASON_PARAMS[code] ?? [];
  // Nested maps keyed by the values themselves: no key string to build and hash on every call.
  let level = cache.get(code) as ReasonCache | undefined;
  if (!level) {
    level = new Map();
    cache.set(code, level);
  }
  const values = names.length;
  for (let k = 0; k < values - 1; k++) {
    const v = k === 0 ? a : k === 1 ? b : c;
    let next = level.get(v) as ReasonCache | undefined;
    if (!next) {
      next = new Map();
      level.set(v, next);
    }
    level = next;
  }
  const last = values === 0 ? undefined : values === 1 ? a : values === 2 ? b : values === 3 ? c : d;
  const hit = level.get(last) as Reason | undefined;
  if (hit) return hit;
  const all = [a, b, c, d];
  const params: Record<string, string | number> = {};
  for (let k = 0; k < values; k++) params[names[k]!] = all[k] ?? "";
  const built = taskReasonText(code, params);
  const frozen = Object.freeze({
    ...built,
    params: Object.freeze(built.params),
    text: Object.freeze(built.text),
  });
  level.set(last, frozen);
  return frozen;
}

/** Builds a task's own reason (no task named in the text). Params: dates `YYYY-MM-DD`, working days, %. */
export function taskReasonText(code: TaskReasonCode, p: ReasonParams): Reason {
  const n = (k: string) => Number(p[k]);
  switch (code) {
    case "DONE":
      return reason(code, p, "已完成", "Done");
    case "SUSPENDED":
      return reason(code, p, "已暂停", "Suspended");
    case "PAST_DEADLINE":
      return reason(
        code,
        p,
        `已超过截止日期${p.deadline}（逾期${p.overdueWorkdays}个工作日）且未完成`,
        `Past its deadline ${p.deadline} (${p.overdueWorkdays} working days) and not done`,
      );
    case "LATE_START_PASSED":
      return reason(
        code,
        p,
        `最迟开始日期${p.lateStart}已过仍未开始`,
        `Not started although its late start ${p.lateStart} has passed`,
      );
    case "NEGATIVE_FLOAT":
      return reason(
        code,
        p,
        `总时差为${p.totalFloat}个工作日，按期完成已不可能`,
        `Total float of ${p.totalFloat} working days: the deadline cannot be met`,
      );
    case "BEHIND_PLAN":
      return reason(
        code,
        p,
        `完成${fmt(n("percent"))}%，落后计划进度${fmt(n("plannedProgress"))}% ${fmt(n("behindPoints"))}个百分点（超过${p.thresholdPoints}）`,
        `${fmt(n("percent"))}% done, ${fmt(n("behindPoints"))} points behind planned ${fmt(n("plannedProgress"))}% (more than ${p.thresholdPoints})`,
      );
    case "SUPERVISION_OVERDUE":
      return reason(
        code,
        p,
        `督办事项${p.supervisionCode ?? p.supervisionId}已过期限${p.dueDate}未销号`,
        `Supervision item ${p.supervisionCode ?? p.supervisionId} is past its due date ${p.dueDate}, not verified`,
      );
    case "DEADLINE_SOON":
      return reason(
        code,
        p,
        `距截止日期${p.deadline}仅剩${p.workdaysLeft}个工作日`,
        `Due ${p.deadline}, ${p.workdaysLeft} working days from now`,
      );
    case "NO_REPORT_THIS_ROUND":
      return reason(
        code,
        p,
        `本轮调度（自${p.roundStart}起）未报送进展`,
        `No progress report in the current dispatch round (since ${p.roundStart})`,
      );
    case "LOW_FLOAT":
      return reason(code, p, `总时差仅${p.totalFloat}个工作日`, `Only ${p.totalFloat} working days of float`);
    case "NOT_YET_DUE":
      return reason(code, p, `尚未到开始时间（${p.lateStart}）`, `Not due to start until ${p.lateStart}`);
    case "ON_TRACK":
      return reason(
        code,
        p,
        `进展正常（完成${fmt(n("percent"))}%）`,
        `On track (${fmt(n("percent"))}% done)`,
      );
    case "AWAITING_CONFIRMATION":
      return p.claimedOn
        ? reason(
            code,
            p,
            `已于${p.claimedOn}报告完成，待牵头人确认`,
            `Reported complete on ${p.claimedOn}, awaiting the lead's confirmation`,
          )
        : reason(code, p, "已报告完成，待牵头人确认", "Reported complete, awaiting the lead's confirmation");
    default:
      return reason(code, p, code, code);
  }
}

/** Reasons that name a task or indicator (task-force and summary level); not shared. */
export const taskReasons = {
  child: (child: string, color: LightColor, first: Reason | undefined): Reason =>
    reason(
      "CHILD_LIGHT",
      { child, color, childCode: first?.code ?? "" },
      `子任务${child}为${ZH_COLOR[color]}${first ? `：${first.text.zh}` : ""}`,
      `Sub-task ${child} is ${color}${first ? `: ${lower(first.text.en)}` : ""}`,
    ),
  taskLight: (task: string, color: LightColor, first: Reason | undefined): Reason =>
    reason(
      "TASK_LIGHT",
      { task, color, taskCode: first?.code ?? "" },
      `任务${task}为${ZH_COLOR[color]}${first ? `：${first.text.zh}` : ""}`,
      `Task ${task} is ${color}${first ? `: ${lower(first.text.en)}` : ""}`,
    ),
  indicatorLight: (indicatorId: string, color: LightColor, first: Reason | undefined): Reason =>
    reason(
      "INDICATOR_LIGHT",
      { indicatorId, color, indicatorCode: first?.code ?? "" },
      `指标为${ZH_COLOR[color]}${first ? `：${first.text.zh}` : ""}`,
      `Indicator is ${color}${first ? `: ${lower(first.text.en)}` : ""}`,
    ),
  more: (count: number, color: LightColor): Reason =>
    reason(
      "MORE_ITEMS",
      { count, color },
      `另有${count}项为${ZH_COLOR[color]}`,
      `${count} more ${count === 1 ? "item is" : "items are"} ${color}`,
    ),
  empty: (): Reason =>
    reason("EMPTY_TASK_FORCE", {}, "专班尚无任务和指标", "The task force has no tasks or indicators yet"),
} as const;
