import { z } from "zod";
import { isoDate } from "../../shared/api/common.js";
import type { Executor } from "../context.js";
import { getSetting } from "../settings/settings.repository.js";

/** The demo's accounts, one per role (SPEC), all with the demo password. */
export const DEMO_ACCOUNTS = ["admin", "supervisor", "leader", "lead", "member", "viewer"] as const;
/** The demo password, printed by `guatu demo` and shown on a demo database's login page only. */
export const DEMO_PASSWORD = "guatu-demo";

/** The settings key marking a demo database (the login page shows demo passwords only then). */
export const DEMO_SETTING = "demo";
/** What the demo marker holds. */
export const demoSetting = z.object({ organisation: z.string(), statusDate: isoDate });

/** Whether the database was loaded by `guatu demo`. */
export async function isDemoDatabase(db: Executor): Promise<boolean> {
  return (await getSetting(db, DEMO_SETTING, demoSetting)) !== undefined;
}
