/**
 * Between the splitting dialogs and the API: the bodies their values make, where each refusal of
 * the API belongs in them, and the rows of a monthly plan's preview. Pure, so it is tested alone.
 */
import type {
  MONTHLY_SPLIT_METHODS,
  MonthlySplitRequest,
  SplitRequest,
  TARGET_SPLIT_METHODS,
} from "../../../../src/shared/api/cascade";
import type { ApiErrorDetail } from "../../api/client";

export type TargetSplitMethod = (typeof TARGET_SPLIT_METHODS)[number];
export type MonthlySplitMethod = (typeof MONTHLY_SPLIT_METHODS)[number];

/** What the 分解目标 dialog holds: a method, optional decimals, a share per child (by its place). */
export interface SplitValues {
  readonly method: TargetSplitMethod;
  readonly decimals?: number | null;
  readonly shares?: readonly (number | null | undefined)[];
}

/** What the 分解月度计划 dialog holds: a method, optional decimals, twelve typed monthly amounts. */
export interface MonthlyValues {
  readonly method: MonthlySplitMethod;
  readonly decimals?: number | null;
  readonly monthly?: readonly (number | null | undefined)[];
}

const given = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * The split request of the dialog's values over the shares at the versions shown: every share with
 * its version, and its typed number when splitting by shares (a blank one is left out, and refused
 * beside its field by the API).
 */
export function splitBody(
  values: SplitValues,
  children: readonly { readonly indicatorId: string; readonly version: number }[],
  dryRun: boolean,
): SplitRequest {
  return {
    method: values.method,
    children: children.map((c, k) => {
      const share = values.shares?.[k];
      return values.method === "shares" && given(share)
        ? { id: c.indicatorId, version: c.version, share }
        : { id: c.indicatorId, version: c.version };
    }),
    ...(given(values.decimals) ? { decimals: values.decimals } : {}),
    dryRun,
  };
}

/** The monthly split request of the dialog's values, at the indicator's version shown. */
export function monthlyBody(values: MonthlyValues, version: number, dryRun: boolean): MonthlySplitRequest {
  // Twelve numbers or none: a blank month is 0 when the others are typed (a month with nothing planned).
  const typed = values.monthly ?? [];
  const monthly =
    values.method === "profile" && typed.some(given)
      ? Array.from({ length: 12 }, (_, k) => (given(typed[k]) ? typed[k] : 0))
      : undefined;
  return {
    method: values.method,
    ...(monthly ? { monthly } : {}),
    version,
    ...(given(values.decimals) ? { decimals: values.decimals } : {}),
    dryRun,
  };
}

/**
 * The dialog's field a refusal's path names: `children.2.share` or `children.2.id` → `shares.2` (the
 * share's row), `monthly.3` → `monthly.3`, `monthly` → `monthly`, `method`, `decimals`; with or
 * without the API's `body.` prefix. Null for a path no field holds (`children`, `version`).
 */
export function fieldOfPath(path: string): string | null {
  const p = path.replace(/^body\.?/, "").replace(/\[(\d+)\]/g, ".$1");
  const child = /^children\.(\d+)\.(share|id)$/.exec(p);
  if (child) return `shares.${child[1]}`;
  if (/^monthly(\.\d+)?$/.test(p)) return p;
  if (p === "method" || p === "decimals") return p;
  return null;
}

/** Refusals grouped by the field that shows them (messages made by `message`), and the rest. */
export function placeRefusal(
  details: readonly ApiErrorDetail[],
  message: (d: ApiErrorDetail) => string,
): { readonly fields: Readonly<Record<string, string[]>>; readonly unplaced: ApiErrorDetail[] } {
  const fields: Record<string, string[]> = {};
  const unplaced: ApiErrorDetail[] = [];
  for (const d of details) {
    const field = fieldOfPath(d.path);
    if (!field) {
      unplaced.push(d);
      continue;
    }
    fields[field] ??= [];
    fields[field].push(message(d));
  }
  return { fields, unplaced };
}

/** One month of a monthly plan's preview. */
export interface MonthRow {
  /** `YYYY-MM`. */
  readonly period: string;
  /** 1…12. */
  readonly month: number;
  /** The plan to date before, if it had one. */
  readonly before: number | null;
  /** The plan to date after. */
  readonly after: number;
  /** What the month itself adds after (this month's plan to date less last month's). */
  readonly monthly: number;
}

/** The twelve months of `year` with the plan to date before and after, and each month's own amount. */
export function monthRows(
  year: number,
  before: Readonly<Record<string, number>> | null,
  after: Readonly<Record<string, number>>,
): MonthRow[] {
  let last = 0;
  return Array.from({ length: 12 }, (_, k) => {
    const period = `${year}-${String(k + 1).padStart(2, "0")}`;
    const value = after[period] ?? last;
    const row = {
      period,
      month: k + 1,
      before: before?.[period] ?? null,
      after: value,
      monthly: Math.round((value - last) * 1e6) / 1e6,
    };
    last = value;
    return row;
  });
}

/** Whether a total meets its target (to a millionth: the API rounds to six decimals). */
export const meetsTarget = (total: number, target: number) => Math.abs(total - target) < 1e-6;

/** How many decimals a number is written with (`12.5` → 1, `20` → 0). */
export function decimalsOf(v: number): number {
  const s = String(Math.round(v * 1e4) / 1e4);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * The decimals a monthly plan is proposed with: as many as the target or its present plan use
 * (a plan kept to 0.1 stays so), at most four.
 */
export function planDecimals(target: number, plan: Readonly<Record<string, number>> | null): number {
  return Math.min(4, Math.max(decimalsOf(target), ...Object.values(plan ?? {}).map(decimalsOf)));
}
