import { describe, expect, it } from "vitest";
import { caretX, hitTest } from "./hit-test";
import { buildRows, indexBattleMap } from "./row-model";
import { buildTask, buildTaskForce } from "./test-factories";
import { themeSpec } from "./theme";

const spec = themeSpec("light");
const rows = buildRows(
  indexBattleMap({
    statusDate: "2022-08-15",
    taskForces: [buildTaskForce({ id: "tf-01", code: "01" })],
    tasks: [
      buildTask({ id: "p", code: "01.1", duration: null }),
      buildTask({ id: "c", code: "01.1.1", parentId: "p" }),
    ],
    dependencies: [],
  }),
  new Set(),
).rows;
const rowY = (i: number, scrollTop = 0) =>
  spec.headerHeight + i * spec.rowHeight + spec.rowHeight / 2 - scrollTop;

describe("hitTest", () => {
  it("finds the row under a point, below the header only", () => {
    expect(hitTest(rows, spec, 0, 600, 5)).toBeNull();
    expect(hitTest(rows, spec, 0, 600, rowY(1))).toEqual({ row: 1, caret: false, pane: false });
    expect(hitTest(rows, spec, spec.rowHeight, 600, rowY(2, spec.rowHeight))?.row).toBe(2);
    expect(hitTest(rows, spec, 0, 600, rowY(3))).toBeNull();
  });
  it("detects the caret of collapsible rows only", () => {
    expect(hitTest(rows, spec, 0, caretX(rows[1]!, spec), rowY(1))).toMatchObject({
      caret: true,
      pane: true,
    });
    expect(hitTest(rows, spec, 0, caretX(rows[2]!, spec), rowY(2))).toMatchObject({
      caret: false,
      pane: true,
    });
  });
  it("indents the caret with the WBS depth", () => {
    expect(caretX(rows[2]!, spec)).toBeGreaterThan(caretX(rows[1]!, spec));
    expect(caretX(rows[1]!, spec)).toBeGreaterThan(caretX(rows[0]!, spec));
  });
});
