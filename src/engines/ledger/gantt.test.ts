import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type GanttTask, ganttLayout, mondayOf } from "./gantt.js";

const task = (start: string | null, finish: string | null, milestone = false): GanttTask => ({
  start,
  finish,
  milestone,
  color: "green",
});

describe("the Gantt sheet's week grid", () => {
  it("starts weeks on Monday", () => {
    expect(mondayOf("2022-08-15")).toBe("2022-08-15"); // a Monday
    expect(mondayOf("2022-08-21")).toBe("2022-08-15"); // Sunday
    expect(mondayOf("2023-01-01")).toBe("2022-12-26"); // across a year
  });

  it("spans the earliest start to the latest finish, bars by week, a milestone as one marked week", () => {
    const g = ganttLayout(
      [task("2022-08-17", "2022-09-02"), task(null, "2022-10-31", true), task(null, null)],
      "2022-08-20",
    );
    expect(g.weeks[0]).toBe("2022-08-15");
    expect(g.weeks.at(-1)).toBe("2022-10-31");
    expect(g.statusWeek).toBe(0);
    expect(g.bars[0]).toEqual({ from: 0, to: 2, mark: null, clipped: false });
    expect(g.bars[1]).toEqual({ from: 11, to: 11, mark: 11, clipped: false });
    expect(g.bars[2]).toBeNull();
  });

  it("clips bars past the last week it may show, and says so", () => {
    const g = ganttLayout(
      [task("2022-01-03", "2022-01-07"), task("2022-01-03", "2025-01-01")],
      "2022-01-03",
      10,
    );
    expect(g.weeks).toHaveLength(10);
    expect(g.bars[1]).toMatchObject({ from: 0, to: 9, clipped: true });
  });

  it("puts every dated task's bar inside the grid, covering the weeks of its start and finish", () => {
    const day = fc
      .integer({ min: 0, max: 900 })
      .map((n) => new Date(Date.UTC(2022, 0, 3) + n * 86_400_000).toISOString().slice(0, 10));
    const spans = fc.array(
      fc.tuple(day, fc.integer({ min: 0, max: 120 }), fc.boolean()).map(([s, len, m]) => {
        const f = new Date(Date.parse(`${s}T00:00:00Z`) + len * 86_400_000).toISOString().slice(0, 10);
        return task(s, f, m);
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(spans, day, (tasks, status) => {
        const g = ganttLayout(tasks, status);
        expect(g.weeks.length).toBeLessThanOrEqual(156);
        tasks.forEach((t, i) => {
          const bar = g.bars[i]!;
          expect(bar).not.toBeNull();
          expect(0 <= bar.from && bar.from <= bar.to && bar.to < g.weeks.length).toBe(true);
          if (!bar.clipped && !t.milestone) {
            expect(g.weeks[bar.from]).toBe(mondayOf(t.start!));
            expect(g.weeks[bar.to]).toBe(mondayOf(t.finish!));
          }
          if (t.milestone) expect(bar.mark).toBe(bar.to);
        });
      }),
    );
  });
});
