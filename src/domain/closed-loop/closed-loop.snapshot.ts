/**
 * The organisation's closed-loop records kept in memory, one snapshot per open database, brought up
 * to date from `data_changes` instead of read again: after one progress report the next overview
 * re-reads that report's task and its task force's report dates, not 30,000 tasks. Any gap in the
 * recorded changes (pruned, or older than the table) or a change of everything reloads in full.
 */
import type { Database } from "../../db/connection.js";
import { changesSince, dataRevision } from "../audit/audit.repository.js";
import type { Executor, ServiceContext } from "../context.js";
import type { Row } from "../resource/resource-def.js";
import {
  CLOSED_LOOP_ORDER,
  type ClosedLoopData,
  readClosedLoopData,
  readIndicators,
  readLastReports,
  readReadings,
  readSupervisionItems,
  readTaskForces,
  readTasks,
} from "./closed-loop.input.js";

/**
 * Rows by id with their sorted list. A list handed out is never changed afterwards (a reader may
 * still be iterating it): a change makes a new one, copied once per catch-up.
 */
class SortedRows {
  private readonly byId = new Map<string, Row>();
  private sorted: Row[] | null = null;
  private position = new Map<string, number>();
  private copied = false;

  constructor(
    private readonly order: (a: Row, b: Row) => number,
    rows: readonly Row[],
  ) {
    for (const r of rows) this.byId.set(r.id as string, r);
  }

  /** Starts a catch-up: the next in-place change copies the list first. */
  begin(): void {
    this.copied = false;
  }

  put(row: Row): void {
    const id = row.id as string;
    const before = this.byId.get(id);
    this.byId.set(id, row);
    const at = this.position.get(id);
    if (this.sorted && before && at !== undefined && this.order(before, row) === 0) {
      if (!this.copied) {
        this.sorted = this.sorted.slice();
        this.copied = true;
      }
      this.sorted[at] = row;
    } else this.sorted = null;
  }

  remove(id: string): void {
    if (this.byId.delete(id)) this.sorted = null;
  }

  /** Replaces the rows `matches` selects by `rows`. */
  replaceWhere(matches: (r: Row) => boolean, rows: readonly Row[]): void {
    for (const [id, r] of this.byId) if (matches(r)) this.byId.delete(id);
    for (const r of rows) this.byId.set(r.id as string, r);
    this.sorted = null;
  }

  get(id: string): Row | undefined {
    return this.byId.get(id);
  }

  rows(): readonly Row[] {
    if (!this.sorted) {
      this.sorted = [...this.byId.values()].sort(this.order);
      this.position = new Map(this.sorted.map((r, k) => [r.id as string, k]));
      this.copied = false;
    }
    return this.sorted;
  }
}

interface Snapshot {
  /** Every change up to this revision is in (rows may be newer: they are read after it). */
  readonly revision: number;
  taskForces: readonly Row[];
  readonly tasks: SortedRows;
  readonly indicators: SortedRows;
  readonly readings: SortedRows;
  readonly supervisionItems: SortedRows;
  lastReports: Map<string, string>;
}

interface Holder {
  snapshot: Snapshot | null;
  /** Full reads and catch-ups so far (tests and diagnostics). */
  readonly stats: { loads: number; catchUps: number };
  /** The catch-up in flight: callers at the same time share it. */
  pending: Promise<Snapshot> | null;
}

const holders = new WeakMap<Database, Holder>();

/**
 * The closed-loop records of task forces `ids` (all when null), as `readClosedLoopData` would read
 * them. Inside a transaction the records are read from it (it may hold its own uncommitted writes).
 */
export async function closedLoopData(
  ctx: ServiceContext,
  ids: readonly string[] | null,
): Promise<ClosedLoopData> {
  if (ctx.trx) return readClosedLoopData(ctx.trx, ids);
  const snapshot = await current(ctx.database, ctx.dataRevision);
  return select(snapshot, ids);
}

/** How often the snapshot of `database` was read in full and caught up. */
export function closedLoopSnapshotStats(database: Database): { loads: number; catchUps: number } {
  return { ...(holders.get(database)?.stats ?? { loads: 0, catchUps: 0 }) };
}

/** Forgets the snapshot of `database` (tests; a restore from backup). */
export function dropClosedLoopSnapshot(database: Database): void {
  holders.delete(database);
}

async function current(database: Database, known: number | undefined): Promise<Snapshot> {
  let holder = holders.get(database);
  if (!holder) {
    holder = { snapshot: null, pending: null, stats: { loads: 0, catchUps: 0 } };
    holders.set(database, holder);
  }
  const h = holder;
  for (;;) {
    const revision = known ?? (await dataRevision(database.db));
    if (h.snapshot && h.snapshot.revision >= revision) return h.snapshot;
    if (!h.pending) {
      h.pending = catchUp(database.db, h.snapshot, revision, h.stats).then(
        (s) => {
          h.snapshot = s;
          h.pending = null;
          return s;
        },
        (e) => {
          h.pending = null;
          throw e;
        },
      );
    }
    const s = await h.pending;
    if (s.revision >= revision) return s;
    known = undefined;
  }
}

