/**
 * Pure helpers of the organisation screens: the unit and goal trees built from the flat lists the
 * API answers, the options of a tree picker in tree order, the code proposed for a new child, and
 * the fields an edit changed (a versioned PATCH sends only those).
 */

/** A record of a tree: its parent by id (null at the top). */
export interface TreeRecord {
  readonly id: string;
  readonly parentId: string | null;
}

/** A record placed in its tree: `depth` 0 at the top; `children` only when it has some (antd shows no expander then). */
export type TreeRow<T extends TreeRecord> = T & { readonly depth: number; children?: TreeRow<T>[] };

/** What a tree's dialog does: add a record (under `parent` when given) or edit `record`. */
export type TreeTarget<T> = { readonly parent: T | null } | { readonly record: T };

/**
 * The forest of `items`, siblings in `compare` order. A record whose parent is not in the list
 * (or that sits on a cycle) is placed at the top, so nothing the API answered is hidden.
 */
export function buildTree<T extends TreeRecord>(
  items: readonly T[],
  compare: (a: T, b: T) => number = () => 0,
): TreeRow<T>[] {
  const ids = new Set(items.map((x) => x.id));
  const byParent = new Map<string | null, T[]>();
  for (const x of items) {
    const key = x.parentId !== null && ids.has(x.parentId) ? x.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), x]);
  }
  const placed = new Set<string>();
  const place = (x: T, depth: number): TreeRow<T> => {
    placed.add(x.id);
    const kids = (byParent.get(x.id) ?? []).filter((k) => !placed.has(k.id)).sort(compare);
    const children = kids.map((k) => place(k, depth + 1));
    return children.length ? { ...x, depth, children } : { ...x, depth };
  };
  const roots = [...(byParent.get(null) ?? [])].sort(compare).map((x) => place(x, 0));
  // Records on a parent cycle are reachable from no root: show them at the top.
  for (const x of [...items].sort(compare)) if (!placed.has(x.id)) roots.push(place(x, 0));
  return roots;
}

/** The rows of a forest depth-first, each parent before its children. */
export function flattenTree<T extends TreeRecord>(rows: readonly TreeRow<T>[]): TreeRow<T>[] {
  return rows.flatMap((r) => [r, ...flattenTree(r.children ?? [])]);
}

/** Ids of the rows with children down to `maxDepth` (exclusive): the rows a tree table opens first. */
export function expandedToDepth<T extends TreeRecord>(
  rows: readonly TreeRow<T>[],
  maxDepth: number,
): string[] {
  return flattenTree(rows)
    .filter((r) => r.depth < maxDepth && r.children?.length)
    .map((r) => r.id);
}

/** `id` and every record below it: where a record may not be moved (it would be its own ancestor). */
export function subtreeIds(items: readonly TreeRecord[], id: string): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const x of items)
      if (x.parentId !== null && out.has(x.parentId) && !out.has(x.id)) {
        out.add(x.id);
        grew = true;
      }
  }
  return out;
}

/**
 * The code proposed for a new child of `parentCode`: the parent's code, `sep` and the next number
 * after its children's, padded like theirs (`SF-01-02` with children up to `-32` → `SF-01-02-33`;
 * goal `A2` with `A2.5` → `A2.6`). Without a parent code, "".
 */
export function nextChildCode(
  parentCode: string | null,
  siblingCodes: readonly string[],
  sep: string,
): string {
  if (!parentCode) return "";
  const prefix = `${parentCode}${sep}`;
  let max = 0;
  let width = sep === "-" ? 2 : 1;
  for (const c of siblingCodes) {
    const rest = c.startsWith(prefix) ? c.slice(prefix.length) : "";
    if (!/^\d+$/.test(rest)) continue;
    max = Math.max(max, Number(rest));
    width = Math.max(width, rest.length);
  }
  return `${prefix}${String(max + 1).padStart(width, "0")}`;
}

/** An empty form value as the API's null. */
const norm = (v: unknown) => (v === undefined || v === "" ? null : v);

/**
 * The fields of `values` that differ from `before` (empty inputs count as null), so a versioned
 * PATCH changes only what the person changed and a reapplied change keeps others' edits.
 */
export function changedFields(
  before: Readonly<Record<string, unknown>>,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (norm(v) !== norm(before[k])) out[k] = norm(v);
  return out;
}

/** The form's values with empty inputs as null: a create body. */
export function createBody(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (norm(v) !== null) out[k] = v;
  return out;
}

/**
 * The kind proposed for a new unit under a unit of `kind` (province → city → district →
 * department); at the top (`kind` null), that of the units already there (`topKinds`), else a
 * district: an empty organisation is most often a district office setting itself up.
 */
export function childKind(kind: string | null, topKinds: readonly string[] = []): string {
  const next: Record<string, string> = { province: "city", city: "district", district: "department" };
  if (kind === null) return topKinds[0] ?? "district";
  return next[kind] ?? "other";
}

/** The level proposed for a goal under a goal of `level` (strategy → programme → annual). */
export function childLevel(level: string | null): "strategy" | "programme" | "annual" {
  if (level === null) return "strategy";
  return level === "strategy" ? "programme" : "annual";
}
