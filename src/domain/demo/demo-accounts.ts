import type { Executor } from "../context.js";
import { getSetting } from "../settings/settings.repository.js";
import { DEMO_SETTING } from "./demo.service.js";

/** The demo's accounts, one per role (SPEC), all with the demo password. */
export const DEMO_ACCOUNTS = ["admin", "supervisor", "leader", "lead", "member", "viewer"] as const;
/** The demo password, printed by `guatu demo` and shown on a demo database's login page only. */
export const DEMO_PASSWORD = "guatu-demo";

/** Whether the database was loaded by `guatu demo`. */
export async function isDemoDatabase(db: Executor): Promise<boolean> {
  return (await getSetting(db, DEMO_SETTING)) !== undefined;
}
