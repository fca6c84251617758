import { describe, expect, it } from "vitest";
import { compareRankings, roundTenth, type Scored, snapshotLabel } from "./compare";
import { buildScoreChartOption } from "./score-chart";

const s = (id: string, score: number | null, rank: number | null): Scored => ({
  id,
  name: id.toUpperCase(),
  score,
  rank,
});

describe("compareRankings", () => {
  const now = [s("b", 90, 1), s("a", 80.1, 2), s("c", 50, 3), s("d", null, null)];
  const then = [s("a", 70.2, 1), s("c", 60, 2), s("b", 55, 3), s("d", 40, 4)];
  const rows = compareRankings(now, then);

  it("gives places gained as a positive rank change and places lost as negative", () => {
    expect(rows.map((r) => [r.id, r.rankChange, r.movement])).toEqual([
      ["b", 2, "up"],
      ["a", -1, "down"],
      ["c", -1, "down"],
      ["d", null, "unranked"],
    ]);
  });

  it("gives the score delta rounded to a tenth, null when either score is missing", () => {
    expect(rows.map((r) => r.scoreDelta)).toEqual([35, 9.9, -10, null]);
    expect(rows[0]).toMatchObject({ previousRank: 3, previousScore: 55 });
  });

  it("marks entities missing from the earlier snapshot as new and keeps equal ranks as same", () => {
    const r = compareRankings([s("a", 70, 1), s("e", 60, 2)], [s("a", 72, 1)]);
    expect(r.map((x) => x.movement)).toEqual(["same", "new"]);
    expect(r[0]?.scoreDelta).toBe(-2);
    expect(r[1]).toMatchObject({ previousRank: null, rankChange: null, scoreDelta: null });
  });

  it("orders rows by the current rank whatever the input order, unranked last", () => {
    const r = compareRankings([s("x", null, null), s("y", 10, 2), s("z", 20, 1)], []);
    expect(r.map((x) => x.id)).toEqual(["z", "y", "x"]);
  });

  it("compares a snapshot with itself as all the same, zero deltas", () => {
    const r = compareRankings(then, then);
    expect(r.every((x) => x.movement === "same" && x.scoreDelta === 0 && x.rankChange === 0)).toBe(true);
  });
});

describe("roundTenth and snapshotLabel", () => {
  it("rounds float noise away", () => {
    expect(roundTenth(80.1 - 70.2)).toBe(9.9);
  });
  it("adds the time taken only when a status date repeats", () => {
    const snap = { statusDate: "2022-08-15", takenAt: "2026-11-29T09:30:12" };
    expect(snapshotLabel(snap, false)).toBe("2022-08-15");
    expect(snapshotLabel(snap, true)).toBe("2022-08-15 (2026-11-29 09:30)");
  });
});

describe("buildScoreChartOption", () => {
  const rows = compareRankings([s("a", 80, 1), s("b", 60, 2)], [s("a", 50, 2), s("b", 70, 1)]);
  type Bar = { name: string; data: unknown[] };
  it("draws one bar per task force in ranking order", () => {
    const o = buildScoreChartOption(rows, { current: "now", earlier: "then" }, false);
    const series = o.series as Bar[];
    expect(series).toHaveLength(1);
    expect(series[0]?.data).toEqual([80, 60]);
    expect((o.yAxis as { data: string[] }).data).toEqual(["A", "B"]);
  });
  it("labels scores to a tenth", () => {
    const r = compareRankings([s("a", 79.2234, 1)], []);
    const series = buildScoreChartOption(r, { current: "now", earlier: "then" }, false).series as Bar[];
    expect(series[0]?.data).toEqual([79.2]);
  });
  it("adds the earlier snapshot's scores when comparing", () => {
    const series = buildScoreChartOption(rows, { current: "now", earlier: "then" }, true).series as Bar[];
    expect(series.map((x) => x.name)).toEqual(["now", "then"]);
    expect(series[1]?.data).toEqual([50, 70]);
  });
});
