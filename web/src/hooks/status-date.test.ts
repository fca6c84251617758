import { describe, expect, it } from "vitest";
import {
  actionDayOfRule,
  DEFAULT_TIME_ZONE,
  dayInZone,
  instantInZone,
  statusDateOfRule,
  zoneOfRule,
} from "./status-date";

// 2026-03-01 20:30 UTC is already 2 March in Shanghai (UTC+8).
const NOW = new Date("2026-03-01T20:30:00Z");

describe("statusDateOfRule", () => {
  it("gives the fixed date whatever the clock says", () => {
    expect(statusDateOfRule({ rule: "fixed", date: "2022-08-15" }, NOW)).toBe("2022-08-15");
  });

  it("gives today in the organisation's zone, not in UTC", () => {
    expect(statusDateOfRule({ rule: "today" }, NOW)).toBe("2026-03-02");
    expect(statusDateOfRule({ rule: "today", timeZone: "Europe/London" }, NOW)).toBe("2026-03-01");
  });

  it("counts in the default zone until the settings have loaded", () => {
    expect(statusDateOfRule(undefined, NOW)).toBe(dayInZone(DEFAULT_TIME_ZONE, NOW));
  });
});

describe("actionDayOfRule", () => {
  const fixed = { rule: "fixed", date: "2022-08-15" } as const;
  it.each([
    ["2026-03-02T03:00:00Z", "2022-08-15"],
    ["2022-08-15T17:00:00Z", "2022-08-15"],
    ["2022-08-01T03:00:00Z", "2022-08-01"],
  ])("under a fixed status date dates an action at %s on %s, never later", (at, day) => {
    expect(actionDayOfRule(fixed, new Date(at))).toBe(day);
  });

  it("dates an action on its own day in the organisation's zone under the rule 'today'", () => {
    expect(actionDayOfRule({ rule: "today" }, NOW)).toBe("2026-03-02");
  });
});

describe("zoneOfRule", () => {
  it.each([
    [{ rule: "today", timeZone: "America/New_York" } as const, "America/New_York"],
    [{ rule: "today" } as const, DEFAULT_TIME_ZONE],
    [{ rule: "fixed", date: "2022-08-15" } as const, DEFAULT_TIME_ZONE],
    [undefined, DEFAULT_TIME_ZONE],
  ])("reads %o as %s", (rule, zone) => {
    expect(zoneOfRule(rule)).toBe(zone);
  });
});

describe("instantInZone", () => {
  it("shows an instant in the organisation's zone, whatever the browser's", () => {
    expect(instantInZone("2022-08-15T01:04:59.000Z", "Asia/Shanghai")).toBe("2022-08-15 09:04");
    expect(instantInZone("2022-08-15T16:00:00.000Z", "Asia/Shanghai")).toBe("2022-08-16 00:00");
    expect(instantInZone("2022-08-15T01:04:59.000Z", "Europe/London")).toBe("2022-08-15 02:04");
  });

  it("returns text that is no instant as it was", () => {
    expect(instantInZone("garbage", "Asia/Shanghai")).toBe("garbage");
  });
});
