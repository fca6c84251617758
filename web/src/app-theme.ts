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

/**
 * Text colours readable at 4.5:1 (WCAG 1.4.3) on white and antd's light greys, where antd's
 * defaults are not: secondary text and placeholders ~3.4:1 and 2:1, links (#1677ff) 4.1:1, red
 * text (#ff4d4f) 3.3:1. Same hues, a step darker, so the look stays antd's.
 */
export const READABLE_TEXT = {
  /** 5.7:1 on white (antd: 45 % black, 3.4:1). */
  colorTextTertiary: "#666666",
  colorTextDescription: "#666666",
  /** 4.9:1 on white (antd: 25 % black). */
  colorTextPlaceholder: "#707070",
  /** antd's blue-7, 6.2:1. */
  colorLink: "#0958d9",
  /** antd's red-7, 5.6:1: danger buttons and refusals beside a field. */
  colorError: "#cf1322",
} as const;

/**
 * A light tag's text (antd draws it in shade 7 of its colour on shade 1) one or two shades darker
 * where shade 7 is under 4.5:1; each stays recognisably its colour.
 */
export const TAG_TEXT = {
  green7: "#237804",
  orange7: "#ad4e00",
  gold7: "#874d00",
  yellow7: "#876800",
  cyan7: "#006d75",
  volcano7: "#ad2102",
  lime7: "#3f6600",
  // The status tags (color="success" | "warning") draw their text in these.
  colorSuccess: "#237804",
  colorWarning: "#874d00",
} as const;

/** The ConfigProvider theme. */
export const APP_THEME: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY_COLOR,
    borderRadius: 4,
    // antd's focus outline (genFocusOutline) is drawn in colorPrimaryBorder.
    colorPrimaryBorder: FOCUS_COLOR,
    ...READABLE_TEXT,
  },
  components: {
    Tag: TAG_TEXT,
    // An unchecked switch's label is white on colorTextQuaternary (#bfbfbf, 1.8:1).
    Switch: { colorTextQuaternary: "#6b6b6b", colorTextTertiary: "#595959" },
    // An empty table's text is drawn in colorTextDisabled (#bfbfbf).
    Table: { colorTextDisabled: READABLE_TEXT.colorTextTertiary },
    Input: FIELD_FOCUS,
    InputNumber: FIELD_FOCUS,
    DatePicker: FIELD_FOCUS,
    Mentions: FIELD_FOCUS,
    Select: { activeBorderColor: FOCUS_COLOR, activeOutlineColor: FOCUS_GLOW },
  },
};

/**
 * {@link APP_THEME} without antd's motion (dialogs, dropdowns, pickers and menus open and close at
 * once), for people whose system asks for reduced motion (WCAG 2.3.3).
 */
export const STILL_THEME: ThemeConfig = { ...APP_THEME, token: { ...APP_THEME.token, motion: false } };

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
