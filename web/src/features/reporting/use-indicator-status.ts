/** Hook: how each indicator stands, from the overview the app already loads (no extra request). */
import { useMemo } from "react";
import type { OverviewIndicator } from "../../api/types";
import { useOverview } from "../../hooks/use-data";
import { useStatusDate } from "../../hooks/use-status-date";
import { type IndicatorStatus, indicatorStatus } from "./indicator-status";

/** An indicator's overview entry and its status; both absent until the overview has it. */
export interface IndicatorStanding {
  readonly view?: OverviewIndicator;
  readonly status?: IndicatorStatus;
}

/** The status date's month (`YYYY-MM`) and each indicator's standing, by id. */
export function useIndicatorStandings(): { month: string; of: (id: string) => IndicatorStanding } {
  const overview = useOverview();
  const month = useStatusDate().slice(0, 7);
  return useMemo(() => {
    const byId = new Map((overview.data?.indicators ?? []).map((i) => [i.id, i]));
    return {
      month,
      of: (id: string) => {
        const view = byId.get(id);
        return view ? { view, status: indicatorStatus(view, month) } : {};
      },
    };
  }, [overview.data, month]);
}

/** A value with its unit: `960 户`, but `8.6%` (no space before a percent sign). */
export function withUnit(value: number, unit: string): string {
  return unit === "%" || unit === "‰" || !unit ? `${value}${unit}` : `${value} ${unit}`;
}
