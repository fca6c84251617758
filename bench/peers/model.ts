/**
 * One deterministic project model written in two formats: a Guatu schedule file and a TaskJuggler
 * .tjp. The model keeps to what both schedule identically as late as possible (ALAP):
 *  - durations in working days (tj3 `length`: working time, no resources); 5% milestones;
 *  - finish-to-start and finish-to-finish dependencies with lags of 0–5 working days (tj3 `precedes`
 *    with `gaplength`, `onend` for FF). Not SS/SF: tj3 only allows on-start dependencies on ASAP tasks;
 *    not negative lags: tj3 gaps cannot be negative;
 *  - the project deadline (tj3: the project's end) and task deadlines (tj3: the task precedes a
 *    milestone fixed at midnight after the deadline: a `precedes` bounds the end as a deadline does,
 *    where `end` would fix it);
 *  - summary tasks (tj3 containers) without dependencies or deadlines of their own;
 *  - the 2022 CN calendar (tj3: every day a working day, the days off as global `leaves`).
 * No status date, actuals or notBefore: they move only Guatu's early dates, which ALAP tj3 does not compute.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import cn from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { mulberry32 } from "../../src/domain/demo/data/prng.js";

export const PROJECT_START = "2022-07-01";
export const PROJECT_DEADLINE = "2022-12-30";
/** tj3's project interval: early enough for every late date, ending at midnight after the deadline. */
export const TJ_FROM = "2021-07-01";
export const TJ_TO = "2022-12-31";
const GROUP = 200;
const DEADLINES = ["2022-09-30", "2022-10-31", "2022-11-15", "2022-11-30", "2022-12-15"];

export interface PeerDependency {
  readonly from: number;
  readonly to: number;
  /** FF when true, else FS. */
  readonly ff: boolean;
  /** Working days, ≥ 0. */
  readonly lag: number;
}

export interface PeerModel {
  readonly n: number;
  /** Index of the summary above, −1 at the top. */
  readonly parent: Int32Array;
  /** Working days; −1 for a summary. */
  readonly duration: Int32Array;
  readonly deadline: (string | undefined)[];
  readonly deps: PeerDependency[];
}

export const taskId = (i: number) => `T${i}`;

/**
 * Task forces of 200 tasks (a top-level summary each; ~3% nested summaries of 4–8 tasks), leaves of
 * 1–8 working days, 20% with a deadline, up to two predecessors per leaf (0.5% from an earlier task
 * force), 15% FF, 30% with a lag of 1–5 days.
 */
export function generatePeerModel(n: number, seed = 18): PeerModel {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const parent = new Int32Array(n).fill(-1);
  const duration = new Int32Array(n);
  const deadline: (string | undefined)[] = new Array(n).fill(undefined);
  let force = -1;
  let sub = -1;
  let subLeft = 0;
  for (let i = 0; i < n; i++) {
    const g = i % GROUP;
    if (g === 0) {
      force = i;
      subLeft = 0;
      duration[i] = -1;
      continue;
    }
    if (subLeft > 0) {
      parent[i] = sub;
      subLeft--;
    } else {
      parent[i] = force;
      if (g < GROUP - 10 && i < n - 9 && rnd() < 0.03) {
        sub = i;
        subLeft = int(4, 8);
        duration[i] = -1;
        continue;
      }
    }
    duration[i] = rnd() < 0.05 ? 0 : int(1, 8);
    if (rnd() < 0.2) deadline[i] = DEADLINES[int(0, DEADLINES.length - 1)];
  }
  const deps: PeerDependency[] = [];
  for (let i = 0; i < n; i++) {
    const g = i % GROUP;
    if (duration[i]! < 0 || g < 2) continue;
    const base = i - g;
    const seen = new Set<number>();
    for (let k = 0; k < 2; k++) {
      const from = rnd() < 0.005 && base > 0 ? int(0, base - 1) : base + int(1, g - 1);
      if (duration[from]! < 0 || seen.has(from)) continue;
      seen.add(from);
      deps.push({ from, to: i, ff: rnd() < 0.15, lag: rnd() < 0.7 ? 0 : int(1, 5) });
    }
  }
  return { n, parent, duration, deadline, deps };
}

/** Buffered writes of many small strings to one file. */
function writer(path: string): { out: (s: string) => void; close: () => void } {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, "w");
  let buf: string[] = [];
  const flush = () => {
    writeSync(fd, buf.join(""));
    buf = [];
  };
  return {
    out: (s) => {
      buf.push(s);
      if (buf.length >= 4096) flush();
    },
    close: () => {
      flush();
      closeSync(fd);
    },
  };
}

