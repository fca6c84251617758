/**
 * The cascade (层层衔接) as the page shows it: the API's pre-order nodes as a tree of rows, each
 * with its level (区级 / 专班 / 街道·单位 / 个人), whether its parent misses its value, and the words
 * of its actual and findings. Pure, so it is tested without a browser.
 */
import type { CascadeFindingView, CascadeNode } from "../../../../src/shared/api/cascade";

/** The levels of a cascade: district → task force → unit or street → person. */
export type CascadeLevel = "district" | "taskForce" | "unit" | "person";

/** One row of the tree table: a node, its level, its shares below it. */
export interface CascadeRow {
  readonly key: string;
  readonly node: CascadeNode;
  readonly level: CascadeLevel;
  /** Its parent's value that month lacks this share's (未报). */
  readonly missing: boolean;
  /** Its shares as the caller may read them (undefined for a leaf, as antd's tree table wants). */
  readonly children?: CascadeRow[];
}

/**
 * The level of a node from its place: no task force is the district; a task force's topmost
 * indicator (no parent, or a parent of another task force or the district) is the task force's; a
 * share within the task force is a unit's or street's when it names one, else a person's; any
 * share below a unit's is a person's.
 */
export function levelOf(node: CascadeNode, parent: CascadeRow | undefined): CascadeLevel {
  if (node.taskForceId === null) return "district";
  if (!parent || parent.node.taskForceId !== node.taskForceId) return "taskForce";
  if (parent.level === "taskForce" && node.orgUnitId !== null) return "unit";
  return "person";
}

/**
 * The tree of rows from the API's pre-order nodes (a parent before its children). A node whose
 * parent is not among them (left out: the caller may not read it) starts a tree of its own.
 */
export function buildCascadeRows(nodes: readonly CascadeNode[]): CascadeRow[] {
  type Building = { -readonly [K in keyof CascadeRow]: CascadeRow[K] };
  const roots: Building[] = [];
  const byId = new Map<string, Building>();
  for (const node of nodes) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    const row: Building = {
      key: node.indicatorId,
      node,
      level: levelOf(node, parent),
      missing: !!parent?.node.missing.includes(node.indicatorId),
    };
    byId.set(node.indicatorId, row);
    if (!parent) roots.push(row);
    else {
      parent.children ??= [];
      parent.children.push(row);
    }
  }
  return roots;
}

/** Every row's key, for a tree table opened all the way down. */
export function allKeys(rows: readonly CascadeRow[]): string[] {
  return rows.flatMap((r) => [r.key, ...allKeys(r.children ?? [])]);
}

/** The row of `id`, anywhere in the tree. */
export function findRow(rows: readonly CascadeRow[], id: string): CascadeRow | undefined {
  for (const r of rows) {
    if (r.key === id) return r;
    const below = findRow(r.children ?? [], id);
    if (below) return below;
  }
  return undefined;
}

/** A number as people read it: at most four decimals, no trailing zeros. */
export function num(v: number): string {
  return String(Math.round(v * 1e4) / 1e4);
}

/** A value with its unit: `45 亿元`, `8.5%` (a percent sign sits on the number). */
export function withUnit(v: number, unit: string): string {
  if (!unit) return num(v);
  return unit === "%" ? `${num(v)}%` : `${num(v)} ${unit}`;
}

/** A translation function as the texts need it (i18next's `t`). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * What a reported figure says against its shares': `上报口径 62.5 亿元，下级合计 60 亿元，差 2.5 亿元`;
 * null when there is no difference to show.
 */
export function differenceText(node: CascadeNode, t: Translate): string | null {
  if (node.source !== "reported" || node.computed === null || node.actual === null) return null;
  if (node.difference === null || Math.abs(node.difference) < 1e-9) return null;
  return t(node.kind === "cumulative" ? "cas.difference" : "cas.differenceWeighted", {
    reported: withUnit(node.actual, node.unit),
    computed: withUnit(node.computed, node.unit),
    difference: withUnit(node.difference, node.unit),
  });
}

/**
 * A finding of the node in words: `分解合计 45 亿元，与目标 50 亿元不符`, `月度计划 2022-12 为 15 亿元，
 * 应为 10 亿元`, …
 */
export function findingText(f: CascadeFindingView, node: CascadeNode, t: Translate): string {
  const v = (x: number | undefined) => (x === undefined ? "—" : withUnit(x, node.unit));
  const params = { expected: v(f.expected), actual: v(f.actual), period: f.period ?? "" };
  if (f.code === "CASCADE_SHARES")
    return t(node.kind === "cumulative" ? "cas.findings.sharesSum" : "cas.findings.sharesWeighted", params);
  if (f.code === "CASCADE_MONTHS")
    return t(f.period ? "cas.findings.months" : "cas.findings.monthsNoPeriod", params);
  return t(`cas.findings.${f.code}`, params);
}

/** A progress in percent as shown: `52%`, or — without one. */
export const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v)}%`);
