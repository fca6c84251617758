import type { ScheduleGraph } from "./build-graph.js";
import { NOT_FIXED } from "./passes.js";
import { nodeTaskId } from "./topo-order.js";

/** Everything the chain search reads: the graph and the two passes' slots per node. */
export interface ChainInput {
  readonly graph: ScheduleGraph;
  readonly ids: readonly string[];
  readonly isSummary: Uint8Array;
  readonly dur: Int32Array;
  readonly fixedStart: Int32Array;
  readonly es: Int32Array;
  readonly ef: Int32Array;
  readonly ls: Int32Array;
  readonly le: Int32Array;
  readonly ub: Int32Array;
  readonly minFloat: number;
}

/** Orders nodes by task id, then gate kind (a task before its gates): ties never depend on input order. */
function before(c: ChainInput, a: number, b: number): boolean {
  const n = c.ids.length;
  const ia = nodeTaskId(c.graph, c.ids, a);
  const ib = nodeTaskId(c.graph, c.ids, b);
  if (ia !== ib) return ia < ib;
  return (a < n ? -1 : c.graph.kind[a - n]!) < (b < n ? -1 : c.graph.kind[b - n]!);
}

/** The chain's last task: critical, held by its own deadline; latest early finish, then smallest id. */
function chainEnd(c: ChainInput): number {
  let end = -1;
  for (let i = 0; i < c.ids.length; i++) {
    if (c.isSummary[i] || c.ls[i]! - c.es[i]! !== c.minFloat || c.le[i] !== c.ub[i]) continue;
    if (end < 0 || c.ef[i]! > c.ef[end]! || (c.ef[i] === c.ef[end] && c.ids[i]! < c.ids[end]!)) end = i;
  }
  return end;
}

/**
 * One critical chain, first task to last: from the chain's end (a critical task whose deadline
 * binds) walk back along edges that drive the successor's early start (such a predecessor is
 * critical too), preferring the smallest id. Linear in nodes and edges.
 */
export function criticalChain(c: ChainInput): string[] {
  const { graph, es, ef, ls, dur, fixedStart, minFloat } = c;
  const n = c.ids.length;
  const crit = (u: number): boolean => (u >= n || !c.isSummary[u]) && ls[u]! - es[u]! === minFloat;
  const end = chainEnd(c);
  if (end < 0) return [];
  const tightFrom: number[] = [];
  const tightTo: number[] = [];
  for (let u = 0; u < graph.nodes; u++) {
    if (!crit(u)) continue;
    for (let k = graph.off[u]!; k < graph.off[u + 1]!; k++) {
      const v = graph.to[k]!;
      const b = graph.bits[k]!;
      if (fixedStart[v] === NOT_FIXED && crit(v)) {
        const cand = (b & 1 ? ef[u]! : es[u]!) + graph.lag[k]! - (b & 2 ? dur[v]! : 0);
        if (cand === es[v]) {
          tightFrom.push(u);
          tightTo.push(v);
        }
      }
    }
  }
  const preds = new Map<number, number[]>();
  for (let k = 0; k < tightTo.length; k++) {
    const list = preds.get(tightTo[k]!);
    if (list) list.push(tightFrom[k]!);
    else preds.set(tightTo[k]!, [tightFrom[k]!]);
  }
  const chain: number[] = [end];
  for (let v = end; ; ) {
    let best = -1;
    for (const u of preds.get(v) ?? []) if (best < 0 || before(c, u, best)) best = u;
    if (best < 0) break;
    chain.push(best);
    v = best;
  }
  chain.reverse();
  // Zero-length successors (milestones) can share the end's finish: carry the chain through them.
  for (let u = end; ; ) {
    let best = -1;
    for (let k = graph.off[u]!; k < graph.off[u + 1]!; k++) {
      const v = graph.to[k]!;
      if (fixedStart[v] !== NOT_FIXED || !crit(v) || (best >= 0 && !before(c, v, best))) continue;
      const b = graph.bits[k]!;
      if ((b & 1 ? ef[u]! : es[u]!) + graph.lag[k]! - (b & 2 ? dur[v]! : 0) === es[v]) best = v;
    }
    if (best < 0) break;
    chain.push(best);
    u = best;
  }
  return chain.filter((u) => u < n).map((u) => c.ids[u]!);
}
