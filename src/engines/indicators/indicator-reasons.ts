/**
 * The reasons an indicator light can carry, with their stable codes and zh/en sentences.
 * Params: percentages and points rounded to 0.1 in the text, exact in `params`.
 */
import { fmt, type Reason, reason } from "../lights/light.js";
import type { Indicator } from "./types.js";

/** Every indicator reason code. */
export type IndicatorReasonCode =
  | "INDICATOR_ON_TRACK"
  | "INDICATOR_BEHIND"
  | "RATE_AT_TARGET"
  | "RATE_BELOW_TARGET"
  | "WITHIN_CAP"
  | "OVER_CAP"
  | "NO_READING"
  | "INDICATOR_NOT_YET_DUE"
  | "TARGET_MET";

/** Reason builders, one per code. */
export const indicatorReasons = {
  onTrack: (i: Indicator, work: number, time: number): Reason =>
    reason(
      "INDICATOR_ON_TRACK",
      { indicatorId: i.id, workProgress: work, timeProgress: time },
      `${i.name}完成进度${fmt(work)}%，不低于时间进度${fmt(time)}%`,
      `${i.name}: work progress ${fmt(work)}% is at or above time progress ${fmt(time)}%`,
    ),
  behind: (i: Indicator, work: number, time: number, gap: number): Reason =>
    reason(
      "INDICATOR_BEHIND",
      { indicatorId: i.id, workProgress: work, timeProgress: time, gapPoints: gap },
      `${i.name}完成进度${fmt(work)}%，落后时间进度${fmt(time)}% ${fmt(-gap)}个百分点`,
      `${i.name}: work progress ${fmt(work)}% is ${fmt(-gap)} points behind time progress ${fmt(time)}%`,
    ),
  rateAtTarget: (i: Indicator, actual: number): Reason =>
    reason(
      "RATE_AT_TARGET",
      { indicatorId: i.id, actual, target: i.target },
      `${i.name}${fmt(actual, 2)}%，达到目标${fmt(i.target, 2)}%`,
      `${i.name} at ${fmt(actual, 2)}% meets the target of ${fmt(i.target, 2)}%`,
    ),
  rateBelow: (i: Indicator, actual: number, gap: number): Reason =>
    reason(
      "RATE_BELOW_TARGET",
      { indicatorId: i.id, actual, target: i.target, gapPoints: gap },
      `${i.name}${fmt(actual, 2)}%，差目标${fmt(i.target, 2)}% ${fmt(-gap, 2)}个百分点`,
      `${i.name} at ${fmt(actual, 2)}% is ${fmt(-gap, 2)} points short of the target of ${fmt(i.target, 2)}%`,
    ),
  withinCap: (i: Indicator, actual: number): Reason =>
    reason(
      "WITHIN_CAP",
      { indicatorId: i.id, actual, target: i.target },
      `${i.name}${fmt(actual, 2)}${i.unit}，控制在目标${fmt(i.target, 2)}${i.unit}以内`,
      `${i.name} at ${fmt(actual, 2)} ${i.unit} is within the target of ${fmt(i.target, 2)} ${i.unit}`,
    ),
  overCap: (i: Indicator, actual: number, work: number): Reason =>
    reason(
      "OVER_CAP",
      { indicatorId: i.id, actual, target: i.target, workProgress: work },
      `${i.name}${fmt(actual, 2)}${i.unit}，超出控制目标${fmt(i.target, 2)}${i.unit}`,
      `${i.name} at ${fmt(actual, 2)} ${i.unit} exceeds the target of ${fmt(i.target, 2)} ${i.unit}`,
    ),
  withinPlan: (i: Indicator, actual: number, plan: number): Reason =>
    reason(
      "WITHIN_PLAN",
      { indicatorId: i.id, actual, plan, target: i.target },
      `${i.name}${fmt(actual, 2)}${i.unit}，控制在序时计划${fmt(plan, 2)}${i.unit}以内（全年控制目标${fmt(i.target, 2)}${i.unit}）`,
      `${i.name} at ${fmt(actual, 2)} ${i.unit} is within the plan to date of ${fmt(plan, 2)} ${i.unit} (annual cap ${fmt(i.target, 2)} ${i.unit})`,
    ),
  abovePlan: (i: Indicator, actual: number, plan: number): Reason =>
    reason(
      "ABOVE_PLAN",
      { indicatorId: i.id, actual, plan, target: i.target },
      `${i.name}${fmt(actual, 2)}${i.unit}，超出序时计划${fmt(plan, 2)}${i.unit}，尚在全年控制目标${fmt(i.target, 2)}${i.unit}以内`,
      `${i.name} at ${fmt(actual, 2)} ${i.unit} is above the plan to date of ${fmt(plan, 2)} ${i.unit}, still within the annual cap of ${fmt(i.target, 2)} ${i.unit}`,
    ),
  noReading: (i: Indicator): Reason =>
    reason(
      "NO_READING",
      { indicatorId: i.id },
      `${i.name}尚未报送实际值`,
      `${i.name}: no actual has been reported yet`,
    ),
  notYetDue: (i: Indicator): Reason =>
    reason(
      "INDICATOR_NOT_YET_DUE",
      { indicatorId: i.id },
      `${i.name}尚未到首次报送时间`,
      `${i.name}: no reading is due yet`,
    ),
  targetMet: (i: Indicator, actual: number): Reason =>
    reason(
      "TARGET_MET",
      { indicatorId: i.id, actual, target: i.target },
      `${i.name}已完成全年目标${fmt(i.target, 2)}${i.unit}`,
      `${i.name} has met its annual target of ${fmt(i.target, 2)} ${i.unit}`,
    ),
} as const;
