import { presetPalettes } from "@ant-design/colors";
import { FastColor } from "@ant-design/fast-color";
import { describe, expect, it } from "vitest";
import {
  APP_THEME,
  contrastRatio,
  FOCUS_COLOR,
  PRIMARY_COLOR,
  READABLE_TEXT,
  relativeLuminance,
  TAG_TEXT,
} from "./app-theme";
import { LIGHT_TAG_COLORS } from "./components/LightTag";

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

describe("readable text (WCAG 1.4.3: 4.5:1)", () => {
  it.each(Object.entries(READABLE_TEXT))("%s %s on white and on antd's table-header grey", (_, colour) => {
    expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(colour, "#fafafa")).toBeGreaterThanOrEqual(4.5);
  });

  it.each(Object.entries(TAG_TEXT).filter(([k]) => k.endsWith("7")))(
    "a light tag's text %s %s on its colour's lightest shade",
    (key, colour) => {
      const bg = presetPalettes[key.slice(0, -1)]?.[0] ?? "";
      expect(contrastRatio(colour, bg)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it.each(Object.entries(LIGHT_TAG_COLORS))(
    "the %s light as a tag's text and as a fill under white",
    (_, c) => {
      // antd's tag of a custom colour: the colour on its tint at 95 % lightness.
      const tint = new FastColor({ ...new FastColor(c).toHsl(), l: 0.95 }).toHexString();
      expect(contrastRatio(c, tint)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(c, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    },
  );

  it("is what the theme uses", () => {
    expect(APP_THEME.token).toMatchObject(READABLE_TEXT);
    expect(APP_THEME.components?.Tag).toMatchObject(TAG_TEXT);
  });
});
