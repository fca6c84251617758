/** Pure helpers of the dispatch report page: round navigation and row models for its tables. */
import type { DispatchReport } from "../../api/types";

type Section = DispatchReport["taskForces"][number];
type SupervisionEntry = Section["supervision"]["overdue"][number];

const DAY = 86_400_000;
const toDay = (d: string) =>
  Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const ofDay = (n: number) => new Date(n).toISOString().slice(0, 10);

/**
 * The status date that shows the whole previous / next round: the day before the current round
 * starts, or the last day of the next round. Example: weekly, round 2022-08-15.. → prev 2022-08-14.
 */
export function roundDate(rounds: DispatchReport["rounds"], dir: "prev" | "next"): string {
  return dir === "prev" ? ofDay(toDay(rounds.current.start) - DAY) : rounds.next.end;
}

/** What happened to a supervision item in the round (an item can have several). */
/** The current round's whole period (its start to the day before the next round), and the status date it is counted at. */
export const roundSpan = (r: Pick<DispatchReport, "rounds" | "statusDate">) => ({
  start: r.rounds.current.start,
  end: ofDay(toDay(r.rounds.next.start) - DAY),
  asOf: r.statusDate,
});

export type SupervisionEvent = "raised" | "submitted" | "verified" | "overdue";

/** One row per supervision item of a section, with every event it had in the round, by item code. */
export function supervisionRows(s: Section): (SupervisionEntry & { events: SupervisionEvent[] })[] {
  const rows = new Map<string, SupervisionEntry & { events: SupervisionEvent[] }>();
  for (const ev of ["raised", "submitted", "verified", "overdue"] as const)
    for (const item of s.supervision[ev]) {
      const row = rows.get(item.id) ?? { ...item, events: [] };
      row.events.push(ev);
      rows.set(item.id, row);
    }
  return [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Red tasks, then yellow ones, each in WBS order (as the API gives them). */
export function litRows(s: Section) {
  return [...s.red, ...s.yellow];
}

/** Whether a section has nothing to report beyond its counts. */
export function isQuiet(s: Section): boolean {
  return (
    s.overdue.length +
      s.due.length +
      s.noReport.length +
      s.red.length +
      s.yellow.length +
      s.completed.length ===
      0 && supervisionRows(s).length === 0
  );
}
