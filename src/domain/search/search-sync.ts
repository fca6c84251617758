/**
 * Keeps the search index current, lazily: a search first brings it up to the data revision.
 *
 * Why from the data-change log: tasks, 督办单, indicators, people and task forces are written by
 * many paths (their services, the batched plan write, the ledger import, the demo loader), and
 * every one of them already records what it changed, in commit order, as data revisions
 * (audit.repository.ts). Replaying the log since the index's revision re-reads only the records
 * that changed, sees deletions exactly (a record re-read and gone leaves the index), costs one
 * primary-key read when nothing changed (none when the request read the revision with its
 * session), and needs no write path to know the index exists. An `updated_at` watermark would
 * miss deletions and rows of a transaction that committed after a later-stamped one. When the log
 * cannot tell (never built, pruned, a whole reload `*`, or very many changes) the index is rebuilt.
 */
import type { DatabaseHandle } from "../../db/connection.js";
import type { SearchKind } from "../../shared/api/search.js";
import { changesSince, dataRevision, type RecordedChange } from "../audit/audit.repository.js";
import type { Executor } from "../context.js";
import {
  clearEntries,
  type Dialect,
  indexRevision,
  replaceEntries,
  type SearchEntry,
  setIndexRevision,
  settleEntries,
} from "./search.repository.js";
import { readSources, type SourceScope } from "./search-source.repository.js";
import { type PinyinKeys, pinyinKeysOf } from "./search-text.js";

/** The data-change entities the index holds, by their search kind. */
const KIND_OF_ENTITY: Readonly<Record<string, SearchKind>> = {
  task: "task",
  supervision_item: "supervisionItem",
  indicator: "indicator",
  person: "person",
  task_force: "taskForce",
};
const KINDS = Object.values(KIND_OF_ENTITY);

/** More changes than this since the index's revision: rebuilding is cheaper than replaying. */
const MAX_REPLAY = 20_000;

/** More entries written than this: the index is settled for the planner (search.repository.ts). */
const BULK = 1_000;

/** The revision each open database's index is known to reflect: saves a read when nothing changed. */
const known = new WeakMap<DatabaseHandle, number>();

/** What a sync did: nothing, replayed the log, or rebuilt; and how many entries it wrote. */
export interface SyncOutcome {
  readonly revision: number;
  readonly mode: "current" | "replayed" | "rebuilt";
  readonly entries: number;
}

/**
 * Brings the index up to the data revision `target` (the current one when not given). Concurrent
 * callers (in this or another app instance) take turns on the index's state row; the second finds
 * the work done.
 */
export async function syncSearchIndex(database: DatabaseHandle, target?: number): Promise<SyncOutcome> {
  const db = database.db;
  const current = target ?? (await dataRevision(db));
  const memo = known.get(database) ?? -1;
  if (memo >= current) return { revision: memo, mode: "current", entries: 0 };
  const stored = await indexRevision(db, database.dialect);
  const outcome =
    stored >= current
      ? { revision: stored, mode: "current" as const, entries: 0 }
      : await db.transaction().execute((trx) => catchUp(trx, database.dialect));
  if (outcome.entries > BULK) await settleEntries(db, database.dialect);
  if (outcome.revision > (known.get(database) ?? -1)) known.set(database, outcome.revision);
  return outcome;
}

/** Rebuilds the whole index from every record (after a restore, or to measure it). */
export async function rebuildSearchIndex(database: DatabaseHandle): Promise<SyncOutcome> {
  const outcome = await database.db.transaction().execute((trx) => catchUp(trx, database.dialect, true));
  await settleEntries(database.db, database.dialect);
  known.set(database, outcome.revision);
  return outcome;
}

