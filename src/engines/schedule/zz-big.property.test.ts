import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildWorkCalendar } from "../calendar/work-calendar.js";
import { remainingDays } from "./node-bounds.js";
import { computeSchedule } from "./schedule.js";
import type { DependencyType, ScheduleDependencyInput, ScheduleFile, ScheduleTaskInput } from "./types.js";

const START = "2022-09-20"; // the Mid-Autumn and National Day holidays lie ahead
const cal = buildWorkCalendar({ builtin: "CN" }, { origin: START });
const TYPES: DependencyType[] = ["FS", "SS", "FF", "SF"];
const DATES = ["2022-09-23", "2022-09-30", "2022-10-09", "2022-10-14", "2022-10-31"];

/** A random project whose expanded leaf graph only goes forward in input order (so it has no cycle). */
const arbProject = fc
  .record({
    n: fc.integer({ min: 1, max: 10 }),
    parents: fc.array(fc.integer({ min: -3, max: 9 }), { minLength: 10, maxLength: 10 }),
    durations: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 10, maxLength: 10 }),
    deadlines: fc.array(fc.integer({ min: -8, max: 4 }), { minLength: 10, maxLength: 10 }),
    notBefore: fc.array(fc.integer({ min: -12, max: 4 }), { minLength: 10, maxLength: 10 }),
    deps: fc.array(
      fc.record({
        a: fc.nat(9),
        b: fc.nat(9),
        type: fc.constantFrom(...TYPES),
        lag: fc.integer({ min: -3, max: 3 }),
      }),
      { maxLength: 20 },
    ),
    deadline: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
  })
  .map((r) => {
    const parent = Array.from({ length: r.n }, (_, i) =>
      r.parents[i]! >= 0 && r.parents[i]! < i ? r.parents[i]! : -1,
    );
    const isSummary = parent.map((_, i) => parent.includes(i));
    const leaves = (i: number): number[] =>
      isSummary[i] ? parent.flatMap((p, c) => (p === i ? leaves(c) : [])) : [i];
    const isAncestor = (a: number, i: number): boolean =>
      parent[i]! >= 0 && (parent[i] === a || isAncestor(a, parent[i]!));
    const deps = r.deps.filter(
      ({ a, b }) =>
        a < r.n &&
        b < r.n &&
        a !== b &&
        !isAncestor(a, b) &&
        !isAncestor(b, a) &&
        Math.max(...leaves(a)) < Math.min(...leaves(b)),
    );
    const tasks: ScheduleTaskInput[] = parent.map((p, i) => ({
      id: `t${(i * 7) % 10}${i}`,
      ...(isSummary[i] ? {} : { duration: r.durations[i]! }),
      ...(p >= 0 ? { parent: `t${(p * 7) % 10}${p}` } : {}),
      ...(r.deadlines[i]! >= 0 ? { deadline: DATES[r.deadlines[i]!]! } : {}),
      ...(r.notBefore[i]! >= 0 ? { notBefore: DATES[r.notBefore[i]!]! } : {}),
    }));
    const dependencies: ScheduleDependencyInput[] = deps.map(({ a, b, type, lag }) => ({
      from: tasks[a]!.id,
      to: tasks[b]!.id,
      type,
      lag,
    }));
    const file: ScheduleFile = {
      calendar: { builtin: "CN" },
      projectStart: START,
      deadline: r.deadline,
      tasks,
      dependencies,
    };
    return { file, parent, isSummary, leaves };
  });

type Project = typeof arbProject extends fc.Arbitrary<infer T> ? T : never;

const endSlot = (d: string | undefined): number =>
  d === undefined ? Number.POSITIVE_INFINITY : cal.slotOnOrBefore(d) + 1;

/**
 * Checks both passes against the dependencies expanded to every pair of leaves (fine at this size):
 * started tasks keep their actual (or forecast) dates and nothing moves them; every other date is
 * exactly as early (forward) or as late (backward) as its constraints allow.
 */
