/**
 * Hook: the indicators the user may read, by id, with their lights at the status date (from
 * `GET /indicator-cascades`, which holds district-level ones too), for the battle map's tooltips.
 */
import { useMemo } from "react";
import { useIndicatorCascades } from "../overview/use-indicator-cascades";
import type { IndicatorLookup } from "./tooltip";

/** Every readable indicator's code, name and light, by id. */
export function useIndicatorLookup(): IndicatorLookup {
  const cascades = useIndicatorCascades();
  return useMemo(
    () =>
      new Map(
        (cascades.data?.nodes ?? []).map((n) => [
          n.indicatorId,
          { code: n.code, name: n.name, color: n.light },
        ]),
      ),
    [cascades.data],
  );
}
