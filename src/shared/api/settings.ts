import { z } from "zod";
import { keyed } from "../messages.js";
import { slippageBaselines } from "./baselines.js";
import { isoDate, text } from "./common.js";
import { taskForceReminderSettings } from "./reminders.js";

const weekday = z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);

/** Whether the runtime knows `zone` as an IANA time zone (e.g. `Asia/Shanghai`). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
const timeZone = text(60).refine(isTimeZone, keyed("timeZone"));

/** The organisation's settings: status date rule, calendar overrides, light rules, assessment weights. */
export const settingsView = z.object({
  statusDate: z.union([
    z.strictObject({ rule: z.literal("today"), timeZone: timeZone.optional() }),
    z.strictObject({ rule: z.literal("fixed"), date: isoDate }),
  ]),
  calendar: z.strictObject({
    // A week without a working day leaves nothing to schedule: every view would answer BAD_CALENDAR.
    weekends: z
      .array(weekday)
      .max(7)
      .refine((w) => new Set(w).size < 7, keyed("weekendsLeaveWorkday"))
      .optional(),
    holidays: z.array(isoDate).max(1000).optional(),
    extraWorkdays: z.array(isoDate).max(1000).optional(),
  }),
  lights: z.strictObject({
    thresholds: z.strictObject({
      redBehindPoints: z.number().min(0).max(100).optional(),
      yellowBehindPoints: z.number().min(0).max(100).optional(),
      deadlineSoonWorkdays: z.number().int().min(0).max(100).optional(),
      lowFloatWorkdays: z.number().int().min(0).max(100).optional(),
    }),
    dispatchRound: z.enum(["weekly", "monthly", "off"]),
  }),
  assessment: z.strictObject({
    weights: z.strictObject({
      milestones: z.number().min(0).max(100).optional(),
      indicators: z.number().min(0).max(100).optional(),
      supervision: z.number().min(0).max(100).optional(),
    }),
  }),
  /** What entries are plausible (checked by the services, explained when refused). */
  plausibility: z.strictObject({
    /** Days a progress report may be dated after the status date (default 0). */
    reportGraceDays: z.number().int().min(0).max(30).optional(),
    /**
     * How far an actual may lie outside the span of its target and the last actual, as a multiple of
     * the larger of them (default 3); farther needs a confirmation note.
     */
    readingBand: z.number().min(0.1).max(100).optional(),
  }),
  /** Printed documents (任务书, 督办通知单): who issues them and how their numbers (文号) begin. */
  documents: z.strictObject({
    /** 发文单位, e.g. 区委区政府督查室. */
    issuingUnit: z.string().trim().min(1).max(100).optional(),
    /** The 文号's prefix, e.g. 区督查 → 区督查〔2022〕3号. */
    numberPrefix: z.string().trim().min(1).max(20).optional(),
  }),
  /**
   * When the system chases (催办), in working days of the calendar; each task force may change them
   * (defaults: 3 days before a deadline and on the day, every 2 days once overdue, the owner told 1
   * day late, the unit head 3, the lead 5, the lead leader 10).
   */
  reminders: taskForceReminderSettings.extend({
    /** Assessment points taken from a task force per 催办 left unanswered past the owner's grace (default 0.5). */
    unansweredDeduction: z.number().min(0).max(10).optional(),
  }),
  /** Where messages go besides the in-app inbox; secrets (webhook key, SMTP login) stay in the server's environment. */
  notifications: z.strictObject({
    webhook: z
      .strictObject({ enabled: z.boolean(), url: z.url({ protocol: /^https?$/ }).max(500) })
      .optional(),
    email: z.strictObject({ enabled: z.boolean(), from: z.email().max(200) }).optional(),
  }),
  /** Plans and their baselines. */
  plan: z.strictObject({
    /** Slippage counts from each task's first approved baseline (default), or from the latest. */
    slippageAgainst: z.enum(slippageBaselines).optional(),
    /** How far shares may stray from their parent's target (层层衔接), in % of it (default 0.5). */
    cascadeTolerancePercent: z.number().min(0).max(50).optional(),
    /** The same for `rate` indicators, in percentage points (default 0.05). */
    cascadeRatePoints: z.number().min(0).max(10).optional(),
  }),
});
z.globalRegistry.add(settingsView, { id: "Settings" });
export type Settings = z.output<typeof settingsView>;

/** Body of `PUT /settings`: any of the sections, each replaced whole. */
export const settingsUpdate = settingsView.partial().strict();
