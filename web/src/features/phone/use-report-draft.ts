/**
 * Hook: the draft behind the progress-report dialog of one task. The form starts from the task's
 * draft when there is one (else the status date and the task's percent), every change is kept on
 * the device, and a report submitted while offline is kept as waiting to be sent.
 */
import type { FormInstance } from "antd";
import { useEffect, useMemo, useState } from "react";
import type { AttachmentMeta } from "../../../../src/shared/api/attachments";
import { ApiError } from "../../api/client";
import type { Task } from "../../api/types";
import { useStatusDate } from "../../hooks/use-status-date";
import { type DraftState, draftValues, type ReportDraft } from "./report-drafts";
import { useReportDrafts } from "./use-report-drafts";

/** The evidence files of the dialog, as use-evidence-upload gives them. */
interface DraftFiles {
  readonly stored: readonly AttachmentMeta[];
  restore(metas: readonly AttachmentMeta[]): void;
  reset(): void;
}

const sameFiles = (a: readonly AttachmentMeta[], b: readonly AttachmentMeta[]) =>
  a.map((x) => x.id).join() === b.map((x) => x.id).join();

/** The draft of `task`'s report while its dialog is open (`task` null: closed). */
export function useReportDraft(task: Task | null, form: FormInstance, files: DraftFiles) {
  const drafts = useReportDrafts();
  const statusDate = useStatusDate();
  const draft = task ? drafts.book[task.id] : undefined;
  // The draft found when the dialog opened: the form starts from it (adjusted during render, so
  // the first render of an opening already has it).
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  const [restored, setRestored] = useState<ReportDraft | undefined>(undefined);
  if ((task?.id ?? null) !== openedFor) {
    setOpenedFor(task?.id ?? null);
    setRestored(draft);
  }
  // Every field, so that an opening never shows what the last one left (see FormModal).
  const fresh = { ...draftValues({}), reportDate: statusDate, percent: task?.percent ?? 0 };

  /** Keeps the form's values; an edit leaves a waiting or refused report as it was. */
  const keep = (state?: DraftState) => {
    if (!task) return;
    const prev = drafts.store.read()[task.id];
    const next = state ?? prev?.state ?? "editing";
    drafts.save({
      taskId: task.id,
      taskCode: task.code,
      values: draftValues(form.getFieldsValue(true)),
      attachments: files.stored,
      state: next,
      savedAt: new Date().toISOString(),
      ...(next === "refused" && prev?.refusal ? { refusal: prev.refusal } : {}),
    });
  };

  // Files uploaded earlier show again; a file uploaded (or removed) since is kept.
  const restoredFiles = restored?.attachments;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only at an opening (`files` is new at every render)
  useEffect(() => {
    if (openedFor && restoredFiles?.length) files.restore(restoredFiles);
  }, [openedFor, restoredFiles]);
  const storedIds = files.stored.map((x) => x.id).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: when the uploaded files change
  useEffect(() => {
    if (!openedFor) return;
    const kept = drafts.store.read()[openedFor]?.attachments ?? [];
    if (!sameFiles(kept, files.stored) && (files.stored.length > 0 || kept.length > 0)) keep();
  }, [storedIds]);

  // The status date may arrive after the dialog opened: a new report is dated by it.
  useEffect(() => {
    if (openedFor && !restored && !form.isFieldTouched("reportDate"))
      form.setFieldValue("reportDate", statusDate);
  }, [statusDate, openedFor, restored, form]);

  const refusal = draft?.state === "refused" ? draft.refusal : undefined;
  const failure = useMemo(
    () => (refusal ? new ApiError(refusal.status, refusal.code, refusal.message, refusal.details) : null),
    [refusal],
  );
  return {
    initialValues: restored?.values ?? fresh,
    /** The draft as it was when the dialog opened. */
    restored,
    /** The task's draft now. */
    draft,
    /** The refusal of the last deferred send, as the API's error. */
    failure,
    onValuesChange: () => keep(),
    /** Keeps the report as waiting to be sent. */
    queue: () => keep("waiting"),
    /** Forgets the draft: the report was sent. */
    clear: () => task && drafts.drop(task.id),
    /** Forgets the draft and starts the form afresh. */
    discard: () => {
      if (!task) return;
      drafts.drop(task.id);
      files.reset();
      setRestored(undefined);
      form.setFieldsValue(fresh);
    },
  };
}
