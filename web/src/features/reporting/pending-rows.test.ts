import { describe, expect, it } from "vitest";
import { awaitsRefetch, markPending, NO_PENDING, settlePending } from "./pending-rows";

describe("pending rows of the supervision table", () => {
  it("holds a row until the list shows the version the server answered with", () => {
    const p = markPending(NO_PENDING, "s1", 4);
    expect(awaitsRefetch({ id: "s1", version: 3 }, p)).toBe(true);
    expect(awaitsRefetch({ id: "s1", version: 4 }, p)).toBe(false);
    expect(awaitsRefetch({ id: "s1", version: 5 }, p)).toBe(false);
    expect(awaitsRefetch({ id: "s2", version: 1 }, p)).toBe(false);
  });

  it("never lowers an expected version", () => {
    const p = markPending(markPending(NO_PENDING, "s1", 6), "s1", 5);
    expect(p.get("s1")).toBe(6);
    expect(NO_PENDING.size).toBe(0);
  });

  it("forgets rows once their refetch has landed, and keeps the others", () => {
    const p = markPending(markPending(NO_PENDING, "s1", 4), "s2", 9);
    const after = settlePending(p, [
      { id: "s1", version: 4 },
      { id: "s2", version: 8 },
    ]);
    expect([...after.keys()]).toEqual(["s2"]);
    expect(settlePending(after, [{ id: "s2", version: 8 }])).toBe(after);
  });
});
