import { describe, expect, it } from "vitest";
import { selectedNavKeys } from "./nav-selection";

const KEYS = ["/", "/battle-map", "/task-forces", "/my", "/supervision"];

describe("selectedNavKeys", () => {
  it.each([
    ["/", ["/"]],
    ["/task-forces", ["/task-forces"]],
    ["/task-forces/tf-01", ["/task-forces"]],
    ["/my", ["/my"]],
    ["/my-tasks", []],
    ["/battle-mapx", []],
    ["/unknown", []],
  ])("%s selects %j", (path, keys) => {
    expect(selectedNavKeys(KEYS, path)).toEqual(keys);
  });
});
