import { describe, expect, it } from "vitest";
import { barGeometry, visibleRowRange } from "./geometry";
import { buildTask } from "./test-factories";
import { buildTimeScale, dayOfIso, xOfDay } from "./time-scale";

const scale = buildTimeScale(dayOfIso("2022-07-01"), dayOfIso("2022-12-31"), "week");
const layout = { rowHeight: 28 };
const x = (iso: string) => xOfDay(scale, dayOfIso(iso));

describe("barGeometry", () => {
  it("spans the early dates, the finish day inclusive", () => {
    const g = barGeometry(
      buildTask({ id: "t", earlyStart: "2022-08-01", earlyFinish: "2022-08-05" }),
      scale,
      layout,
      0,
    );
    expect(g.bar).toEqual({ x0: x("2022-08-01"), x1: x("2022-08-06") });
    expect(g.milestone).toBe(false);
  });
  it("draws the baseline thin and under the current bar", () => {
    const g = barGeometry(buildTask({ id: "t" }), scale, layout, 56);
    expect(g.baseline).toEqual({ x0: x("2022-07-01"), x1: x("2022-07-15") });
    expect(g.baselineHeight).toBeLessThan(g.barHeight);
    expect(g.baselineY).toBeGreaterThan(g.barY + g.barHeight / 2);
    expect(g.baselineY + g.baselineHeight / 2).toBeLessThanOrEqual(56 + 28);
    expect(g.barY - g.barHeight / 2).toBeGreaterThanOrEqual(56);
  });
  it("places a milestone at the end of its day, without a baseline", () => {
    const g = barGeometry(
      buildTask({ id: "m", duration: 0, earlyStart: "2022-09-30", earlyFinish: "2022-09-30" }),
      scale,
      layout,
      0,
    );
    expect(g.milestone).toBe(true);
    expect(g.bar).toEqual({ x0: x("2022-10-01"), x1: x("2022-10-01") });
    expect(g.baseline).toBeNull();
    expect(g.lateStartX).toBeNull();
  });
  it("draws a milestone at its date: the actual finish, else the deadline, not the early finish", () => {
    const at = (o: Record<string, unknown>) =>
      barGeometry(buildTask({ id: "m", duration: 0, earlyFinish: "2022-09-16", ...o }), scale, layout, 0).bar;
    expect(at({ deadline: "2022-10-31" })).toEqual({ x0: x("2022-11-01"), x1: x("2022-11-01") });
    expect(at({ deadline: "2022-10-31", actualFinish: "2022-10-28" })).toEqual({
      x0: x("2022-10-29"),
      x1: x("2022-10-29"),
    });
    expect(at({ deadline: null })).toEqual({ x0: x("2022-09-17"), x1: x("2022-09-17") });
  });
  it("marks the late start (倒排) and the end of the late finish", () => {
    const g = barGeometry(
      buildTask({ id: "t", lateStart: "2022-07-11", lateFinish: "2022-07-22" }),
      scale,
      layout,
      0,
    );
    expect(g.lateStartX).toBe(x("2022-07-11"));
    expect(g.lateFinishX).toBe(x("2022-07-23"));
  });
  it("treats a task without duration as a summary and clamps progress", () => {
    const g = barGeometry(buildTask({ id: "s", duration: null, percent: 100 }), scale, layout, 0);
    expect(g.summary).toBe(true);
    expect(g.progress).toBe(1);
  });
  it("has no bar without dates", () => {
    const g = barGeometry(
      buildTask({
        id: "t",
        earlyStart: null,
        earlyFinish: null,
        actualStart: null,
        baselineStart: null,
        baselineFinish: null,
      }),
      scale,
      layout,
      0,
    );
    expect(g.bar).toBeNull();
  });
});

describe("visibleRowRange", () => {
  it("covers the rows in the viewport, clamped to the model", () => {
    expect(visibleRowRange(0, 280, 28, 5000)).toEqual({ first: 0, last: 10 });
    expect(visibleRowRange(2800, 280, 28, 5000)).toEqual({ first: 100, last: 110 });
    expect(visibleRowRange(2800, 280, 28, 105)).toEqual({ first: 100, last: 104 });
  });
});
