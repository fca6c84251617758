import { describe, expect, it } from "vitest";
import { type HistoryEntry, historyRows } from "./supervision-history.js";

const item = (state: string, extra: Record<string, string | null> = {}) => ({
  state,
  raisedOn: "2022-08-01",
  ...extra,
});
const day = (instant: string) => instant.slice(0, 10);

describe("a supervision item's history", () => {
  it("tells each step from its entry: raised, started, submitted, returned, escalated, verified", () => {
    const entries: HistoryEntry[] = [
      {
        at: "2022-08-01T02:00:00Z",
        actor: "supervisor",
        action: "create",
        before: null,
        after: item("open"),
      },
      {
        at: "2022-08-02T02:00:00Z",
        actor: "lead",
        action: "transition",
        before: item("open"),
        after: item("rectifying"),
      },
      {
        at: "2022-08-05T02:00:00Z",
        actor: "lead",
        action: "transition",
        before: item("rectifying"),
        after: item("submitted", { submittedOn: "2022-08-04", rectification: "已补齐储备" }),
      },
      {
        at: "2022-08-06T02:00:00Z",
        actor: "supervisor",
        action: "transition",
        before: item("submitted"),
        after: item("rectifying", { lastNote: "证据不足" }),
      },
      {
        at: "2022-08-07T02:00:00Z",
        actor: "leader",
        action: "transition",
        before: item("rectifying"),
        after: item("rectifying", { escalatedOn: "2022-08-07", lastNote: "请加快" }),
      },
      {
        at: "2022-08-08T02:00:00Z",
        actor: "supervisor",
        action: "update",
        before: item("rectifying"),
        after: item("rectifying"),
      },
      {
        at: "2022-08-10T02:00:00Z",
        actor: "supervisor",
        action: "transition",
        before: item("submitted"),
        after: item("verified", { verifiedOn: "2022-08-09" }),
      },
    ];
    // Given out of order: the history is oldest first.
    const rows = historyRows([...entries].reverse(), day);
    expect(rows.map((r) => [r.date, r.step, r.from, r.to, r.note, r.actor])).toEqual([
      ["2022-08-01", "raised", null, "open", null, "supervisor"],
      ["2022-08-02", "started", "open", "rectifying", null, "lead"],
      ["2022-08-04", "submitted", "rectifying", "submitted", "已补齐储备", "lead"],
      ["2022-08-06", "returned", "submitted", "rectifying", "证据不足", "supervisor"],
      ["2022-08-07", "escalated", null, null, "请加快", "leader"],
      ["2022-08-08", "edited", null, null, null, "supervisor"],
      ["2022-08-09", "verified", "submitted", "verified", null, "supervisor"],
    ]);
  });

  it("leaves out entries that are no step (a deletion, a transition that changed nothing)", () => {
    const rows = historyRows(
      [
        { at: "2022-08-01T00:00:00Z", actor: "a", action: "delete", before: item("open"), after: null },
        {
          at: "2022-08-02T00:00:00Z",
          actor: "a",
          action: "transition",
          before: item("open"),
          after: item("open"),
        },
      ],
      day,
    );
    expect(rows).toEqual([]);
  });
});
