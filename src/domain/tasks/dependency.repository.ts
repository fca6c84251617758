import type { Executor } from "../context.js";

/**
 * A path of task ids `from → … → to` along dependencies (ignoring the dependency `exceptId`), or
 * null. Used to refuse a dependency that would close a cycle; scoped to one task force's graph.
 */
export async function findDependencyPath(
  db: Executor,
  from: string,
  to: string,
  exceptId: string | null,
): Promise<string[] | null> {
  const start = await db.selectFrom("tasks").select("taskForceId").where("id", "=", from).executeTakeFirst();
  if (!start) return null;
  let q = db
    .selectFrom("dependencies")
    .select(["id", "predecessorId", "successorId"])
    .where("taskForceId", "=", start.taskForceId);
  if (exceptId) q = q.where("id", "!=", exceptId);
  const edges = await q.execute();
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.predecessorId as string) ?? [];
    list.push(e.successorId as string);
    next.set(e.predecessorId as string, list);
  }
  const cameFrom = new Map<string, string>([[from, ""]]);
  const queue = [from];
  while (queue.length) {
    const node = queue.shift()!;
    if (node === to) {
      const path = [to];
      for (let n = cameFrom.get(to)!; n; n = cameFrom.get(n)!) path.unshift(n);
      return path;
    }
    for (const n of next.get(node) ?? []) {
      if (!cameFrom.has(n)) {
        cameFrom.set(n, node);
        queue.push(n);
      }
    }
  }
  return null;
}
