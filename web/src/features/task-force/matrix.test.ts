import { describe, expect, it } from "vitest";
import type { Member } from "../../api/types";
import { buildMatrix } from "./matrix";

const member = (personId: string, post: string) => ({ personId, post }) as Member;

describe("buildMatrix", () => {
  it("marks each task under its responsible person and keeps members without tasks", () => {
    const rows = buildMatrix(
      [member("p1", "组长"), member("p2", "联络员")],
      [
        { id: "t1", responsiblePersonId: "p1", responsiblePost: null },
        { id: "t2", responsiblePersonId: "p3", responsiblePost: "科长" },
        { id: "t3", responsiblePersonId: null, responsiblePost: null },
      ],
    );
    expect(rows.map((r) => [r.personId, r.post, [...r.taskIds]])).toEqual([
      ["p1", "组长", ["t1"]],
      ["p2", "联络员", []],
      ["p3", "科长", ["t2"]],
    ]);
  });
});
