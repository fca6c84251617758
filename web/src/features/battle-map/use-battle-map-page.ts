/**
 * Hook: the state and data of the battle-map page — the map, the names for the filters, the
 * filter and zoom state (kept in the URL: a link or a reload restores them, back/forward step
 * through them), and the navigation to a task.
 */
import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { get } from "../../api/client";
import { buildFilterOptions, type FilterOptions, taskPath } from "./filter-options";
import type { BattleMapFilter, Lang, Zoom } from "./types";
import {
  type BattleMapUrlState,
  battleMapSearch,
  EMPTY_PAGE_FILTER,
  knownFilter,
  type PageFilter,
  parseBattleMapSearch,
} from "./url-state";
import { useBattleMapSource } from "./use-battle-map-source";

export type { PageFilter } from "./url-state";

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

/** Everything the battle-map page renders. */
export function useBattleMapPage(lang: Lang) {
  // Baselines to compare (at most two): a view choice, not a filter, so not kept in the URL.
  const [baselines, setBaselines] = useState<number[]>([]);
  const units = useNames("org-units");
  const persons = useNames("persons");
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // Parsed once per distinct query string, so the map's filter keeps its identity between renders.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `search` is the content of `params`
  const url = useMemo(() => parseBattleMapSearch(params), [search]);
  // `?outline=1|0` forces the outline or the whole map (read once: filters rewrite the URL).
  const [force] = useState(() => params.get("outline"));
  const source = useBattleMapSource(baselines, url.filter, force);
  const query = { ...source, isError: source.error !== null };
  // Each change is a history entry: back restores the previous filter.
  const update = useCallback(
    (next: (prev: BattleMapUrlState) => BattleMapUrlState) =>
      setParams((prev) => battleMapSearch(next(parseBattleMapSearch(prev)))),
    [setParams],
  );
  const setZoom = useCallback((zoom: Zoom) => update((s) => ({ ...s, zoom })), [update]);
  const setFilter = useCallback(
    (patch: Partial<PageFilter>) => update((s) => ({ ...s, filter: { ...s.filter, ...patch } })),
    [update],
  );
  const reset = useCallback(() => update((s) => ({ ...s, filter: EMPTY_PAGE_FILTER })), [update]);
  const options: FilterOptions | null = useMemo(
    () => (query.data ? buildFilterOptions(query.data, units, persons, lang) : null),
    [query.data, units, persons, lang],
  );
  const filter = useMemo(() => (options ? knownFilter(url.filter, options) : url.filter), [url, options]);
  const mapFilter: BattleMapFilter = filter;
  const zoom = url.zoom;
  const openTask = useCallback(
    (taskId: string) => {
      const path = query.data ? taskPath(query.data, taskId) : null;
      if (path) navigate(path);
    },
    [query.data, navigate],
  );
  return {
    query,
    zoom,
    setZoom,
    filter,
    setFilter,
    reset,
    mapFilter,
    options,
    openTask,
    baselines,
    setBaselines: (v: number[]) => setBaselines(v.slice(-2).sort((a, b) => a - b)),
  };
}
