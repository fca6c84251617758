/** Hooks: the outbox (投递记录) — a page of deliveries of one state, and an admin's retry of a dead one. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { OutboxEntry } from "../../../../src/shared/api/outbox";
import { api } from "../../api/client";

export type OutboxState = OutboxEntry["state"];
export interface OutboxPage {
  readonly items: OutboxEntry[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** Deliveries of `state`, newest first, `pageSize` a page (page 1 first). */
export const useOutbox = (state: OutboxState, page: number, pageSize = 20) =>
  useQuery({
    queryKey: ["outbox", state, page, pageSize],
    queryFn: () =>
      api<OutboxPage>("GET", `/outbox?state=${state}&limit=${pageSize}&offset=${(page - 1) * pageSize}`),
    placeholderData: keepPreviousData,
  });

/** Sends a dead delivery again (back to pending) and refreshes every outbox list. */
export function useRetryDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<OutboxEntry>("POST", `/outbox/${encodeURIComponent(id)}/retry`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["outbox"] }),
  });
}
