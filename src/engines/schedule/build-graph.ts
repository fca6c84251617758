import type { DependencyArrays } from "./read-dependencies.js";
import type { TaskArrays } from "./read-tasks.js";
import type { ScheduleProblem } from "./schedule-error.js";
import { int32, uint8 } from "./scratch.js";

/** Gate nodes of a summary, in this order from its base: children start/finish ≥ in, ≤ out. */
export const GATE = { inStart: 0, inFinish: 1, outStart: 2, outFinish: 3 } as const;

/**
 * The constraint graph over nodes: tasks 0…n−1 (a summary's own node stays unused) and four gate
 * nodes per summary that has dependencies (directly or through an ancestor). An edge u→v with
 * `lag` and port `bits` (see PORT_BITS) means `v.port ≥ u.port + lag`; adjacency is CSR by `u`.
 */
export interface ScheduleGraph {
  readonly nodes: number;
  /** Owning summary of gate node `n + k`, and gate kind (GATE). */
  readonly owner: Int32Array;
  readonly kind: Uint8Array;
  readonly off: Int32Array;
  readonly to: Int32Array;
  readonly lag: Int32Array;
  readonly bits: Uint8Array;
  /** Tasks with every parent before its children. */
  readonly topDown: Int32Array;
}

/** Tasks in parent-before-child order, or the problem naming one parent cycle. */
function orderTopDown(t: TaskArrays): Int32Array | ScheduleProblem {
  const { n, parent } = t;
  const off = int32(n + 1);
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) off[parent[i]! + 1]!++;
  for (let i = 0; i < n; i++) off[i + 1]! += off[i]!;
  const kids = int32(off[n]!);
  const fill = int32(n);
  fill.set(off.subarray(0, n));
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) kids[fill[parent[i]!]!++] = i;
  const order = int32(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (parent[i]! < 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const p = order[head]!;
    for (let k = off[p]!; k < off[p + 1]!; k++) order[tail++] = kids[k]!;
  }
  if (tail === n) return order;
  const seen = new Uint8Array(n);
  for (let k = 0; k < tail; k++) seen[order[k]!] = 1;
  let i = seen.indexOf(0);
  const step = new Map<number, number>();
  const walk: number[] = [];
  while (!step.has(i)) {
    step.set(i, walk.length);
    walk.push(i);
    i = parent[i]!;
  }
  const cycle = walk.slice(step.get(i)).map((k) => t.ids[k]!);
  return {
    code: "PARENT_CYCLE",
    path: `tasks[${walk[step.get(i)!]}].parent`,
    message: `parent cycle (each task's parent is the next): ${[...cycle, cycle[0]].join(" → ")}`,
  };
}

/** Which gates each summary needs: bit k set for GATE value k; inherited by sub-summaries. */
function gateNeeds(t: TaskArrays, d: DependencyArrays, topDown: Int32Array): Uint8Array {
  const need = uint8(t.n);
  for (let e = 0; e < d.m; e++) {
    const b = d.bits[e]!;
    if (t.isSummary[d.to[e]!]) need[d.to[e]!]! |= b & 2 ? 1 << GATE.inFinish : 1 << GATE.inStart;
    if (t.isSummary[d.from[e]!]) need[d.from[e]!]! |= b & 1 ? 1 << GATE.outFinish : 1 << GATE.outStart;
  }
  for (const i of topDown) if (t.parent[i]! >= 0 && t.isSummary[i]) need[i]! |= need[t.parent[i]!]!;
  return need;
}

/** Edge sink: the first sweep counts edges per source, the second writes them into CSR slots. */
class CsrBuilder {
  readonly off: Int32Array;
  to: Int32Array = new Int32Array(0);
  lag: Int32Array = new Int32Array(0);
  bits: Uint8Array = new Uint8Array(0);
  #fill: Int32Array = new Int32Array(0);
  #counting = true;
  constructor(nodes: number) {
    this.off = int32(nodes + 1);
  }
  add(from: number, to: number, lag: number, bits: number): void {
    if (this.#counting) {
      this.off[from + 1]!++;
      return;
    }
    const k = this.#fill[from]!++;
    this.to[k] = to;
    this.lag[k] = lag;
    this.bits[k] = bits;
  }
  /** Ends counting: prefix sums, then storage for the second sweep. */
  allocate(): void {
    const n = this.off.length - 1;
    for (let i = 0; i < n; i++) this.off[i + 1]! += this.off[i]!;
    this.#fill = int32(n);
    this.#fill.set(this.off.subarray(0, n));
    this.to = int32(this.off[n]!);
    this.lag = int32(this.off[n]!);
    this.bits = uint8(this.off[n]!);
    this.#counting = false;
  }
}

/** Emits every edge: dependencies (ends replaced by gates on summaries) and gate-to-child links. */
function emitEdges(
  t: TaskArrays,
  d: DependencyArrays,
  need: Uint8Array,
  base: Int32Array,
  out: CsrBuilder,
): void {
  const { n, parent, isSummary } = t;
  const gateOr = (task: number, g: number): number => (isSummary[task] ? base[task]! + g : task);
  for (let e = 0; e < d.m; e++) {
    const b = d.bits[e]!;
    const from = gateOr(d.from[e]!, b & 1 ? GATE.outFinish : GATE.outStart);
    out.add(from, gateOr(d.to[e]!, b & 2 ? GATE.inFinish : GATE.inStart), d.lag[e]!, b);
  }
  for (let c = 0; c < n; c++) {
    const p = parent[c]!;
    if (p < 0 || !need[p]) continue;
    if (need[p]! & (1 << GATE.inStart)) out.add(base[p]! + GATE.inStart, gateOr(c, GATE.inStart), 0, 0);
    if (need[p]! & (1 << GATE.inFinish)) out.add(base[p]! + GATE.inFinish, gateOr(c, GATE.inFinish), 0, 2);
    if (need[p]! & (1 << GATE.outStart)) out.add(gateOr(c, GATE.outStart), base[p]! + GATE.outStart, 0, 0);
    if (need[p]! & (1 << GATE.outFinish)) out.add(gateOr(c, GATE.outFinish), base[p]! + GATE.outFinish, 0, 1);
  }
}

/** Builds the constraint graph in linear time, or returns the problem naming a parent cycle. */
export function buildGraph(t: TaskArrays, d: DependencyArrays): ScheduleGraph | ScheduleProblem {
  const topDown = orderTopDown(t);
  if (!(topDown instanceof Int32Array)) return topDown;
  const n = t.n;
  const need = gateNeeds(t, d, topDown);
  const base = int32(n, -1);
  let nodes = n;
  for (let i = 0; i < n; i++) {
    if (!need[i]) continue;
    base[i] = nodes;
    nodes += 4;
  }
  const owner = new Int32Array(nodes - n);
  const kind = new Uint8Array(nodes - n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; base[i]! >= 0 && k < 4; k++) {
      owner[base[i]! - n + k] = i;
      kind[base[i]! - n + k] = k;
    }
  }
  const csr = new CsrBuilder(nodes);
  emitEdges(t, d, need, base, csr);
  csr.allocate();
  emitEdges(t, d, need, base, csr);
  return { nodes, owner, kind, topDown, off: csr.off, to: csr.to, lag: csr.lag, bits: csr.bits };
}
