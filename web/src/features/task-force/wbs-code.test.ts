import { describe, expect, it } from "vitest";
import { nextWbsCode, subtreeIds } from "./wbs-code";

const tasks = [
  { id: "a", code: "01.1", parentId: null },
  { id: "a1", code: "01.1.1", parentId: "a" },
  { id: "a2", code: "01.1.2", parentId: "a" },
  { id: "a9", code: "01.1.9", parentId: "a" },
  { id: "b", code: "01.2", parentId: null },
  { id: "b1", code: "01.2.x", parentId: "b" },
  { id: "b1a", code: "01.2.x.1", parentId: "b1" },
];

describe("nextWbsCode", () => {
  it("proposes one past the highest child code under a parent", () => {
    expect(nextWbsCode(tasks, "a", "01")).toBe("01.1.10");
  });

  it("proposes the next top-level code from the task force's code", () => {
    expect(nextWbsCode(tasks, null, "01")).toBe("01.3");
    expect(nextWbsCode([], null, "07")).toBe("07.1");
  });

  it("ignores non-numeric codes and skips codes already taken elsewhere", () => {
    expect(nextWbsCode(tasks, "b", "01")).toBe("01.2.1");
    const clash = [...tasks, { id: "z", code: "01.2.1", parentId: null }];
    expect(nextWbsCode(clash, "b", "01")).toBe("01.2.2");
  });
});

describe("subtreeIds", () => {
  it("lists a task and all its descendants", () => {
    expect([...subtreeIds(tasks, "b")].sort()).toEqual(["b", "b1", "b1a"]);
    expect([...subtreeIds(tasks, "a1")]).toEqual(["a1"]);
  });
});
