/** Typed calls of completion review (完成确认). */
import type { CompletionConfirmation, CompletionReturn } from "../../../../src/shared/api/completion";
import { get, post } from "../../api/client";
import { query } from "../../api/data";
import type { Page, ProgressReport, Task } from "../../api/types";

/** Tasks whose completion awaits review (待确认), of the task forces the caller reads (or one). */
export const fetchClaimedTasks = (filter: Record<string, string>) =>
  get<Page<Task>>(`/tasks${query({ limit: 1000, completion: "claimed", ...filter })}`);

/** A task's latest reports, newest first: the claiming one and what came before. */
export const fetchLatestReports = (taskId: string) =>
  get<Page<ProgressReport>>(`/progress-reports${query({ taskId, sort: "-reportDate", limit: 3 })}`);

/** Confirms a claimed completion at the task's version. */
export const confirmCompletion = (id: string, body: CompletionConfirmation) =>
  post<Task>(`/tasks/${encodeURIComponent(id)}/confirm-completion`, body);

/** Sends a claimed completion back with a reason, at the task's version. */
export const returnCompletion = (id: string, body: CompletionReturn) =>
  post<Task>(`/tasks/${encodeURIComponent(id)}/return-completion`, body);
