/**
 * The worker's reminder step: the day's tick (`chaseDueReminders`) when the organisation's day has
 * turned, and again every few minutes for what changed since (a new deadline today, a report that
 * answers). The tick is idempotent, so several workers running it only cost time.
 */
import type { DatabaseHandle } from "../../db/connection.js";
import { serviceContext } from "../context.js";
import { chaseDueReminders, organisationToday } from "./chase.service.js";

export function reminderTick(database: DatabaseHandle, everyMs = 10 * 60_000): (now: Date) => Promise<void> {
  let lastDay = "";
  let lastAt = 0;
  return async (now) => {
    const ctx = serviceContext(database, "worker", () => now.toISOString());
    const day = await organisationToday(ctx);
    if (day === lastDay && now.getTime() - lastAt < everyMs) return;
    await chaseDueReminders(ctx, day);
    lastDay = day;
    lastAt = now.getTime();
  };
}
