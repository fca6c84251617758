import { describe, expect, it } from "vitest";
import { workCalendarFor } from "../calendar/index.js";
import { monthEnd, monthStart } from "../indicators/dates.js";
import { CascadeError } from "./cascade-error.js";
import { splitMonthly, splitTarget } from "./split.js";
import type { CascadeIndicator, MonthlySplit, TargetSplit } from "./types.js";

const buildIndicator = (over: Partial<CascadeIndicator> = {}): CascadeIndicator => ({
  id: "retail",
  parentId: null,
  kind: "cumulative",
  direction: "up",
  target: 160,
  ...over,
});
const even: TargetSplit = { method: "even" };
const shares = (...s: number[]): TargetSplit => ({ method: "shares", shares: s });
const lastYear = (...v: number[]): TargetSplit => ({ method: "last-year", lastYear: v });

/** Asserts that `run` throws a CascadeError with this code and field. */
function expectCascadeError(run: () => unknown, code: string, field: string): void {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(CascadeError);
    expect({ code: (e as CascadeError).code, field: (e as CascadeError).field }).toEqual({ code, field });
    return;
  }
  expect.fail(`expected a CascadeError ${code}`);
}

describe("splitTarget", () => {
  it.each([
    [
      "cumulative up, by shares 60/50/50 (the 160 example)",
      { target: 160 },
      shares(60, 50, 50),
      [60, 50, 50],
      [0.375, 0.3125, 0.3125],
    ],
    [
      "cumulative up, evenly, 100 three ways at 0 decimals",
      { target: 100 },
      even,
      [34, 33, 33],
      [1 / 3, 1 / 3, 1 / 3],
    ],
    [
      "cumulative up, by last year's actuals",
      { target: 110 },
      lastYear(20, 30, 50),
      [22, 33, 55],
      [0.2, 0.3, 0.5],
    ],
    [
      "cumulative up, 3:2:2 at the target's one decimal",
      { target: 12.5 },
      shares(3, 2, 2),
      [5.3, 3.6, 3.6],
      [3 / 7, 2 / 7, 2 / 7],
    ],
    [
      "cumulative up, evenly at 2 decimals given",
      { target: 100, decimals: 2 },
      even,
      [33.34, 33.33, 33.33],
      [1 / 3, 1 / 3, 1 / 3],
    ],
    [
      "cumulative up, a child with no share last year",
      { target: 0.3 },
      lastYear(1, 0, 1),
      [0.2, 0, 0.1],
      [0.5, 0, 0.5],
    ],
    [
      "cumulative down, an accident cap 3:2:2",
      { target: 10, direction: "down" as const },
      shares(3, 2, 2),
      [4, 3, 3],
      [3 / 7, 2 / 7, 2 / 7],
    ],
    [
      "cumulative down, a cap split evenly",
      { target: 7, direction: "down" as const },
      even,
      [3, 2, 2],
      [1 / 3, 1 / 3, 1 / 3],
    ],
    ["rate up, evenly", { kind: "rate" as const, target: 5.5 }, even, [5.5, 5.5, 5.5], [1, 1, 1]],
    [
      "rate up, by last year's base",
      { kind: "rate" as const, target: 5.5 },
      lastYear(120, 80, 0),
      [5.5, 5.5, 5.5],
      [120, 80, 0],
    ],
    [
      "rate down, by shares",
      { kind: "rate" as const, direction: "down" as const, target: 2 },
      shares(3, 1),
      [2, 2],
      [3, 1],
    ],
    ["level up, by shares", { kind: "level" as const, target: 90 }, shares(3, 2, 2), [90, 90, 90], [3, 2, 2]],
    [
      "level down, evenly",
      { kind: "level" as const, direction: "down" as const, target: 5.5 },
      even,
      [5.5, 5.5],
      [1, 1],
    ],
    ["level up, by last year", { kind: "level" as const, target: 80 }, lastYear(10, 30), [80, 80], [10, 30]],
  ])("splits %s", (_, over, split, targets, weights) => {
    const parts = splitTarget(buildIndicator(over), split, targets.length);
    expect(parts.map((p) => p.target)).toEqual(targets);
    parts.forEach((p, i) => {
      expect(p.weight).toBeCloseTo(weights[i]!, 12);
    });
  });

  it("makes cumulative parts add up to the target exactly, in rounding units", () => {
    const parts = splitTarget(buildIndicator({ target: 1234.5678 }), shares(1, 1, 1, 1, 1, 1, 1), 7);
    expect(parts.reduce((s, p) => s + Math.round(p.target * 1e4), 0)).toBe(12_345_678);
  });

  it("keeps a single child's share whole", () => {
    expect(splitTarget(buildIndicator({ target: 42.42 }), even, 1)).toEqual([{ target: 42.42, weight: 1 }]);
  });

  it.each([
    ["no children", even, 0, {}, "SPLIT_COUNT", "n"],
    ["a fractional child count", even, 2.5, {}, "SPLIT_COUNT", "n"],
    ["too few shares", shares(1, 2), 3, {}, "SPLIT_LENGTH", "shares"],
    ["too many last-year values", lastYear(1, 2, 3, 4), 3, {}, "SPLIT_LENGTH", "lastYear"],
    ["a negative share", shares(1, 1, -1), 3, {}, "SPLIT_NEGATIVE", "shares.2"],
    ["a NaN last-year value", lastYear(1, Number.NaN), 2, {}, "SPLIT_NOT_FINITE", "lastYear.1"],
    ["an infinite share", shares(Number.POSITIVE_INFINITY, 1), 2, {}, "SPLIT_NOT_FINITE", "shares.0"],
    ["all-zero shares", shares(0, 0, 0), 3, {}, "SPLIT_ZERO", "shares"],
    ["all-zero last year for a rate", lastYear(0, 0), 2, { kind: "rate" as const }, "SPLIT_ZERO", "lastYear"],
    ["a non-finite target", even, 2, { target: Number.NaN }, "SPLIT_NOT_FINITE", "target"],
    ["fractional decimals", even, 2, { decimals: 1.5 }, "SPLIT_DECIMALS", "decimals"],
  ])("rejects %s", (_, split, n, over, code, field) => {
    expectCascadeError(() => splitTarget({ ...buildIndicator(), ...over }, split, n), code, field);
  });
});

