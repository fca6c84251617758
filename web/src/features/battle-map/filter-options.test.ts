import { describe, expect, it } from "vitest";
import { buildFilterOptions, taskPath } from "./filter-options";
import { buildTask, buildTaskForce } from "./test-factories";

const data = {
  statusDate: "2022-08-15",
  taskForces: [
    buildTaskForce({ id: "tf-02", code: "02", name: "招商" }),
    buildTaskForce({ id: "tf-01", code: "01", name: "项目" }),
  ],
  tasks: [
    buildTask({ id: "a", responsibleUnitId: "ou-b", responsiblePersonId: "p-1" }),
    buildTask({ id: "b", taskForceId: "tf-02", responsibleUnitId: "ou-a", responsiblePersonId: null }),
  ],
  dependencies: [],
};

describe("buildFilterOptions", () => {
  it("offers task forces in code order and only the units and people responsible for tasks", () => {
    const names = new Map([
      ["ou-a", "财政局"],
      ["ou-b", "发改局"],
      ["ou-z", "未使用"],
    ]);
    const o = buildFilterOptions(data, names, new Map([["p-1", "张三"]]), "zh");
    expect(o.taskForces.map((x) => x.label)).toEqual(["01 项目", "02 招商"]);
    expect(o.units.map((x) => x.value).sort()).toEqual(["ou-a", "ou-b"]);
    expect(o.persons).toEqual([{ value: "p-1", label: "张三" }]);
  });
  it("labels unknown ids by the id", () => {
    expect(buildFilterOptions(data, new Map(), new Map(), "en").persons).toEqual([
      { value: "p-1", label: "p-1" },
    ]);
  });
});

describe("taskPath", () => {
  it("opens the task in its task force's workspace", () => {
    expect(taskPath(data, "b")).toBe("/task-forces/tf-02?task=b");
    expect(taskPath(data, "nope")).toBeNull();
  });
});
