import { describe, expect, it } from "vitest";
import {
  buildTree,
  changedFields,
  childKind,
  childLevel,
  createBody,
  expandedToDepth,
  flattenTree,
  nextChildCode,
  subtreeIds,
} from "./org-tree";

type U = { id: string; parentId: string | null; sort: number };
const u = (id: string, parentId: string | null, sort = 0): U => ({ id, parentId, sort });
const bySort = (a: U, b: U) => a.sort - b.sort;

describe("buildTree", () => {
  it("nests records under their parents, siblings in order, with depths", () => {
    const tree = buildTree([u("b", "a", 2), u("a", null), u("c", "a", 1), u("d", "c")], bySort);
    expect(tree.map((r) => r.id)).toEqual(["a"]);
    expect(tree[0]!.children!.map((r) => [r.id, r.depth])).toEqual([
      ["c", 1],
      ["b", 1],
    ]);
    expect(flattenTree(tree).map((r) => `${r.id}${r.depth}`)).toEqual(["a0", "c1", "d2", "b1"]);
  });

  it("gives leaves no children array, so the table shows no expander", () => {
    const [root] = buildTree([u("a", null), u("b", "a")]);
    expect(root!.children![0]).not.toHaveProperty("children");
  });

  it("puts a record whose parent is missing at the top", () => {
    expect(buildTree([u("x", "gone"), u("a", null)], bySort).map((r) => r.id)).toEqual(["x", "a"]);
  });

  it("shows records on a parent cycle instead of losing them", () => {
    const rows = flattenTree(buildTree([u("a", "b"), u("b", "a")]));
    expect(rows.map((r) => r.id).sort()).toEqual(["a", "b"]);
  });

  it("is empty for no records", () => {
    expect(buildTree([])).toEqual([]);
  });
});

describe("expandedToDepth", () => {
  it("opens the rows with children above the depth", () => {
    const tree = buildTree([u("p", null), u("c", "p"), u("d", "c"), u("x", "d")]);
    expect(expandedToDepth(tree, 2)).toEqual(["p", "c"]);
  });
});

describe("subtreeIds", () => {
  it("holds the record and everything below it, not its siblings", () => {
    const items = [u("a", null), u("b", "a"), u("c", "b"), u("s", null), u("d", "c")];
    expect([...subtreeIds(items, "b")].sort()).toEqual(["b", "c", "d"]);
  });
});

describe("nextChildCode", () => {
  it("numbers after the children's highest number, padded like them", () => {
    expect(nextChildCode("SF-01-02", ["SF-01-02-01", "SF-01-02-32", "X-9"], "-")).toBe("SF-01-02-33");
    expect(nextChildCode("A2", ["A2.1", "A2.5", "A2.x"], ".")).toBe("A2.6");
  });

  it("starts at 01 for units and 1 for goals", () => {
    expect(nextChildCode("SF", [], "-")).toBe("SF-01");
    expect(nextChildCode("A1", [], ".")).toBe("A1.1");
  });

  it("proposes nothing without a parent", () => {
    expect(nextChildCode(null, ["SF"], "-")).toBe("");
  });
});

describe("changedFields", () => {
  it("keeps only the changed fields, empty inputs as null", () => {
    const before = { name: "甲", post: "科长", phone: null, email: "a@b.c" };
    expect(changedFields(before, { name: "甲", post: "", phone: undefined, email: "x@y.z" })).toEqual({
      post: null,
      email: "x@y.z",
    });
  });
});

describe("createBody", () => {
  it("leaves out empty inputs so the API's defaults apply", () => {
    expect(createBody({ name: "甲", post: "", phone: null, sort: 0, parentId: undefined })).toEqual({
      name: "甲",
      sort: 0,
    });
  });
});

describe("childKind and childLevel", () => {
  it("propose the next level down", () => {
    expect([null, "province", "city", "district", "street"].map((k) => childKind(k))).toEqual([
      "district",
      "city",
      "district",
      "department",
      "other",
    ]);
    expect([null, "strategy", "programme", "annual"].map(childLevel)).toEqual([
      "strategy",
      "programme",
      "annual",
      "annual",
    ]);
  });

  it("propose at the top the kind of the units already there, a district when there are none", () => {
    expect(childKind(null, ["province"])).toBe("province");
    expect(childKind(null, [])).toBe("district");
  });
});
