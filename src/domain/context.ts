import type { Database, Db } from "../db/connection.js";
import type { Principal } from "./accounts/principal.js";

/** What every service call needs: the database, who acts, and the clock. */
export interface ServiceContext {
  readonly database: Database;
  /** The acting user's username (or `system`, `demo`, `cli`), written to the audit trail. */
  readonly actor: string;
  /** Current instant as ISO 8601; injectable so tests and the demo are deterministic. */
  readonly now: () => string;
  /** The caller and their scopes; absent for the system itself (CLI, demo loader). */
  readonly principal?: Principal;
  /** Bulk writes (demo load, plan approval) schedule once at the end instead of after each edit. */
  readonly deferSchedule?: boolean;
  /**
   * The data revision read together with the caller's session at the start of the request, so a
   * cached read needs no query of its own; reads only (a write moves the revision on).
   */
  readonly dataRevision?: number;
  /** The open transaction when the call is part of a larger all-or-nothing write. */
  readonly trx?: Executor;
}

/** A connection or an open transaction: repositories accept either. */
export type Executor = Db;

/** Builds a context for the given actor with the real clock. */
export function serviceContext(database: Database, actor: string, now?: () => string): ServiceContext {
  return { database, actor, now: now ?? (() => new Date().toISOString()) };
}
