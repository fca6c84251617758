import type { ScheduleGraph } from "./build-graph.js";

/** Slot sentinels: "no lower bound" and "no upper bound" (real slots stay within ±2^29). */
export const NO_LOWER = -(2 ** 30);
export const NO_UPPER = 2 ** 30;
/** "Not started" in `fixedStart`/`fixedFinish`. */
export const NOT_FIXED = -(2 ** 31);

/**
 * Per-node inputs of the two passes, in working-day slots (a task occupies [S, E), E = S + dur).
 * `fixedStart`/`fixedFinish` are NOT_FIXED unless the task has started (then they are its actual or
 * forecast dates and its predecessors no longer move it).
 */
export interface PassInput {
  readonly graph: ScheduleGraph;
  readonly order: Int32Array;
  /** Durations; a started task's entry becomes fixedFinish − fixedStart during the forward pass. */
  readonly dur: Int32Array;
  /** Earliest start allowed by project start, status date and notBefore (NO_LOWER for gate nodes). */
  readonly lb: Int32Array;
  readonly fixedStart: Int32Array;
  readonly fixedFinish: Int32Array;
}

/** Early start and finish: the forward pass in topological order, pushing along out-edges. */
export function forwardPass(p: PassInput): { es: Int32Array; ef: Int32Array } {
  const { graph, order, dur, fixedStart, fixedFinish } = p;
  const { off, to, lag, bits } = graph;
  const es = Int32Array.from(p.lb); // outlives the call (the result's): not scratch
  const ef = new Int32Array(es.length);
  for (let i = 0; i < order.length; i++) {
    const u = order[i]!;
    const fs = fixedStart[u]!;
    if (fs !== NOT_FIXED) {
      es[u] = fs;
      ef[u] = fixedFinish[u]!;
      dur[u] = ef[u]! - fs;
    } else ef[u] = es[u]! + dur[u]!;
    const s = es[u]!;
    const f = ef[u]!;
    for (let k = off[u]!; k < off[u + 1]!; k++) {
      const v = to[k]!;
      const b = bits[k]!;
      const c = (b & 1 ? f : s) + lag[k]! - (b & 2 ? dur[v]! : 0);
      if (c > es[v]!) es[v] = c;
    }
  }
  return { es, ef };
}

/**
 * Late start and finish (as late as possible): the backward pass; each node's latest finish is the
 * tightest of its bound `ub` and what every successor's late dates allow. Edges into started tasks
 * are history and bind neither pass.
 */
export function backwardPass(p: PassInput, ub: Int32Array): { ls: Int32Array; le: Int32Array } {
  const { graph, order, dur, fixedStart } = p;
  const { off, to, lag, bits } = graph;
  const le = new Int32Array(ub.length);
  const ls = new Int32Array(ub.length);
  for (let i = order.length - 1; i >= 0; i--) {
    const u = order[i]!;
    const du = dur[u]!;
    let best = ub[u]!;
    for (let k = off[u]!; k < off[u + 1]!; k++) {
      const v = to[k]!;
      if (fixedStart[v] !== NOT_FIXED) continue; // a started successor no longer waits for anything
      const b = bits[k]!;
      const c = (b & 2 ? le[v]! : ls[v]!) - lag[k]! + (b & 1 ? 0 : du);
      if (c < best) best = c;
    }
    le[u] = best;
    ls[u] = best - du;
  }
  return { ls, le };
}
