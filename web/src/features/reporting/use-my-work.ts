/** Hook: the signed-in owner's work — tasks, indicators and supervision items they are responsible for, with lights. */
import { useMemo } from "react";
import { useIndicatorsWhere, useSupervisionItems, useTasksWhere } from "../../hooks/use-data";
import { useSession } from "../../hooks/use-session";
import { useBattleMapQuery } from "../battle-map";

export function useMyWork() {
  const personId = useSession().data?.personId ?? null;
  const enabled = !!personId;
  const tasks = useTasksWhere({ responsiblePersonId: personId ?? "" }, enabled);
  const indicators = useIndicatorsWhere({ ownerPersonId: personId ?? "" }, enabled);
  const items = useSupervisionItems({ responsiblePersonId: personId ?? "" });
  const bm = useBattleMapQuery();
  const taskLights = useMemo(() => bm.data?.lights?.tasks ?? {}, [bm.data]);
  return { personId, tasks, indicators, items, taskLights };
}
