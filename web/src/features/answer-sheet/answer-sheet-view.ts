/**
 * How the answer sheet (交卷) reads on its printed page: where it is fetched and downloaded from,
 * numbers as the page shows them, and the months an indicator turned. Pure (tested).
 */
import type { AnswerSheetIndicator } from "../../../../src/shared/api/answer-sheet";

/** A translate function (i18next's `t`). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Which sheet: a task force's (by id) or the district's; at a status date (default: the organisation's). */
export interface SheetTarget {
  readonly taskForceId: string | null;
  readonly statusDate: string | null;
}

const query = (statusDate: string | null, extra = "") => {
  const q = [statusDate ? `statusDate=${encodeURIComponent(statusDate)}` : "", extra].filter(Boolean);
  return q.length ? `?${q.join("&")}` : "";
};
const base = (t: SheetTarget) =>
  t.taskForceId ? `/task-forces/${encodeURIComponent(t.taskForceId)}/answer-sheet` : "/answer-sheet";

/** The API path of the sheet's JSON (under `/api/v1`). */
export const sheetPath = (t: SheetTarget): string => `${base(t)}${query(t.statusDate)}`;

/** The href of the sheet's workbook, in the page's language. */
export const xlsxHref = (t: SheetTarget, lang: "zh" | "en"): string =>
  `/api/v1${base(t)}.xlsx${query(t.statusDate, `lang=${lang}`)}`;

/** The printed page of a task force's sheet, or the district's. */
export const printPath = (taskForceId?: string | null): string =>
  taskForceId ? `/print/answer-sheet?taskForce=${encodeURIComponent(taskForceId)}` : "/print/answer-sheet";

/** A number as the page shows it: at most two decimals; null as a dash. */
export function num(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return String(Math.round(n * 100) / 100);
}

/** A percentage (already in %) with its sign: `62.41%`; null as a dash. */
export const percent = (n: number | null | undefined): string => (num(n) === "—" ? "—" : `${num(n)}%`);

/** A ratio in [0, 1] as a percentage: `0.5` → `50%`. */
export const ratioPercent = (r: number | null | undefined): string =>
  r === null || r === undefined ? "—" : percent(r * 100);

/** Each month an indicator turned, as `2022-05 止跌` (in the page's words). */
export function turnLines(i: Pick<AnswerSheetIndicator, "turns">, t: Translate): string[] {
  return i.turns.map((x) => `${x.period} ${t(`trend.${x.stage}`)}`);
}
