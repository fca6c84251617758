import type { TFunction } from "i18next";

/**
 * A trend stage in words; a cumulative indicator's is against its schedule (进度回升), the
 * engine's rule for year-to-date totals.
 */
export function trendLabel(t: TFunction, trend: string, kind: string): string {
  const stage = t(`trend.${trend}`);
  return kind === "cumulative" && trend !== "unknown" ? t("trend.vsSchedule", { stage }) : stage;
}

/**
 * The tag colour of a trend stage. Stages describe the direction of the values; whether that is
 * good depends on the indicator: for a lower-better growth rate or level (an unemployment rate,
 * a price index) falling is the good news. A cumulative indicator is staged on its gap to the
 * schedule, where up is always better.
 */
export function trendColor(
  trend: string,
  indicator: { readonly kind: string; readonly direction: string },
): string {
  const lowerBetter = indicator.direction === "down" && indicator.kind !== "cumulative";
  return (lowerBetter ? LOWER_BETTER : HIGHER_BETTER)[trend] ?? "default";
}

const HIGHER_BETTER: Readonly<Record<string, string>> = {
  "turned-positive": "green",
  "stopped-falling": "gold",
  rebounding: "cyan",
  flat: "default",
  falling: "red",
};

const LOWER_BETTER: Readonly<Record<string, string>> = {
  "turned-positive": "red",
  "stopped-falling": "gold",
  rebounding: "red",
  flat: "default",
  falling: "green",
};
