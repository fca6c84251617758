import { describe, expect, it } from "vitest";
import type { SearchHit } from "./api";
import { hitValue, searchTarget } from "./search-target";

const hit = (o: Partial<SearchHit>): SearchHit => ({
  kind: "task",
  id: "t-02-1.2",
  code: "02.1.2",
  title: "建立招商项目线索库",
  taskForceId: "tf-02",
  taskForceName: "02 招商引资专班",
  detail: null,
  ...o,
});

describe("where a search hit leads", () => {
  it.each([
    [hit({}), "/task-forces/tf-02?tab=tasks&task=t-02-1.2"],
    [hit({ kind: "taskForce", id: "tf-02" }), "/task-forces/tf-02"],
    [hit({ kind: "indicator", id: "ind-02-1" }), "/task-forces/tf-02?tab=indicators"],
    [hit({ kind: "supervisionItem", id: "si-03" }), "/task-forces/tf-02?tab=supervision"],
    [hit({ kind: "person", id: "p-fgj-3", taskForceId: null }), "/battle-map?person=p-fgj-3"],
  ])("%o → %s", (h, path) => {
    expect(searchTarget(h)).toBe(path);
  });

  it("escapes ids and keys options by kind and id", () => {
    expect(searchTarget(hit({ id: "a&b" }))).toBe("/task-forces/tf-02?tab=tasks&task=a%26b");
    expect(hitValue(hit({}))).toBe("task:t-02-1.2");
  });
});
