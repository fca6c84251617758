/** Queries and mutations of the inbox and 催办 (the badge refreshes every minute). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { chaseCreate } from "../../../../src/shared/api/reminders";
import { parseOrThrow } from "../../hooks/validate";
import { fetchChases, fetchInbox, markRead, sendChase } from "./api";

export const useUnreadCount = () =>
  useQuery({
    queryKey: ["inbox", "unread-count"],
    queryFn: () => fetchInbox({ unread: true, limit: 1 }),
    refetchInterval: 60_000,
    select: (p) => p.unread,
  });

export const useInbox = (unread: boolean, page: number) =>
  useQuery({
    queryKey: ["inbox", "list", unread, page],
    queryFn: () => fetchInbox({ unread, limit: 30, offset: (page - 1) * 30 }),
  });

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: () => qc.invalidateQueries({ queryKey: ["inbox"] }),
  });
}

export const useChases = (filter: Record<string, string | number | undefined>, enabled = true) =>
  useQuery({ queryKey: ["chases", filter], queryFn: () => fetchChases(filter), enabled });

export function useSendChase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => sendChase(parseOrThrow(chaseCreate, body)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["chases"] });
      void qc.invalidateQueries({ queryKey: ["inbox"] });
    },
  });
}
