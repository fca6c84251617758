import { describe, expect, it } from "vitest";
import { startIndex } from "./use-rotation";

describe("startIndex", () => {
  const keys = ["overview", "tf-01", "tf-01.2", "ranking"];
  it.each([
    ["tf-01.2", 2],
    ["ranking", 3],
    ["1", 0],
    ["4", 3],
    ["5", -1],
    ["0", -1],
    ["tf-99", -1],
    ["", -1],
    [null, -1],
  ])("finds %s at %i", (start, index) => {
    expect(startIndex(start, keys)).toBe(index);
  });
});
