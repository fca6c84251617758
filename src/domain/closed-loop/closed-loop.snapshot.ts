/**
 * The organisation's closed-loop records kept in memory, one snapshot per open database, brought up
 * to date from `data_changes` instead of read again: after one progress report the next overview
 * re-reads that report's task and its task force's report dates, not 30,000 tasks. Any gap in the
 * recorded changes (pruned, or older than the table) or a change of everything reloads in full.
 */
import type { DatabaseHandle } from "../../db/connection.js";
import { changesSince, dataRevision, type RecordedChange } from "../audit/audit.repository.js";
import type { Executor, ReadObserver, ServiceContext } from "../context.js";
import type { Indicator, Reading } from "../indicators/indicator.js";
import type { SupervisionItem } from "../supervision/supervision.js";
import type { TaskForce } from "../task-forces/task-force.js";
import { readTaskForces } from "../task-forces/task-force.repository.js";
import {
  CLOSED_LOOP_ORDER,
  type ClosedLoopData,
  type ClosedLoopDependency,
  type ClosedLoopTask,
  readClosedLoopData,
  readDependencies,
  readIndicators,
  readLastReports,
  readReadings,
  readSupervisionItems,
  readTasks,
} from "./closed-loop.repository.js";

interface Row {
  readonly id: string;
}

/**
 * Rows by id with their sorted list. A list handed out is never changed afterwards (a reader may
 * still be iterating it): a change makes a new one, copied once per catch-up.
 */
class SortedRows<R extends Row> {
  private readonly byId = new Map<string, R>();
  private sorted: R[] | null = null;
  private position = new Map<string, number>();
  private copied = false;

  constructor(
    private readonly order: (a: R, b: R) => number,
    rows: readonly R[],
  ) {
    for (const r of rows) this.byId.set(r.id, r);
  }

  /** Starts a catch-up: the next in-place change copies the list first. */
  begin(): void {
    this.copied = false;
  }

