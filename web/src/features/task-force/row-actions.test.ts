import { describe, expect, it } from "vitest";
import { editsInline, FIRST_SCREEN_WIDTH, isFinished, rowActionKeys, WBS_WIDTHS } from "./row-actions";

const none = { comments: false, chase: false, edit: false, editDependencies: false, editTasks: false };

describe("rowActionKeys", () => {
  it.each([
    [{}, []],
    [{ comments: true }, ["comments"]],
    [{ comments: true, edit: true }, ["comments", "edit"]],
    [{ comments: true, chase: true }, ["comments", "chase"]],
    [{ editDependencies: true }, ["predecessors"]],
    [{ editTasks: true }, ["addChild", "delete"]],
    [
      { comments: true, chase: true, edit: true, editDependencies: true, editTasks: true },
      ["comments", "chase", "edit", "predecessors", "addChild", "delete"],
    ],
    [{ edit: true, linkIndicators: true, editTasks: true }, ["edit", "indicators", "addChild", "delete"]],
  ])("lists %o as %o", (grants, keys) => {
    expect(rowActionKeys({ ...none, ...grants })).toEqual(keys);
  });

  it("always puts delete last", () => {
    const keys = rowActionKeys({
      comments: true,
      chase: true,
      edit: true,
      editDependencies: true,
      editTasks: true,
    });
    expect(keys.at(-1)).toBe("delete");
  });
});

describe("editsInline", () => {
  it.each([
    [false, "title", true],
    [false, "duration", true],
    [false, "weight", true],
    [true, "title", true],
    [true, "deadline", true],
    [true, "percent", true],
    [true, "duration", false],
    [true, "weight", false],
  ])("summary %s offers %s: %s", (summary, field, offered) => {
    expect(editsInline({ summary }, field)).toBe(offered);
  });
});

describe("isFinished", () => {
  it.each([
    [{ status: "done", percent: 80 }, true],
    [{ status: "in_progress", percent: 100 }, true],
    [{ status: "in_progress", percent: 99 }, false],
    [{ status: "not_started", percent: 0 }, false],
  ])("reads %o as finished: %s", (task, finished) => {
    expect(isFinished(task)).toBe(finished);
  });
});

describe("WBS_WIDTHS", () => {
  it("fits the first-screen columns in the 1134 px content area of a 1366 px window", () => {
    expect(FIRST_SCREEN_WIDTH).toBeLessThanOrEqual(1134);
  });

  it("keeps room for an ISO date and the date field's icon in the deadline column", () => {
    expect(WBS_WIDTHS.deadline).toBeGreaterThanOrEqual(120 + 16);
  });
});
