/** Hooks: assessment snapshots (考核) — the list, one snapshot, and taking a new one. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { statusDateQuery } from "../../../../src/shared/api/closed-loop";
import { fetchAssessment, fetchAssessments, takeAssessment } from "../../api/data";
import { parseOrThrow } from "../../hooks/validate";

/** Snapshots, newest status date first (each carries its rankings). */
export const useAssessments = () => useQuery({ queryKey: ["assessments"], queryFn: fetchAssessments });

/** One snapshot by id (disabled without an id). */
export const useAssessment = (id: string | null) =>
  useQuery({
    queryKey: ["assessments", id],
    queryFn: () => fetchAssessment(id ?? ""),
    enabled: !!id,
    staleTime: Number.POSITIVE_INFINITY, // a snapshot never changes
  });

/** Takes a dated snapshot (validated with the API's query schema) and refreshes the list. */
export function useTakeAssessment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (statusDate?: string) =>
      takeAssessment(parseOrThrow(statusDateQuery, { statusDate: statusDate || undefined }).statusDate),
    onSuccess: (snap) => {
      qc.setQueryData(["assessments", snap.id], snap);
      void qc.invalidateQueries({ queryKey: ["assessments"], exact: true });
    },
  });
}
