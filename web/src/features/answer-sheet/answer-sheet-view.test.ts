import { describe, expect, it } from "vitest";
import { num, percent, printPath, ratioPercent, sheetPath, turnLines, xlsxHref } from "./answer-sheet-view";

describe("the answer sheet's addresses", () => {
  it.each([
    [
      { taskForceId: "tf-01", statusDate: null },
      "/task-forces/tf-01/answer-sheet",
      "/api/v1/task-forces/tf-01/answer-sheet.xlsx?lang=zh",
    ],
    [
      { taskForceId: null, statusDate: "2022-12-31" },
      "/answer-sheet?statusDate=2022-12-31",
      "/api/v1/answer-sheet.xlsx?statusDate=2022-12-31&lang=zh",
    ],
  ])("%j reads from %s and downloads from %s", (target, path, href) => {
    expect(sheetPath(target)).toBe(path);
    expect(xlsxHref(target, "zh")).toBe(href);
  });

  it("prints a task force's sheet or the district's", () => {
    expect(printPath("tf-01")).toBe("/print/answer-sheet?taskForce=tf-01");
    expect(printPath(null)).toBe("/print/answer-sheet");
  });
});

describe("the answer sheet's numbers", () => {
  it.each([
    [62.41194, "62.41", "62.41%"],
    [100, "100", "100%"],
    [-5.8, "-5.8", "-5.8%"],
    [null, "—", "—"],
  ])("shows %s as %s and %s", (n, shown, pct) => {
    expect(num(n)).toBe(shown);
    expect(percent(n)).toBe(pct);
  });

  it("shows a ratio as a percentage and the months an indicator turned", () => {
    expect(ratioPercent(0.915433)).toBe("91.54%");
    expect(ratioPercent(null)).toBe("—");
    const t = (k: string) => ({ "trend.stopped-falling": "止跌", "trend.rebounding": "回升" })[k] ?? k;
    expect(
      turnLines(
        {
          turns: [
            { period: "2022-05", stage: "stopped-falling" },
            { period: "2022-06", stage: "rebounding" },
          ],
        },
        t,
      ),
    ).toEqual(["2022-05 止跌", "2022-06 回升"]);
  });
});
