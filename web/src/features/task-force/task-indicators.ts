/**
 * Tasks ↔ indicators (支撑指标 / 支撑任务): which indicators a task of a task force may advance, the
 * tasks behind an indicator, and a refusal of `indicatorIds` named by indicator. Pure, so tested
 * without a browser; the server keeps the rule (422 TASK_RULE at `indicatorIds.<k>`).
 */
import { detailField } from "../../../../src/shared/field-labels";
import type { ErrorDetail } from "../../../../src/vocabulary/index";
import { ApiError } from "../../api/client";

/** What names an indicator in a choice or a list. */
export interface IndicatorChoice {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  /** Null: district level. */
  readonly taskForceId: string | null;
}

/** Codes in natural order: ZB01-2 before ZB01-10. */
const byCode = (a: { code: string }, b: { code: string }) =>
  a.code.localeCompare(b.code, "en", { numeric: true });

/** An indicator as a choice's label: "ZB01-3 重大项目完成投资". */
export const indicatorLabel = (i: { code: string; name: string }) => `${i.code} ${i.name}`;

/**
 * The choices of a task of `taskForceId`: its task force's own indicators, then the district-level
 * ones, each group by code; ids already linked stay choosable even when they no longer belong
 * (so the field can show them and the server can say why).
 */
export function indicatorChoices(
  indicators: readonly IndicatorChoice[],
  taskForceId: string,
  linked: readonly string[] = [],
): { own: IndicatorChoice[]; district: IndicatorChoice[]; other: IndicatorChoice[] } {
  const keep = new Set(linked);
  const own = indicators.filter((i) => i.taskForceId === taskForceId).sort(byCode);
  const district = indicators.filter((i) => i.taskForceId === null).sort(byCode);
  const other = indicators
    .filter((i) => i.taskForceId !== null && i.taskForceId !== taskForceId && keep.has(i.id))
    .sort(byCode);
  return { own, district, other };
}

/** A task as far as its links are concerned. */
export interface LinkedTask {
  readonly id: string;
  readonly code: string;
  readonly indicatorIds: readonly string[];
}

/** The tasks behind an indicator: those that name it, and the one it names itself (`taskId`), in WBS order. */
export function tasksBehind<T extends LinkedTask>(
  indicator: { readonly id: string; readonly taskId: string | null },
  tasks: readonly T[],
): T[] {
  return tasks
    .filter((t) => t.indicatorIds.includes(indicator.id) || t.id === indicator.taskId)
    .sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
}

/**
 * The refusals of a write about `indicatorIds`, each naming the indicator it is about: detail
 * `indicatorIds.1` is about the second id sent. `message` words a detail in the UI's language.
 */
export function indicatorRefusals(
  error: unknown,
  sent: readonly string[],
  labelOf: (id: string) => string,
  message: (d: ErrorDetail) => string,
): string[] {
  if (!(error instanceof ApiError)) return [];
  const out: string[] = [];
  for (const d of error.details) {
    if (detailField(d.path).field !== "indicatorIds") continue;
    const k = /indicatorIds\.(\d+)/.exec(d.path)?.[1];
    const id = k === undefined ? undefined : sent[Number(k)];
    out.push(id ? `${labelOf(id)}：${message(d)}` : message(d));
  }
  return out;
}

/** Whether every detail of a refusal is about `indicatorIds` (all then shown beside that field). */
export function onlyAboutIndicators(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.details.length > 0 &&
    error.details.every((d) => detailField(d.path).field === "indicatorIds")
  );
}
