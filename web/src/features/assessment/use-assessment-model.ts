/** Hook: the assessments page's state — selected and compared snapshots, from the URL. */
import { useMemo } from "react";
import { useSearchParams } from "react-router";
import type { AssessmentSnapshot } from "../../api/types";
import { compareRankings } from "./compare";
import { useAssessment, useAssessments } from "./use-assessments";

/** Which entities a ranking lists. */
export type RankingKind = "taskForces" | "units" | "persons";

/**
 * The selected snapshot (`?snapshot=`, default the newest), the one it is compared with
 * (`?compare=`, none by default) and the compared rows of each ranking.
 */
export function useAssessmentModel() {
  const [params, setParams] = useSearchParams();
  const list = useAssessments();
  const items = list.data?.items ?? [];
  const selectedId = params.get("snapshot") ?? items[0]?.id ?? null;
  const compareId = params.get("compare");
  const selected = useAssessment(selectedId);
  const earlier = useAssessment(compareId);
  const rows = useMemo(() => {
    const cur = selected.data;
    if (!cur) return null;
    const prev: AssessmentSnapshot | undefined = compareId ? earlier.data : undefined;
    const of = (k: RankingKind) => compareRankings(cur[k], prev?.[k] ?? cur[k]);
    return { taskForces: of("taskForces"), units: of("units"), persons: of("persons") };
  }, [selected.data, earlier.data, compareId]);
  const set = (key: "snapshot" | "compare", value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === "snapshot" && value === next.get("compare")) next.delete("compare");
    setParams(next, { replace: true });
  };
  return {
    list,
    items,
    selectedId,
    compareId,
    selected,
    earlier,
    comparing: !!compareId && !!earlier.data,
    rows,
    select: (id: string) => set("snapshot", id),
    compareWith: (id: string | null) => set("compare", id),
  };
}
