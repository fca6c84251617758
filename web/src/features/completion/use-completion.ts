/** Hooks: completion review reads and writes; a review refreshes every view of the task's state and light. */
import { useMutation, useQuery } from "@tanstack/react-query";
import { completionConfirmation, completionReturn } from "../../../../src/shared/api/completion";
import { useRefreshAll } from "../../hooks/use-mutations";
import { useSession } from "../../hooks/use-session";
import { parseOrThrow } from "../../hooks/validate";
import { confirmCompletion, fetchClaimedTasks, fetchLatestReports, returnCompletion } from "./api";
import { mayReview, type ReviewAction } from "./completion-access";

/** Claimed completions the caller reads (task list key, so any task write refreshes it). */
export const useClaimedTasks = (filter: Record<string, string>, enabled = true) =>
  useQuery({ queryKey: ["tasks", "claimed", filter], queryFn: () => fetchClaimedTasks(filter), enabled });

/** The reports behind a claim (its evidence), while the review is open. */
export const useLatestReports = (taskId: string | null) =>
  useQuery({
    queryKey: ["progress-reports", "latest", taskId],
    queryFn: () => fetchLatestReports(taskId ?? ""),
    enabled: taskId !== null,
  });

/** Whether the signed-in user may confirm / send back a task's completion. */
export function useMayReview() {
  const { data } = useSession();
  return (task: Parameters<typeof mayReview>[1], action: ReviewAction) => mayReview(data, task, action);
}

/** Confirms or sends back a claimed completion (checked with the API's own schema first). */
export function useReviewCompletion() {
  const onSuccess = useRefreshAll();
  return useMutation({
    mutationFn: (v: { id: string; action: ReviewAction; version: number; text: string }) =>
      v.action === "confirm"
        ? confirmCompletion(
            v.id,
            parseOrThrow(completionConfirmation, {
              version: v.version,
              ...(v.text.trim() ? { note: v.text } : {}),
            }),
          )
        : returnCompletion(v.id, parseOrThrow(completionReturn, { version: v.version, reason: v.text })),
    onSuccess,
  });
}
