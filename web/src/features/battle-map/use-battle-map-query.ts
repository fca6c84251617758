/**
 * Hook: fetches `GET /api/v1/battle-map` with react-query (the whole district once; the filters
 * of the page apply on the client, instantly).
 */
import { useQuery } from "@tanstack/react-query";
import { get } from "../../api/client";
import type { BattleMapData } from "./types";

/** Query key of the battle map. */
export const BATTLE_MAP_QUERY_KEY = ["battle-map"] as const;

/** The battle map of every task force the caller may see. */
export function useBattleMapQuery() {
  return useQuery({
    queryKey: BATTLE_MAP_QUERY_KEY,
    queryFn: () => get<BattleMapData>("/battle-map"),
    staleTime: 30_000,
  });
}
