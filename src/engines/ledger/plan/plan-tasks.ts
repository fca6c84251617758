/** Tasks (by task force and WBS code) and dependencies; parent and dependency cycles by their codes. */
import type { LedgerRow } from "../read-ledger.js";
import type { Id } from "./existing.js";
import { indicatorByCode, inTaskForce, num, type Planner, parentCycles, str } from "./planner.js";

export function planTasks(p: Planner): void {
  const rows = p.ledger.rows.tasks.flatMap((r) => {
    const tf = p.taskForceId("tasks", r);
    return tf ? [{ r, tf }] : [];
  });
  // Parents may come anywhere in the sheet: every new task gets its id first.
  for (const { r, tf } of rows) {
    const key = inTaskForce(tf, r.values.code as string);
    if (!p.tasks.has(key)) p.tasks.set(key, p.newId());
  }
  const stored = new Map(p.existing.tasks.map((t) => [t.id, t]));
  const columns = {
    parentId: "parentCode",
    responsibleUnitId: "unitCode",
    responsiblePersonId: "person",
    responsiblePost: "post",
    indicatorIds: "indicatorCodes",
  };
  for (const { r, tf } of rows) {
    const code = r.values.code as string;
    const parentId = p.taskId("tasks", r, tf, "parentCode", "parent task");
    const unit = p.unitId("tasks", r, "unitCode");
    const person = p.personId("tasks", r, "person");
    // 支撑指标: changed only when the file has the column (an older layout leaves the links).
    let links: Id[] | undefined;
    if ("indicatorCodes" in r.columns) {
      const codes = (r.values.indicatorCodes as readonly string[] | null) ?? [];
      const found = codes.map((c) => indicatorByCode(p, "tasks", r, tf, "indicatorCodes", c));
      if (found.some((x) => x === undefined)) continue;
      links = [...new Set(found as Id[])]; // every one found, just checked
    }
    if (parentId === undefined || unit === undefined || person === undefined) continue;
    const id = p.tasks.get(inTaskForce(tf, code))!;
    const fields = {
      taskForceId: tf,
      parentId,
      code,
      title: r.values.title,
      responsibleUnitId: unit,
      responsiblePersonId: person,
      responsiblePost: str(r.values.post),
      duration: num(r.values.duration),
      deadline: str(r.values.deadline),
      weight: num(r.values.weight) ?? 0,
      acceptance: str(r.values.acceptance),
      ...(links ? { indicatorIds: links } : {}),
    };
    p.plan("tasks", r, stored.get(id), {
      fields,
      label: `${r.values.taskForceCode} ${code}`,
      taskForceId: tf,
      columns,
      id,
    });
  }
  parentCycles(p, "tasks", rows, "tasks");
}

/**
 * Dependencies by task force, predecessor and successor. The whole graph (stored and new) is checked
 * for cycles once, and each cycle is reported at a workbook row that closes it, named by its codes.
 */
export function planDependencies(p: Planner): void {
  const edges = new Map<Id, Id[]>();
  const link = (from: Id, to: Id) => edges.set(from, [...(edges.get(from) ?? []), to]);
  for (const d of p.existing.dependencies) link(d.predecessorId, d.successorId);
  const stored = new Map(p.existing.dependencies.map((d) => [`${d.predecessorId}\u0000${d.successorId}`, d]));
  const rowOfNew = new Map<string, LedgerRow>();
  for (const r of p.ledger.rows.dependencies) {
    const tf = p.taskForceId("dependencies", r);
    if (!tf) continue;
    const pred = p.taskId("dependencies", r, tf, "predecessorCode");
    const succ = p.taskId("dependencies", r, tf, "successorCode");
    if (!pred || !succ) continue;
    const was = stored.get(`${pred}\u0000${succ}`);
    if (!was) {
      link(pred, succ);
      rowOfNew.set(`${pred}\u0000${succ}`, r);
    }
    const fields = {
      predecessorId: pred,
      successorId: succ,
      type: str(r.values.type) ?? was?.type ?? "FS",
      lag: num(r.values.lag) ?? 0,
    };
    const label = `${r.values.taskForceCode} ${r.values.predecessorCode} → ${r.values.successorCode}`;
    const columns = { predecessorId: "predecessorCode", successorId: "successorCode" };
    p.plan("dependencies", r, was, { fields, label, taskForceId: tf, columns });
  }
  const codeOf = new Map<Id, string>([...p.tasks].map(([k, id]) => [id, k.split("\u0000")[1]!]));
  for (const cycle of cyclesOf(edges)) {
    const pairs = cycle.map((id, i) => `${id}\u0000${cycle[(i + 1) % cycle.length]}`);
    const r = pairs.map((k) => rowOfNew.get(k)).find((x) => x !== undefined);
    if (!r) continue; // a cycle among stored dependencies alone is the schedule's to report
    const codes = [...cycle, cycle[0]!].map((id) => codeOf.get(id) ?? id).join(" → ");
    p.at(
      "dependencies",
      r,
      "successorCode",
      "ledgerCycle",
      { codes },
      `the dependencies form a cycle: ${codes}`,
    );
  }
}

/**
 * The cycles of a directed graph, one per knot, in O(nodes + edges): peel nodes without a
 * predecessor (Kahn); every node left has a predecessor left, so walking predecessors must repeat —
 * that is a cycle; drop it and peel again.
 */
export function cyclesOf(edges: ReadonlyMap<Id, readonly Id[]>): Id[][] {
  const preds = new Map<Id, Id[]>();
  const nodes = new Set<Id>();
  for (const [from, tos] of edges) {
    nodes.add(from);
    for (const to of tos) {
      nodes.add(to);
      preds.set(to, [...(preds.get(to) ?? []), from]);
    }
  }
  const left = new Set(nodes);
  const peel = () => {
    const indegree = new Map<Id, number>();
    for (const n of left) indegree.set(n, (preds.get(n) ?? []).filter((x) => left.has(x)).length);
    const queue = [...left].filter((n) => indegree.get(n) === 0);
    for (let i = 0; i < queue.length; i++) {
      const n = queue[i]!;
      left.delete(n);
      for (const next of edges.get(n) ?? [])
        if (left.has(next)) {
          const d = indegree.get(next)! - 1;
          indegree.set(next, d);
          if (d === 0) queue.push(next);
        }
    }
  };
  const cycles: Id[][] = [];
  for (peel(); left.size > 0; peel()) {
    const seen = new Map<Id, number>();
    const path: Id[] = [];
    let at = left.values().next().value!;
    while (!seen.has(at)) {
      seen.set(at, path.length);
      path.push(at);
      at = (preds.get(at) ?? []).find((x) => left.has(x))!;
    }
    // Walked backwards: reverse to read predecessor → successor.
    const cycle = path.slice(seen.get(at)).reverse();
    cycles.push(cycle);
    for (const n of cycle) left.delete(n);
  }
  return cycles;
}
