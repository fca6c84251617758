import { describe, expect, it } from "vitest";
import { changedFields, shortValue } from "./changes";

describe("changedFields", () => {
  it("lists only the fields an update altered, without bookkeeping", () => {
    const before = { id: "t1", title: "旧", percent: 10, version: 1, updatedAt: "a" };
    const after = { id: "t1", title: "新", percent: 10, version: 2, updatedAt: "b" };
    expect(changedFields(before, after)).toEqual([{ field: "title", before: "旧", after: "新" }]);
  });
  it("lists every set field of a creation and compares arrays by value", () => {
    expect(changedFields(null, { code: "1", coUnitIds: [] }).map((c) => c.field)).toEqual(["code"]);
    expect(changedFields({ goalIds: ["a"] }, { goalIds: ["a"] })).toEqual([]);
  });
  it("shortens long values", () => {
    expect(shortValue("x".repeat(100))).toHaveLength(60);
    expect(shortValue(null)).toBe("—");
  });
});
