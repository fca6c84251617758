import type { DatabaseHandle } from "../db/connection.js";
import type { Principal } from "./accounts/principal.js";
import type { DataChange } from "./audit/data-change.js";
import type { Db } from "./database.js";

/** A connection or an open transaction: repositories accept either. */
export type Executor = Db;

/**
 * One all-or-nothing write: its open transaction and what it changed, recorded as data revisions
 * when it commits (records/transaction.ts), so the shared revision counter is always the last lock
 * a write takes.
 */
export interface UnitOfWork {
  readonly db: Executor;
  readonly changes: DataChange[];
}

/**
 * Told how reads went, for the metrics the HTTP layer keeps (the domain knows no metrics library).
 */
export interface ReadObserver {
  /** A lookup in the cache named `cache`: a hit served a kept copy; a miss read or rendered afresh. */
  cacheLookup(cache: string, hit: boolean): void;
}

/** What every service call needs: the database, who acts, and the clock. */
export interface ServiceContext {
  readonly database: DatabaseHandle;
  /** The acting user's username (or `system`, `demo`, `cli`), written to the audit trail. */
  readonly actor: string;
  /** Current instant as ISO 8601; injectable so tests and the demo are deterministic. */
  readonly now: () => string;
  /** The caller and their scopes; absent for the system itself (CLI, demo loader). */
  readonly principal?: Principal;
  /**
   * The data revision read together with the caller's session at the start of the request, so a
   * cached read needs no query of its own; reads only (a write moves the revision on).
   */
  readonly dataRevision?: number;
  /** The write this call is part of, when it is (see `write()`). */
  readonly uow?: UnitOfWork;
  /** Told of cache hits and misses (the app's metrics); absent for the CLI and tests. */
  readonly observer?: ReadObserver;
}

/** A context inside a write: its unit of work is open. */
export interface WriteContext extends ServiceContext {
  readonly uow: UnitOfWork;
}

/** Where a service reads: the open transaction of its write, else the connection. */
export const readerOf = (ctx: ServiceContext): Executor => ctx.uow?.db ?? ctx.database.db;

/**
 * The context to read with after a write committed: the data revision read with the session is
 * older than the write, so read models look the current one up instead.
 */
export const afterWrite = <C extends ServiceContext>(ctx: C): C =>
  ctx.uow ? ctx : { ...ctx, dataRevision: undefined };

/** The same caller acting as the system (a consequence of their change, e.g. a report moving its task). */
export const asSystem = <C extends ServiceContext>(ctx: C): C => ({ ...ctx, principal: undefined });

/** Builds a context for the given actor with the real clock. */
export function serviceContext(database: DatabaseHandle, actor: string, now?: () => string): ServiceContext {
  return { database, actor, now: now ?? (() => new Date().toISOString()) };
}
