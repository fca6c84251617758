import { describe, expect, it } from "vitest";
import type { Settings } from "../../shared/api/settings.js";
import { actionDayOf, statusDateOf } from "./settings.service.js";

/** The settings `readSettings` gives an empty database, with `statusDate` as given. */
const settingsWith = (statusDate: Settings["statusDate"]): Settings => ({
  statusDate,
  calendar: {},
  lights: { thresholds: {}, dispatchRound: "weekly" },
  assessment: { weights: {} },
  plausibility: {},
  documents: {},
  plan: {},
  reminders: {},
  notifications: {},
});

const FIXED = settingsWith({ rule: "fixed", date: "2022-08-15" });
const TODAY = settingsWith({ rule: "today" });

describe("actionDayOf", () => {
  it.each([
    ["2026-03-02T03:00:00Z", "2022-08-15"],
    ["2022-08-15T01:00:00Z", "2022-08-15"],
    ["2022-08-15T17:00:00Z", "2022-08-15"],
    ["2022-08-01T03:00:00Z", "2022-08-01"],
  ])("under a fixed status date counts an action at %s on %s, never later", (at, day) => {
    expect(actionDayOf(FIXED, new Date(at))).toBe(day);
  });

  it("counts an action's own day in the organisation's zone under the rule 'today'", () => {
    // 20:30 UTC on 1 March is already 2 March in Shanghai, still 1 March in London.
    const at = new Date("2026-03-01T20:30:00Z");
    expect(actionDayOf(TODAY, at)).toBe("2026-03-02");
    expect(actionDayOf(settingsWith({ rule: "today", timeZone: "Europe/London" }), at)).toBe("2026-03-01");
  });

  it("never dates an action after the status date of its instant", () => {
    for (const at of ["2021-12-31T23:59:00Z", "2022-08-15T12:00:00Z", "2030-01-01T00:00:00Z"])
      for (const s of [FIXED, TODAY])
        expect(actionDayOf(s, new Date(at)) <= statusDateOf(s, new Date(at))).toBe(true);
  });
});
