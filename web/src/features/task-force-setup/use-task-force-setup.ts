/**
 * Hooks of the task-force setup wizard and the task-book editor: the goals to pick from, the
 * one-request setup, the versioned task-book change (with reapply after a conflict), and who may
 * use each.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { taskBookUpdate, taskForceSetup } from "../../../../src/shared/api/task-forces";
import { get, patch, post } from "../../api/client";
import { query } from "../../api/data";
import type { Goal, Member, Page, TaskForce } from "../../api/types";
import { useCan } from "../../hooks/use-can";
import { useRefreshAll } from "../../hooks/use-mutations";
import { SESSION_KEY } from "../../hooks/use-session";
import { parseOrThrow } from "../../hooks/validate";

/** Every goal of the cascade (for the goal tree), by code. */
export const useGoals = () =>
  useQuery({
    queryKey: ["goals"],
    queryFn: () => get<Page<Goal>>(`/goals${query({ limit: 1000, sort: "code" })}`),
    staleTime: 10 * 60_000,
  });

/** Whether the user may set up task forces (the role gate of `POST /task-forces/setup`). */
export function useMaySetUp(): boolean {
  return useCan().rule("write:task-forces");
}

/** Sets up a task force with its members in one request; refreshes the lists and the session. */
export function useSetUpTaskForce() {
  const refresh = useRefreshAll();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) =>
      post<{ taskForce: TaskForce; members: Member[] }>(
        "/task-forces/setup",
        parseOrThrow(taskForceSetup, body),
      ),
    onSuccess: () => {
      refresh();
      // The new task force is the user's own when they are among its members.
      void qc.invalidateQueries({ queryKey: ["task-forces"] });
      void qc.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

const bookUrl = (id: string) => `/task-forces/${encodeURIComponent(id)}/task-book`;

/**
 * Changes a task force's task book at its version; after a 409 STALE_VERSION `reapply` sends the
 * same changes at the task force's latest version.
 */
export function usePatchTaskBook() {
  const refresh = useRefreshAll();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (v: { id: string; body: Record<string, unknown> & { version: number } }) =>
      patch<TaskForce>(bookUrl(v.id), parseOrThrow(taskBookUpdate, v.body)),
    onSuccess: () => {
      refresh();
      void qc.invalidateQueries({ queryKey: ["task-forces"] });
    },
  });
  const reapply = async (options?: { onSuccess?: () => void }) => {
    const v = m.variables;
    if (!v) return;
    const latest = await get<TaskForce>(`/task-forces/${encodeURIComponent(v.id)}`);
    m.mutate({ id: v.id, body: { ...v.body, version: latest.version } }, options);
  };
  return { ...m, reapply };
}
