import { describe, expect, it } from "vitest";
import { buildRows, indexBattleMap } from "./row-model";
import { buildTask, buildTaskForce } from "./test-factories";
import { dayOfIso } from "./time-scale";
import { tooltipContent } from "./tooltip";

const pending = {
  id: "ext-1",
  requestedDeadline: "2023-03-31",
  currentDeadline: "2022-09-30",
  requestedByName: "王强",
  createdAt: "2022-08-15T02:00:00.000Z",
};
const data = {
  statusDate: "2022-08-15",
  taskForces: [buildTaskForce({ id: "tf-01", code: "01", name: "重大项目建设专班" })],
  tasks: [
    buildTask({ id: "t", code: "01.1", title: "项目前期手续办理", deadline: "2022-09-30" }),
    buildTask({ id: "u", code: "01.2", title: "集中开工" }),
  ],
  dependencies: [],
  pendingExtensions: { t: pending },
};

describe("a pending 延期申请 on the battle map", () => {
  const index = indexBattleMap(data);
  const rows = buildRows(index, new Set()).rows;

  it("rides on its task's row only, and stretches the time axis to the date asked for", () => {
    expect(rows.map((r) => (r.kind === "task" ? (r.pendingExtension?.id ?? null) : "tf"))).toEqual([
      "tf",
      "ext-1",
      null,
    ]);
    expect(index.maxDay).toBe(dayOfIso("2023-03-31"));
  });

  it("says in the tooltip what is asked, from which deadline and by whom, in both languages", () => {
    expect(tooltipContent(rows[1]!, "zh").lines).toContainEqual([
      "延期申请（待审批）",
      "2022-09-30 → 2023-03-31 · 申请人 王强",
    ]);
    expect(tooltipContent(rows[1]!, "en").lines).toContainEqual([
      "Extension requested (pending)",
      "2022-09-30 → 2023-03-31 · by 王强",
    ]);
    expect(tooltipContent(rows[2]!, "zh").lines.map(([label]) => label)).not.toContain("延期申请（待审批）");
  });

  it("draws nothing extra for an answer without pending requests", () => {
    const { pendingExtensions: _, ...older } = data;
    expect(buildRows(indexBattleMap(older), new Set()).rows.every((r) => !("pendingExtension" in r))).toBe(
      true,
    );
  });
});
