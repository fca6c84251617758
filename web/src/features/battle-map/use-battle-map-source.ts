/**
 * Hook: where the battle-map page's map comes from. A district's map is fetched whole and filtered
 * on the client, instantly. A large organisation's (more than {@link LARGE_ORGANISATION} task
 * forces, or `?outline=1`) would be tens of MB: its outline comes first (task forces, their tasks
 * folded into counts, filtered on the server by unit, person and critical chain), and a task
 * force's tasks are fetched when its row is opened. `?outline=0` forces the whole map.
 */
import {
  keepPreviousData,
  type UseQueryResult,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { get } from "../../api/client";
import { LARGE_ORGANISATION } from "../../hooks/use-data";
import { mergeBattleMaps } from "./merge";
import { outlineQuery, serverFilter } from "./outline-query";
import type { BattleMapData } from "./types";
import type { PageFilter } from "./url-state";
import type { OpenTaskForces } from "./use-battle-map-model";
import { BATTLE_MAP_QUERY_KEY } from "./use-battle-map-query";

/** Task forces named by the task-force filter are opened with it, up to this many. */
const OPEN_WITH_FILTER = 20;

/** The opened task forces' answers so far (same array while none changes), and the first failure. */
const arrivedOf = (results: UseQueryResult<BattleMapData>[]) => ({
  parts: results.flatMap((r) => (r.data ? [r.data] : [])),
  error: results.find((r) => r.error)?.error ?? null,
});

/** What the page draws, and how it loads. */
export interface BattleMapSource {
  readonly data: BattleMapData | undefined;
  readonly isPending: boolean;
  readonly error: Error | null;
  readonly refetch: () => void;
  /** Set when the map is drawn from the outline. */
  readonly open: OpenTaskForces | undefined;
}

/**
 * The map for the page: whole, or outline first (see the module's comment). `force` is the URL's
 * `outline` parameter ("1" outline, "0" whole, null by size).
 */
export function useBattleMapSource(
  baselines: readonly number[],
  filter: PageFilter,
  force: string | null,
): BattleMapSource {
  const compare = baselines.join(",");
  const narrowed = serverFilter(filter);
  const outline = useQuery({
    ...outlineQuery(narrowed),
    placeholderData: keepPreviousData,
    enabled: force !== "0",
  });
  const large =
    force === "1"
      ? true
      : force === "0"
        ? false
        : outline.data
          ? outline.data.taskForces.length > LARGE_ORGANISATION
          : undefined;
  const whole = useQuery({
    queryKey: compare ? [...BATTLE_MAP_QUERY_KEY, compare] : BATTLE_MAP_QUERY_KEY,
    queryFn: () => get<BattleMapData>(compare ? `/battle-map?baselines=${compare}` : "/battle-map"),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
    enabled: large === false,
  });
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const named = filter.taskForceIds.join(",");
  // Naming a few task forces in the filter opens them: their tasks are what the reader asked for.
  useEffect(() => {
    const ids = named ? named.split(",") : [];
    if (ids.length === 0 || ids.length > OPEN_WITH_FILTER) return;
    setOpened((prev) => (ids.every((id) => prev.has(id)) ? prev : new Set([...prev, ...ids])));
  }, [named]);
  const parts = useQueries({
    queries: (large ? [...opened] : []).map((id) => ({
      queryKey: [...BATTLE_MAP_QUERY_KEY, "task-force", id, compare],
      queryFn: () =>
        get<BattleMapData>(
          `/battle-map?taskForceId=${encodeURIComponent(id)}${compare ? `&baselines=${compare}` : ""}`,
        ),
      staleTime: 30_000,
    })),
    combine: arrivedOf,
  });
  const data = useMemo(
    () =>
      large && outline.data
        ? mergeBattleMaps(outline.data, parts.parts)
        : large === false
          ? whole.data
          : undefined,
    [large, outline.data, whole.data, parts.parts],
  );
  const toggle = useCallback(
    (id: string) =>
      setOpened((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const closeAll = useCallback(() => setOpened(new Set()), []);
  const open = useMemo(
    () => (large ? { opened, toggle, closeAll } : undefined),
    [large, opened, toggle, closeAll],
  );
  const client = useQueryClient();
  const refetch = useCallback(() => {
    if (large === false) void whole.refetch();
    else {
      void outline.refetch();
      void client.refetchQueries({ queryKey: [...BATTLE_MAP_QUERY_KEY, "task-force"], type: "active" });
    }
  }, [large, outline, whole, client]);
  return {
    data,
    isPending: data === undefined && !outline.error && !whole.error,
    error: outline.error ?? whole.error ?? parts.error,
    refetch,
    open,
  };
}
