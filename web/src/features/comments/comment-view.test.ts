import { describe, expect, it } from "vitest";
import type { Comment } from "../../api/types";
import { authorOf, commentBody, commentsFor, keyOfComment, localMinute, targetOfKey } from "./comment-view";

const c = (id: string, createdAt: string, extra: Partial<Comment> = {}): Comment =>
  ({
    id,
    version: 1,
    createdAt,
    updatedAt: createdAt,
    taskForceId: "tf-1",
    taskId: null,
    supervisionItemId: null,
    body: id,
    author: "leader",
    authorName: null,
    ...extra,
  }) as Comment;

describe("commentsFor", () => {
  const all = [
    c("late", "2022-08-15T03:00:00Z"),
    c("onTask", "2022-08-14T03:00:00Z", { taskId: "t1" }),
    c("onItem", "2022-08-13T03:00:00Z", { taskId: "t1", supervisionItemId: "s1" }),
    c("early", "2022-08-12T03:00:00Z"),
  ];
  it("shows every comment of the task force, oldest first, on its thread", () => {
    expect(commentsFor(all, { kind: "task-force" }).map((x) => x.id)).toEqual([
      "early",
      "onItem",
      "onTask",
      "late",
    ]);
  });
  it("shows a task only its own comments (not those on its supervision items)", () => {
    expect(commentsFor(all, { kind: "task", taskId: "t1" }).map((x) => x.id)).toEqual(["onTask"]);
  });
  it("shows an item only the comments on it", () => {
    expect(commentsFor(all, { kind: "item", supervisionItemId: "s1" }).map((x) => x.id)).toEqual(["onItem"]);
    expect(commentsFor(all, { kind: "item", supervisionItemId: "s2" })).toEqual([]);
  });
});

describe("comment bodies and labels", () => {
  it("builds the create body of each target with the text trimmed", () => {
    expect(commentBody("tf-1", { kind: "task", taskId: "t1" }, "  加快  ")).toEqual({
      taskForceId: "tf-1",
      taskId: "t1",
      supervisionItemId: null,
      body: "加快",
    });
    expect(commentBody("tf-1", targetOfKey("item:s1"), "x")).toMatchObject({
      supervisionItemId: "s1",
      taskId: null,
    });
    expect(targetOfKey("tf")).toEqual({ kind: "task-force" });
  });
  it("round-trips a comment's target key", () => {
    expect(keyOfComment({ taskId: "t1", supervisionItemId: null })).toBe("task:t1");
    expect(keyOfComment({ taskId: "t1", supervisionItemId: "s1" })).toBe("item:s1");
    expect(keyOfComment({ taskId: null, supervisionItemId: null })).toBe("tf");
  });
  it("shows the author's display name, else the username", () => {
    expect(authorOf({ author: "leader", authorName: "王书记" })).toBe("王书记");
    expect(authorOf({ author: "leader", authorName: null })).toBe("leader");
  });
  it("formats a timestamp to the minute and leaves a bad one as it is", () => {
    expect(localMinute("2022-08-15T03:04:59")).toBe("2022-08-15 03:04");
    expect(localMinute("garbage")).toBe("garbage");
  });
});
