import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { dataRevision } from "./audit/audit.repository.js";
import type { Executor } from "./context.js";

/** A rendered read model: its UTF-8 bytes (sent as they are) and a validator for HTTP caching. */
export interface CachedBody {
  readonly body: Buffer;
  readonly etag: string;
  /** The body gzipped, made once on first demand (a battle map of 5,000 tasks is ~7 MB of JSON). */
  gzipped(): Buffer;
}

/**
 * A bounded in-process cache of rendered read models (e.g. a task force's nested read as JSON),
 * valid while the database's data revision is unchanged. Every audited change moves the revision
 * on, in the database, so several app instances never serve each other's stale copies; checking
 * costs one primary-key read. Bodies are kept encoded, so a hit costs no serialisation at all.
 */
export class ReadCache {
  readonly #entries = new Map<string, { revision: number; value: CachedBody }>();
  readonly #pending = new Map<string, Promise<CachedBody>>();

  constructor(private readonly capacity = 500) {}

  /**
   * The cached body for `key` at the current revision, else `render()`'s, remembered. `known` is a
   * revision the caller read earlier in this request (with its session), saving the first read.
   */
  async get(db: Executor, key: string, render: () => Promise<string>, known?: number): Promise<CachedBody> {
    const revision = known ?? (await dataRevision(db));
    const hit = this.#entries.get(key);
    if (hit && hit.revision === revision) return hit.value;
    // One render per key and revision: after a change, the callers that miss together share it.
    const flight = `${revision}\u0000${key}`;
    let pending = this.#pending.get(flight);
    if (!pending) {
      pending = this.#render(db, key, render, revision).finally(() => this.#pending.delete(flight));
      this.#pending.set(flight, pending);
    }
    return pending;
  }

  async #render(db: Executor, key: string, render: () => Promise<string>, revision: number) {
    const body = Buffer.from(await render(), "utf8");
    const etag = `W/"${revision}-${createHash("sha1").update(key).digest("base64url").slice(0, 16)}"`;
    let gz: Buffer | undefined;
    const value: CachedBody = { body, etag, gzipped: () => (gz ??= gzipSync(body, { level: 6 })) };
    // Re-read: a change committed while rendering must not be cached under the older revision.
    if ((await dataRevision(db)) === revision) {
      if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
      this.#entries.set(key, { revision, value });
    }
    return value;
  }
}

/**
 * Computed read models kept as values (not JSON), valid per data revision like {@link ReadCache}:
 * the summary and the pages of one overview share one computation instead of one each.
 */
export class RevisionMemo<T> {
  readonly #entries = new Map<string, { revision: number; value: Promise<T> }>();

  constructor(private readonly capacity = 8) {}

  async get(db: Executor, key: string, compute: () => Promise<T>, known?: number): Promise<T> {
    const revision = known ?? (await dataRevision(db));
    const hit = this.#entries.get(key);
    if (hit && hit.revision === revision) return hit.value;
    const value = compute();
    this.#entries.delete(key);
    if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    const entry = { revision, value };
    this.#entries.set(key, entry);
    // Forget a failed computation, and one whose data moved on while it ran (as ReadCache does).
    const forget = () => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    };
    value
      .then(async () => {
        if ((await dataRevision(db)) !== revision) forget();
      }, forget)
      .catch(forget); // the revision could not be read (connection closed): keep nothing
    return value;
  }
}

/**
 * One record kept encoded, as UTF-8 JSON (an answer is assembled by copying bytes: no string to
 * flatten, measure and encode on every request), with the task force whose scope guards it.
 */
export interface EncodedRow {
  readonly json: Buffer;
  readonly owner: string;
}

/**
 * Records of one kind kept as their JSON (e.g. tasks with their schedule), valid at one data
 * revision and one status date, for lists and reads by id: a page is assembled from kept rows and
 * only rows not yet kept are read and encoded. Scope is not kept here: callers select the ids the
 * reader may see (a list's query) or check the owner (a read by id) before using a row.
 * Every row kept under a revision was read when the data was at that revision or later, so a
 * reader never gets a row older than the revision its session read. Another revision (a newer
 * one, or an older one after a restore) drops all.
 */
export class EncodedRows {
  #revision = -1;
  #stamp = "";
  readonly #rows = new Map<string, EncodedRow>();

  constructor(private readonly capacity = 200_000) {}

  /** Starts afresh unless the rows kept are those of `revision` and `stamp`. */
  #at(revision: number, stamp: string): void {
    if (revision === this.#revision && stamp === this.#stamp) return;
    this.#revision = revision;
    this.#stamp = stamp;
    this.#rows.clear();
  }

  get(revision: number, stamp: string, id: string): EncodedRow | undefined {
    this.#at(revision, stamp);
    return this.#rows.get(id);
  }

  /** Keeps a row read when the data was at `revision` or later (up to the capacity). */
  put(revision: number, stamp: string, id: string, row: EncodedRow): void {
    this.#at(revision, stamp);
    if (this.#rows.size < this.capacity) this.#rows.set(id, row);
  }
}

/** How a read encodes records of type `T`, and where it keeps them. */
export interface RowEncoding<T> {
  readonly rows: EncodedRows;
  /** The record's JSON as UTF-8 bytes, as the route would send it. */
  readonly encode: (value: T) => Buffer;
}
