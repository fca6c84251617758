/** Hook: the dispatch report at a status date (the organisation's by default) for one or all task forces. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { fetchDispatchReport } from "../../api/data";

/** The report and its round picker state, kept in the URL (`?date=&tf=`) so a report can be linked. */
export function useDispatchReport() {
  const [params, setParams] = useSearchParams();
  const statusDate = params.get("date") || undefined;
  const taskForceId = params.get("tf") || undefined;
  const query = useQuery({
    queryKey: ["dispatch-report", statusDate ?? "", taskForceId ?? ""],
    queryFn: () => fetchDispatchReport({ statusDate, taskForceId }),
    placeholderData: keepPreviousData,
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
    query,
    statusDate,
    taskForceId,
    setDate: (date: string | null) => set({ date }),
    setTaskForce: (tf: string | null) => set({ tf }),
  };
}
