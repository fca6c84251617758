import { describe, expect, it } from "vitest";
import type { Session } from "../../api/types";
import { completionView, mayReview } from "./completion-access";

const session = (over: Partial<Session>): Session =>
  ({
    personId: "p-lead",
    roles: ["lead"],
    permissions: ["tasks:confirm-completion", "tasks:return-completion"],
    leadTaskForceIds: ["tf-01"],
    ...over,
  }) as Session;
const task = { taskForceId: "tf-01", responsiblePersonId: "p-owner" };

describe("completion review in the UI", () => {
  it("shows a claim, a send-back with its reason, and nothing otherwise", () => {
    const base = { completionNote: null, actualFinish: "2022-08-12" };
    expect(completionView({ ...base, status: "done", completion: "claimed" })).toEqual({
      kind: "claimed",
      date: "2022-08-12",
    });
    expect(
      completionView({
        status: "in_progress",
        completion: null,
        completionNote: "缺少佐证",
        actualFinish: null,
      }),
    ).toEqual({ kind: "returned", reason: "缺少佐证" });
    expect(completionView({ ...base, status: "done", completion: "confirmed", completionNote: "好" })).toBe(
      null,
    );
    expect(completionView({ ...base, status: "done", completion: null })).toBe(null);
    expect(completionView({ ...base, status: "in_progress", completion: null })).toBe(null);
  });

  it("lets the task force's lead, the office and admins review, never the owner confirm their own", () => {
    expect(mayReview(session({}), task, "confirm")).toBe(true);
    expect(mayReview(session({ leadTaskForceIds: ["tf-02"] }), task, "return")).toBe(false);
    expect(mayReview(session({ roles: ["supervisor"], leadTaskForceIds: [] }), task, "confirm")).toBe(true);
    expect(mayReview(session({ personId: "p-owner" }), task, "confirm")).toBe(false);
    expect(mayReview(session({ personId: "p-owner" }), task, "return")).toBe(true);
    expect(mayReview(session({ roles: ["member"], permissions: [] }), task, "return")).toBe(false);
    expect(mayReview(null, task, "confirm")).toBe(false);
  });
});
