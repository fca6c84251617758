/** Hook: the access decisions of the signed-in user (see `canFor`). */
import { useMemo } from "react";
import { type Can, canFor } from "./can";
import { useSession } from "./use-session";

/** What the signed-in user may do; components ask this instead of reading roles. */
export function useCan(): Can {
  const { data } = useSession();
  return useMemo(() => canFor(data), [data]);
}
