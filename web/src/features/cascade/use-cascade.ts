/** Hooks: a cascade (层层衔接) at a status date, the tasks behind it, and the splitting tools. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import {
  type MonthlySplitRequest,
  monthlySplitRequest,
  type SplitRequest,
  splitRequest,
} from "../../../../src/shared/api/cascade";
import { useRefreshAll } from "../../hooks/use-mutations";
import { parseOrThrow } from "../../hooks/validate";
import { fetchCascade, fetchCascadeTasks, postMonthlySplit, postSplit } from "./api";

/** The cascade of indicator `id` at the status date of the address (`?statusDate=`), the organisation's by default. */
export function useCascade(id: string) {
  const [params, setParams] = useSearchParams();
  const statusDate = params.get("statusDate") || undefined;
  const query = useQuery({
    queryKey: ["cascade", id, statusDate ?? ""],
    queryFn: () => fetchCascade(id, statusDate),
    placeholderData: keepPreviousData,
  });
  const setStatusDate = (date: string | null) => {
    const p = new URLSearchParams(params);
    if (date) p.set("statusDate", date);
    else p.delete("statusDate");
    setParams(p, { replace: true });
  };
  return { query, statusDate, setStatusDate };
}

/** The tasks that advance the cascade's indicators, by id (for their WBS codes and task forces). */
export function useCascadeTasks(indicatorIds: readonly string[], taskForceIds: readonly string[]) {
  return useQuery({
    queryKey: ["tasks", "cascade", indicatorIds.join(","), taskForceIds.join(",")],
    queryFn: () => fetchCascadeTasks(indicatorIds, taskForceIds),
    enabled: indicatorIds.length > 0,
    staleTime: 30_000,
  });
}

/** After a saved split: the cascades, and everything a target or a plan feeds (lights, check, overview…). */
function useRefreshCascade() {
  const qc = useQueryClient();
  const refreshAll = useRefreshAll();
  return () => {
    refreshAll();
    void qc.invalidateQueries({ queryKey: ["cascade"] });
  };
}

/**
 * Splits a target among its shares (分解目标), checked with the API's schema first; a preview
 * (`dryRun`) changes nothing, so only a saved split refreshes the views.
 */
export function useSplitTarget(id: string) {
  const refresh = useRefreshCascade();
  return useMutation({
    mutationFn: (body: SplitRequest) => postSplit(id, parseOrThrow(splitRequest, body)),
    onSuccess: (r) => {
      if (r.saved) refresh();
    },
  });
}

/** Spreads a cumulative target over the months (分解月度计划); as {@link useSplitTarget}. */
export function useSplitMonths(id: string) {
  const refresh = useRefreshCascade();
  return useMutation({
    mutationFn: (body: MonthlySplitRequest) => postMonthlySplit(id, parseOrThrow(monthlySplitRequest, body)),
    onSuccess: (r) => {
      if (r.saved) refresh();
    },
  });
}

/** Reloads the cascades after a refused save (409: a share changed meanwhile). */
export function useReloadCascade() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ["cascade"] });
}
