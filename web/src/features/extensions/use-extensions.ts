/** Hooks: 延期申请 reads and writes; a write refreshes the queue and every view of the task's dates. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { extensionRequestInput } from "../../../../src/shared/api/extensions";
import { useRefreshAll } from "../../hooks/use-mutations";
import { parseOrThrow } from "../../hooks/validate";
import {
  actOnExtensionRequest,
  type ExtensionAction,
  type ExtensionRequest,
  fetchExtensionRequests,
  fileExtensionRequest,
} from "./api";

const KEY = "extension-requests";

/** Requests the caller may read, matching the filter. */
export const useExtensionRequests = (filter: Record<string, string>, enabled = true) =>
  useQuery({ queryKey: [KEY, filter], queryFn: () => fetchExtensionRequests(filter), enabled });

/** Pending requests by task id, of the task forces the caller reads (one query for a page of tasks). */
export function usePendingExtensions(enabled = true): ReadonlyMap<string, ExtensionRequest> {
  const q = useExtensionRequests({ state: "pending" }, enabled);
  return useMemo(() => new Map((q.data?.items ?? []).map((r) => [r.taskId, r])), [q.data]);
}

function useRefreshExtensions() {
  const qc = useQueryClient();
  const refresh = useRefreshAll();
  return () => {
    refresh();
    void qc.invalidateQueries({ queryKey: [KEY] });
  };
}

/** Files a 延期申请 (checked with the API's own schema first). */
export function useFileExtension() {
  const onSuccess = useRefreshExtensions();
  return useMutation({
    mutationFn: (v: { taskId: string; body: Record<string, unknown> }) =>
      fileExtensionRequest(v.taskId, parseOrThrow(extensionRequestInput, v.body)),
    onSuccess,
  });
}

/** Approves, rejects or withdraws a request. */
export function useExtensionAction() {
  const onSuccess = useRefreshExtensions();
  return useMutation({
    mutationFn: (v: { id: string; action: ExtensionAction; body: { version: number; note?: string } }) =>
      actOnExtensionRequest(v.id, v.action, v.body),
    onSuccess,
  });
}
