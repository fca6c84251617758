import { describe, expect, it } from "vitest";
import { APP_THEME, contrastRatio, FOCUS_COLOR, PRIMARY_COLOR, relativeLuminance } from "./app-theme";

/** antd's dark navigation background (Layout.Sider theme="dark"). */
const SIDER = "#001529";

describe("contrastRatio", () => {
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    ["#777777", "#ffffff", 4.48],
  ])("of %s and %s is %f", (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 1);
    expect(contrastRatio(b, a)).toBeCloseTo(ratio, 1);
  });

  it("reads black as 0 and white as 1 in luminance", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBe(1);
  });
});

describe("APP_THEME", () => {
  it("keeps the product's red as the primary colour", () => {
    expect(APP_THEME.token?.colorPrimary).toBe(PRIMARY_COLOR);
  });

  it("draws focus in a blue that stands out on white and on the dark navigation (WCAG 1.4.11: 3:1)", () => {
    expect(APP_THEME.token?.colorPrimaryBorder).toBe(FOCUS_COLOR);
    expect(contrastRatio(FOCUS_COLOR, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(FOCUS_COLOR, SIDER)).toBeGreaterThanOrEqual(3);
    const [r, , b] = [1, 3, 5].map((i) => Number.parseInt(FOCUS_COLOR.slice(i, i + 2), 16));
    expect(b).toBeGreaterThan(r ?? 0);
  });

  it("gives every text field the blue focus border", () => {
    for (const name of ["Input", "InputNumber", "DatePicker", "Select"] as const)
      expect(APP_THEME.components?.[name]).toMatchObject({ activeBorderColor: FOCUS_COLOR });
  });
});
