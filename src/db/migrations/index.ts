import type { Migration } from "kysely/migration";
import * as core from "./2026-11-29-0001-core.js";

/** Every migration, by its sortable name. Add new files here; never edit a released one. */
export const migrations: Record<string, Migration> = {
  "2026-11-29-0001-core": core,
};
