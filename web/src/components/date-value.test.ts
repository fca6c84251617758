import { describe, expect, it } from "vitest";
import { dayjsLocaleOf, fromIso, toIso } from "./date-value";

describe("date values of the date picker", () => {
  it("follows the app's language, Chinese unless English", () => {
    expect(dayjsLocaleOf("en")).toBe("en");
    expect(dayjsLocaleOf("zh-CN")).toBe("zh-cn");
    expect(dayjsLocaleOf(undefined)).toBe("zh-cn");
  });

  it("round-trips ISO days and months", () => {
    expect(toIso(fromIso("2022-08-15", "date", "zh-cn"), "date")).toBe("2022-08-15");
    expect(toIso(fromIso("2022-02-28", "date", "en"), "date")).toBe("2022-02-28");
    expect(toIso(fromIso("2022-08", "month", "en"), "month")).toBe("2022-08");
  });

  it("names months in the chosen language", () => {
    expect(fromIso("2022-08-15", "date", "en")?.format("MMMM")).toBe("August");
    expect(fromIso("2022-08-15", "date", "zh-cn")?.format("MMMM")).toBe("八月");
  });

  it("gives no value for empty or impossible dates, and '' for a cleared field", () => {
    expect(fromIso("", "date", "en")).toBeNull();
    expect(fromIso(null, "date", "en")).toBeNull();
    expect(fromIso("2022-02-30", "date", "en")).toBeNull();
    expect(fromIso("15/08/2022", "date", "en")).toBeNull();
    expect(fromIso("2022-08", "date", "en")).toBeNull();
    expect(toIso(null, "date")).toBe("");
  });
});
