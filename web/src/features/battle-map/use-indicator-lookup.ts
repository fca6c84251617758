/**
 * Hook: the indicators the user may read, by id, with their lights at the status date, for the
 * battle map's tooltips. A whole map reads them from `GET /indicator-cascades` (district-level ones
 * too). A map drawn from its outline reads only those of the task forces opened
 * (`GET /overview/indicators?taskForceId=`): a province's cascades are 12 MB.
 */
import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchOverviewIndicators } from "../../api/data";
import { useIndicatorCascades } from "../overview/use-indicator-cascades";
import type { IndicatorLookup } from "./tooltip";

type Answer = Awaited<ReturnType<typeof fetchOverviewIndicators>>;
/** The opened task forces' indicators so far (the same array while no answer changes). */
const rowsOf = (results: { data?: Answer }[]) => results.flatMap((r) => r.data?.items ?? []);

/** Every readable indicator's code, name and light, by id (of the `opened` task forces, when given). */
export function useIndicatorLookup(opened?: ReadonlySet<string>): IndicatorLookup {
  const cascades = useIndicatorCascades(undefined, opened === undefined);
  const own = useQueries({
    queries: [...(opened ?? [])].map((id) => ({
      queryKey: ["overview", "indicators", id],
      queryFn: () => fetchOverviewIndicators(id),
      staleTime: 15_000,
    })),
    combine: rowsOf,
  });
  return useMemo(
    () =>
      opened === undefined
        ? new Map(
            (cascades.data?.nodes ?? []).map((n) => [
              n.indicatorId,
              { code: n.code, name: n.name, color: n.light },
            ]),
          )
        : new Map(own.map((i) => [i.id, { code: i.code, name: i.name, color: i.progress.light.color }])),
    [opened, cascades.data, own],
  );
}
