import { describe, expect, it } from "vitest";
import type { LightColor } from "../../api/types";
import { byUrgency } from "./card-order";

describe("byUrgency", () => {
  it("puts red first and done last, then the earliest deadline, then the code", () => {
    const lights: Record<string, LightColor> = { a: "blue", b: "red", c: "yellow", d: "red", e: "grey" };
    const tasks = [
      { id: "a", code: "01.1", deadline: "2022-07-01" },
      { id: "b", code: "01.2", deadline: "2022-09-30" },
      { id: "c", code: "01.3", deadline: null },
      { id: "d", code: "01.4", deadline: "2022-08-31" },
      { id: "e", code: "01.5", deadline: "2022-08-01" },
      { id: "f", code: "01.0", deadline: null },
    ];
    expect(byUrgency(tasks, (id) => lights[id]).map((t) => t.id)).toEqual(["d", "b", "c", "f", "e", "a"]);
  });
});
