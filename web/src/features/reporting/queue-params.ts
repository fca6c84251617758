/**
 * The supervision queue's state filter as the URL's `?state=` (a link or a reload shows the same
 * list; back/forward step through the filters). Unknown values fall back to the default.
 */
import { supervisionStates } from "../../../../src/shared/api/supervision";
import type { SupervisionItem } from "../../api/types";

/** A state of the state machine, or every item. */
export type QueueFilter = "all" | SupervisionItem["state"];

/** The queue opens on what waits for the supervisor: submitted rectifications. */
export const DEFAULT_QUEUE_FILTER: QueueFilter = "submitted";

/** The filters in the order the queue offers them. */
export const QUEUE_FILTERS: readonly QueueFilter[] = ["submitted", "rectifying", "open", "verified", "all"];

/** Reads the filter from a query string; anything unknown gives the default. */
export function parseQueueFilter(params: URLSearchParams): QueueFilter {
  const v = params.get("state");
  if (v === "all") return "all";
  return supervisionStates.find((s) => s === v) ?? DEFAULT_QUEUE_FILTER;
}

/** The query string for a filter (the default is left out), keeping the other parameters. */
export function queueSearch(params: URLSearchParams, filter: QueueFilter): URLSearchParams {
  const out = new URLSearchParams(params);
  if (filter === DEFAULT_QUEUE_FILTER) out.delete("state");
  else out.set("state", filter);
  return out;
}

/** The list query of a filter: `all` asks for every state. */
export function queueQuery(filter: QueueFilter): Record<string, string> {
  return filter === "all" ? {} : { state: filter };
}
