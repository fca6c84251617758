/** Hook: the dispatch report at a status date (the organisation's by default) for one or all task forces. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { fetchDispatchReport, fetchDispatchSummary } from "../../api/data";
import { LARGE_ORGANISATION, useOverviewSummary } from "../../hooks/use-data";

/** Task forces per page of a large organisation's report. */
export const DISPATCH_PAGE = 50;

/**
 * The report and its round picker state, kept in the URL (`?date=&tf=`) so a report can be linked.
 * For all task forces of a large organisation (or with `?summary=1`) the summary instead, its task
 * forces' counts a page at a time; one task force's report is always whole.
 */
export function useDispatchReport() {
  const [params, setParams] = useSearchParams();
  const statusDate = params.get("date") || undefined;
  const taskForceId = params.get("tf") || undefined;
  const [page, setPage] = useState(1);
  // The organisation's size, from the summary every page already holds (the status date's).
  const size = useOverviewSummary();
  const known = !!size.data || size.isError;
  const large =
    !taskForceId && (params.get("summary") === "1" || (size.data?.taskForceCount ?? 0) > LARGE_ORGANISATION);
  const full = useQuery({
    queryKey: ["dispatch-report", statusDate ?? "", taskForceId ?? ""],
    queryFn: () => fetchDispatchReport({ statusDate, taskForceId }),
    placeholderData: keepPreviousData,
    enabled: !large && (known || !!taskForceId),
  });
  const summary = useQuery({
    queryKey: ["dispatch-report", "summary", statusDate ?? "", page],
    queryFn: () =>
      fetchDispatchSummary({ statusDate, limit: DISPATCH_PAGE, offset: (page - 1) * DISPATCH_PAGE }),
    placeholderData: keepPreviousData,
    enabled: large,
  });

  const set = (next: { date?: string | null; tf?: string | null }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined) continue;
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  return {
    large,
    full,
    summary,
    page,
    setPage,
    statusDate,
    taskForceId,
    setDate: (date: string | null) => set({ date }),
    setTaskForce: (tf: string | null) => set({ tf }),
  };
}