  put(row: R): void {
    const before = this.byId.get(row.id);
    this.byId.set(row.id, row);
    const at = this.position.get(row.id);
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
  replaceWhere(matches: (r: R) => boolean, rows: readonly R[]): void {
    for (const [id, r] of this.byId) if (matches(r)) this.byId.delete(id);
    for (const r of rows) this.byId.set(r.id, r);
    this.sorted = null;
  }

  get(id: string): R | undefined {
    return this.byId.get(id);
  }

  rows(): readonly R[] {
    if (!this.sorted) {
      this.sorted = [...this.byId.values()].sort(this.order);
      this.position = new Map(this.sorted.map((r, k) => [r.id, k]));
      this.copied = false;
    }
    return this.sorted;
  }
}

interface Snapshot {
  /** Every change up to this revision is in (rows may be newer: they are read after it). */
  readonly revision: number;
  taskForces: readonly TaskForce[];
  readonly tasks: SortedRows<ClosedLoopTask>;
  readonly dependencies: SortedRows<ClosedLoopDependency>;
  readonly indicators: SortedRows<Indicator>;
  readonly readings: SortedRows<Reading>;
  readonly supervisionItems: SortedRows<SupervisionItem>;
  lastReports: Map<string, string>;
  /**
   * A number per task force that changes whenever its plan (task force, tasks, dependencies) may
   * have: what a computed schedule is valid for (never reused across snapshots or databases).
   */
  planStamps: Map<string, number>;
  /**
   * A number per task force that changes whenever any of its closed-loop records may have (its plan,
   * indicators and their readings, supervision items, progress reports): what its lights are valid for.
   * Under the key "", a number that changes whenever any indicator or reading may have: what the
   * district-level indicators, whose cascades span task forces, are valid for.
   */
  dataStamps: Map<string, number>;
}

interface Holder {
  snapshot: Snapshot | null;
  /** Full reads and catch-ups so far (tests and diagnostics). */
  readonly stats: { loads: number; catchUps: number };
  /** The catch-up in flight: callers at the same time share it. */
  pending: Promise<Snapshot> | null;
}

const holders = new WeakMap<DatabaseHandle, Holder>();
/** The name a `ReadObserver` hears the snapshot's lookups by. */
const SNAPSHOT_CACHE = "closed-loop-snapshot";
let stampCounter = 0;

/** The records of task forces `ids` (all when null) and the stamp of each one's plan. */
export interface ClosedLoopView extends ClosedLoopData {
  /** Per task force, a number that changes when its plan may have; absent when read inside a write. */
  readonly planStamps?: ReadonlyMap<string, number>;
  /**
   * Per task force, a number that changes when any of its records may have (under "", when any
   * indicator or reading may have); absent inside a write.
   */
  readonly dataStamps?: ReadonlyMap<string, number>;
}

/**
 * The closed-loop records of task forces `ids` (all when null), as `readClosedLoopData` would read
 * them. Inside a write the records are read from its transaction (it may hold its own changes).
 */
export async function closedLoopData(
  ctx: ServiceContext,
  ids: readonly string[] | null,
): Promise<ClosedLoopView> {
  if (ctx.uow) return readClosedLoopData(ctx.uow.db, ids);
  const snapshot = await current(ctx.database, ctx.dataRevision, ctx.observer);
  return select(snapshot, ids);
}

/** The plan stamp of every task force, from the snapshot brought up to date (reads only). */
export async function planStamps(ctx: ServiceContext): Promise<ReadonlyMap<string, number>> {
  return (await current(ctx.database, ctx.dataRevision, ctx.observer)).planStamps;
}

/** How often the snapshot of `database` was read in full and caught up. */
export function closedLoopSnapshotStats(database: DatabaseHandle): { loads: number; catchUps: number } {
  return { ...(holders.get(database)?.stats ?? { loads: 0, catchUps: 0 }) };
}

/** Forgets the snapshot of `database` (tests; a restore from backup). */
export function dropClosedLoopSnapshot(database: DatabaseHandle): void {
  holders.delete(database);
}

async function current(
  database: DatabaseHandle,
  known: number | undefined,
  observer: ReadObserver | undefined,
): Promise<Snapshot> {
  let holder = holders.get(database);
  if (!holder) {
    holder = { snapshot: null, pending: null, stats: { loads: 0, catchUps: 0 } };
    holders.set(database, holder);
  }
  const h = holder;
  for (let first = true; ; first = false) {
    const revision = known ?? (await dataRevision(database.db));
    const kept = h.snapshot;
    const fresh = kept !== null && kept.revision >= revision;
    // One lookup per call: a retry after a catch-up that fell behind again is the same miss.
    if (first) observer?.cacheLookup(SNAPSHOT_CACHE, fresh);
    if (kept && fresh) return kept;
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
    dependencies: new SortedRows(CLOSED_LOOP_ORDER.dependencies, d.dependencies),
    indicators: new SortedRows(CLOSED_LOOP_ORDER.indicators, d.indicators),
    readings: new SortedRows(CLOSED_LOOP_ORDER.readings, d.readings),
    supervisionItems: new SortedRows(CLOSED_LOOP_ORDER.supervisionItems, d.supervisionItems),
    lastReports: new Map(d.lastReports),
    planStamps: new Map(d.taskForces.map((f) => [f.id, ++stampCounter])),
    dataStamps: new Map([
      ["", ++stampCounter],
      ...d.taskForces.map((f): [string, number] => [f.id, ++stampCounter]),
    ]),
  };
}

/** Entities whose changes never touch the records the closed-loop engines read. */
const UNRELATED = new Set([
  "api_token",
  "attachment",
  "assessment",
  // 催办 and deliveries: the scores' deductions and the dispatch report read them, not this snapshot.
  "chase",
  "comment",
  "org_unit",
  "outbox",
  "person",
  // A baseline's own entry; the task baselines it moves are recorded as task changes.
  "plan_baseline",
  "settings",
  "task_force_member",
  "user",
]);

/** What a run of changes touched, by kind. */
interface Touched {
  readonly task: Set<string>;
  readonly dependency: Set<string>;
  readonly indicator: Set<string>;
  readonly reading: Set<string>;
  readonly item: Set<string>;
  /** Task forces whose tasks all changed (e.g. a bulk write). */
  readonly taskForcesOfTasks: Set<string>;
  /** Task forces with a new or changed progress report. */
  readonly reported: Set<string>;
  taskForces: boolean;
}

/** Sorts changes by kind; null when one of them needs a full reload. */
function touchedBy(changes: readonly RecordedChange[]): Touched | null {
  const t: Touched = {
    task: new Set(),
    dependency: new Set(),
    indicator: new Set(),
    reading: new Set(),
    item: new Set(),
    taskForcesOfTasks: new Set(),
    reported: new Set(),
    taskForces: false,
  };
  for (const c of changes) {
    const id = c.entityId;
    switch (c.entity) {
      case "*":
        return null;
      case "task":
        if (id) t.task.add(id);
        else if (c.taskForceId) t.taskForcesOfTasks.add(c.taskForceId);
        else return null;
        break;
      case "dependency":
        if (id) t.dependency.add(id);
        break;
      case "indicator":
        if (id) t.indicator.add(id);
        break;
      case "indicator_reading":
        if (id) t.reading.add(id);
        break;
      case "supervision_item":
        if (id) t.item.add(id);
        break;
      case "progress_report":
        if (!c.taskForceId) return null;
        t.reported.add(c.taskForceId);
        break;
      default:
        // Task forces are few; anything else that might touch them (goals, links) reloads them.
        if (!UNRELATED.has(c.entity)) t.taskForces = true;
    }
  }
  return t;
}

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
    if (changes[k]!.revision !== s.revision + 1 + k) return load(db, stats);
  if (changes.length === 0) return s;
  const t = touchedBy(changes);
  if (!t) return load(db, stats);
  stats.catchUps++;
  const next: Snapshot = {
    ...s,
    revision: last,
    planStamps: new Map(s.planStamps),
    dataStamps: new Map(s.dataStamps),
  };
  const touched = (tf: string | null | undefined) => {
    if (tf) next.dataStamps.set(tf, ++stampCounter);
  };
  const cascaded = (tf: string | null | undefined) => {
    touched(tf);
    next.dataStamps.set("", ++stampCounter);
  };
  const replanned = (tf: string | null | undefined) => {
    if (tf) next.planStamps.set(tf, ++stampCounter);
    touched(tf);
  };
  for (const rows of [next.tasks, next.dependencies, next.indicators, next.readings, next.supervisionItems])
    rows.begin();
  if (t.taskForces) {
    next.taskForces = await readTaskForces(db, null);
    for (const f of next.taskForces) replanned(f.id);
  }
  for (const tf of t.taskForcesOfTasks) {
    next.tasks.replaceWhere(
      (r) => r.taskForceId === tf,
      await readTasks(db, { column: "taskForceId", values: [tf] }),
    );
    replanned(tf);
  }
  const ofTaskForce =
    (moved: (tf: string | null | undefined) => void) => (r: { taskForceId: string | null }) =>
      moved(r.taskForceId);
  await refresh(
    next.tasks,
    t.task,
    (v) => readTasks(db, { column: "id", values: v }),
    ofTaskForce(replanned),
  );
  await refresh(
    next.dependencies,
    t.dependency,
    (v) => readDependencies(db, { column: "id", values: v }),
    ofTaskForce(replanned),
  );
  await refresh(
    next.indicators,
    t.indicator,
    (v) => readIndicators(db, { column: "id", values: v }),
    ofTaskForce(cascaded),
  );
  // Readings after their indicators: a reading's task force is its indicator's.
  await refresh(
    next.readings,
    t.reading,
    (v) => readReadings(db, { column: "id", values: v }),
    (r) => cascaded(next.indicators.get(r.indicatorId)?.taskForceId),
  );
  await refresh(
    next.supervisionItems,
    t.item,
    (v) => readSupervisionItems(db, { column: "id", values: v }),
    ofTaskForce(touched),
  );
  for (const tf of t.reported) touched(tf);
  if (t.reported.size) {
    const fresh = await readLastReports(db, [...t.reported]);
    const lastReports = new Map(s.lastReports);
    for (const task of next.tasks.rows()) if (t.reported.has(task.taskForceId)) lastReports.delete(task.id);
    for (const [task, date] of fresh) lastReports.set(task, date);
    next.lastReports = lastReports;
  }
  return next;
}

