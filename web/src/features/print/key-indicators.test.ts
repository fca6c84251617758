import { describe, expect, it } from "vitest";
import type { Indicator } from "../../api/types";
import { keyIndicators } from "./key-indicators";

const ind = (id: string, parentId: string | null = null) => ({ id, parentId }) as Indicator;

describe("the task book's key indicators", () => {
  it("lists the task force's own indicators with their shares beside them, in order", () => {
    const list = [ind("a", "district"), ind("a-1", "a"), ind("a-2", "a"), ind("b"), ind("a-1-p", "a-1")];
    const key = keyIndicators(list);
    expect(key.map((k) => k.indicator.id)).toEqual(["a", "b"]);
    expect(key[0]!.shares.map((s) => s.id)).toEqual(["a-1", "a-2"]);
    expect(key[1]!.shares).toEqual([]);
  });
});