function checkPasses({ file, parent, isSummary, leaves }: Project): void {
  const res = computeSchedule(file);
  const s = file.tasks.map((_, i) => res.slots(i));
  const leafIdx = file.tasks.map((_, i) => i).filter((i) => !isSummary[i]);
  const ES = (i: number, end: boolean) => (end ? s[i]!.earlyFinish : s[i]!.earlyStart);
  const LT = (i: number, end: boolean) => (end ? s[i]!.lateFinish : s[i]!.lateStart);
  const dur = (i: number) => s[i]!.earlyFinish - s[i]!.earlyStart;
  const status = file.statusDate === undefined ? undefined : cal.slotOnOrAfter(file.statusDate);
  const started = (i: number) => file.tasks[i]!.actualStart !== undefined;
  const lower = new Map(leafIdx.map((i) => [i, Math.max(0, status ?? 0)]));
  const upper = new Map<number, number>();
  const maxEf = Math.max(0, ...leafIdx.map((i) => s[i]!.earlyFinish));
  for (const i of leafIdx) {
    let ub = file.deadline === undefined ? maxEf : endSlot(file.deadline);
    for (let k = i; k >= 0; k = parent[k]!) {
      const t = file.tasks[k]!;
      ub = Math.min(ub, endSlot(t.deadline));
      if (t.notBefore) lower.set(i, Math.max(lower.get(i)!, cal.slotOnOrAfter(t.notBefore)));
    }
    upper.set(i, ub);
    const t = file.tasks[i]!;
    if (t.actualStart !== undefined) {
      const start = cal.slotOnOrAfter(t.actualStart);
      const finish =
        t.actualFinish !== undefined
          ? cal.slotOnOrBefore(t.actualFinish) + 1
          : status === undefined
            ? start + t.duration!
            : status + remainingDays(t.duration!, t.percent ?? 0);
      expect([s[i]!.earlyStart, s[i]!.earlyFinish]).toEqual([start, Math.max(start, finish)]);
    } else expect(dur(i)).toBe(t.duration);
    expect(s[i]!.lateFinish - s[i]!.lateStart).toBe(dur(i));
  }
  const index = new Map(file.tasks.map((t, i) => [t.id, i]));
  for (const d of file.dependencies ?? []) {
    const fromEnd = d.type === "FS" || d.type === "FF";
    const toEnd = d.type === "FF" || d.type === "SF";
    for (const a of leaves(index.get(d.from)!))
      for (const b of leaves(index.get(d.to)!)) {
        if (started(b)) continue; // history: binds neither pass
        // Every constraint holds in both passes …
        expect(ES(b, toEnd)).toBeGreaterThanOrEqual(ES(a, fromEnd) + d.lag!);
        expect(LT(b, toEnd)).toBeGreaterThanOrEqual(LT(a, fromEnd) + d.lag!);
        // … and collects the tightest bound, to check that each date is also as early/late as allowed.
        lower.set(b, Math.max(lower.get(b)!, ES(a, fromEnd) + d.lag! - (toEnd ? dur(b) : 0)));
        upper.set(a, Math.min(upper.get(a)!, LT(b, toEnd) - d.lag! + (fromEnd ? 0 : dur(a))));
      }
  }
  for (const i of leafIdx) {
    if (!started(i)) expect(s[i]!.earlyStart).toBe(lower.get(i));
    expect(s[i]!.lateFinish).toBe(upper.get(i));
    if (res.header.feasible) expect(s[i]!.lateStart).toBeGreaterThanOrEqual(s[i]!.earlyStart);
  }
}

/** The project at a status date, with random leaves done (0) or in progress (1) or not started. */
const arbWithStatus = fc
  .tuple(
    arbProject,
    fc.constantFrom("2022-09-20", "2022-09-29", "2022-10-08", "2022-10-12"),
    fc.array(fc.record({ kind: fc.nat(3), start: fc.nat(8), length: fc.nat(6), percent: fc.nat(100) }), {
      minLength: 10,
      maxLength: 10,
    }),
  )
  .map(([p, statusDate, st]) => {
    const base = cal.slotOnOrAfter(statusDate);
    const tasks = p.file.tasks.map((t, i) => {
      const x = st[i]!;
      if (p.isSummary[i] || x.kind > 1) return t;
      const actualStart = cal.dateOfSlot(base - x.start);
      if (x.kind === 1) return { ...t, actualStart, percent: x.percent };
      return { ...t, actualStart, actualFinish: cal.addWorkdays(actualStart, x.length) };
    });
    return { ...p, file: { ...p.file, statusDate, tasks } };
  });

const byId = (file: ScheduleFile) => {
  const out = computeSchedule(file).toOutput();
  // Rows and the negative-float list follow the input order by design; their contents must not.
  return {
    ...out,
    negativeFloatTasks: [...out.negativeFloatTasks].sort(),
    tasks: Object.fromEntries(out.tasks.map((t) => [t.id, t])),
  };
};

describe("schedule (property): random DAGs on the 2022 calendar", () => {
  it("meets every dependency and deadline in both passes, each date as early / as late as allowed", () => {
    fc.assert(fc.property(arbProject, checkPasses), { numRuns: 4000 });
  });

  it("keeps started tasks' dates and schedules the rest from the status date, exactly", () => {
    fc.assert(fc.property(arbWithStatus, checkPasses), { numRuns: 4000 });
  });

  it("never moves a late date earlier when the project deadline moves later", () => {
    fc.assert(
      fc.property(
        arbProject,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 20 }),
        (p, d0, extra) => {
          const early = { ...p.file, deadline: DATES[d0]! };
          const later = { ...p.file, deadline: cal.addWorkdays(DATES[d0]!, extra) };
          const a = computeSchedule(early);
          const b = computeSchedule(later);
          for (let i = 0; i < p.file.tasks.length; i++) {
            expect(b.slots(i).lateStart).toBeGreaterThanOrEqual(a.slots(i).lateStart);
            expect(b.slots(i).lateFinish).toBeGreaterThanOrEqual(a.slots(i).lateFinish);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("does not depend on the order of tasks or dependencies, critical chain included", () => {
    fc.assert(
      fc.property(
        arbProject,
        fc.array(fc.double({ noNaN: true }), { minLength: 30, maxLength: 30 }),
        (p, keys) => {
          const shuffle = <T>(xs: readonly T[]) =>
            xs
              .map((x, i) => [keys[i % keys.length]! + i / 1000, x] as const)
              .sort((a, b) => a[0] - b[0])
              .map(([, x]) => x);
          const shuffled = {
            ...p.file,
            tasks: shuffle(p.file.tasks),
            dependencies: shuffle(p.file.dependencies ?? []).reverse(),
          };
          expect(byId(shuffled)).toEqual(byId(p.file));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("gives a critical path of critical tasks, each driving the next", () => {
    fc.assert(
      fc.property(arbProject, (p) => {
        const out = computeSchedule(p.file).toOutput();
        const rows = new Map(out.tasks.map((t) => [t.id, t]));
        for (const id of out.criticalPath) expect(rows.get(id)!.critical).toBe(true);
        if (out.tasks.some((t) => !t.summary)) expect(out.criticalPath.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500 },
    );
  });
});
