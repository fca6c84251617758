import { describe, expect, it } from "vitest";
import { buildSlides, fitRows, type SlideInput } from "./slides";

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
});
