/**
 * Hooks: comments (批示) of a task force and escalation (提级督办) of supervision items. Writes
 * validate with the API's zod schemas before sending and refresh what they change.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { commentSchemas } from "../../../../src/shared/api/comments";
import { supervisionEscalation } from "../../../../src/shared/api/supervision";
import { ApiError } from "../../api/client";
import { createComment, escalateSupervisionItem, fetchComments, fetchSupervisionItem } from "../../api/data";
import { parseOrThrow } from "../../hooks/validate";

/** Every comment of a task force (one query shared by its threads, buttons and counts). */
export const useTaskForceComments = (taskForceId: string) =>
  useQuery({
    queryKey: ["comments", { taskForceId }],
    queryFn: () => fetchComments({ taskForceId }),
    enabled: !!taskForceId,
  });

/** Adds a comment; the body is checked with `commentSchemas.create` first. */
export function useAddComment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => createComment(parseOrThrow(commentSchemas.create, body)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["comments"] }),
  });
}

/** What an escalation sends besides the item's version. */
export interface EscalationInput {
  readonly id: string;
  readonly version: number;
  readonly date: string;
  readonly note: string;
}

/**
 * Escalates a supervision item. `reapply` (after a 409 STALE_VERSION) reads the item's current
 * version and sends the same note again.
 */
export function useEscalate() {
  const qc = useQueryClient();
  const send = (v: EscalationInput) =>
    escalateSupervisionItem(
      v.id,
      parseOrThrow(supervisionEscalation, { version: v.version, date: v.date, note: v.note }),
    );
  const m = useMutation({
    mutationFn: async (v: EscalationInput & { reload?: boolean }) =>
      send(v.reload ? { ...v, version: (await fetchSupervisionItem(v.id)).version } : v),
    onSuccess: () => {
      for (const key of ["supervision-items", "task-force", "overview", "audit-entries"])
        void qc.invalidateQueries({ queryKey: [key] });
    },
  });
  const stale = m.error instanceof ApiError && m.error.code === "STALE_VERSION";
  return { ...m, stale };
}
