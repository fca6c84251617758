/** Reading tj3's dates as Guatu's: inclusive working days of the same CN calendar. */
import { readFileSync } from "node:fs";
import { buildWorkCalendar } from "../../src/engines/calendar/work-calendar.js";
import { isoOf, type PeerModel, PROJECT_DEADLINE, PROJECT_START, TJ_FROM } from "./model.js";

const cal = buildWorkCalendar({ builtin: "CN" }, { origin: TJ_FROM, from: TJ_FROM, to: PROJECT_DEADLINE });

/** Guatu's first working day on or after `iso`. */
export const workdayOnOrAfter = (iso: string) => cal.dateOfSlot(cal.slotOnOrAfter(iso));

/** tj3's CSV report: full id (dotted path) → [start, end] timestamps "YYYY-MM-DD HH:MM". */
export function readTjDates(csv: string): Map<string, [string, string]> {
  const rows = new Map<string, [string, string]>();
  for (const line of readFileSync(csv, "utf8").split("\n").slice(1)) {
    const m = /^"([^"]+)";"([^"]*)";"([^"]*)"$/.exec(line.trim());
    if (m) rows.set(m[1]!.slice(m[1]!.lastIndexOf(".") + 1), [m[2]!, m[3]!]);
  }
  return rows;
}

const minutes = (ts: string) => Number(ts.slice(11, 13)) * 60 + Number(ts.slice(14, 16));
const shift = (iso: string, days: number) => isoOf(Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + days);
/** A start timestamp → the working day of the first working hour at or after it (work ends 18:00). */
const startDay = (ts: string) =>
  cal.dateOfSlot(cal.slotOnOrAfter(minutes(ts) >= 18 * 60 ? shift(ts.slice(0, 10), 1) : ts.slice(0, 10)));
/** An end timestamp (exclusive) → the working day of the last working hour before it (work starts 9:00). */
export const finishDay = (ts: string) =>
  cal.dateOfSlot(cal.slotOnOrBefore(minutes(ts) <= 9 * 60 ? shift(ts.slice(0, 10), -1) : ts.slice(0, 10)));

const slot0 = workdayOnOrAfter(PROJECT_START);
/**
 * A zero-length span (a milestone, or a summary of milestones at one instant) sits on its finish day,
 * except at the instant slot 0 begins: the SPEC dates that on slot 0's day (E = 0), not the day before.
 */
const instantDay = (ts: string) => {
  const f = finishDay(ts);
  return cal.dateOfSlot(cal.slotOnOrBefore(f) + 1) === slot0 ? slot0 : f;
};

/** Guatu's late dates against tj3's ALAP dates, as inclusive working days. */
export function compare(
  m: PeerModel,
  guatuJson: string,
  tjCsv: string,
): { compared: number; differ: string[] } {
  const tj = readTjDates(tjCsv);
  const guatu = JSON.parse(readFileSync(guatuJson, "utf8")) as {
    tasks: { id: string; lateStart: string; lateFinish: string }[];
  };
  const differ: string[] = [];
  let compared = 0;
  for (const t of guatu.tasks) {
    const row = tj.get(t.id);
    if (!row) {
      differ.push(`${t.id}: not in tj3's report`);
      continue;
    }
    const instant = row[0] === row[1];
    const finish = instant ? instantDay(row[1]) : finishDay(row[1]);
    const start = instant ? finish : startDay(row[0]);
    compared += 2;
    if (start !== t.lateStart)
      differ.push(`${t.id} late start: Guatu ${t.lateStart}, tj3 ${row[0]} → ${start}`);
    if (finish !== t.lateFinish)
      differ.push(`${t.id} late finish: Guatu ${t.lateFinish}, tj3 ${row[1]} → ${finish}`);
  }
  if (guatu.tasks.length !== m.n) differ.push(`Guatu printed ${guatu.tasks.length} of ${m.n} tasks`);
  return { compared, differ };
}
