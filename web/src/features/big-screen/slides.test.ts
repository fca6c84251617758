import { describe, expect, it } from "vitest";
import type { CascadeNode } from "../overview/indicator-cascade";
import { buildSlides, fitRows, rotationCascades, type SlideInput } from "./slides";

const forces = ["10", "02", "01"].map((code) => ({ id: `tf-${code}`, code }));

function input(over: Partial<SlideInput> = {}): SlideInput {
  return {
    taskForces: forces,
    rowCounts: new Map([
      ["tf-01", 28],
      ["tf-02", 10],
      ["tf-10", 70],
    ]),
    rowsHeight: 888,
    maxRowHeight: 44,
    minRowHeight: 30,
    indicatorCount: 39,
    indicatorsPerPage: 20,
    ...over,
  };
}

describe("fitRows", () => {
  it.each([
    [10, 888, { pages: 1, perPage: 10, rowHeight: 44 }],
    [28, 888, { pages: 1, perPage: 28, rowHeight: 31 }],
    [29, 888, { pages: 1, perPage: 29, rowHeight: 30 }],
    [30, 888, { pages: 2, perPage: 15, rowHeight: 44 }],
    [70, 888, { pages: 3, perPage: 24, rowHeight: 37 }],
    [0, 888, { pages: 1, perPage: 0, rowHeight: 44 }],
    [5, 10, { pages: 5, perPage: 1, rowHeight: 30 }],
  ])("fits %i rows in %i px", (rows, px, fit) => {
    expect(fitRows(rows, px, 44, 30)).toEqual(fit);
  });
  it("never needs more than the space it is given", () => {
    for (let rows = 1; rows < 200; rows++) {
      const f = fitRows(rows, 900, 44, 30);
      expect(f.perPage * f.rowHeight).toBeLessThanOrEqual(900);
      expect(f.perPage * f.pages).toBeGreaterThanOrEqual(rows);
      expect(f.rowHeight).toBeGreaterThanOrEqual(30);
    }
  });
});

describe("buildSlides", () => {
  it("rotates overview → every task force in code order (paged when needed) → ranking → indicators", () => {
    const keys = buildSlides(input()).map((s) => s.key);
    expect(keys).toEqual([
      "overview",
      "tf-01",
      "tf-02",
      "tf-10",
      "tf-10.2",
      "tf-10.3",
      "ranking",
      "indicators",
      "indicators.2",
    ]);
  });
  it("pages rows and indicators evenly", () => {
    const slides = buildSlides(input());
    const pages = slides.filter((s) => s.kind === "taskForce" && s.taskForceId === "tf-10");
    expect(pages.map((s) => s.kind === "taskForce" && [s.first, s.count, s.rowHeight])).toEqual([
      [0, 24, 37],
      [24, 24, 37],
      [48, 24, 37],
    ]);
    const cards = slides.filter((s) => s.kind === "indicators");
    expect(cards.map((s) => s.kind === "indicators" && [s.first, s.count])).toEqual([
      [0, 20],
      [20, 20],
    ]);
  });
  it("keeps one slide per task force without rows and one indicator slide without indicators", () => {
    const keys = buildSlides(input({ rowCounts: new Map(), indicatorCount: 0 })).map((s) => s.key);
    expect(keys).toEqual(["overview", "tf-01", "tf-02", "tf-10", "ranking", "indicators"]);
  });
  it("ends with one slide per cascade, its shares' rows fitted and paged like a battle map's", () => {
    const slides = buildSlides(
      input({
        cascades: [
          { rootId: "q1", code: "QZB-1", shareCount: 8 },
          { rootId: "q2", code: "QZB-2", shareCount: 30 },
          { rootId: "z", code: "QZB-1", shareCount: 0 },
        ],
        cascadeRowsHeight: 700,
        cascadeMaxRow: 72,
        cascadeMinRow: 40,
      }),
    );
    const cascades = slides.filter((s) => s.kind === "cascade");
    expect(slides.at(-cascades.length - 1)?.key).toBe("indicators.2");
    expect(
      cascades.map((s) => s.kind === "cascade" && [s.key, s.rootId, s.first, s.count, s.rowHeight]),
    ).toEqual([
      ["cascade-QZB-1", "q1", 0, 8, 72],
      ["cascade-QZB-2", "q2", 0, 15, 46],
      ["cascade-QZB-2.2", "q2", 15, 15, 46],
      // A code already taken: the indicator's id names the slide.
      ["cascade-z", "z", 0, 0, 72],
    ]);
  });
});

describe("rotationCascades", () => {
  const n = (indicatorId: string, code: string, parentId: string | null, taskForceId: string | null) =>
    ({ indicatorId, code, parentId, depth: parentId ? 1 : 0, taskForceId }) as CascadeNode;
  const nodes = [
    n("q2", "QZB-2", null, null),
    n("z2", "ZB01-2", "q2", "tf-1"),
    n("q1", "QZB-1", null, null),
    n("z1", "ZB01-1", "q1", "tf-1"),
    n("z3", "ZB02-1", "q1", "tf-2"),
    n("own", "ZB03-1", null, "tf-3"),
  ];
  it("shows every district-level cascade by code, with its shares counted", () => {
    expect(rotationCascades(nodes, null)).toEqual([
      { rootId: "q1", code: "QZB-1", shareCount: 2 },
      { rootId: "q2", code: "QZB-2", shareCount: 1 },
    ]);
  });
  it("adds the cascade asked for when it is a task force's own, once", () => {
    expect(rotationCascades(nodes, "own").map((c) => c.code)).toEqual(["QZB-1", "QZB-2", "ZB03-1"]);
    expect(rotationCascades(nodes, "z1").map((c) => c.code)).toEqual(["QZB-1", "QZB-2"]);
    expect(rotationCascades(nodes, "unknown").map((c) => c.code)).toEqual(["QZB-1", "QZB-2"]);
  });
});