const months = (year: number, values: number[]) =>
  Object.fromEntries(values.map((v, k) => [`${year}-${String(k + 1).padStart(2, "0")}`, v]));

describe("splitMonthly", () => {
  it.each([
    [
      "evenly by working days",
      120,
      { method: "working-days", workingDays: Array(12).fill(21) },
      undefined,
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120],
    ],
    [
      "by last year's profile",
      13,
      { method: "profile", monthly: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
      undefined,
      [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
    ],
    [
      "by a profile with idle months",
      100,
      { method: "profile", monthly: [0, 0, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10] },
      undefined,
      [0, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    ],
    [
      "rounding the monthly amounts to whole units (remainders to the earlier months)",
      10,
      { method: "profile", monthly: Array(12).fill(1) },
      undefined,
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10],
    ],
    [
      "at 2 decimals given",
      10,
      { method: "profile", monthly: Array(12).fill(1) },
      2,
      [0.84, 1.68, 2.52, 3.36, 4.19, 5.02, 5.85, 6.68, 7.51, 8.34, 9.17, 10],
    ],
    [
      "one unit per working day",
      243,
      { method: "working-days", workingDays: [21, 16, 23, 19, 19, 21, 21, 22, 22, 16, 21, 22] },
      undefined,
      [21, 37, 60, 79, 98, 119, 140, 162, 184, 200, 221, 243],
    ],
  ] as [string, number, MonthlySplit, number | undefined, number[]][])(
    "spreads a target %s",
    (_, target, split, decimals, plan) => {
      expect(splitMonthly(target, 2022, split, decimals)).toEqual(months(2022, plan));
    },
  );

  it("follows 2022's working days of the CN calendar (Spring Festival in February, National Day in October)", () => {
    const cal = workCalendarFor({ builtin: "CN" }, { from: 2022, to: 2022 });
    const workingDays = Array.from({ length: 12 }, (_, k) => {
      const month = `2022-${String(k + 1).padStart(2, "0")}`;
      return cal.workdaysInRange(monthStart(month), monthEnd(month));
    });
    const total = workingDays.reduce((a, b) => a + b, 0);
    const plan = Object.values(splitMonthly(1000, 2022, { method: "working-days", workingDays }));
    expect(plan[11]).toBe(1000);
    plan.forEach((value, k) => {
      const amount = value - (k === 0 ? 0 : plan[k - 1]!);
      expect(Math.abs(amount - (1000 * workingDays[k]!) / total)).toBeLessThan(1);
    });
    expect(workingDays[1]).toBeLessThan(workingDays[2]!); // the holidays take their share of the plan
  });

  it("ends exactly at a target with decimals, whatever the working days", () => {
    const plan = splitMonthly(1234.56, 2023, {
      method: "working-days",
      workingDays: [17, 15, 23, 19, 20, 20, 21, 23, 20, 17, 22, 21],
    });
    expect(plan["2023-12"]).toBe(1234.56);
    expect(Object.keys(plan)).toHaveLength(12);
  });

  it.each([
    ["11 monthly values", 2022, { method: "profile", monthly: Array(11).fill(1) }, "SPLIT_LENGTH", "monthly"],
    [
      "a negative working-day count",
      2022,
      { method: "working-days", workingDays: [1, 1, 1, -1, 1, 1, 1, 1, 1, 1, 1, 1] },
      "SPLIT_NEGATIVE",
      "workingDays.3",
    ],
    ["an all-zero profile", 2022, { method: "profile", monthly: Array(12).fill(0) }, "SPLIT_ZERO", "monthly"],
    ["year 0", 0, { method: "profile", monthly: Array(12).fill(1) }, "SPLIT_YEAR", "year"],
  ] as [string, number, MonthlySplit, string, string][])("rejects %s", (_, year, split, code, field) => {
    expectCascadeError(() => splitMonthly(100, year, split), code, field);
  });
});
