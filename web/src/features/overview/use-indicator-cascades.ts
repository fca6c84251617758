/** Hook: every indicator cascade the user may read (`GET /indicator-cascades`), one call for the whole district. */
import { useQuery } from "@tanstack/react-query";
import { fetchIndicatorCascades } from "../../api/data";

/** Query key prefix of the cascades; every write that moves a light refreshes it (`useRefreshAll`). */
export const CASCADES_KEY = "indicator-cascades";

/** Every readable cascade at the organisation's status date, in pre-order; refetched every `refetchInterval` ms when given. */
export const useIndicatorCascades = (refetchInterval?: number, enabled = true) =>
  useQuery({
    queryKey: [CASCADES_KEY],
    queryFn: () => fetchIndicatorCascades(),
    staleTime: 15_000,
    refetchInterval,
    enabled,
  });
