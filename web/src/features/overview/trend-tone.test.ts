import { describe, expect, it } from "vitest";
import { trendColor } from "./trend-tone";

describe("trendColor", () => {
  it("colours a higher-better indicator's falling red and its turn positive green", () => {
    const gdp = { kind: "rate", direction: "up" };
    expect(trendColor("falling", gdp)).toBe("red");
    expect(trendColor("turned-positive", gdp)).toBe("green");
    expect(trendColor("unknown", gdp)).toBe("default");
  });
  it("colours a lower-better rate's falling green and its rise red", () => {
    const unemployment = { kind: "rate", direction: "down" };
    expect(trendColor("falling", unemployment)).toBe("green");
    expect(trendColor("rebounding", unemployment)).toBe("red");
  });
  it("keeps the higher-better colours for a cumulative indicator, staged on its schedule gap", () => {
    const accidents = { kind: "cumulative", direction: "down" };
    expect(trendColor("falling", accidents)).toBe("red");
    expect(trendColor("rebounding", accidents)).toBe("cyan");
  });
});
