/**
 * `npm run bench:reminders` — the reminder rules at province size: 100 task forces × 300 tasks and
 * 10 supervision items each, evaluated for every day of a half-year (2022-07-01 → 2022-12-31) on the
 * CN 2022 calendar, with weekly dispatch rounds cut off on Fridays. Prints the time of one day's evaluation (median, p95, max) and the reminders.
 * Options (env): BENCH_TASK_FORCES (default 100), BENCH_TASKS (per task force, default 300).
 */
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { workCalendarFor } from "../../src/engines/calendar/index.js";
import {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderItem,
  type ReminderTask,
  remindersDue,
} from "../../src/engines/reminders/index.js";

const forces = Number(process.env.BENCH_TASK_FORCES ?? 100);
const perForce = Number(process.env.BENCH_TASKS ?? 300);
const calendar = workCalendarFor({ builtin: "CN" }, { from: 2022, to: 2023 });
const iso = (d: number) => new Date(Date.UTC(2022, 6, 1) + d * 86_400_000).toISOString().slice(0, 10);

const taskForces = Array.from({ length: forces }, (_, f) => ({
  id: `tf${f}`,
  leadPersonIds: [`lead${f}`],
  leadLeaderId: `boss${f % 20}`,
}));
const tasks: ReminderTask[] = [];
const items: ReminderItem[] = [];
for (let f = 0; f < forces; f++) {
  for (let k = 0; k < perForce; k++)
    tasks.push({
      id: `t${f}.${k}`,
      taskForceId: `tf${f}`,
      code: `${k}`,
      due: iso((k * 7 + f) % 184),
      done: k % 5 === 0,
      active: true,
      milestone: k % 10 === 0,
      ownerId: `p${(f * perForce + k) % 2000}`,
      unitId: `u${k % 40}`,
      lastReport: iso((k * 3) % 184),
    });
  for (let k = 0; k < 10; k++)
    items.push({
      id: `s${f}.${k}`,
      taskForceId: `tf${f}`,
      code: `DB-${f}-${k}`,
      due: iso((k * 17 + f) % 184),
      open: k % 3 !== 0,
      ownerId: `p${k}`,
      unitId: `u${k}`,
    });
}
const unitHeads = new Map(Array.from({ length: 40 }, (_, u) => [`u${u}`, `head${u}`]));

/** The weekly dispatch round of a day: Monday to its Friday cut-off. */
function weekOf(day: string) {
  const t = Date.parse(`${day}T00:00:00Z`);
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000;
  const d = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { start: d(monday), cutoff: d(monday + 4 * 86_400_000) };
}

const times: number[] = [];
let reminders = 0;
const t0 = performance.now();
for (let d = 0; d < 184; d++) {
  const today = iso(d);
  const start = performance.now();
  const rs = remindersDue({
    today,
    calendar,
    settings: DEFAULT_REMINDER_SETTINGS,
    round: weekOf(today),
    taskForces,
    tasks,
    items,
    unitHeads,
  });
  times.push(performance.now() - start);
  reminders += rs.length;
}
const total = performance.now() - t0;
const sorted = [...times].sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()[0]?.toFixed(2)}, ${new Date().toISOString()}`,
);
console.log(
  `${tasks.length} tasks, ${items.length} supervision items; one day's evaluation: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; half-year (184 days) ${Math.round(total)} ms, ${reminders} reminders`,
);