/** The Guatu schedule file (docs/rules.md "Schedule file"). */
export function writeGuatuFile(m: PeerModel, path: string): void {
  const w = writer(path);
  w.out(
    `{"calendar":{"builtin":"CN"},"projectStart":"${PROJECT_START}","deadline":"${PROJECT_DEADLINE}",\n"tasks":[\n`,
  );
  for (let i = 0; i < m.n; i++) {
    const t = [`"id":"${taskId(i)}"`, `"name":"任务 ${i}"`];
    if (m.parent[i]! >= 0) t.push(`"parent":"${taskId(m.parent[i]!)}"`);
    if (m.duration[i]! >= 0) t.push(`"duration":${m.duration[i]}`);
    if (m.deadline[i]) t.push(`"deadline":"${m.deadline[i]}"`);
    w.out(`{${t.join(",")}}${i < m.n - 1 ? ",\n" : "\n"}`);
  }
  w.out('],\n"dependencies":[\n');
  m.deps.forEach((d, k) => {
    w.out(
      `${k > 0 ? ",\n" : ""}{"from":"${taskId(d.from)}","to":"${taskId(d.to)}","type":"${d.ff ? "FF" : "FS"}","lag":${d.lag}}`,
    );
  });
  w.out("\n]}\n");
  w.close();
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The days off of [from, to] straight from `chinese-days` (statutory holidays; Saturdays and Sundays
 * unless an adjusted working day), as runs of consecutive days with the holiday's name.
 */
export function cnDaysOff(from: string, to: string): { first: string; days: number; name: string }[] {
  const data = cn as { holidays: Record<string, string>; workdays: Record<string, string> };
  const runs: { first: string; days: number; name: string }[] = [];
  let last = Number.NaN;
  for (let d = dayOf(from); d <= dayOf(to); d++) {
    const iso = isoOf(d);
    const weekday = new Date(d * DAY_MS).getUTCDay(); // 0 Sunday, 6 Saturday
    const holiday = data.holidays[iso]?.split(",")[1];
    if (!holiday && (data.workdays[iso] || (weekday !== 0 && weekday !== 6))) continue;
    const run = runs[runs.length - 1];
    if (run && last === d - 1) {
      run.days++;
      if (holiday && run.name === "weekend") run.name = holiday;
    } else runs.push({ first: iso, days: 1, name: holiday ?? "weekend" });
    last = d;
  }
  return runs;
}

/** tj3's project header and calendar: working hours on all seven days, every day off a global leave. */
function tjHeader(name: string, w: { out: (s: string) => void }): void {
  w.out(`project peers "${name}" ${TJ_FROM} - ${TJ_TO} {\n  timezone "UTC"\n  timeformat "%Y-%m-%d %H:%M"\n`);
  w.out("  workinghours mon - sun 9:00 - 12:00, 13:00 - 18:00\n}\n");
  for (const r of cnDaysOff(TJ_FROM, TJ_TO)) w.out(`leaves holiday "${r.name}" ${r.first} +${r.days}d\n`);
}

function tjReport(w: { out: (s: string) => void }): void {
  w.out('taskreport dates "dates" {\n  formats csv\n  columns id, start, end\n  hideresource 1\n');
  w.out('  timeformat "%Y-%m-%d %H:%M"\n}\n');
}

/** The same model as a TaskJuggler project; its CSV report `dates.csv` lists id, start and end. */
export function writeTjpFile(m: PeerModel, path: string): void {
  const w = writer(path);
  tjHeader("Guatu peer benchmark", w);
  const deadlines = [...new Set(m.deadline.filter((d): d is string => d !== undefined))].sort();
  for (const d of deadlines)
    w.out(`task dl_${d.replaceAll("-", "")} "deadline ${d}" { start ${isoOf(dayOf(d) + 1)} }\n`);
  const children: number[][] = Array.from({ length: m.n }, () => []);
  const path_: string[] = new Array(m.n);
  const tops: number[] = [];
  for (let i = 0; i < m.n; i++) {
    const p = m.parent[i]!;
    if (p >= 0) children[p]!.push(i);
    else tops.push(i);
    path_[i] = p >= 0 ? `${path_[p]}.${taskId(i)}` : taskId(i); // parents come first
  }
  const succ: PeerDependency[][] = Array.from({ length: m.n }, () => []);
  for (const d of m.deps) succ[d.from]!.push(d);
  const emit = (i: number, indent: string) => {
    w.out(`${indent}task ${taskId(i)} "任务 ${i}" {\n`);
    const inner = `${indent}  `;
    if (m.parent[i]! < 0) w.out(`${inner}scheduling alap\n`);
    if (m.duration[i]! < 0) for (const c of children[i]!) emit(c, inner);
    else {
      w.out(m.duration[i] === 0 ? `${inner}milestone\n` : `${inner}length ${m.duration[i]}d\n`);
      for (const d of succ[i]!) {
        // FF into a milestone is written FS (the same bound: its start is its end): tj3's loop check,
        // which does not tell a task's inside from its outside, reports FF chains of milestones as loops.
        const onEnd = d.ff && m.duration[d.to] !== 0;
        const opts = [onEnd ? "onend" : "", d.lag > 0 ? `gaplength ${d.lag}d` : ""].filter(Boolean).join(" ");
        w.out(`${inner}precedes ${path_[d.to]}${opts ? ` { ${opts} }` : ""}\n`);
      }
      if (m.deadline[i]) w.out(`${inner}precedes dl_${m.deadline[i]!.replaceAll("-", "")}\n`);
    }
    w.out(`${indent}}\n`);
  };
  for (const t of tops) emit(t, "");
  tjReport(w);
  w.close();
}

/**
 * A calendar probe: for every day D of tj3's interval up to the deadline, an ASAP task of one
 * working day starting at D's midnight; it ends on the first working day on or after D.
 */
export function writeTjCalendarProbe(path: string): string[] {
  const w = writer(path);
  tjHeader("calendar probe", w);
  const days: string[] = [];
  for (let d = dayOf(TJ_FROM); d <= dayOf(PROJECT_DEADLINE); d++) {
    days.push(isoOf(d));
    w.out(`task d${isoOf(d).replaceAll("-", "")} "" { start ${isoOf(d)} length 1d }\n`);
  }
  tjReport(w);
  w.close();
  return days;
}
