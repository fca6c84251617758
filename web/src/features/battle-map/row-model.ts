/**
 * The row model: task forces (in code order) with their tasks as a WBS tree (in WBS order),
 * collapsed subtrees left out, filters applied (a matching task keeps its ancestors for context),
 * and the dependency links between visible rows. A map drawn from an outline (a large
 * organisation's) holds the tasks of some task forces only; the others are rows of their own,
 * counted and lit from their outline, until their tasks arrive.
 */
import { taskLight, worstLight } from "./lights";
import { dayOfIso } from "./time-scale";
import type {
  BattleMapData,
  BattleMapFilter,
  BattleMapTaskForce,
  DayNumber,
  Dependency,
  Light,
  PendingExtension,
  Task,
  TaskForceOutline,
} from "./types";
import { wbsSortKey } from "./wbs";

/** The data indexed once per answer of the API. */
export interface BattleMapIndex {
  readonly data: BattleMapData;
  readonly taskForces: readonly BattleMapTaskForce[];
  readonly roots: ReadonlyMap<string, readonly Task[]>;
  readonly children: ReadonlyMap<string, readonly Task[]>;
  readonly byId: ReadonlyMap<string, Task>;
  readonly lights: ReadonlyMap<string, Light>;
  /** Number of tasks (all levels) per task force. */
  readonly forceTaskCount: ReadonlyMap<string, number>;
  readonly forceLights: ReadonlyMap<string, Light>;
  /** Drawn from an outline: the task forces whose tasks are here (null: all are). */
  readonly loaded: ReadonlySet<string> | null;
  readonly minDay: DayNumber;
  readonly maxDay: DayNumber;
}

/** A task-force header row. */
export interface TaskForceRow {
  readonly kind: "taskForce";
  readonly id: string;
  readonly taskForce: BattleMapTaskForce;
  readonly light: Light;
  /**
   * Tasks of the task force (all levels) that pass the filter on their own (not the ancestors kept
   * for context): the count the server folds into an outline, so it holds when the row is opened.
   */
  readonly taskCount: number;
  readonly collapsed: boolean;
  /** Open, and its tasks not yet arrived (a map drawn from an outline). */
  readonly loading?: boolean;
  /** Its tasks folded (a map drawn from an outline, tasks not here): drawn as one bar by light. */
  readonly folded?: TaskForceOutline;
}

/** A task row. */
export interface TaskRow {
  readonly kind: "task";
  readonly id: string;
  readonly task: Task;
  readonly light: Light;
  readonly depth: number;
  readonly hasChildren: boolean;
  readonly collapsed: boolean;
  /** A pending 延期申请 of the task: the deadline it asks for (marked on the bar and in the tooltip). */
  readonly pendingExtension?: PendingExtension;
}

/** One row of the map: a task-force header or a task. */
export type Row = TaskForceRow | TaskRow;

/** A dependency between two visible rows. */
export interface RowLink {
  readonly from: number;
  readonly to: number;
  readonly type: Dependency["type"];
  readonly critical: boolean;
}

/** Rows in display order and the links among them. */
export interface RowModel {
  readonly rows: readonly Row[];
  readonly rowOfTask: ReadonlyMap<string, number>;
  readonly links: readonly RowLink[];
}

