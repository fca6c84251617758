/**
 * Visual constants of the battle map per theme: sizes (the dark big-screen theme is larger, to be
 * read across a room) and colours of everything that is not a light.
 */
import type { Theme } from "./types";

/** Sizes and colours of one theme. */
export interface ThemeSpec {
  readonly theme: Theme;
  readonly rowHeight: number;
  readonly headerHeight: number;
  readonly leftWidth: number;
  readonly fontSize: number;
  readonly font: string;
  readonly boldFont: string;
  readonly smallFont: string;
  readonly indent: number;
  readonly bg: string;
  readonly paneBg: string;
  readonly headerBg: string;
  readonly forceRowBg: string;
  readonly zebra: string;
  readonly hover: string;
  readonly weekend: string;
  readonly grid: string;
  readonly gridMajor: string;
  readonly border: string;
  readonly text: string;
  readonly muted: string;
  readonly baseline: string;
  /** The two baselines compared (drawn above the bar). */
  readonly compare: readonly [string, string];
  readonly summary: string;
  readonly arrow: string;
  readonly critical: string;
  readonly late: string;
  readonly statusLine: string;
  readonly statusText: string;
}

const FONT_FAMILY =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", system-ui, sans-serif';

function fonts(size: number) {
  return {
    fontSize: size,
    font: `${size}px ${FONT_FAMILY}`,
    boldFont: `600 ${size}px ${FONT_FAMILY}`,
    smallFont: `${Math.round(size * 0.85)}px ${FONT_FAMILY}`,
  };
}

const LIGHT: ThemeSpec = {
  theme: "light",
  rowHeight: 28,
  headerHeight: 52,
  leftWidth: 340,
  ...fonts(13),
  indent: 14,
  bg: "#ffffff",
  paneBg: "#fafbfc",
  headerBg: "#f3f5f8",
  forceRowBg: "#e9eef6",
  zebra: "#fbfcfd",
  hover: "rgba(47, 111, 192, 0.08)",
  weekend: "rgba(120, 130, 150, 0.06)",
  grid: "#eef0f3",
  gridMajor: "#d5dae2",
  border: "#d5dae2",
  text: "#1f2733",
  muted: "#6b7585",
  baseline: "#9aa3b2",
  compare: ["#7c5cff", "#d9822b"],
  summary: "#3b4658",
  arrow: "#98a2b3",
  critical: "#a4133c",
  late: "#7b3fc4",
  statusLine: "#e8590c",
  statusText: "#ffffff",
};

const DARK: ThemeSpec = {
  theme: "dark",
  rowHeight: 44,
  headerHeight: 76,
  leftWidth: 520,
  ...fonts(20),
  indent: 22,
  bg: "#0b1220",
  paneBg: "#0f1829",
  headerBg: "#121d33",
  forceRowBg: "#17264a",
  zebra: "#0d1526",
  hover: "rgba(77, 163, 255, 0.14)",
  weekend: "rgba(255, 255, 255, 0.025)",
  grid: "#18233a",
  gridMajor: "#2a3a5c",
  border: "#2a3a5c",
  text: "#e8eef8",
  muted: "#8fa0bd",
  baseline: "#6f7f9c",
  compare: ["#a78bff", "#ffb05c"],
  summary: "#c9d4e8",
  arrow: "#5d6d8c",
  critical: "#ff4d8d",
  late: "#c89bff",
  statusLine: "#ff8c42",
  statusText: "#0b1220",
};

/** The spec of a theme. */
export function themeSpec(theme: Theme): ThemeSpec {
  return theme === "dark" ? DARK : LIGHT;
}

/** The smallest row height (layout px) a fitted map uses: below it the labels stop being readable. */
export const MIN_ROW_HEIGHT = 30;

/**
 * A spec with rows `rowHeight` tall (clamped to [MIN_ROW_HEIGHT, the theme's own]) and type that
 * shrinks with them, so a task force's rows fit one screen: 31 px rows get 17 px type.
 */
export function fitRowHeight(spec: ThemeSpec, rowHeight: number | undefined): ThemeSpec {
  if (rowHeight === undefined || rowHeight >= spec.rowHeight) return spec;
  const h = Math.max(MIN_ROW_HEIGHT, Math.floor(rowHeight));
  const size = Math.max(12, Math.min(spec.fontSize, Math.round(h * 0.55)));
  return { ...spec, rowHeight: h, ...fonts(size) };
}
