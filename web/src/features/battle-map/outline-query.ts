/**
 * The battle map's outline query (see `use-battle-map-source.ts`), apart from the page so the route
 * can start it while the page's code is still loading: the outline decides what the page fetches
 * next, and React reveals a lazily loaded page up to 300 ms after its code arrives.
 */
import type { QueryClient } from "@tanstack/react-query";
import { get } from "../../api/client";
import type { BattleMapData } from "./types";
import { type PageFilter, parseBattleMapSearch } from "./url-state";
import { BATTLE_MAP_QUERY_KEY } from "./use-battle-map-query";

/** The filters the server applies to the outline, as a query string. */
export function serverFilter(f: PageFilter): string {
  const q = new URLSearchParams();
  if (f.responsibleUnitId) q.set("responsibleUnitId", f.responsibleUnitId);
  if (f.responsiblePersonId) q.set("responsiblePersonId", f.responsiblePersonId);
  if (f.criticalOnly) q.set("critical", "true");
  return q.toString();
}

/** Query options of the outline under these server-side filters. */
export const outlineQuery = (narrowed: string) => ({
  queryKey: [...BATTLE_MAP_QUERY_KEY, "outline", narrowed],
  queryFn: () => get<BattleMapData>(`/battle-map?outline=true${narrowed ? `&${narrowed}` : ""}`),
  staleTime: 30_000,
});

/** Starts fetching the outline the battle-map page at `params` will ask for (once; idempotent). */
export function prefetchOutline(client: QueryClient, params: URLSearchParams): void {
  if (params.get("outline") === "0") return;
  void client.prefetchQuery(outlineQuery(serverFilter(parseBattleMapSearch(params).filter)));
}
