/**
 * The closed loop's enumerated words, each defined once: engines type their inputs with them, the
 * wire schemas build their enums from them, and the web app reads them from here.
 */

/** 亮灯: red / yellow / green, grey = not yet due, blue = done (worst first). */
export const LIGHT_COLORS = ["red", "yellow", "green", "grey", "blue"] as const;
export type LightColor = (typeof LIGHT_COLORS)[number];

/** Trend stages of an indicator series (止跌、回升、转正), in the SPEC's order of precedence. */
export const TREND_STAGES = [
  "turned-positive",
  "stopped-falling",
  "rebounding",
  "flat",
  "falling",
  "unknown",
] as const;
export type TrendStage = (typeof TREND_STAGES)[number];

/** 累计值 cumulative (year-to-date sum) · 增速/比率 rate (in %) · 时点值 level (a stock at a date). */
export const INDICATOR_KINDS = ["cumulative", "rate", "level"] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** Higher is better (`up`) or lower is better (`down`, e.g. work-safety accidents). */
export const DIRECTIONS = ["up", "down"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A task's status as recorded. */
export const TASK_STATUSES = ["not_started", "in_progress", "done", "suspended"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * Completion review of a task (完成确认): `claimed` from the report that brings it to 100 % until a
 * lead confirms it (`confirmed`) or sends it back (null again). Null on a finished task: finished
 * before review existed, which counts as confirmed.
 */
export const TASK_COMPLETIONS = ["claimed", "confirmed"] as const;
export type TaskCompletion = (typeof TASK_COMPLETIONS)[number];

/** Whether a task counts as done: status `done`, and its completion not merely claimed. */
export const isConfirmedDone = (t: {
  readonly status: TaskStatus;
  readonly completion?: TaskCompletion | null;
}): boolean => t.status === "done" && t.completion !== "claimed";

/** Whether a task is reported done (100 %) but its completion awaits review (待确认). */
export const isClaimed = (t: { readonly status: TaskStatus; readonly completion?: TaskCompletion | null }) =>
  t.status === "done" && t.completion === "claimed";

/** Dependency types: finish-to-start, start-to-start, finish-to-finish, start-to-finish. */
export const DEPENDENCY_TYPES = ["FS", "SS", "FF", "SF"] as const;
export type DependencyType = (typeof DEPENDENCY_TYPES)[number];

/** A supervision item's state: open → rectifying → submitted → verified (销号), or back to rectifying. */
export const SUPERVISION_STATES = ["open", "rectifying", "submitted", "verified"] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];

/** The five checks of the five-ization check (五化). */
export const FIVE_CHECKS = ["project", "list", "responsibility", "concrete", "assessable"] as const;
export type FiveCheck = (typeof FIVE_CHECKS)[number];

/** Levels of the organisation tree, from the province down to a street office or enterprise. */
export const ORG_UNIT_KINDS = [
  "province",
  "city",
  "district",
  "department",
  "street",
  "enterprise",
  "other",
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/** A member's role in a task force: 牵头领导 (包保领导 in the ledger), 副组长, 牵头人, 成员, 联络员. */
export const MEMBER_ROLES = ["lead_leader", "deputy_leader", "lead", "member", "liaison"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A task force is active until it is closed. */
export const TASK_FORCE_STATUSES = ["active", "closed"] as const;
export type TaskForceStatus = (typeof TASK_FORCE_STATUSES)[number];

/** A sentence in the two UI languages. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** One problem inside an input, located by a path such as `tasks[3].duration` or `row 7, deadline`. */
export interface ErrorDetail {
  readonly path: string;
  /** In English, for logs and API clients; people read the text `key` and `params` give. */
  readonly message: string;
  /** The message's key in `src/shared/messages.ts` (e.g. `notEmpty`, `zod.too_big`), when it has one. */
  readonly key?: string;
  readonly params?: Readonly<Record<string, string | number | boolean | null>>;
}

/** Who a reminder goes to, up the chain: owner → head of the responsible unit → task-force lead → lead leader (牵头领导). */
export const CHAIN_LEVELS = ["owner", "unitHead", "lead", "leadLeader"] as const;
export type ChainLevel = (typeof CHAIN_LEVELS)[number];

/** Why the rules chase (催办): a deadline coming or missed, no report by the round's cut-off, an item's deadline. */
export const REMINDER_RULES = [
  "dueSoon",
  "dueToday",
  "overdue",
  "noReport",
  "supervisionDueSoon",
  "supervisionDueToday",
  "supervisionOverdue",
] as const;
export type ReminderRule = (typeof REMINDER_RULES)[number];
