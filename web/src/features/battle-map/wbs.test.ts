import { describe, expect, it } from "vitest";
import { compareWbs, wbsSortKey } from "./wbs";

describe("WBS order", () => {
  it("compares numeric segments as numbers", () => {
    const codes = ["01.10", "01.2", "01.2.1", "01.1", "02", "01.9.3-2", "01.9.3"];
    expect([...codes].sort(compareWbs)).toEqual([
      "01.1",
      "01.2",
      "01.2.1",
      "01.9.3",
      "01.9.3-2",
      "01.10",
      "02",
    ]);
  });
  it("gives equal keys to equal codes", () => {
    expect(wbsSortKey("03.2.1")).toBe(wbsSortKey("03.2.1"));
    expect(compareWbs("3.2", "03.2")).toBe(0);
  });
});
