import { describe, expect, it } from "vitest";
import type { DispatchReport, Session } from "../../api/types";
import { canFor } from "../../hooks/can";
import { isQuiet, roundDate, roundSpan, supervisionRows } from "./dispatch-view";

type Section = DispatchReport["taskForces"][number];
type Item = Section["supervision"]["overdue"][number];

const item = (id: string, code: string, over: Partial<Item> = {}): Item => ({
  id,
  code,
  taskForceId: "tf-01",
  taskId: null,
  taskCode: null,
  state: "open",
  issue: "",
  raisedOn: "2022-08-15",
  submittedOn: null,
  verifiedOn: null,
  dueDate: "2022-08-20",
  daysOverdue: null,
  ...over,
});
const section = (supervision: Partial<Section["supervision"]>): Section =>
  ({
    overdue: [],
    due: [],
    noReport: [],
    red: [],
    yellow: [],
    completed: [],
    supervision: { raised: [], submitted: [], verified: [], overdue: [], ...supervision },
  }) as unknown as Section;

describe("dispatch report view", () => {
  it("moves to the whole previous round or to the end of the next one", () => {
    const rounds = {
      kind: "weekly" as const,
      current: { start: "2022-08-15", end: "2022-08-17" },
      next: { start: "2022-08-22", end: "2022-08-28" },
      due: { start: "2022-08-17", end: "2022-08-28" },
    };
    expect(roundDate(rounds, "prev")).toBe("2022-08-14");
    expect(roundDate(rounds, "next")).toBe("2022-08-28");
    expect(roundDate({ ...rounds, current: { start: "2022-03-01", end: "2022-03-09" } }, "prev")).toBe(
      "2022-02-28",
    );
  });
  it("spans the whole round, counted at the status date (not 08-15 to 08-15 on a Monday)", () => {
    const rounds = {
      kind: "weekly" as const,
      current: { start: "2022-08-15", end: "2022-08-15" },
      next: { start: "2022-08-22", end: "2022-08-28" },
      due: { start: "2022-08-15", end: "2022-08-28" },
    };
    expect(roundSpan({ rounds, statusDate: "2022-08-15" })).toEqual({
      start: "2022-08-15",
      end: "2022-08-21",
      asOf: "2022-08-15",
    });
    const month = {
      ...rounds,
      kind: "monthly" as const,
      current: { start: "2022-02-01", end: "2022-02-09" },
    };
    expect(
      roundSpan({
        rounds: { ...month, next: { start: "2022-03-01", end: "2022-03-31" } },
        statusDate: "2022-02-09",
      }).end,
    ).toBe("2022-02-28");
  });

  it("merges a supervision item's events of the round into one row, by code", () => {
    const a = item("a", "DB-2", { state: "verified" });
    const b = item("b", "DB-1", { daysOverdue: 2 });
    const rows = supervisionRows(section({ raised: [a], submitted: [a], verified: [a], overdue: [b] }));
    expect(rows.map((r) => [r.code, r.events])).toEqual([
      ["DB-1", ["overdue"]],
      ["DB-2", ["raised", "submitted", "verified"]],
    ]);
    expect(isQuiet(section({}))).toBe(true);
    expect(isQuiet(section({ overdue: [b] }))).toBe(false);
  });

  it("shows the report to roles with read:dispatch-report only", () => {
    const s = (permissions: string[]) =>
      ({ roles: ["lead"], permissions, leadTaskForceIds: [], ownTaskForceIds: [] }) as unknown as Session;
    expect(canFor(s(["read:dispatch-report"])).readDispatchReport).toBe(true);
    expect(canFor(s(["write:progress-reports"])).readDispatchReport).toBe(false);
    expect(canFor(null).readDispatchReport).toBe(false);
  });
});
