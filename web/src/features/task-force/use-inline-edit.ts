/**
 * Hook: inline editing of a task row — a draft of the changed fields, validation with the shared
 * update schema, PATCH with the row's version, and on 409 STALE_VERSION "reload and reapply":
 * fetch the latest record and send the same changes with its version.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { taskSchemas } from "../../../../src/shared/api/tasks";
import { fetchTaskForceFull } from "../../api/data";
import type { Task } from "../../api/types";
import { usePatchTask } from "../../hooks/use-mutations";
import { fieldErrors } from "../../hooks/validate";

/** The fields the task table edits inline. */
export const EDITABLE = ["title", "duration", "deadline", "percent", "weight", "acceptance"] as const;
export type Draft = Partial<Pick<Task, (typeof EDITABLE)[number]>>;

/** Only the fields of `draft` that differ from `task`. */
export function changedFields(task: Task, draft: Draft): Draft {
  const out: Record<string, unknown> = {};
  for (const k of EDITABLE) if (k in draft && draft[k] !== task[k]) out[k] = draft[k];
  return out as Draft;
}

export function useInlineEdit(taskForceId: string) {
  const qc = useQueryClient();
  const mutation = usePatchTask();
  const [editing, setEditing] = useState<Task | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const changes = editing ? changedFields(editing, draft) : {};
  const errors = editing ? fieldErrors(taskSchemas.update, { ...changes, version: editing.version }) : {};
  const start = (t: Task) => {
    mutation.reset();
    setEditing(t);
    setDraft(Object.fromEntries(EDITABLE.map((k) => [k, t[k]])) as Draft);
  };
  const cancel = () => {
    mutation.reset();
    setEditing(null);
  };
  const send = (version: number, fields: Draft = changes) =>
    editing &&
    mutation.mutate({ id: editing.id, body: { ...fields, version } }, { onSuccess: () => setEditing(null) });
  /** Saves the draft, with `last` (a value committed by the same key press) applied first. */
  const save = (last: Draft = {}) => {
    if (!editing) return;
    const next = { ...draft, ...last };
    const fields = changedFields(editing, next);
    setDraft(next);
    if (Object.keys(fieldErrors(taskSchemas.update, { ...fields, version: editing.version })).length) return;
    if (Object.keys(fields).length === 0) return cancel();
    send(editing.version, fields);
  };
  const reapply = async () => {
    if (!editing) return;
    const full = await qc.fetchQuery({
      queryKey: ["task-force", taskForceId, "full"],
      queryFn: () => fetchTaskForceFull(taskForceId),
      staleTime: 0,
    });
    const latest = full.tasks.find((x) => x.id === editing.id);
    if (latest) send(latest.version);
  };
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  return {
    editing,
    draft,
    set,
    start,
    cancel,
    save,
    reapply,
    errors,
    pending: mutation.isPending,
    error: mutation.error,
  };
}
