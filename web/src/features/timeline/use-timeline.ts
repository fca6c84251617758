/** Hook: a task's or a 督办单's timeline, refreshed whenever a record it tells of is refetched. */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { Timeline } from "../../../../src/shared/api/timeline";
import { get } from "../../api/client";

export type TimelineSubjectKind = Timeline["subject"]["kind"];

/** Query keys whose refetch (after a write) may bring new events. */
const SOURCES: ReadonlySet<unknown> = new Set([
  "task-force",
  "tasks",
  "progress-reports",
  "supervision-items",
  "comments",
  "chases",
  "extension-requests",
]);

const pathOf = (kind: TimelineSubjectKind, id: string) =>
  `${kind === "task" ? "/tasks" : "/supervision-items"}/${encodeURIComponent(id)}/timeline`;

/** The timeline of one record (none while `id` is empty). */
export function useTimeline(kind: TimelineSubjectKind, id: string | null) {
  const qc = useQueryClient();
  // A write invalidates the lists it changes; when one of them comes back, so does the timeline.
  useEffect(
    () =>
      qc.getQueryCache().subscribe((ev) => {
        if (
          ev.type === "updated" &&
          ev.action.type === "success" &&
          ev.query.state.dataUpdateCount > 1 && // a list's first load brings nothing new
          SOURCES.has(ev.query.queryKey[0])
        )
          void qc.invalidateQueries({ queryKey: ["timeline"] });
      }),
    [qc],
  );
  return useQuery({
    queryKey: ["timeline", kind, id],
    queryFn: () => get<Timeline>(pathOf(kind, id ?? "")),
    enabled: !!id,
  });
}
