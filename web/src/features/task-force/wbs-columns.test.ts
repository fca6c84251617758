import { isValidElement } from "react";
import { describe, expect, it } from "vitest";
import { type WbsColumnsContext, wbsColumns } from "./wbs-columns";

type Row = Parameters<NonNullable<ReturnType<typeof wbsColumns>[number]["render"]>>[1];

const row = (summary: boolean) =>
  ({
    id: summary ? "s" : "l",
    summary,
    depth: 0,
    duration: summary ? null : 5,
    weight: 10,
  }) as unknown as Row;

/** The columns with `editing` in the inline edit; words are their keys. */
function columns(editing: Row) {
  const context = {
    t: (k: string) => k,
    edit: { editing, draft: { duration: 5, weight: 10 }, errors: {}, set() {}, save() {}, cancel() {} },
    lights: { tasks: new Map() },
    names: { person: () => "", unit: () => "" },
    actions: () => null,
  } as unknown as WbsColumnsContext;
  return wbsColumns(context);
}

/** The cell of the column titled `title` for `r`, while `r` is edited. */
const cell = (title: string, r: Row) =>
  columns(r)
    .find((c) => c.title === title)
    ?.render?.(undefined, r, 0);

describe("wbsColumns' inline edit", () => {
  it.each(["task.weight", "task.duration"])("offers %s on a leaf", (title) => {
    const input = cell(title, row(false));
    expect(isValidElement(input) && (input.props as { "aria-label"?: string })["aria-label"]).toBe(title);
  });

  it("shows a summary task's weight and duration instead of an input", () => {
    expect(cell("task.weight", row(true))).toBe(10);
    expect(cell("task.duration", row(true))).toBe("");
  });
});
