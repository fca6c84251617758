import { describe, expect, it } from "vitest";
import { statusLight } from "../battle-map/lights";
import { buildRows, indexBattleMap } from "../battle-map/row-model";
import { buildTask, buildTaskForce } from "../battle-map/test-factories";
import { tooltipContent } from "../battle-map/tooltip";
import { claimedTooltipLine, isClaimedTask } from "./claimed-marks";

const claimed = buildTask({
  id: "t",
  code: "01.2.3",
  status: "done",
  percent: 100,
  actualFinish: "2022-07-27",
  completion: "claimed",
});

describe("a claimed completion on the battle map", () => {
  it("is told apart from done work, and its tooltip says when it was reported", () => {
    expect(isClaimedTask(claimed)).toBe(true);
    expect(isClaimedTask({ ...claimed, completion: "confirmed" })).toBe(false);
    expect(claimedTooltipLine(claimed, "zh")).toEqual(["完成确认", "已于 2022-07-27 报告完成，待确认"]);
    expect(claimedTooltipLine({ ...claimed, completion: null }, "en")).toBe(null);
    const data = {
      statusDate: "2022-08-15",
      taskForces: [buildTaskForce({ id: "tf-01", code: "01" })],
      tasks: [claimed],
      dependencies: [],
    };
    const [, row] = buildRows(indexBattleMap(data), new Set()).rows;
    expect(tooltipContent(row!, "en").lines).toContainEqual([
      "Completion",
      "reported complete on 2022-07-27, to confirm",
    ]);
  });

  it("is not lit blue by the status fallback, past its deadline red", () => {
    expect(statusLight(claimed, "2022-08-15").color).toBe("green");
    expect(statusLight({ ...claimed, deadline: "2022-08-01" }, "2022-08-15").color).toBe("red");
    expect(statusLight({ ...claimed, completion: "confirmed" }, "2022-08-15").color).toBe("blue");
  });
});
