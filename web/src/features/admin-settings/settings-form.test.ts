import { describe, expect, it } from "vitest";
import { fieldOfDetail, placeDetails, pruneBlank, sectionBody, weightSum } from "./settings-form";

describe("sectionBody", () => {
  it("leaves blank fields out at every depth, so the defaults apply", () => {
    expect(
      sectionBody("lights", {
        thresholds: { redBehindPoints: 25, yellowBehindPoints: null, lowFloatWorkdays: undefined },
        dispatchRound: "monthly",
      }),
    ).toEqual({ thresholds: { redBehindPoints: 25 }, dispatchRound: "monthly" });
    expect(pruneBlank({ documents: { issuingUnit: "" }, list: [null] })).toEqual({
      documents: {},
      list: [null],
    });
  });

  it("leaves out a notification channel that is off and empty, and keeps one being set up", () => {
    expect(sectionBody("notifications", { webhook: { enabled: false, url: "" }, email: {} })).toEqual({});
    expect(sectionBody("notifications", { webhook: { url: "https://x.example/hook" } })).toEqual({
      webhook: { url: "https://x.example/hook", enabled: false },
    });
    expect(sectionBody("notifications", { email: { enabled: true } })).toEqual({
      email: { enabled: true },
    });
  });
});

describe("placing refusals beside their fields", () => {
  it("reads the API's paths and the browser's alike", () => {
    expect(fieldOfDetail("lights", "body.lights.thresholds.redBehindPoints")).toEqual([
      "thresholds",
      "redBehindPoints",
    ]);
    expect(fieldOfDetail("calendar", "calendar.holidays[2]")).toEqual(["holidays", 2]);
    expect(fieldOfDetail("calendar", "body.lights.dispatchRound")).toBeNull();
  });

  it("puts each refusal on its field, an object's on its first field, the rest aside", () => {
    const d = (path: string) => ({ path, message: "x" });
    const { placed, unplaced } = placeDetails(
      "notifications",
      [d("body.notifications.webhook"), d("body.notifications.email.from"), d("body.other")],
      [
        ["webhook", "enabled"],
        ["webhook", "url"],
        ["email", "from"],
      ],
    );
    expect(placed.map((p) => p.name)).toEqual([
      ["webhook", "enabled"],
      ["email", "from"],
    ]);
    expect(unplaced).toEqual([d("body.other")]);
  });
});

describe("weightSum", () => {
  it("adds the weights, the defaults standing in for those not set", () => {
    expect(weightSum({})).toBe(100);
    expect(weightSum({ milestones: 50, indicators: null })).toBe(110);
  });
});
