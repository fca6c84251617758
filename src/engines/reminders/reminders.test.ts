import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workCalendarFor } from "../calendar/index.js";
import {
  CHAIN_LEVELS,
  DEFAULT_REMINDER_SETTINGS,
  type ReminderInput,
  type ReminderTask,
  remindersDue,
} from "./index.js";

const calendar = workCalendarFor({ builtin: "CN" }, { from: 2022, to: 2022 });
const tf = { id: "tf", leadPersonIds: ["lead"], leadLeaderId: "boss" };
const task = (o: Partial<ReminderTask> = {}): ReminderTask => ({
  id: "t1",
  taskForceId: "tf",
  code: "01.1",
  due: "2022-08-12",
  done: false,
  active: true,
  milestone: false,
  ownerId: "owner",
  unitId: "unit",
  lastReport: "2022-08-15",
  ...o,
});
const input = (today: string, o: Partial<ReminderInput> = {}): ReminderInput => ({
  today,
  calendar,
  settings: DEFAULT_REMINDER_SETTINGS,
  round: null,
  taskForces: [tf],
  tasks: [task()],
  items: [],
  unitHeads: new Map([["unit", "head"]]),
  ...o,
});
const seen = (today: string, o: Partial<ReminderInput> = {}) =>
  remindersDue(input(today, o)).map((r) => `${r.rule}/${r.level}/${r.recipientId}/${r.workdaysLate}`);

describe("reminders due on a day", () => {
  it("reminds the owner N working days before and on the day, across the National Day holiday and its 调休 weekend", () => {
    const o = { tasks: [task({ due: "2022-10-10" })] };
    // (Sep 30, Oct 10] holds three working days: Oct 8 and 9 (调休) and Oct 10.
    expect(seen("2022-09-30", o)).toEqual(["dueSoon/owner/owner/0"]);
    for (const day of ["2022-10-01", "2022-10-04", "2022-10-07"]) expect(seen(day, o)).toEqual([]);
    expect(seen("2022-10-08", o)).toEqual([]);
    expect(seen("2022-10-10", o)).toEqual(["dueToday/owner/owner/0"]);
    expect(seen("2022-10-11", o)).toEqual(["overdue/owner/owner/1"]);
  });

  it("tells each level up the chain only once its grace has run out, then every M working days", () => {
    // Due Friday 2022-08-12; Monday the 15th is the first working day late.
    const byDay = Object.fromEntries(
      ["2022-08-15", "2022-08-16", "2022-08-17", "2022-08-19", "2022-08-22", "2022-08-26"].map((d) => [
        d,
        seen(d),
      ]),
    );
    expect(byDay).toEqual({
      "2022-08-15": ["overdue/owner/owner/1"],
      "2022-08-16": [],
      "2022-08-17": ["overdue/unitHead/head/3", "overdue/owner/owner/3"],
      "2022-08-19": ["overdue/lead/lead/5", "overdue/unitHead/head/5", "overdue/owner/owner/5"],
      "2022-08-22": [],
      // 10 working days late: only the lead leader's turn ((10 − 10) % 2 = 0; the others' are odd).
      "2022-08-26": ["overdue/leadLeader/boss/10"],
    });
    expect(seen("2022-08-13")).toEqual([]); // a Saturday
  });

  it("follows a task force's own grace periods, and tells a person at two levels once, at the higher", () => {
    const own = { ...tf, leadPersonIds: ["owner"], settings: { grace: { lead: 1 } } };
    expect(seen("2022-08-15", { taskForces: [own] })).toEqual(["overdue/lead/owner/1"]);
  });

  it("asks for the round's report on its cut-off day, then up the chain; a report in the round answers it", () => {
    const round = { start: "2022-08-15", cutoff: "2022-08-19" };
    const quiet = { round, tasks: [task({ due: null, lastReport: "2022-08-10" })] };
    expect(seen("2022-08-18", quiet)).toEqual([]);
    expect(seen("2022-08-19", quiet)).toEqual(["noReport/owner/owner/0"]);
    expect(seen("2022-08-24", quiet)).toEqual(["noReport/unitHead/head/3"]);
    expect(seen("2022-08-19", { round, tasks: [task({ due: null, lastReport: "2022-08-16" })] })).toEqual([]);
    expect(
      seen("2022-08-19", { round, tasks: [task({ due: null, active: false, lastReport: null })] }),
    ).toEqual([]);
  });

  it("chases open supervision items, not submitted ones, and never a finished task", () => {
    const item = {
      id: "s1",
      taskForceId: "tf",
      code: "DB-1",
      due: "2022-08-12",
      open: true,
      ownerId: "owner",
      unitId: "unit",
    };
    const o = { tasks: [task({ done: true })], items: [item] };
    expect(seen("2022-08-09", o)).toEqual(["supervisionDueSoon/owner/owner/0"]);
    expect(seen("2022-08-15", o)).toEqual(["supervisionOverdue/owner/owner/1"]);
    expect(seen("2022-08-15", { ...o, items: [{ ...item, open: false }] })).toEqual([]);
  });

  const day = fc
    .integer({ min: 0, max: 364 })
    .map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const tasks = fc.array(
    fc.record({
      due: fc.option(day, { nil: null }),
      done: fc.boolean(),
      active: fc.boolean(),
      lastReport: fc.option(day, { nil: null }),
    }),
    { maxLength: 20 },
  );
  const settings = fc.record({
    daysBefore: fc.integer({ min: 0, max: 10 }),
    overdueEvery: fc.integer({ min: 1, max: 7 }),
    grace: fc.record({
      owner: fc.integer({ min: 1, max: 3 }),
      unitHead: fc.integer({ min: 1, max: 10 }),
      lead: fc.integer({ min: 1, max: 15 }),
      leadLeader: fc.integer({ min: 1, max: 20 }),
    }),
  });

  it("never reminds on a day off, never before a level's grace, never about finished work, and each reminder once", () => {
    fc.assert(
      fc.property(day, tasks, settings, (today, ts, s) => {
        const rs = remindersDue(
          input(today, {
            settings: s,
            round: { start: "2022-08-15", cutoff: "2022-08-19" },
            tasks: ts.map((t, i) => task({ ...t, id: `t${i}`, code: `1.${i}` })),
          }),
        );
        if (!calendar.isWorkday(today)) expect(rs).toEqual([]);
        for (const r of rs) {
          const t = ts[Number(r.subject.id.slice(1))]!;
          expect(t.done).toBe(false);
          if (r.rule === "overdue") expect(r.workdaysLate).toBeGreaterThanOrEqual(s.grace[r.level]);
          if (r.rule === "noReport" && r.level !== "owner")
            expect(r.workdaysLate).toBeGreaterThanOrEqual(s.grace[r.level]);
          expect(CHAIN_LEVELS).toContain(r.level);
        }
        expect(new Set(rs.map((r) => r.key)).size).toBe(rs.length);
      }),
    );
  });
});