async function load(db: Executor, stats: Holder["stats"]): Promise<Snapshot> {
  stats.loads++;
  // The revision first: rows read after it are at least that new.
  const revision = await dataRevision(db);
  const d = await readClosedLoopData(db, null);
  return {
    revision,
    taskForces: d.taskForces,
    tasks: new SortedRows(CLOSED_LOOP_ORDER.tasks, d.tasks),
    indicators: new SortedRows(CLOSED_LOOP_ORDER.indicators, d.indicators),
    readings: new SortedRows(CLOSED_LOOP_ORDER.readings, d.readings),
    supervisionItems: new SortedRows(CLOSED_LOOP_ORDER.supervisionItems, d.supervisionItems),
    lastReports: new Map(d.lastReports),
  };
}

/** Entities whose changes never touch the records the closed-loop engines read. */
const UNRELATED = new Set([
  "api_token",
  "attachment",
  "assessment",
  "comment",
  "dependency",
  "org_unit",
  "person",
  "schedule_run",
  "settings",
  "task_force_member",
  "user",
]);

/** The snapshot `s` brought up to (at least) revision `target`. */
async function catchUp(
  db: Executor,
  s: Snapshot | null,
  target: number,
  stats: Holder["stats"],
): Promise<Snapshot> {
  if (!s) return load(db, stats);
  const changes = await changesSince(db, s.revision);
  // Contiguous from the snapshot up to the target, or it cannot know what it missed.
  const last = changes.at(-1)?.revision ?? s.revision;
  if (last < target) return load(db, stats);
  for (let k = 0; k < changes.length; k++)
    if (changes[k]!.revision !== s.revision + 1 + k || changes[k]!.entity === "*") return load(db, stats);
  if (changes.length === 0) return s;
  const ids = {
    task: new Set<string>(),
    indicator: new Set<string>(),
    reading: new Set<string>(),
    item: new Set<string>(),
  };
  const rescheduled = new Set<string>();
  const reported = new Set<string>();
  let taskForces = false;
  for (const c of changes) {
    const id = c.entityId ?? null;
    switch (c.entity) {
      case "task":
        if (id) ids.task.add(id);
        else if (c.taskForceId) rescheduled.add(c.taskForceId);
        else return load(db, stats);
        break;
      case "indicator":
        if (id) ids.indicator.add(id);
        break;
      case "indicator_reading":
        if (id) ids.reading.add(id);
        break;
      case "supervision_item":
        if (id) ids.item.add(id);
        break;
      case "progress_report":
        if (!c.taskForceId) return load(db, stats);
        reported.add(c.taskForceId);
        break;
      default:
        // Task forces are few; anything else that might touch them (goals, links) reloads them.
        if (!UNRELATED.has(c.entity)) taskForces = true;
    }
  }
  stats.catchUps++;
  const next: Snapshot = { ...s, revision: last };
  for (const rows of [next.tasks, next.indicators, next.readings, next.supervisionItems]) rows.begin();
  if (taskForces) next.taskForces = await readTaskForces(db, null);
  for (const tf of rescheduled) {
    const rows = await readTasks(db, { column: "taskForceId", values: [tf] });
    next.tasks.replaceWhere((r) => r.taskForceId === tf, rows);
  }
  await refresh(next.tasks, ids.task, (v) => readTasks(db, { column: "id", values: v }));
  await refresh(next.indicators, ids.indicator, (v) => readIndicators(db, { column: "id", values: v }));
  await refresh(next.readings, ids.reading, (v) => readReadings(db, { column: "id", values: v }));
  await refresh(next.supervisionItems, ids.item, (v) =>
    readSupervisionItems(db, { column: "id", values: v }),
  );
  if (reported.size) {
    const fresh = await readLastReports(db, [...reported]);
    const lastReports = new Map(s.lastReports);
    for (const t of next.tasks.rows())
      if (reported.has(t.taskForceId as string)) lastReports.delete(t.id as string);
    for (const [task, date] of fresh) lastReports.set(task, date);
    next.lastReports = lastReports;
  }
  return next;
}

/** Re-reads the rows `ids` (in chunks, to stay under bind-parameter limits); gone ones are dropped. */
async function refresh(
  rows: SortedRows,
  ids: ReadonlySet<string>,
  read: (ids: string[]) => Promise<Row[]>,
): Promise<void> {
  const all = [...ids];
  for (let k = 0; k < all.length; k += 500) {
    const chunk = all.slice(k, k + 500);
    const found = await read(chunk);
    const seen = new Set<string>();
    for (const r of found) {
      rows.put(r);
      seen.add(r.id as string);
    }
    for (const id of chunk) if (!seen.has(id)) rows.remove(id);
  }
}

/** The snapshot's records of task forces `ids` (all when null), in the readers' order. */
function select(s: Snapshot, ids: readonly string[] | null): ClosedLoopData {
  if (!ids) {
    return {
      taskForces: s.taskForces,
      tasks: s.tasks.rows(),
      indicators: s.indicators.rows(),
      readings: s.readings.rows(),
      supervisionItems: s.supervisionItems.rows(),
      lastReports: s.lastReports,
    };
  }
  const wanted = new Set(ids);
  const mine = (r: Row) => wanted.has(r.taskForceId as string);
  const indicators = s.indicators.rows().filter(mine);
  const indicatorIds = new Set(indicators.map((i) => i.id as string));
  return {
    taskForces: s.taskForces.filter((f) => wanted.has(f.id as string)),
    tasks: s.tasks.rows().filter(mine),
    indicators,
    readings: s.readings.rows().filter((r) => indicatorIds.has(r.indicatorId as string)),
    supervisionItems: s.supervisionItems.rows().filter(mine),
    lastReports: s.lastReports,
  };
}
