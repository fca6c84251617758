import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyTrend } from "./trend.js";

describe("classifyTrend", () => {
  it.each([
    [[], "unknown"],
    [[3], "unknown"],
    [[3, 2], "falling"],
    [[2, 2.03], "flat"],
    [[2, 2.5], "rebounding"],
    [[-1, 0.5], "turned-positive"],
    [[0, 0.01], "turned-positive"],
    [[0.5, 0], "falling"],
    [[5, 4, 3], "falling"],
    [[5, 4, 4], "stopped-falling"],
    [[5, 4, 4.5], "stopped-falling"],
    [[5, 4, 3.96], "stopped-falling"],
    [[4, 4, 4.5], "rebounding"],
    [[4, 4.5, 5], "rebounding"],
    [[4, 4.04, 4.03], "flat"],
    [[-3, -2, -0.5], "rebounding"],
    [[-3, -2, 0.2], "turned-positive"],
    [[-1, -2, 0.5], "turned-positive"],
    [[6, 5, 4, 4], "stopped-falling"],
    [[1, 2, 3, 2], "falling"],
  ])("classifies %j as %s", (series, stage) => {
    expect(classifyTrend(series)).toBe(stage);
  });

  it("treats ε as inclusive for flat and stopped-falling", () => {
    expect(classifyTrend([1, 1.5], { epsilon: 0.5 })).toBe("flat");
    expect(classifyTrend([3, 2, 1.5], { epsilon: 0.5 })).toBe("stopped-falling");
    expect(classifyTrend([3, 2.5, 2], { epsilon: 0.5 })).toBe("flat");
  });

  it("needs three readings to call stopped-falling", () => {
    expect(classifyTrend([4, 4])).toBe("flat");
  });

  it("returns unknown on a non-finite value", () => {
    expect(classifyTrend([1, Number.NaN])).toBe("unknown");
  });

  // Quarter steps are exact in binary floating point, so deltas survive the shift unchanged.
  const quarter = fc.integer({ min: -400, max: 400 }).map((n) => n / 4);
  it("is invariant under adding a constant that changes no sign of the last two readings", () => {
    fc.assert(
      fc.property(fc.array(quarter, { minLength: 0, maxLength: 6 }), quarter, (series, c) => {
        const shifted = series.map((x) => x + c);
        const n = series.length;
        const signs = (s: number[]) => (n < 2 ? "" : `${s[n - 2]! <= 0}${s[n - 1]! > 0}`);
        fc.pre(signs(series) === signs(shifted));
        expect(classifyTrend(shifted)).toBe(classifyTrend(series));
      }),
    );
  });

  it("always answers one of the six stages", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 5 }), (s) => {
        expect(["turned-positive", "stopped-falling", "rebounding", "flat", "falling", "unknown"]).toContain(
          classifyTrend(s),
        );
      }),
    );
  });
});

describe("classifyTrend (JSDoc examples)", () => {
  it("answers as documented", () => {
    expect(classifyTrend([3, 1, 1.02])).toBe("stopped-falling");
    expect(classifyTrend([-1, 0.5])).toBe("turned-positive");
  });
});
