/**
 * Hook: inline editing of a task row — a draft of the changed fields, validation with the shared
 * update schema, PATCH with the row's version, and on 409 STALE_VERSION "reload and reapply":
 * fetch the latest record and send the same changes with its version.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { taskSchemas } from "../../../../src/shared/api/tasks";
import { detailField } from "../../../../src/shared/field-labels";
import { ApiError } from "../../api/client";
import { fetchTaskForceFull } from "../../api/data";
import type { Task } from "../../api/types";
import { detailMessage } from "../../hooks/messages";
import { usePatchTask } from "../../hooks/use-mutations";
import { fieldErrors } from "../../hooks/validate";

/**
 * The refusal's details about the edited task's own fields, as `{field: message}`: a detail names
 * the field alone (`deadline`, `body.weight`) or the task by WBS code (`task 01.2.deadline`).
 */
function refusedFields(error: unknown, code: string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const d of error.details) {
    const { field, taskCode } = detailField(d.path);
    if ((taskCode === null || taskCode === code) && (EDITABLE as readonly string[]).includes(field))
      out[field] ??= detailMessage(d);
  }
  return out;
}

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
  // The form's own checks first; then what the server refused about this task's fields.
  const errors = editing
    ? {
        ...refusedFields(mutation.error, editing.code),
        ...fieldErrors(taskSchemas.update, { ...changes, version: editing.version }),
      }
    : {};
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
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    // A refused value being changed: the refusal no longer describes the draft.
    if (mutation.error && !(mutation.error instanceof ApiError && mutation.error.code === "STALE_VERSION"))
      mutation.reset();
    setDraft((d) => ({ ...d, [k]: v }));
  };
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
