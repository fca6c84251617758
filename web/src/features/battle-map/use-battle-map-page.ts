/**
 * Hook: the state and data of the battle-map page — the map, the names for the filters, the
 * filter and zoom state, and the navigation to a task.
 */
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { get } from "../../api/client";
import { buildFilterOptions, type FilterOptions, taskPath } from "./filter-options";
import type { BattleMapFilter, Lang, LightColor, Zoom } from "./types";
import { useBattleMapQuery } from "./use-battle-map-query";

interface Page<T> {
  readonly items: readonly T[];
}

function useNames(path: string): ReadonlyMap<string, string> {
  const q = useQuery({
    queryKey: ["names", path],
    queryFn: () => get<Page<{ id: string; name: string }>>(`/${path}?limit=1000`),
    staleTime: 300_000,
  });
  return useMemo(() => new Map((q.data?.items ?? []).map((r) => [r.id, r.name])), [q.data]);
}

/** Filter state as the page edits it. */
export interface PageFilter {
  taskForceIds: string[];
  responsibleUnitId: string | null;
  responsiblePersonId: string | null;
  lights: LightColor[];
  criticalOnly: boolean;
}

const INITIAL: PageFilter = {
  taskForceIds: [],
  responsibleUnitId: null,
  responsiblePersonId: null,
  lights: [],
  criticalOnly: false,
};

/** Everything the battle-map page renders. */
export function useBattleMapPage(lang: Lang) {
  const query = useBattleMapQuery();
  const units = useNames("org-units");
  const persons = useNames("persons");
  const navigate = useNavigate();
  const [zoom, setZoom] = useState<Zoom>("month");
  const [filter, setFilterState] = useState<PageFilter>(INITIAL);
  const setFilter = useCallback(
    (patch: Partial<PageFilter>) => setFilterState((prev) => ({ ...prev, ...patch })),
    [],
  );
  const reset = useCallback(() => setFilterState(INITIAL), []);
  const mapFilter: BattleMapFilter = filter;
  const options: FilterOptions | null = useMemo(
    () => (query.data ? buildFilterOptions(query.data, units, persons, lang) : null),
    [query.data, units, persons, lang],
  );
  const openTask = useCallback(
    (taskId: string) => {
      const path = query.data ? taskPath(query.data, taskId) : null;
      if (path) navigate(path);
    },
    [query.data, navigate],
  );
  return { query, zoom, setZoom, filter, setFilter, reset, mapFilter, options, openTask };
}
