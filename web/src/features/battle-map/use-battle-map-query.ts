/**
 * Hook: fetches `GET /api/v1/battle-map` with react-query (the whole district once; the filters
 * of the page apply on the client, instantly).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { get } from "../../api/client";
import type { BattleMapData } from "./types";

/** Query key of the battle map. */
export const BATTLE_MAP_QUERY_KEY = ["battle-map"] as const;

/**
 * The battle map of every task force the caller may see, with up to two baselines (by number) to
 * draw beside the current plan. While another choice of baselines loads, the previous map stays.
 */
export function useBattleMapQuery(baselines: readonly number[] = []) {
  const compare = baselines.join(",");
  return useQuery({
    queryKey: compare ? [...BATTLE_MAP_QUERY_KEY, compare] : BATTLE_MAP_QUERY_KEY,
    queryFn: () => get<BattleMapData>(compare ? `/battle-map?baselines=${compare}` : "/battle-map"),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}
