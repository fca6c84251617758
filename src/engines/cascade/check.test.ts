import { describe, expect, it } from "vitest";
import { checkCascade } from "./check.js";
import { splitMonthly } from "./split.js";
import type { CascadeIndicator } from "./types.js";

const ind = (
  id: string,
  parentId: string | null,
  over: Partial<CascadeIndicator> = {},
): CascadeIndicator => ({
  id,
  parentId,
  kind: "cumulative",
  direction: "up",
  target: 100,
  ownerPersonId: `owner-${id}`,
  ...over,
});
const codes = (list: readonly CascadeIndicator[], opts = {}) =>
  checkCascade(list, opts).map((f) => `${f.indicatorId}:${f.code}`);
/** A parent with one child per target, all of this kind. */
const family = (kind: CascadeIndicator["kind"], target: number, children: [number, number?][]) => [
  ind("P", null, { kind, target }),
  ...children.map(([t, weight], i) => ind(`C${i}`, "P", { kind, target: t, weight: weight ?? null })),
];

describe("checkCascade: CASCADE_SHARES", () => {
  // Default tolerance: 0.5 % of the target (0.8 of 160; 0.45 of 90), 0.05 points for a rate.
  it.each([
    [
      "cumulative shares summing exactly (160 = 60 + 50 + 50)",
      family("cumulative", 160, [[60], [50], [50]]),
      null,
    ],
    ["cumulative shares just inside (159.2 of 160)", family("cumulative", 160, [[60], [50], [49.2]]), null],
    ["cumulative shares just outside (159.1 of 160)", family("cumulative", 160, [[60], [50], [49.1]]), 159.1],
    ["cumulative shares over the target (161 of 160)", family("cumulative", 160, [[61], [50], [50]]), 161],
    ["a lower-better cap split just outside (10.1 of 10)", family("cumulative", 10, [[5.1], [5]]), 10.1],
    ["a zero target with a child above 0", family("cumulative", 0, [[0], [0.000001]]), 0.000001],
    [
      "a rate weighing up exactly (3 × 6 + 1 × 4) / 4",
      family("rate", 5.5, [
        [6, 3],
        [4, 1],
      ]),
      null,
    ],
    ["a rate just inside (5.55 against 5.5)", family("rate", 5.5, [[5.55], [5.55]]), null],
    ["a rate just outside (5.56 against 5.5)", family("rate", 5.5, [[5.56], [5.56]]), 5.56],
    [
      "a rate whose weights are all zero",
      family("rate", 5.5, [
        [5.5, 0],
        [5.5, 0],
      ]),
      undefined,
    ],
    ["a level just inside (90.45 of 90)", family("level", 90, [[90.45], [90.45]]), null],
    ["a level just outside (90.46 of 90)", family("level", 90, [[90.46], [90.46]]), 90.46],
    [
      "a weighted level (1 × 70 + 4 × 95) / 5 = 90",
      family("level", 90, [
        [70, 1],
        [95, 4],
      ]),
      null,
    ],
  ])("judges %s", (_, list, actual) => {
    const findings = checkCascade(list).filter((f) => f.code === "CASCADE_SHARES");
    if (actual === null) expect(findings).toEqual([]);
    else
      expect(findings).toEqual([
        {
          code: "CASCADE_SHARES",
          indicatorId: "P",
          expected: list[0]!.target,
          ...(actual === undefined ? {} : { actual }),
        },
      ]);
  });

  it("takes a looser tolerance when given", () => {
    const list = family("cumulative", 160, [[60], [50], [49.1]]);
    expect(codes(list, { tolerance: { relative: 0.01 } })).toEqual([]);
    expect(codes(family("rate", 5.5, [[5.6]]), { tolerance: { ratePoints: 0.1 } })).toEqual([]);
    expect(codes(family("rate", 5.5, [[5.6]]), { tolerance: { relative: 0.5 } })).toEqual([
      "P:CASCADE_SHARES",
    ]);
  });
});