/**
 * Re-reads the rows `ids` (in chunks, to stay under bind-parameter limits); gone ones are dropped.
 * `moved` hears every row that changed, as it was and as it is.
 */
async function refresh<R extends Row>(
  rows: SortedRows<R>,
  ids: ReadonlySet<string>,
  read: (ids: string[]) => Promise<R[]>,
  moved: (row: R) => void,
): Promise<void> {
  const all = [...ids];
  for (let k = 0; k < all.length; k += 500) {
    const chunk = all.slice(k, k + 500);
    const found = await read(chunk);
    const seen = new Set<string>();
    for (const r of found) {
      const before = rows.get(r.id);
      if (before) moved(before);
      moved(r);
      rows.put(r);
      seen.add(r.id);
    }
    for (const id of chunk)
      if (!seen.has(id)) {
        const before = rows.get(id);
        if (before) moved(before);
        rows.remove(id);
      }
  }
}

/** The snapshot's records of task forces `ids` (all when null), in the readers' order. */
function select(s: Snapshot, ids: readonly string[] | null): ClosedLoopView {
  if (!ids) {
    return {
      taskForces: s.taskForces,
      tasks: s.tasks.rows(),
      dependencies: s.dependencies.rows(),
      indicators: s.indicators.rows(),
      readings: s.readings.rows(),
      supervisionItems: s.supervisionItems.rows(),
      lastReports: s.lastReports,
      planStamps: s.planStamps,
      dataStamps: s.dataStamps,
    };
  }
  const wanted = new Set(ids);
  // District-level indicators (no task force) are in the unnarrowed view only.
  const mine = (r: { taskForceId: string | null }) => r.taskForceId !== null && wanted.has(r.taskForceId);
  const indicators = s.indicators.rows().filter(mine);
  const indicatorIds = new Set(indicators.map((i) => i.id));
  return {
    taskForces: s.taskForces.filter((f) => wanted.has(f.id)),
    tasks: s.tasks.rows().filter(mine),
    dependencies: s.dependencies.rows().filter(mine),
    indicators,
    readings: s.readings.rows().filter((r) => indicatorIds.has(r.indicatorId)),
    supervisionItems: s.supervisionItems.rows().filter(mine),
    lastReports: s.lastReports,
    planStamps: s.planStamps,
    dataStamps: s.dataStamps,
  };
}
