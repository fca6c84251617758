/** Typed calls of the 延期申请 routes. */
import type { ExtensionRequest } from "../../../../src/shared/api/extensions";
import { get, post } from "../../api/client";
import { query } from "../../api/data";
import type { Page } from "../../api/types";

export type { ExtensionRequest };

/** Extension requests matching equality filters (`state`, `taskForceId`, `taskId`), newest first. */
export const fetchExtensionRequests = (filter: Record<string, string>) =>
  get<Page<ExtensionRequest>>(`/extension-requests${query({ limit: 1000, sort: "-createdAt", ...filter })}`);

/** Files a 延期申请 for a task. */
export const fileExtensionRequest = (taskId: string, body: { requestedDeadline: string; reason: string }) =>
  post<ExtensionRequest>(`/tasks/${encodeURIComponent(taskId)}/extension-requests`, body);

/** What a lead, the office or the requester may do with a pending request. */
export type ExtensionAction = "approve" | "reject" | "withdraw";

/** Approves, rejects or withdraws a request at its version (409 when stale or no longer pending). */
export const actOnExtensionRequest = (
  id: string,
  action: ExtensionAction,
  body: { version: number; note?: string },
) => post<ExtensionRequest>(`/extension-requests/${encodeURIComponent(id)}/${action}`, body);
