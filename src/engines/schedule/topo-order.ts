import type { ScheduleGraph } from "./build-graph.js";
import type { ScheduleProblem } from "./schedule-error.js";
import { int32 } from "./scratch.js";

/** Name of a node in messages: a task's id, or the summary a gate node belongs to. */
export function nodeTaskId(g: ScheduleGraph, ids: readonly string[], node: number): string {
  const n = ids.length;
  return node < n ? ids[node]! : ids[g.owner[node - n]!]!;
}

/** One cycle among the nodes Kahn's algorithm could not order, as a problem naming its tasks in order. */
function findCycle(g: ScheduleGraph, ids: readonly string[], done: Uint8Array): ScheduleProblem {
  // Every node left has a predecessor that is left too: walking predecessors must loop.
  const pred = new Int32Array(g.nodes).fill(-1);
  for (let u = 0; u < g.nodes; u++) {
    if (done[u]) continue;
    for (let k = g.off[u]!; k < g.off[u + 1]!; k++) if (!done[g.to[k]!]) pred[g.to[k]!] = u;
  }
  let v = done.indexOf(0);
  const step = new Map<number, number>();
  const walk: number[] = [];
  while (!step.has(v)) {
    step.set(v, walk.length);
    walk.push(v);
    v = pred[v]!;
  }
  const names: string[] = [];
  for (const node of walk.slice(step.get(v)).reverse()) {
    const id = nodeTaskId(g, ids, node);
    if (names[names.length - 1] !== id) names.push(id);
  }
  if (names.length > 1 && names[0] === names[names.length - 1]) names.pop();
  // Start at the smallest id, so the message does not depend on where the walk began.
  let first = 0;
  for (let i = 1; i < names.length; i++) if (names[i]! < names[first]!) first = i;
  const cycle = [...names.slice(first), ...names.slice(0, first)];
  return {
    code: "CYCLE",
    path: "dependencies",
    message: `dependency cycle: ${[...cycle, cycle[0]].join(" → ")}`,
  };
}

/** Kahn's topological order of the graph's nodes, or the problem naming one dependency cycle. */
export function topoOrder(g: ScheduleGraph, ids: readonly string[]): Int32Array | ScheduleProblem {
  const { nodes, off, to } = g;
  const indeg = int32(nodes);
  for (let k = 0; k < to.length; k++) indeg[to[k]!]!++;
  // Ready nodes wait on a stack (smallest index on top at first): a successor that becomes ready is
  // handled right after its predecessor, so the passes walk memory in input order, not in BFS jumps.
  const order = int32(nodes);
  const stack = int32(nodes);
  let top = 0;
  for (let u = nodes - 1; u >= 0; u--) if (indeg[u] === 0) stack[top++] = u;
  let tail = 0;
  while (top > 0) {
    const u = stack[--top]!;
    order[tail++] = u;
    for (let k = off[u + 1]! - 1; k >= off[u]!; k--) if (--indeg[to[k]!]! === 0) stack[top++] = to[k]!;
  }
  if (tail === nodes) return order;
  const done = new Uint8Array(nodes);
  for (let k = 0; k < tail; k++) done[order[k]!] = 1;
  return findCycle(g, ids, done);
}