function sortByWbs<T extends { code: string }>(list: T[]): T[] {
  const keyed = list.map((item) => ({ item, key: wbsSortKey(item.code) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.item);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const DATE_FIELDS = ["earlyStart", "earlyFinish", "baselineStart", "baselineFinish", "lateFinish"] as const;

/** Indexes an answer of `GET /battle-map` (once per answer; O(n log n)). */
export function indexBattleMap(data: BattleMapData): BattleMapIndex {
  const byId = new Map<string, Task>();
  for (const t of data.tasks) byId.set(t.id, t);
  const roots = new Map<string, Task[]>();
  const children = new Map<string, Task[]>();
  const lights = new Map<string, Light>();
  const forceColors = new Map<string, Light["color"][]>();
  const forceTaskCount = new Map<string, number>();
  let minDay = dayOfIso(data.statusDate);
  let maxDay = minDay;
  for (const t of data.tasks) {
    if (t.parentId && byId.has(t.parentId)) push(children, t.parentId, t);
    else push(roots, t.taskForceId, t);
    const light = taskLight(data, t);
    lights.set(t.id, light);
    push(forceColors, t.taskForceId, light.color);
    forceTaskCount.set(t.taskForceId, (forceTaskCount.get(t.taskForceId) ?? 0) + 1);
    for (const f of DATE_FIELDS) {
      const v = t[f];
      if (v) {
        const d = dayOfIso(v);
        if (d < minDay) minDay = d;
        if (d > maxDay) maxDay = d;
      }
    }
  }
  // A requested deadline past every task's dates still fits on the time axis.
  for (const p of Object.values(data.pendingExtensions ?? {}))
    maxDay = Math.max(maxDay, dayOfIso(p.requestedDeadline));
  // The folded tasks' span: the axis is the whole map's before any task force is opened.
  for (const o of Object.values(data.outline ?? {})) {
    if (o.start) minDay = Math.min(minDay, dayOfIso(o.start));
    if (o.finish) maxDay = Math.max(maxDay, dayOfIso(o.finish));
  }
  for (const [k, list] of roots) roots.set(k, sortByWbs(list));
  for (const [k, list] of children) children.set(k, sortByWbs(list));
  const forceLights = new Map<string, Light>();
  for (const tf of data.taskForces) {
    const given = data.lights?.taskForces[tf.id];
    forceLights.set(tf.id, given ?? { color: worstLight(forceColors.get(tf.id) ?? []), reasons: [] });
  }
  const taskForces = sortByWbs([...data.taskForces]);
  const loaded = data.outline ? new Set(data.loadedTaskForceIds ?? []) : null;
  return {
    data,
    taskForces,
    roots,
    children,
    byId,
    lights,
    forceTaskCount,
    forceLights,
    loaded,
    minDay,
    maxDay,
  };
}

/** True when a filter would drop anything. */
export function isFiltering(f: BattleMapFilter): boolean {
  return Boolean(
    f.taskForceIds?.length ||
      f.responsibleUnitId ||
      f.responsiblePersonId ||
      f.lights?.length ||
      f.criticalOnly,
  );
}

/** Whether one task matches the filter on its own (ancestors are added by `buildRows`). */
export function taskMatches(task: Task, light: Light, f: BattleMapFilter): boolean {
  if (f.responsibleUnitId && task.responsibleUnitId !== f.responsibleUnitId) return false;
  if (f.responsiblePersonId && task.responsiblePersonId !== f.responsiblePersonId) return false;
  if (f.lights?.length && !f.lights.includes(light.color)) return false;
  if (f.criticalOnly && task.critical !== true) return false;
  return true;
}

/** The tasks shown under a filter (matches and their ancestors), and the matches per task force. */
function visibleTasks(
  index: BattleMapIndex,
  f: BattleMapFilter,
): { keep: Set<string>; matches: Map<string, number> } | null {
  if (!isFiltering(f)) return null;
  const forces = f.taskForceIds?.length ? new Set(f.taskForceIds) : null;
  const keep = new Set<string>();
  const matches = new Map<string, number>();
  for (const t of index.data.tasks) {
    if (forces && !forces.has(t.taskForceId)) continue;
    if (!taskMatches(t, index.lights.get(t.id)!, f)) continue;
    matches.set(t.taskForceId, (matches.get(t.taskForceId) ?? 0) + 1);
    for (let cur: Task | undefined = t; cur && !keep.has(cur.id); ) {
      keep.add(cur.id);
      cur = cur.parentId ? index.byId.get(cur.parentId) : undefined;
    }
  }
  return { keep, matches };
}

/**
 * How many of a folded task force's tasks pass the filter: the server folded only those passing its
 * filters (unit, person, critical chain); the light filter counts here.
 */
export function foldedCount(o: TaskForceOutline | undefined, f: BattleMapFilter): number {
  if (!o) return 0;
  return f.lights?.length ? f.lights.reduce((n, c) => n + (o.lights[c] ?? 0), 0) : o.tasks;
}

/** Builds the rows for the current collapse state and filter (O(visible tasks + dependencies)). */
export function buildRows(
  index: BattleMapIndex,
  collapsed: ReadonlySet<string>,
  filter: BattleMapFilter = {},
): RowModel {
  const visible = visibleTasks(index, filter);
  const keep = visible?.keep ?? null;
  const forces = filter.taskForceIds?.length ? new Set(filter.taskForceIds) : null;
  const counts = visible?.matches ?? index.forceTaskCount;
  const rows: Row[] = [];
  const rowOfTask = new Map<string, number>();
  const walk = (list: readonly Task[], depth: number) => {
    for (const task of list) {
      if (keep && !keep.has(task.id)) continue;
      const kids = index.children.get(task.id);
      const hasChildren = kids !== undefined && (!keep || kids.some((k) => keep.has(k.id)));
      const isCollapsed = hasChildren && collapsed.has(task.id);
      rowOfTask.set(task.id, rows.length);
      const light = index.lights.get(task.id)!;
      const pendingExtension = index.data.pendingExtensions?.[task.id];
      rows.push({
        kind: "task",
        id: task.id,
        task,
        light,
        depth,
        hasChildren,
        collapsed: isCollapsed,
        ...(pendingExtension ? { pendingExtension } : {}),
      });
      if (hasChildren && !isCollapsed) walk(kids, depth + 1);
    }
  };
  for (const tf of index.taskForces) {
    if (forces && !forces.has(tf.id)) continue;
    const isFolded = index.loaded !== null && !index.loaded.has(tf.id);
    const folded = isFolded ? index.data.outline?.[tf.id] : undefined;
    const count = isFolded ? foldedCount(folded, filter) : (counts.get(tf.id) ?? 0);
    if (keep && count === 0) continue;
    const isCollapsed = collapsed.has(tf.id);
    const light = index.forceLights.get(tf.id)!;
    rows.push({
      kind: "taskForce",
      id: tf.id,
      taskForce: tf,
      light,
      taskCount: count,
      collapsed: isCollapsed,
      ...(isFolded && !isCollapsed ? { loading: true } : {}),
      ...(folded ? { folded } : {}),
    });
    if (!isCollapsed) walk(index.roots.get(tf.id) ?? [], 0);
  }
  const links: RowLink[] = [];
  for (const d of index.data.dependencies) {
    const from = rowOfTask.get(d.predecessorId);
    const to = rowOfTask.get(d.successorId);
    if (from === undefined || to === undefined) continue;
    const critical =
      index.byId.get(d.predecessorId)?.critical === true && index.byId.get(d.successorId)?.critical === true;
    links.push({ from, to, type: d.type, critical });
  }
  return { rows, rowOfTask, links };
}

/** Ids of every collapsible row (task forces and tasks with children): "collapse all". */
export function collapsibleIds(index: BattleMapIndex): string[] {
  return [...index.taskForces.map((tf) => tf.id), ...index.children.keys()];
}
