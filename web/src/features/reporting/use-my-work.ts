/** Hook: the signed-in owner's work — tasks, indicators and supervision items they are responsible for, with lights. */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { get } from "../../api/client";
import { useIndicatorsWhere, useSupervisionItems, useTasksWhere } from "../../hooks/use-data";
import { useSession } from "../../hooks/use-session";
import type { BattleMapData } from "../battle-map/types";
import { BATTLE_MAP_QUERY_KEY } from "../battle-map/use-battle-map-query";

export function useMyWork() {
  const personId = useSession().data?.personId ?? null;
  const enabled = !!personId;
  const tasks = useTasksWhere({ responsiblePersonId: personId ?? "" }, enabled);
  const indicators = useIndicatorsWhere({ ownerPersonId: personId ?? "" }, enabled);
  const items = useSupervisionItems({ responsiblePersonId: personId ?? "" });
  // Only the owner's own tasks' lights: the whole map is tens of MB in a large organisation.
  const bm = useQuery({
    queryKey: [...BATTLE_MAP_QUERY_KEY, "person", personId],
    queryFn: () =>
      get<BattleMapData>(`/battle-map?responsiblePersonId=${encodeURIComponent(personId ?? "")}`),
    enabled,
    staleTime: 30_000,
  });
  const taskLights = useMemo(() => bm.data?.lights?.tasks ?? {}, [bm.data]);
  return { personId, tasks, indicators, items, taskLights };
}
