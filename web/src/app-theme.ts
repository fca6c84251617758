/**
 * The antd theme of the app: the product's red as the primary colour, and a blue focus ring. antd
 * draws focus (the outline of buttons, tabs, menu items, links; the border and glow of fields) in
 * shades of the primary colour, and a red ring around a field reads as an error.
 */
import type { ThemeConfig } from "antd";

/** The product's red (buttons, the selected navigation item, active tabs). */
export const PRIMARY_COLOR = "#b71c1c";
/** The focus ring: a blue with 5.2:1 against white and 3.6:1 against the dark navigation. */
export const FOCUS_COLOR = "#2563eb";
/** The glow around a focused field, the focus blue at 20 %. */
const FOCUS_GLOW = "rgba(37, 99, 235, 0.2)";

/** A field's focus: its border in the focus blue, its glow a light blue. */
const FIELD_FOCUS = { activeBorderColor: FOCUS_COLOR, activeShadow: `0 0 0 2px ${FOCUS_GLOW}` };

/** The ConfigProvider theme. */
export const APP_THEME: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY_COLOR,
    borderRadius: 4,
    // antd's focus outline (genFocusOutline) is drawn in colorPrimaryBorder.
    colorPrimaryBorder: FOCUS_COLOR,
  },
  components: {
    Input: FIELD_FOCUS,
    InputNumber: FIELD_FOCUS,
    DatePicker: FIELD_FOCUS,
    Mentions: FIELD_FOCUS,
    Select: { activeBorderColor: FOCUS_COLOR, activeOutlineColor: FOCUS_GLOW },
  },
};

/** The relative luminance of a `#rrggbb` colour (WCAG 2). */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** The WCAG contrast ratio of two `#rrggbb` colours, 1 to 21. Example: black on white is 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