async function catchUp(trx: Executor, dialect: Dialect, whole = false): Promise<SyncOutcome> {
  // Locked even for a whole rebuild: concurrent catch-ups wait for it.
  const stored = await indexRevision(trx, dialect, true);
  const from = whole ? -1 : stored;
  const to = await dataRevision(trx);
  if (from >= to) return { revision: from, mode: "current", entries: 0 };
  const plan = from < 0 || to - from > MAX_REPLAY ? null : planOf(await changesSince(trx, from), from, to);
  const w: Writer = { trx, dialect, keys: new Map() };
  if (!plan) {
    const entries = await rebuild(w);
    await setIndexRevision(trx, to);
    return { revision: to, mode: "rebuilt", entries };
  }
  const entries = await replay(w, plan);
  await setIndexRevision(trx, plan.revision);
  return { revision: plan.revision, mode: "replayed", entries };
}

/** What a run of changes touched, by kind: records, every record of a task force, or every one. */
interface Plan {
  readonly revision: number;
  readonly ids: Map<SearchKind, Set<string>>;
  readonly taskForces: Map<SearchKind, Set<string>>;
  readonly all: Set<SearchKind>;
}

const add = (m: Map<SearchKind, Set<string>>, kind: SearchKind, value: string) => {
  const set = m.get(kind) ?? new Set<string>();
  set.add(value);
  m.set(kind, set);
};

/** The plan of changes after `from`; null when they cannot be replayed (a gap, a reload). */
function planOf(changes: readonly RecordedChange[], from: number, to: number): Plan | null {
  const revision = changes.at(-1)?.revision ?? from;
  if (revision < to || changes.some((c, k) => c.revision !== from + 1 + k)) return null;
  const plan: Plan = { revision, ids: new Map(), taskForces: new Map(), all: new Set() };
  for (const c of changes) {
    if (c.entity === "*") return null;
    const kind = KIND_OF_ENTITY[c.entity];
    if (!kind) continue;
    if (c.entityId) add(plan.ids, kind, c.entityId);
    else if (c.taskForceId) add(kind === "taskForce" ? plan.ids : plan.taskForces, kind, c.taskForceId);
    else plan.all.add(kind);
  }
  return plan;
}

/** A catch-up's transaction, and the pinyin of the titles it has written (titles repeat). */
interface Writer {
  readonly trx: Executor;
  readonly dialect: Dialect;
  readonly keys: Map<string, PinyinKeys>;
}

/** Re-reads what the plan touched; returns how many entries it wrote. */
async function replay(w: Writer, plan: Plan): Promise<number> {
  let written = 0;
  for (const kind of plan.all) written += await refresh(w, kind, { all: true });
  for (const [kind, taskForces] of plan.taskForces) {
    if (plan.all.has(kind)) continue;
    for (const taskForceId of taskForces) written += await refresh(w, kind, { taskForceId });
  }
  for (const [kind, ids] of plan.ids) {
    if (plan.all.has(kind)) continue;
    written += await refresh(w, kind, { ids: [...ids] });
  }
  return written;
}

/** Empties the index and fills it from every record. */
async function rebuild(w: Writer): Promise<number> {
  await clearEntries(w.trx, w.dialect);
  let written = 0;
  for (const kind of KINDS) written += await refresh(w, kind, { all: true });
  return written;
}

/** Replaces the entries of `kind` in `scope` by the records there now (gone ones leave). */
async function refresh(w: Writer, kind: SearchKind, scope: SourceScope): Promise<number> {
  const records = await readSources(w.trx, kind, scope);
  const entries = records.map((r): SearchEntry => {
    const memo = `${kind === "person" ? "n" : "t"}\u0000${r.title}`;
    const keys = w.keys.get(memo) ?? pinyinKeysOf(r.title, kind === "person");
    w.keys.set(memo, keys);
    return {
      kind,
      entityId: r.id,
      taskForceId: r.taskForceId,
      code: r.code,
      title: r.title,
      codeKey: r.code.toLowerCase(),
      titleKey: r.title.toLowerCase(),
      ...keys,
    };
  });
  await replaceEntries(w.trx, w.dialect, kind, scope, entries);
  return records.length;
}
