import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { workCalendarFor } from "../calendar/index.js";
import type { Indicator, Reading } from "../indicators/types.js";
import { overview } from "./overview.js";
import { trendHistory, trendTurns } from "./trend-history.js";

const level: Indicator = {
  id: "l",
  name: "规上工业企业数",
  unit: "家",
  kind: "level",
  direction: "up",
  baseline: 0,
  target: 10,
  year: 2022,
  taskForceId: "tf1",
};
const rate: Indicator = { ...level, id: "r", name: "地区生产总值增速", unit: "%", kind: "rate", target: 5.5 };
const cumulative: Indicator = {
  ...level,
  id: "c",
  name: "招商引资到位资金",
  unit: "亿元",
  kind: "cumulative",
  target: 120,
};
const months = (values: readonly number[], from = 1): Reading[] =>
  values.map((actual, k) => ({ period: `2022-${String(from + k).padStart(2, "0")}`, actual }));

describe("trendHistory", () => {
  it.each([
    [
      "a level read 3, 1, 1.02, 2",
      level,
      [3, 1, 1.02, 2],
      ["unknown", "falling", "stopped-falling", "rebounding"],
    ],
    [
      "a rate turning positive",
      rate,
      [-9.5, -8.7, -6.3, 1],
      ["unknown", "rebounding", "rebounding", "turned-positive"],
    ],
    ["a flat level", level, [4, 4.01, 4.02], ["unknown", "flat", "flat"]],
  ] as const)("classifies %s month by month", (_, indicator, values, stages) => {
    const history = trendHistory(indicator, months(values), "2022-12-31");
    expect(history.map((m) => m.stage)).toEqual(stages);
    expect(history.map((m) => m.period)).toEqual(months(values).map((r) => r.period));
  });

  it("leaves out months after the status date and outside the indicator's year", () => {
    const readings = [{ period: "2021-12", actual: 9 }, ...months([1, 2, 3, 4])];
    expect(trendHistory(level, readings, "2022-03-10").map((m) => m.period)).toEqual([
      "2022-01",
      "2022-02",
      "2022-03",
    ]);
  });

  it("ends, at every status date, on the stage the overview shows", () => {
    const calendar = workCalendarFor({ builtin: "CN" }, { from: 2022, to: 2022 });
    const value = fc.double({ min: -20, max: 200, noNaN: true });
    fc.assert(
      fc.property(
        fc.constantFrom(level, rate, cumulative),
        fc.array(value, { minLength: 0, maxLength: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (indicator, values, month) => {
          // Cumulative actuals only grow.
          const series =
            indicator.kind === "cumulative"
              ? values.map((_, k) => values.slice(0, k + 1).reduce((s, v) => s + Math.abs(v), 0))
              : values;
          const readings = months(series);
          const statusDate = `2022-${String(month).padStart(2, "0")}-15`;
          const o = overview({
            statusDate,
            calendar,
            taskForces: [{ id: "tf1" }],
            tasks: [],
            indicators: [{ indicator, readings }],
          });
          const history = trendHistory(indicator, readings, statusDate);
          expect(history.at(-1)?.stage ?? "unknown").toBe(o.indicators[0]!.trend);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("trendTurns", () => {
  const at = (stages: string[]) =>
    stages.map((stage, k) => ({ period: `2022-${String(k + 1).padStart(2, "0")}`, stage }) as const);

  it.each([
    [
      ["unknown", "falling", "stopped-falling", "rebounding", "rebounding"],
      [
        ["2022-03", "stopped-falling"],
        ["2022-04", "rebounding"],
      ],
    ],
    [
      ["unknown", "rebounding", "flat", "rebounding", "turned-positive"],
      [
        ["2022-02", "rebounding"],
        ["2022-04", "rebounding"],
        ["2022-05", "turned-positive"],
      ],
    ],
    [["unknown", "falling", "falling", "flat"], []],
    [[], []],
  ] as const)("reports %j as %j", (stages, turns) => {
    const history = at([...stages]) as Parameters<typeof trendTurns>[0];
    expect(trendTurns(history).map((m) => [m.period, m.stage])).toEqual(turns);
  });
});
