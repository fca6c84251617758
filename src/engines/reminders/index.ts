/** Reminders (催办) as a pure engine: which fall due on a day, for whom, up the chain. */
export { levelsDue, remindersDue, settingsFor } from "./reminders.js";
export * from "./types.js";
