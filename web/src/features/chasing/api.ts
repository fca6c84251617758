/** Calls of the chasing routes: the caller's inbox, 催办 records, 催办 by hand. */
import type { Chase, ChaseCreate, InboxMessage } from "../../../../src/shared/api/reminders";
import { get, post } from "../../api/client";
import { query } from "../../api/data";

export type { Chase, InboxMessage };

export interface InboxPage {
  items: InboxMessage[];
  total: number;
  unread: number;
  limit: number;
  offset: number;
}

export const fetchInbox = (p: { unread?: boolean; limit?: number; offset?: number }) =>
  get<InboxPage>(
    `/inbox${query({ unread: p.unread ? "true" : undefined, limit: p.limit, offset: p.offset })}`,
  );
export const markRead = (body: { ids: string[] } | { all: true }) =>
  post<{ marked: number }>("/inbox/read", body);
export const fetchChases = (p: Record<string, string | number | undefined>) =>
  get<{ items: Chase[]; total: number }>(`/chases${query(p)}`);
export const sendChase = (body: ChaseCreate) => post<Chase>("/chases", body);
