/**
 * The one error type of Guatu and the registry of its codes, in the manner of Fastify's
 * `lib/errors.js`: every code the API or the CLI can answer, with its HTTP status and its message
 * in both UI languages. docs/api.md's table is generated from this registry (a test keeps them
 * equal). Expected outcomes are values; an AppError is raised where a caller (HTTP route, CLI
 * command) needs an error, and is mapped to a status or exit code in one place.
 */
import type { ErrorDetail, LocalizedText } from "../vocabulary/index.js";

export type { ErrorDetail };

/** One registered code: its HTTP status, what it tells a person, and when it is answered (docs). */
export interface ErrorSpec extends LocalizedText {
  readonly status: 400 | 401 | 403 | 404 | 405 | 406 | 408 | 409 | 413 | 415 | 422 | 429 | 431 | 500 | 503;
  readonly when: string;
}

/** Input problems found by the calendar and schedule engines (they carry these codes themselves). */
const ENGINE_INPUT = (zh: string, en: string, when: string): ErrorSpec => ({ status: 400, zh, en, when });
const RULE = (zh: string, en: string, when: string): ErrorSpec => ({ status: 422, zh, en, when });

/** Every error code, with status and message. Add a code here before answering it. */
export const ERRORS = {
  VALIDATION: {
    status: 400,
    zh: "输入有误，请检查标出的字段",
    en: "The input is invalid; check the fields named",
    when: "malformed JSON, wrong types, missing or unknown fields, strings too long or not well-formed Unicode, bad query parameters; `details` names each field (`body.duration`, `querystring.sort`)",
  },
  BAD_REQUEST: {
    status: 400,
    zh: "请求格式有误",
    en: "The request is malformed",
    when: "another malformed request the server cannot read",
  },
  BAD_CALENDAR: ENGINE_INPUT(
    "工作日历设置有误",
    "The working calendar is invalid",
    "a calendar override or weekend rule cannot be read",
  ),
  BAD_DATE: ENGINE_INPUT(
    "日期有误，应为 YYYY-MM-DD 格式的真实日期",
    "A date is not a real date YYYY-MM-DD",
    "a date of a schedule file or calendar is not a real date",
  ),
  DATE_OUT_OF_RANGE: ENGINE_INPUT(
    "日期超出支持范围",
    "A date is out of the supported range",
    "a date before 0001-01-01 or after 9999-12-31, or too far from the project",
  ),
  BAD_FILE: ENGINE_INPUT(
    "文件内容有误",
    "The file is invalid",
    "a schedule file that is not the documented JSON object",
  ),
  BAD_ID: ENGINE_INPUT(
    "任务编号有误",
    "A task id is invalid",
    "a schedule file's task id is empty or not text",
  ),
  DUPLICATE_ID: ENGINE_INPUT(
    "任务编号重复",
    "A task id is used twice",
    "two tasks of a schedule file share an id",
  ),
  UNKNOWN_TASK: ENGINE_INPUT(
    "引用了不存在的任务",
    "A task that does not exist is named",
    "a dependency or parent names a task the file does not have",
  ),
  BAD_DURATION: ENGINE_INPUT(
    "工期有误，应为不小于 0 的整数个工作日",
    "A duration must be a whole number of working days, 0 or more",
    "a negative, fractional or missing duration of a leaf task",
  ),
  BAD_LAG: ENGINE_INPUT(
    "间隔有误，应为整数个工作日",
    "A lag must be a whole number of working days",
    "a fractional or non-numeric lag",
  ),
  BAD_TYPE: ENGINE_INPUT(
    "前置关系类型有误，应为 FS、SS、FF 或 SF",
    "A dependency type must be FS, SS, FF or SF",
    "an unknown dependency type",
  ),
  BAD_PERCENT: ENGINE_INPUT(
    "完成率有误，应在 0 到 100 之间",
    "A percent complete must be between 0 and 100",
    "a percent outside 0–100",
  ),
  DEADLINE_BEFORE_START: ENGINE_INPUT(
    "截止日期早于开始日期",
    "A deadline lies before the start",
    "a deadline before the project start",
  ),
  END_BEFORE_START: ENGINE_INPUT(
    "结束日期早于开始日期",
    "An end lies before its start",
    "an actual finish before the actual start, a project deadline before its start",
  ),
  CYCLE: ENGINE_INPUT(
    "前置任务形成了循环",
    "The dependencies form a cycle",
    "dependencies that form a cycle; the message names the tasks on it",
  ),
  PARENT_CYCLE: ENGINE_INPUT(
    "上级任务形成了循环",
    "The parent tasks form a cycle",
    "summary tasks that contain each other",
  ),
  UNAUTHENTICATED: {
    status: 401,
    zh: "请先登录",
    en: "Sign in first",
    when: "no session cookie or API token, or one that is unknown, expired or revoked",
  },
  BAD_LOGIN: {
    status: 401,
    zh: "用户名或密码错误，或账号已停用",
    en: "Wrong username or password, or the account is disabled",
    when: "wrong username or password, or a disabled account (the answer does not say which)",
  },
  FORBIDDEN: {
    status: 403,
    zh: "您无权进行此操作",
    en: "You may not do this",
    when: "the caller's role may not use the route (see `src/http/policy.ts`), or the record lies outside the caller's task forces or the API token's task force",
  },
  REBASELINE_NEEDS_SUPERVISOR: {
    status: 403,
    zh: "计划已有基线，重新确定基线须由督查室批准",
    en: "The plan already has a baseline; a new one needs the supervision office",
    when: "a task force's lead approving a second or later baseline (only a supervisor or an admin, not limited to one task force, may re-baseline)",
  },
  BASELINE_APPROVED_MEANWHILE: {
    status: 409,
    zh: "这一版基线已由他人批准，请重新查看计划的变化后再批准",
    en: "Someone else approved this baseline meanwhile; review the plan's changes again before approving",
    when: "a plan approval whose `number` is not the next baseline's any more: another approval landed since the preview; nothing was written",
  },
  LEDGER_PROBLEMS: {
    status: 422,
    zh: "台账有问题，未导入任何数据",
    en: "The ledger has problems; nothing was imported",
    when: "an import (not a dry run) of a workbook with problems; `details` names each by `sheet!cell` with its message key",
  },
  CSRF: {
    status: 403,
    zh: "页面已过期，请刷新后重试",
    en: "The page is out of date; reload it and try again",
    when: "a cookie-authenticated write without the session's `X-CSRF-Token`",
  },
  BAD_PASSWORD: {
    status: 403,
    zh: "当前密码错误",
    en: "The current password is wrong",
    when: "the current password given to change one's own password is wrong",
  },
  SELF_VERIFICATION: {
    status: 403,
    zh: "责任人不能为自己的整改销号",
    en: "The responsible person cannot sign off their own rectification",
    when: "the responsible person tried to sign off (销号) their own rectification",
  },
  SELF_DECISION: {
    status: 403,
    zh: "不能审批本人提出的延期申请",
    en: "You cannot decide an extension request you filed",
    when: "the one who filed a 延期申请 tried to approve or reject it (another lead or the supervision office decides)",
  },
  COMPLETION_REVIEWER: {
    status: 403,
    zh: "只有该专班的牵头人或督查室可以确认或退回任务的完成情况",
    en: "Only a lead of the task's task force or the supervision office may confirm or send back its completion",
    when: "a completion review (`confirm-completion`, `return-completion`) by someone who does not lead the task's task force and is neither a supervisor nor an admin",
  },
  SELF_CONFIRMATION: {
    status: 403,
    zh: "责任人不能确认本人报告的完成情况",
    en: "The responsible person cannot confirm their own completion",
    when: "the task's responsible person tried to confirm its completion (another lead or the supervision office confirms; sending it back is allowed)",
  },
  SELF_DEMOTION: {
    status: 403,
    zh: "不能移除或降低自己在专班中的牵头身份",
    en: "You cannot remove or demote your own lead membership",
    when: "a non-admin tried to remove or demote their own (last) lead membership of a task force",
  },
  NOT_FOUND: {
    status: 404,
    zh: "找不到该记录",
    en: "No such record",
    when: "unknown id or route, or a record the caller may not know of",
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    zh: "不支持该请求方法",
    en: "This method is not allowed here",
    when: "a method the route does not serve",
  },
  NOT_ACCEPTABLE: {
    status: 406,
    zh: "无法提供所要求的格式",
    en: "The requested format cannot be given",
    when: "an `Accept` header the route cannot satisfy",
  },
  CONFLICT: {
    status: 409,
    zh: "与现有数据冲突",
    en: "The change conflicts with the data",
    when: "a change that conflicts with the stored data in another way",
  },
  STALE_VERSION: {
    status: 409,
    zh: "该记录已被他人修改，请刷新后重新修改",
    en: "Someone else changed this record; reload it and reapply your change",
    when: "the `version` sent is not the record's current one; nothing was changed — reload and reapply",
  },
  DUPLICATE: {
    status: 409,
    zh: "该值已被使用",
    en: "This value is already taken",
    when: "a unique value is taken (WBS code in a task force, org-unit code, username …)",
  },
  STILL_REFERENCED: {
    status: 409,
    zh: "仍有其他记录引用它，不能删除",
    en: "Other records still refer to it, so it cannot be deleted",
    when: "delete refused; `details` lists each kind of record and field that refers to it",
  },
  REFERENCE: {
    status: 409,
    zh: "此修改会破坏记录之间的引用",
    en: "The change would break a reference between records",
    when: "a concurrent change removed a record this one refers to",
  },
  EXTENSION_PENDING: {
    status: 409,
    zh: "该任务已有待审批的延期申请",
    en: "The task already has a pending extension request",
    when: "a second 延期申请 for a task while one is pending; nothing was written",
  },
  EXTENSION_DECIDED: {
    status: 409,
    zh: "该延期申请已处理，不能再审批或撤回",
    en: "The extension request is no longer pending",
    when: "approving, rejecting or withdrawing a 延期申请 already approved, rejected or withdrawn",
  },
  OUTBOX_NOT_DEAD: {
    status: 409,
    zh: "只有投递失败（死信）的通知可以重试",
    en: "Only a dead (undeliverable) notification can be retried",
    when: "retrying a delivery of the outbox that is pending or already sent; nothing was changed",
  },
  NOT_CLAIMED: {
    status: 409,
    zh: "该任务没有待确认的完成情况",
    en: "The task has no completion awaiting review",
    when: "confirming or sending back the completion of a task that is not claimed (not reported 100 %, or already confirmed or sent back); nothing was changed",
  },
  BAD_TRANSITION: {
    status: 409,
    zh: "督办单当前状态下不能进行此操作",
    en: "This action is not allowed in the supervision item's state",
    when: "a supervision action not allowed from the item's state",
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    zh: "内容过大",
    en: "The body is too large",
    when: "body over 1 MiB (an attachment: over 10 MiB); the message names the limit in bytes",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: "不支持该文件类型",
    en: "This type of content is not accepted",
    when: "a body that is not JSON (an attachment: a type that cannot be evidence; the message names it)",
  },
  UNPROCESSABLE: RULE(
    "无法处理该修改",
    "The change cannot be made",
    "a well-formed change that breaks a rule not listed below",
  ),
  MISSING_REFERENCE: RULE(
    "引用的记录不存在",
    "A referenced record does not exist",
    "a field names a record that does not exist; `details.path` is the field",
  ),
  LAST_LEAD: RULE(
    "专班至少要保留一名牵头人",
    "A task force keeps at least one lead",
    "removing a task force's last `lead` member, or changing that member's role",
  ),
  BAD_EVIDENCE: RULE(
    "佐证材料不属于该任务",
    "An evidence file does not belong to this task",
    "a progress report's `evidence` names an attachment that does not exist or was uploaded for another task; `details.path` is `evidence.<index>`",
  ),
  DEPENDENCY_CYCLE: RULE(
    "前置任务会形成循环",
    "The dependency would close a cycle",
    "a dependency that would close a cycle; the message names it",
  ),
  DEPENDENCY_RULE: RULE(
    "前置任务设置有误",
    "The dependency breaks a rule",
    "a task depending on itself, or on a task of another task force",
  ),
  TASK_RULE: RULE(
    "任务设置有误",
    "The task breaks a rule",
    "dates in the wrong order, or a parent task of another task force",
  ),
  TREE_CYCLE: RULE(
    "不能放在自身或其下级之下",
    "A record cannot be placed under itself or its descendants",
    "a parent that would make a record its own ancestor (WBS, goals, org units)",
  ),
  IMMUTABLE_FIELD: RULE(
    "该字段创建后不能修改",
    "This field cannot be changed after creation",
    "a change to a field fixed at creation (a task's task force …)",
  ),
  INDICATOR_RULE: RULE(
    "指标所属任务须在同一专班",
    "An indicator's task must belong to its task force",
    "an indicator naming a task of another task force",
  ),
  REPORT_RULE: RULE(
    "进展报告不合常理",
    "The progress report is not plausible",
    "a report dated after the status date (plus the grace of the `plausibility` setting) or before its task force's start, without text or evidence, or with less progress than an earlier report",
  ),
  READING_RULE: RULE(
    "实际值不合常理，请核实或在备注中说明",
    "The actual is not plausible; check it, or confirm it with a note",
    "an actual for a month that has not begun, or far outside the span of its target and the last actual (the `plausibility` setting's band) without a confirming note",
  ),
  UNSCHEDULABLE: RULE(
    "修改后计划无法排期",
    "The change would leave the plan impossible to schedule",
    "a task, dependency or task-force date that would leave the task force's plan impossible to schedule (e.g. a deadline before its start); `details` give the scheduler's reason by WBS code",
  ),
  SUPERVISION_RULE: RULE(
    "督办单所属任务须在同一专班",
    "A supervision item's task must belong to its task force",
    "a supervision item naming a task of another task force",
  ),
  COMMENT_RULE: RULE(
    "意见所属任务或督办单须在同一专班",
    "A comment's task or item must belong to its task force",
    "a comment naming a task or supervision item of another task force",
  ),
  EXTENSION_RULE: RULE(
    "延期申请不符合规则",
    "The extension request breaks a rule",
    "a 延期申请 for a done task, or asking for a deadline not after the task's current one (its late finish when it has none); `details` name the field",
  ),
  CHASE_RULE: RULE(
    "无法催办",
    "This chase cannot be sent",
    "a 催办 by hand to someone outside the subject's chain, about a finished task or closed item, without an owner to chase, or a second one to the same person about the same subject on the same day",
  ),
  SCHEDULE_INPUT: RULE(
    "计划无法排期",
    "The plan cannot be scheduled",
    "an explicit schedule run cannot place the plan; `details` name the task (by WBS code) and field with the engine's reason (`BAD_DATE`, `DEADLINE_BEFORE_START`, `END_BEFORE_START`, …)",
  ),
  RATE_LIMITED: {
    status: 429,
    zh: "尝试次数过多，请稍后再试",
    en: "Too many attempts; try again later",
    when: "ten failed logins for the account (or fifty for the address) within 15 minutes; each attempt is counted atomically before its password is checked, so however many race, at most ten passwords per account are checked",
  },
  INTERNAL: {
    status: 500,
    zh: "服务器内部错误，详情见服务器日志",
    en: "Internal error; the server log has the details",
    when: "a bug; the message says to look in the server log",
  },
  REQUEST_TIMEOUT: {
    status: 408,
    zh: "请求超时",
    en: "The request took too long to arrive",
    when: "the request's headers and body did not arrive within 2 minutes; the connection closes",
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    zh: "请求头过大",
    en: "The request's headers are too large",
    when: "request headers over Node's limit (16 KiB); the connection closes",
  },
  MALFORMED_REQUEST: {
    status: 400,
    zh: "请求格式错误",
    en: "The request is malformed",
    when: "an HTTP request the server cannot parse (a bad Content-Length, a broken request line), or a path parameter over 100 characters",
  },
  UNAVAILABLE: {
    status: 503,
    zh: "服务繁忙，请稍后重试",
    en: "The service is busy; try again shortly",
    when: "a write kept colliding with concurrent writes (a database deadlock or serialization failure) after retries",
  },
} as const satisfies Record<string, ErrorSpec>;

/** A registered error code. */
export type ErrorCode = keyof typeof ERRORS;

/** Whether `code` is a registered error code. */
export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERRORS, code);

/** An error a person or client is meant to see: a registered code, a specific message, details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ErrorSpec["status"];
  readonly details: readonly ErrorDetail[];

  /** `message` says what is wrong here (the registry's text when omitted). */
  constructor(code: ErrorCode, message?: string, details: readonly ErrorDetail[] = []) {
    super(message ?? ERRORS[code].en);
    this.name = "AppError";
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** The errors table of docs/api.md, made from the registry (a test keeps the two equal). */
export function errorTableMarkdown(): string {
  const rows = Object.entries(ERRORS)
    .sort(([a, x], [b, y]) => x.status - y.status || (a < b ? -1 : 1))
    .map(([code, e]) => `| ${e.status} | \`${code}\` | ${e.zh} / ${e.en} | ${e.when} |`);
  return ["| status | code | message (zh-CN / en) | when |", "|---|---|---|---|", ...rows].join("\n");
}
