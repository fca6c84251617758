/** Typed calls of the indicator cascade (层层衔接) and its splitting tools. */
import type {
  CascadeView,
  MonthlySplitRequest,
  MonthlySplitResult,
  SplitRequest,
  SplitResult,
} from "../../../../src/shared/api/cascade";
import { get, post } from "../../api/client";
import { query } from "../../api/data";
import type { Page, Task } from "../../api/types";

const path = (id: string) => `/indicators/${encodeURIComponent(id)}`;

/** The whole cascade an indicator belongs to, from its top indicator down, at a status date. */
export const fetchCascade = (id: string, statusDate?: string) =>
  get<CascadeView>(`${path(id)}/cascade${query({ statusDate })}`);

/** Splits (or, with `dryRun`, previews splitting) an indicator's target among its shares. */
export const postSplit = (id: string, body: SplitRequest) => post<SplitResult>(`${path(id)}/split`, body);

/** Spreads (or previews spreading) a cumulative indicator's target over the months. */
export const postMonthlySplit = (id: string, body: MonthlySplitRequest) =>
  post<MonthlySplitResult>(`${path(id)}/monthly-split`, body);

/**
 * The tasks behind a cascade: those linked to its indicators, and those of its task forces (an
 * indicator may name its task instead of being linked). Only what the caller reads comes back.
 */
export async function fetchCascadeTasks(indicatorIds: readonly string[], taskForceIds: readonly string[]) {
  const list = (filter: Record<string, string>) =>
    get<Page<Task>>(`/tasks${query({ limit: 1000, sort: "code", ...filter })}`);
  const [linked, own] = await Promise.all([
    indicatorIds.length ? list({ indicatorIds: indicatorIds.join(",") }) : undefined,
    taskForceIds.length ? list({ taskForceId: taskForceIds.join(",") }) : undefined,
  ]);
  const byId = new Map<string, Task>();
  for (const t of [...(linked?.items ?? []), ...(own?.items ?? [])]) byId.set(t.id, t);
  return byId;
}
