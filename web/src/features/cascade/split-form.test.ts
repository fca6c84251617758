import { describe, expect, it } from "vitest";
import type { Session } from "../../api/types";
import { canFor } from "../../hooks/can";
import {
  decimalsOf,
  fieldOfPath,
  meetsTarget,
  monthlyBody,
  monthRows,
  placeRefusal,
  planDecimals,
  splitBody,
} from "./split-form";

const children = [
  { indicatorId: "a", version: 3 },
  { indicatorId: "b", version: 1 },
  { indicatorId: "c", version: 2 },
];

describe("the bodies of the splitting dialogs", () => {
  it("sends every share at the version shown, with its typed number only when splitting by shares", () => {
    expect(splitBody({ method: "shares", shares: [60, 50, 50] }, children, true)).toEqual({
      method: "shares",
      children: [
        { id: "a", version: 3, share: 60 },
        { id: "b", version: 1, share: 50 },
        { id: "c", version: 2, share: 50 },
      ],
      dryRun: true,
    });
    // Typed shares left from an earlier choice are not sent with another method.
    expect(splitBody({ method: "even", shares: [1, 2, 3], decimals: 2 }, children, false)).toEqual({
      method: "even",
      children: children.map((c) => ({ id: c.indicatorId, version: c.version })),
      decimals: 2,
      dryRun: false,
    });
    // A blank share is left out: the API refuses it beside its field.
    expect(splitBody({ method: "shares", shares: [60, null] }, children, true).children[1]).toEqual({
      id: "b",
      version: 1,
    });
  });

  it("sends twelve monthly amounts (a blank month 0) only when typing them", () => {
    const typed = [5, 5, 10, null, 10, 10, 10, 10, 10, 10, 10, 10];
    expect(monthlyBody({ method: "profile", monthly: typed }, 4, true)).toEqual({
      method: "profile",
      monthly: [5, 5, 10, 0, 10, 10, 10, 10, 10, 10, 10, 10],
      version: 4,
      dryRun: true,
    });
    expect(monthlyBody({ method: "profile" }, 4, true)).toEqual({
      method: "profile",
      version: 4,
      dryRun: true,
    });
    expect(monthlyBody({ method: "working-days", monthly: typed, decimals: 1 }, 4, false)).toEqual({
      method: "working-days",
      version: 4,
      decimals: 1,
      dryRun: false,
    });
  });
});

describe("placing a refusal beside its field", () => {
  it("maps the API's paths to the dialog's fields, with or without the body prefix", () => {
    expect(fieldOfPath("children.2.share")).toBe("shares.2");
    expect(fieldOfPath("body.children.0.id")).toBe("shares.0");
    expect(fieldOfPath("monthly.3")).toBe("monthly.3");
    expect(fieldOfPath("monthly")).toBe("monthly");
    expect(fieldOfPath("method")).toBe("method");
    expect(fieldOfPath("body.decimals")).toBe("decimals");
    expect(fieldOfPath("children")).toBeNull();
    expect(fieldOfPath("version")).toBeNull();
  });

  it("groups the messages by field and keeps the rest for below the form", () => {
    const placed = placeRefusal(
      [
        { path: "children.1.share", message: "negative", key: "splitNegative" },
        { path: "children.1.share", message: "again" },
        { path: "method", message: "no months", key: "noLastYearMonths" },
        { path: "children", message: "count", key: "splitLength" },
      ],
      (d) => d.key ?? d.message,
    );
    expect(placed.fields).toEqual({ "shares.1": ["splitNegative", "again"], method: ["noLastYearMonths"] });
    expect(placed.unplaced.map((d) => d.path)).toEqual(["children"]);
  });
});

describe("the monthly preview", () => {
  it("shows each month's plan to date before and after, and what the month adds", () => {
    const after = Object.fromEntries(
      Array.from({ length: 12 }, (_, k) => [`2022-${String(k + 1).padStart(2, "0")}`, (k + 1) * 5]),
    );
    const rows = monthRows(2022, { "2022-01": 3 }, after);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ period: "2022-01", month: 1, before: 3, after: 5, monthly: 5 });
    expect(rows[1]).toMatchObject({ before: null, after: 10, monthly: 5 });
    expect(rows.at(-1)?.after).toBe(60);
    expect(meetsTarget(rows.at(-1)!.after, 60)).toBe(true);
    expect(meetsTarget(59.99, 60)).toBe(false);
  });

  it("proposes as many decimals as the target or its present plan use", () => {
    expect(decimalsOf(20)).toBe(0);
    expect(decimalsOf(12.25)).toBe(2);
    expect(planDecimals(20, { "2022-01": 1.2, "2022-02": 2.8 })).toBe(1);
    expect(planDecimals(50, null)).toBe(0);
    expect(planDecimals(0.123456, null)).toBe(4);
  });
});

describe("who may use the splitting tools", () => {
  const session = (roles: Session["roles"], extra: Partial<Session> = {}): Session =>
    ({
      user: {} as Session["user"],
      roles,
      personId: "p1",
      leadTaskForceIds: [],
      ownTaskForceIds: [],
      csrfToken: "x",
      permissions: ["indicators:split", "indicators:split-months"],
      ...extra,
    }) as Session;

  it("lets the office split a district target, and change but not further split a task force's share", () => {
    const office = canFor(session(["supervisor"]));
    expect(office.splitTarget({ taskForceId: null, editable: true })).toBe(true);
    expect(office.splitTarget({ taskForceId: "tf-8", editable: true })).toBe(false);
    expect(office.splitMonths({ editable: true })).toBe(true);
  });

  it("lets a lead split their own task force's indicators, and nobody what the cascade marks not editable", () => {
    const lead = canFor(session(["lead"], { leadTaskForceIds: ["tf-8"] }));
    expect(lead.splitTarget({ taskForceId: "tf-8", editable: true })).toBe(true);
    expect(lead.splitTarget({ taskForceId: "tf-8", editable: false })).toBe(false);
    expect(canFor(session(["admin"])).splitTarget({ taskForceId: "tf-1", editable: true })).toBe(true);
    const member = canFor(session(["member"], { permissions: [] }));
    expect(member.splitTarget({ taskForceId: null, editable: true })).toBe(false);
    expect(member.splitMonths({ editable: true })).toBe(false);
  });
});