const months = (values: number[]) =>
  Object.fromEntries(values.map((v, k) => [`2022-${String(k + 1).padStart(2, "0")}`, v]));
const even12 = { method: "working-days", workingDays: Array(12).fill(1) } as const;

describe("checkCascade: CASCADE_MONTHS", () => {
  it.each([
    ["ending at the target", { "2022-06": 50, "2022-12": 160 }, null],
    ["ending just inside the tolerance", { "2022-12": 159.2 }, null],
    ["ending just outside it", { "2022-06": 80, "2022-12": 159.1 }, { actual: 159.1, period: "2022-12" }],
    [
      "whose latest month is not December",
      { "2022-03": 40, "2022-09": 150 },
      { actual: 150, period: "2022-09" },
    ],
  ])("checks a cumulative plan %s", (_, monthlyPlan, wrong) => {
    const findings = checkCascade([ind("A", null, { target: 160, monthlyPlan })]);
    expect(findings).toEqual(
      wrong ? [{ code: "CASCADE_MONTHS", indicatorId: "A", expected: 160, ...wrong }] : [],
    );
  });

  it("does not check the plan's end for a rate", () => {
    expect(codes([ind("A", null, { kind: "rate", target: 5.5, monthlyPlan: { "2022-12": 3 } })])).toEqual([]);
  });

  it("accepts children's plans split to cents like the parent's", () => {
    const list = [
      ind("P", null, { target: 160, monthlyPlan: splitMonthly(160, 2022, even12, 2) }),
      ind("A", "P", { target: 60, monthlyPlan: splitMonthly(60, 2022, even12, 2) }),
      ind("B", "P", { target: 50, monthlyPlan: splitMonthly(50, 2022, even12, 2) }),
      ind("C", "P", { target: 50, monthlyPlan: splitMonthly(50, 2022, even12, 2) }),
    ];
    expect(codes(list)).toEqual([]);
  });

  it("reports the first month the children's plans do not sum to, carrying a child's missing month", () => {
    const list = [
      ind("P", null, {
        target: 120,
        monthlyPlan: months([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]),
      }),
      ind("A", "P", { target: 60, monthlyPlan: months([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]) }),
      // B has no April: March's 15 carries, so April sums to 35 of 40.
      ind("B", "P", {
        target: 60,
        monthlyPlan: { "2022-01": 5, "2022-02": 10, "2022-03": 15, "2022-05": 25, "2022-12": 60 },
      }),
    ];
    expect(checkCascade(list)).toEqual([
      { code: "CASCADE_MONTHS", indicatorId: "P", expected: 40, actual: 35, period: "2022-04" },
    ]);
  });

  it.each([
    ["just inside (0.6 of 120 short)", 119.4, []],
    [
      "just outside (0.7 short)",
      119.3,
      [{ code: "CASCADE_MONTHS", indicatorId: "P", expected: 120, actual: 119.3, period: "2022-12" }],
    ],
  ])("compares the children's months to the parent's %s", (_, last, expected) => {
    const list = [
      ind("P", null, { target: 120, monthlyPlan: { "2022-06": 60, "2022-12": 120 } }),
      ind("A", "P", { target: 60, monthlyPlan: { "2022-06": 30, "2022-12": 60 } }),
      ind("B", "P", { target: 60, monthlyPlan: { "2022-06": 30, "2022-12": last - 60 } }),
    ];
    expect(checkCascade(list).filter((f) => f.indicatorId === "P")).toEqual(expected);
  });

  it("reads plans written out of month order and skips entries that are not numbers", () => {
    const list = [
      ind("P", null, { target: 120, monthlyPlan: { "2022-12": 120, "2022-06": 60, "2022-09": Number.NaN } }),
      ind("A", "P", { target: 60, monthlyPlan: { "2022-12": 60, "2022-06": 30 } }),
      ind("B", "P", { target: 60, monthlyPlan: { "2022-06": 30, "2022-12": 60, "2023-01": Number.NaN } }),
    ];
    expect(codes(list)).toEqual([]);
    const behind = [
      list[0]!,
      list[1]!,
      ind("B", "P", { target: 60, monthlyPlan: { "2022-12": 60, "2022-03": 30 } }),
    ];
    // B's June carries March's 30: fine; a plan whose only entry is not a number has no plan.
    expect(codes(behind)).toEqual([]);
    expect(codes([ind("X", null, { monthlyPlan: { "2022-12": Number.NaN } })])).toEqual([]);
  });

  it("skips the children's months unless every child has a plan", () => {
    const list = [
      ind("P", null, { target: 120, monthlyPlan: { "2022-12": 120 } }),
      ind("A", "P", { target: 60, monthlyPlan: { "2022-12": 10 } }),
      ind("B", "P", { target: 60 }),
    ];
    expect(codes(list)).toEqual(["A:CASCADE_MONTHS"]);
  });
});

