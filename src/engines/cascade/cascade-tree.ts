/**
 * The parent/child structure of a list of indicators, built once in linear time without recursion,
 * so any depth works: positions, children in input order and a children-first order.
 */
import { CascadeError } from "./cascade-error.js";

/** What the tree needs of an indicator. */
export interface CascadeNode {
  readonly id: string;
  readonly parentId: string | null;
}

/** The cascade as index arrays over the input positions. */
export interface CascadeTree {
  /** Indicator id → its position in the input. */
  readonly index: ReadonlyMap<string, number>;
  /** Position of each node's parent, or −1 for a root (no parent, or a parent not in the list). */
  readonly parent: Int32Array;
  /** The children of node `i` are `childList[childStart[i]]` … `childList[childStart[i + 1] − 1]`, in input order. */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Every position once, each after all of its descendants (leaves first, roots last). */
  readonly order: Int32Array;
}

/**
 * Builds the tree of `nodes`. Throws {@link CascadeError} `CASCADE_DUPLICATE_ID` for a repeated id
 * and `CASCADE_CYCLE` (with the ids around the cycle) when the `parentId`s loop.
 */
export function buildCascadeTree(nodes: readonly CascadeNode[]): CascadeTree {
  const n = nodes.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = nodes[i]!.id;
    if (index.has(id))
      throw new CascadeError("CASCADE_DUPLICATE_ID", `Indicator id ${id} occurs more than once`, {
        field: `indicators.${i}.id`,
        ids: [id],
      });
    index.set(id, i);
  }
  const parent = new Int32Array(n);
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const pid = nodes[i]!.parentId;
    const p = pid === null || pid === undefined ? -1 : (index.get(pid) ?? -1);
    parent[i] = p;
    if (p >= 0) childStart[p + 1]!++;
  }
  for (let i = 0; i < n; i++) childStart[i + 1]! += childStart[i]!;
  const childList = new Int32Array(childStart[n]!);
  const fill = childStart.slice(0, n);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) childList[fill[parent[i]!]!++] = i;
  return { index, parent, childStart, childList, order: childrenFirst(nodes, parent, childStart) };
}

/** Kahn's order from the leaves up; nodes never freed lie on a cycle (each has a single parent). */
function childrenFirst(
  nodes: readonly CascadeNode[],
  parent: Int32Array,
  childStart: Int32Array,
): Int32Array {
  const n = parent.length;
  const pending = new Int32Array(n);
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    pending[i] = childStart[i + 1]! - childStart[i]!;
    if (pending[i] === 0) order[tail++] = i;
  }
  for (let head = 0; head < tail; head++) {
    const p = parent[order[head]!]!;
    if (p >= 0 && --pending[p]! === 0) order[tail++] = p;
  }
  if (tail < n) {
    const start = pending.findIndex((c) => c > 0);
    const ids = [nodes[start]!.id];
    for (let u = parent[start]!; u !== start; u = parent[u]!) ids.push(nodes[u]!.id);
    throw new CascadeError(
      "CASCADE_CYCLE",
      `Indicators form a cycle through parentId: ${[...ids, ids[0]].join(" → ")}`,
      { field: "parentId", ids },
    );
  }
  return order;
}
