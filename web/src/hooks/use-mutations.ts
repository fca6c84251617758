/**
 * Hooks: the writes of the closed loop. Each validates with the shared zod create/update schema
 * before sending, and refreshes every view the change affects (lights, overview, lists).
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { readingSchemas } from "../../../src/shared/api/indicators";
import { progressReportSchemas } from "../../../src/shared/api/reports";
import { supervisionItemSchemas } from "../../../src/shared/api/supervision";
import { taskSchemas } from "../../../src/shared/api/tasks";
import {
  createProgressReport,
  createReading,
  createSupervisionItem,
  patchTask,
  transitionSupervisionItem,
} from "../api/data";
import { parseOrThrow } from "./validate";

/** Refreshes everything derived from tasks, readings and supervision items (lights, battle map …). */
export function useRefreshAll() {
  const qc = useQueryClient();
  return () => {
    for (const key of [
      "overview",
      "task-force",
      "tasks",
      "indicators",
      "progress-reports",
      "supervision-items",
      "battle-map",
      "check",
      "indicator-cascades",
    ])
      void qc.invalidateQueries({ queryKey: [key] });
  };
}

/** PATCH a task (inline edit); a stale version rejects with ApiError 409. */
export function usePatchTask() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (v: { id: string; body: Record<string, unknown> & { version: number } }) =>
      patchTask(v.id, parseOrThrow(taskSchemas.update, v.body)),
    onSuccess: refresh,
  });
}

/** Submits a progress report (moves the task's percent and status, hence its light). */
export function useReportProgress() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      createProgressReport(parseOrThrow(progressReportSchemas.create, body)),
    onSuccess: refresh,
  });
}

/** Reports an indicator's actual for a month. */
export function useReportReading() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => createReading(parseOrThrow(readingSchemas.create, body)),
    onSuccess: refresh,
  });
}

/** Raises a supervision item (督办单). */
export function useRaiseSupervision() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      createSupervisionItem(parseOrThrow(supervisionItemSchemas.create, body)),
    onSuccess: refresh,
  });
}

/** Moves a supervision item: start, submit, return or verify (销号). */
export function useSupervisionAction() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (v: {
      id: string;
      action: "start" | "submit" | "return" | "verify";
      body: { version: number; date: string; note?: string; rectification?: string };
    }) => transitionSupervisionItem(v.id, v.action, v.body),
    onSuccess: refresh,
  });
}