describe("checkCascade: kind, owner and tasks", () => {
  it.each([
    ["a child of another kind", { kind: "level" as const }, ["C:CASCADE_KIND"]],
    ["a child of another direction", { direction: "down" as const }, ["C:CASCADE_KIND"]],
    ["a child without an owner", { ownerPersonId: null }, ["C:CASCADE_OWNER"]],
    ["a child with an empty owner", { ownerPersonId: "" }, ["C:CASCADE_OWNER"]],
    ["a matching, owned child", {}, []],
  ])("reports %s", (_, over, expected) => {
    expect(codes([ind("P", null), ind("C", "P", over)])).toEqual(expected);
  });

  it("does not ask a top-level indicator for an owner, but does a share whose parent is outside the list", () => {
    expect(
      codes([ind("P", null, { ownerPersonId: null }), ind("X", "elsewhere", { ownerPersonId: null })]),
    ).toEqual(["X:CASCADE_OWNER"]);
  });

  it("reports indicators that neither they nor any of their shares have a task for", () => {
    const list = [
      ind("D", null, { target: 200 }),
      ind("S1", "D"),
      ind("U1", "S1", { target: 50 }),
      ind("U2", "S1", { target: 50 }),
      ind("S2", "D"),
      ind("E", null),
    ];
    expect(codes(list)).toEqual([]); // not checked without the links
    expect(codes(list, { linkedIndicatorIds: new Set(["U2"]) })).toEqual([
      "U1:INDICATOR_NO_TASK",
      "S2:INDICATOR_NO_TASK",
      "E:INDICATOR_NO_TASK",
    ]);
    expect(codes(list, { linkedIndicatorIds: new Set(["D", "U1", "U2", "S2", "E"]) })).toEqual([]);
  });

  it("sorts findings by the indicators' order, then by code", () => {
    const list = [
      ind("C2", "P", { kind: "rate", ownerPersonId: null, target: 1 }),
      ind("P", null, { target: 160, monthlyPlan: { "2022-12": 100 } }),
      ind("C1", "P", { ownerPersonId: null, target: 60 }),
    ];
    expect(codes(list, { linkedIndicatorIds: new Set<string>() })).toEqual([
      "C2:CASCADE_KIND",
      "C2:CASCADE_OWNER",
      "C2:INDICATOR_NO_TASK",
      "P:CASCADE_MONTHS",
      "P:CASCADE_SHARES",
      "P:INDICATOR_NO_TASK",
      "C1:CASCADE_OWNER",
      "C1:INDICATOR_NO_TASK",
    ]);
  });

  it("throws CASCADE_CYCLE when the parents loop", () => {
    expect(() => checkCascade([ind("A", "B"), ind("B", "A")])).toThrow(
      expect.objectContaining({ code: "CASCADE_CYCLE", ids: ["A", "B"] }),
    );
  });
});
