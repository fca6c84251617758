import { describe, expect, it } from "vitest";
import type { Goal, TaskForce } from "../../api/types";
import { goalTree, taskBookChanges, taskBookValues } from "./task-book-form";

const tf = {
  id: "tf-1",
  version: 3,
  code: "01",
  name: "专班",
  objective: "目标",
  scope: null,
  measures: null,
  guarantees: null,
  startDate: "2022-01-01",
  deadline: null,
  leadLeaderId: "p-1",
  leadUnitId: null,
  coUnitIds: ["ou-a", "ou-b"],
  goalIds: [],
  status: "active",
} as unknown as TaskForce;

const goal = (id: string, code: string, parentId: string | null) =>
  ({ id, code, title: `目标${code}`, parentId }) as unknown as Goal;

describe("the task-book editor's form", () => {
  it("starts from the task book as it is, nulls left empty", () => {
    const v = taskBookValues(tf);
    expect(v).toMatchObject({ objective: "目标", scope: undefined, coUnitIds: ["ou-a", "ou-b"] });
    expect(v).not.toHaveProperty("code");
  });

  it("sends only what changed: cleared text as null, lists compared without order", () => {
    const same = { ...taskBookValues(tf), coUnitIds: ["ou-b", "ou-a"], scope: "" };
    expect(taskBookChanges(tf, same)).toEqual({});
    const changed = {
      ...same,
      objective: "",
      measures: "一、二、三",
      goalIds: ["g-1"],
      leadLeaderId: undefined,
    };
    expect(taskBookChanges(tf, changed)).toEqual({
      objective: null,
      measures: "一、二、三",
      goalIds: ["g-1"],
      leadLeaderId: null,
    });
  });

  it("builds the goal tree by parent, each level by code, orphans at the top", () => {
    const tree = goalTree([
      goal("a2", "A2", "p"),
      goal("p", "P1", "s"),
      goal("a1", "A1", "p"),
      goal("s", "S1", null),
      goal("o", "O1", "gone"),
    ]);
    expect(tree.map((n) => n.value)).toEqual(["o", "s"]);
    expect(tree[1]!.children[0]!.children.map((n) => n.title)).toEqual(["A1 目标A1", "A2 目标A2"]);
  });
});
