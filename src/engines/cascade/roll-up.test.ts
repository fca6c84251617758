import { describe, expect, it } from "vitest";
import { CascadeError } from "./cascade-error.js";
import { rollUp } from "./roll-up.js";
import { roundCascadeValue } from "./round-cascade-value.js";
import type { CascadeIndicator, CascadeReading } from "./types.js";

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
  ...over,
});
const r = (indicatorId: string, period: string, actual: number): CascadeReading => ({
  indicatorId,
  period,
  actual,
});
const monthsTo = (last: number) =>
  Array.from({ length: last }, (_, k) => `2022-${String(k + 1).padStart(2, "0")}`);

// District retail sales → two streets → three units; the units report year to date.
const district = [
  ind("D", null, { target: 160 }),
  ind("S1", "D", { target: 110 }),
  ind("S2", "D", { target: 50 }),
  ind("U1", "S1", { target: 60 }),
  ind("U2", "S1", { target: 50 }),
  ind("U3", "S2", { target: 50 }),
];
const unitReadings = [1, 2, 3, 4, 5, 6].flatMap((k) => [
  r("U1", `2022-0${k}`, 5 * k),
  r("U2", `2022-0${k}`, 4 * k),
  r("U3", `2022-0${k}`, 4.1 * k),
]);

describe("rollUp", () => {
  it.each([
    ["March", 3, [13.1, 26.2, 39.3]],
    ["June", 6, [13.1, 26.2, 39.3, 52.4, 65.5, 78.6]],
    ["January", 1, [13.1]],
  ])("sums leaf actuals up three levels at a status date in %s", (_, last, expected) => {
    const rolled = rollUp(district, unitReadings, monthsTo(last));
    const d = rolled.get("D")!;
    expect(d.months.map((m) => m.actual)).toEqual(expected);
    expect(d.months.every((m) => m.source === "computed" && m.missing.length === 0)).toBe(true);
    expect(d.latest?.period).toBe(`2022-0${last}`);
    expect(rolled.get("S1")!.months.map((m) => m.computed)).toEqual(expected.map((_, k) => 9 * (k + 1)));
  });

  it("gives a leaf its own readings and nothing computed", () => {
    const u1 = rollUp(district, unitReadings, monthsTo(2)).get("U1")!;
    expect(u1.months).toEqual([
      {
        period: "2022-01",
        actual: 5,
        source: "reported",
        computed: null,
        reported: 5,
        difference: null,
        missing: [],
      },
      {
        period: "2022-02",
        actual: 10,
        source: "reported",
        computed: null,
        reported: 10,
        difference: null,
        missing: [],
      },
    ]);
  });

  it("lists children without a value and sums those that have one", () => {
    const readings = unitReadings.filter((x) => !(x.indicatorId === "U3" && x.period === "2022-06"));
    const rolled = rollUp(district, readings, monthsTo(6));
    const june = (id: string) => rolled.get(id)!.months[5]!;
    expect(june("S2")).toMatchObject({ actual: null, source: "none", computed: null, missing: ["U3"] });
    expect(june("D")).toMatchObject({ actual: 54, source: "computed", computed: 54, missing: ["S2"] });
    expect(rolled.get("S2")!.latest?.period).toBe("2022-05");
  });

  it("lets a parent's own reading win and reports its difference from the children's sum", () => {
    const rolled = rollUp(
      district,
      [...unitReadings, r("S1", "2022-03", 28.5), r("D", "2022-03", 41)],
      monthsTo(3),
    );
    expect(rolled.get("S1")!.months[2]).toEqual({
      period: "2022-03",
      actual: 28.5,
      source: "reported",
      computed: 27,
      reported: 28.5,
      difference: 1.5,
      missing: [],
    });
    // The district's computed figure uses the street's reported actual: 28.5 + 12.3.
    expect(rolled.get("D")!.months[2]).toMatchObject({ actual: 41, computed: 40.8, difference: 0.2 });
    expect(rolled.get("D")!.months[1]).toMatchObject({ source: "computed", difference: null });
  });

  it.each([
    ["weights", [3, 1], [6, 4], 5.5],
    ["no weights (each counts 1)", [null, undefined], [6, 4], 5],
    ["a child with no value left out", [3, 1, 10], [6, 4, null], 5.5],
  ])("weighs a rate's children by %s", (_, weights, values, expected) => {
    const children = weights.map((w, i) => ind(`C${i}`, "R", { kind: "rate", target: 5.5, weight: w }));
    const readings = values.flatMap((v, i) => (v === null ? [] : [r(`C${i}`, "2022-06", v)]));
    const rolled = rollUp([ind("R", null, { kind: "rate", target: 5.5 }), ...children], readings, [
      "2022-06",
    ]);
    expect(rolled.get("R")!.latest).toMatchObject({ actual: expected, computed: expected });
  });

  it("weighs a level indicator's children like a rate's", () => {
    const rolled = rollUp(
      [
        ind("L", null, { kind: "level" }),
        ind("A", "L", { kind: "level", weight: 1 }),
        ind("B", "L", { kind: "level", weight: 4 }),
      ],
      [r("A", "2022-06", 70), r("B", "2022-06", 95)],
      ["2022-06"],
    );
    expect(rolled.get("L")!.latest?.computed).toBe(90);
  });

  it.each([
    [0.1 + 0.2, 0.3],
    [-(0.1 + 0.2), -0.3],
    [-1e-9, 0],
    [1234567.1234565, 1234567.123457],
    [8_999_999_999.1000004, 8_999_999_999.1],
    [1e12 + 0.5, 1e12 + 0.5],
  ])("rounds %s to %s", (x, expected) => {
    expect(Object.is(roundCascadeValue(x), expected)).toBe(true);
  });

  it("rounds float noise away (0.1 + 0.2 = 0.3)", () => {
    const rolled = rollUp(
      [ind("P", null), ind("A", "P"), ind("B", "P")],
      [r("A", "2022-01", 0.1), r("B", "2022-01", 0.2)],
      ["2022-01"],
    );
    expect(rolled.get("P")!.latest?.actual).toBe(0.3);
  });

  it("walks a 10,000-deep chain without recursion", () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => ind(`n${i}`, i === 0 ? null : `n${i - 1}`));
    const rolled = rollUp(chain.reverse(), [r("n9999", "2022-01", 7)], ["2022-01", "2022-02"]);
    expect(rolled.get("n0")!.months.map((m) => m.actual)).toEqual([7, null]);
    expect(rolled.get("n0")!.latest?.period).toBe("2022-01");
  });

  it("treats an indicator whose parent is not in the list as a root (a sub-tree)", () => {
    const rolled = rollUp(district.slice(1, 5), unitReadings, ["2022-01"]);
    expect(rolled.get("S1")!.latest).toMatchObject({ computed: 9, source: "computed", missing: [] });
    expect(rolled.get("S2")!.latest).toBeNull(); // U3 is not in the list: S2 is a leaf without readings
    expect(rolled.has("D")).toBe(false);
  });

  it("sorts the months, ignores readings outside them and lets the later of two readings win", () => {
    const rolled = rollUp(
      [ind("A", null)],
      [r("A", "2022-02", 1), r("A", "2022-02", 2), r("A", "2022-07", 9), r("X", "2022-01", 3)],
      ["2022-02", "2022-01", "2022-02"],
    );
    expect(rolled.get("A")!.months.map((m) => [m.period, m.actual])).toEqual([
      ["2022-01", null],
      ["2022-02", 2],
    ]);
  });

  it("gives a rate no computed value when the children with a value all weigh 0", () => {
    const list = [ind("R", null, { kind: "rate" }), ind("A", "R", { kind: "rate", weight: 0 })];
    expect(rollUp(list, [r("A", "2022-01", 5)], ["2022-01"]).get("R")!.months[0]).toMatchObject({
      actual: null,
      source: "none",
      missing: [],
    });
  });

  it("returns plain data: months survive spreading and JSON, and latest is one of them", () => {
    const d = rollUp(district, unitReadings, monthsTo(3)).get("D")!;
    expect(d.latest).toBe(d.months[2]);
    expect({ ...d }.months).toHaveLength(3);
    const json = JSON.parse(JSON.stringify(d));
    expect(json.months.map((m: { actual: number }) => m.actual)).toEqual([13.1, 26.2, 39.3]);
    expect(json).toEqual({ indicatorId: "D", months: d.months, latest: d.latest });
    expect(d).toEqual(json);
  });

  it("has no latest month when nothing has a value", () => {
    expect(rollUp(district, [], monthsTo(3)).get("D")!.latest).toBeNull();
  });

  it.each([
    ["a two-node cycle", [ind("A", "B"), ind("B", "A"), ind("C", "A")], ["A", "B"]],
    ["an indicator that is its own parent", [ind("X", null), ind("A", "A")], ["A"]],
    [
      "a three-node cycle under a valid tree",
      [ind("R", null), ind("A", "C"), ind("B", "A"), ind("C", "B")],
      ["A", "C", "B"],
    ],
  ])("throws CASCADE_CYCLE naming the ids of %s", (_, list, ids) => {
    const error = (() => {
      try {
        rollUp(list, [], ["2022-01"]);
      } catch (e) {
        return e;
      }
    })() as CascadeError;
    expect(error).toBeInstanceOf(CascadeError);
    expect(error.code).toBe("CASCADE_CYCLE");
    expect(error.ids).toEqual(ids);
    for (const id of ids) expect(error.message).toContain(id);
  });

  it("throws CASCADE_DUPLICATE_ID for a repeated id", () => {
    expect(() => rollUp([ind("A", null), ind("A", null)], [], [])).toThrow(
      expect.objectContaining({ code: "CASCADE_DUPLICATE_ID", field: "indicators.1.id" }),
    );
  });
});
