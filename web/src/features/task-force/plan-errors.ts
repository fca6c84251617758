/**
 * Pure explanations of the plan-editing refusals of the API, in the UI language: what still
 * refers to a record (409 STILL_REFERENCED), which tasks a dependency cycle runs through (422
 * DEPENDENCY_CYCLE), whose lead membership a lead rule protects (422 LAST_LEAD, 403 SELF_DEMOTION),
 * and the other rule codes — with task ids replaced by "WBS title".
 */

import { ApiError, type ApiErrorDetail } from "../../api/client";
import { codeMessage, detailLine } from "../../hooks/messages";

/** A translator (i18next's `t`, or a stub in tests). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the UI knows to name records in an error. */
export interface PlanErrorContext {
  /** "01.3.6 标题" for a task id of this task force, undefined for anything else. */
  readonly taskLabel: (id: string) => string | undefined;
  /** Records of this task force that refer by `path` (e.g. `tasks.parentId`), named, when known. */
  readonly examples?: (path: string) => readonly string[];
  /** "01 重大项目建设专班": the task force edited. */
  readonly taskForce?: string;
  /** The person of the membership a refused member edit was about, when known. */
  readonly person?: string;
}

/** An error ready to show: a title and one line per reason. */
export interface PlanErrorView {
  readonly code: string;
  readonly title: string;
  readonly items: readonly string[];
}

/** Referrer paths the UI names in words (`<resource>.<field>` of STILL_REFERENCED details). */
export const KNOWN_REFERRERS = [
  "dependencies.predecessorId",
  "dependencies.successorId",
  "tasks.parentId",
  "indicators.taskId",
  "progress-reports.taskId",
  "attachments.taskId",
  "supervision-items.taskId",
  "comments.taskId",
  "indicator-readings.indicatorId",
] as const;

const ID_TOKEN = /[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z0-9]/g;

/** The message with every task id in it replaced by the task's label. */
export function nameTasks(message: string, ctx: PlanErrorContext): string {
  return message.replace(ID_TOKEN, (tok) => ctx.taskLabel(tok) ?? tok);
}

function referrerLine(d: ApiErrorDetail, ctx: PlanErrorContext, t: Translate): string {
  if (!(KNOWN_REFERRERS as readonly string[]).includes(d.path)) return `${d.path}: ${d.message}`;
  const count = Number.parseInt(d.message, 10);
  const line = t(`plan.refs.${d.path.replace(".", "_")}`, { count: Number.isNaN(count) ? "" : count });
  const named = ctx.examples?.(d.path) ?? [];
  return named.length ? t("plan.refNamed", { line, names: named.join(t("plan.listSep")) }) : line;
}

/** The tasks a cycle runs through, from a detail like `would close a cycle: a → b → a`. */
export function cycleLine(d: ApiErrorDetail, ctx: PlanErrorContext): string {
  const at = d.message.indexOf(":");
  if (at < 0) return nameTasks(d.message, ctx);
  const ids = d.message
    .slice(at + 1)
    .split("→")
    .map((s) => s.trim())
    .filter(Boolean);
  return ids.map((id) => ctx.taskLabel(id) ?? id).join(" → ");
}

/**
 * The explanation of a failed plan edit, or null when there is none to give here (no error, or a
 * 409 STALE_VERSION, which the reload-and-reapply alert explains).
 */
export function explainPlanError(error: unknown, ctx: PlanErrorContext, t: Translate): PlanErrorView | null {
  if (!error) return null;
  if (!(error instanceof ApiError)) {
    const msg = error instanceof Error ? error.message : String(error);
    return { code: "ERROR", title: msg, items: [] };
  }
  if (error.code === "STALE_VERSION") return null;
  const details = error.details;
  switch (error.code) {
    case "STILL_REFERENCED":
      return {
        code: error.code,
        title: t("plan.err.STILL_REFERENCED"),
        items: details.map((d) => referrerLine(d, ctx, t)),
      };
    case "DEPENDENCY_CYCLE":
      return {
        code: error.code,
        title: t("plan.err.DEPENDENCY_CYCLE"),
        items: details.map((d) => cycleLine(d, ctx)),
      };
    case "LAST_LEAD":
    case "SELF_DEMOTION":
      return {
        code: error.code,
        title:
          ctx.person && ctx.taskForce
            ? t(`plan.err.${error.code}`, { person: ctx.person, taskForce: ctx.taskForce })
            : error.message,
        items: [],
      };
    case "DUPLICATE":
      return {
        code: error.code,
        title: t(`plan.err.DUPLICATE_${details[0]?.path ?? ""}`, { defaultValue: t("plan.err.DUPLICATE") }),
        items: details.map((d) => nameTasks(detailLine(d), ctx)),
      };
    default:
      return {
        code: error.code,
        title: t(`plan.err.${error.code}`, {
          defaultValue: codeMessage(error.code, nameTasks(error.message, ctx)),
        }),
        items: details.map((d) => nameTasks(detailLine(d), ctx)),
      };
  }
}
