/** Light colours (亮灯) shared by charts and tags; every use also shows an icon or text. */
export const LIGHT_HEX = {
  red: "#cf1322",
  yellow: "#d48806",
  green: "#389e0d",
  grey: "#8c8c8c",
  blue: "#1677ff",
} as const;
/** Order of lights from worst to best, for counts and legends. */
export const LIGHT_ORDER = ["red", "yellow", "green", "grey", "blue"] as const;
