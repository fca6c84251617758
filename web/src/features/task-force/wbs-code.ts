/** Pure WBS helpers of plan editing: the next free code under a parent. */

/** Minimal task shape the helpers read. */
export interface WbsTask {
  readonly id: string;
  readonly code: string;
  readonly parentId: string | null;
}

/**
 * The next WBS code under `parentId` (null: the top level of task force `taskForceCode`): one past
 * the highest numeric last segment of the siblings, skipping any code already taken in the task
 * force. Example: under `01.3` with children `01.3.1`…`01.3.5` → `01.3.6`.
 */
export function nextWbsCode(
  tasks: readonly WbsTask[],
  parentId: string | null,
  taskForceCode: string,
): string {
  const parent = parentId ? tasks.find((t) => t.id === parentId) : undefined;
  const prefix = parent ? parent.code : taskForceCode;
  let max = 0;
  for (const t of tasks) {
    if ((t.parentId ?? null) !== (parent ? parent.id : null)) continue;
    if (!t.code.startsWith(`${prefix}.`)) continue;
    const last = Number(t.code.slice(prefix.length + 1));
    if (Number.isInteger(last) && last > max) max = last;
  }
  const taken = new Set(tasks.map((t) => t.code));
  let n = max + 1;
  while (taken.has(`${prefix}.${n}`)) n++;
  return `${prefix}.${n}`;
}

/** Ids of `taskId` and every task below it (a task cannot become its own descendant's child). */
export function subtreeIds(tasks: readonly WbsTask[], taskId: string): Set<string> {
  const out = new Set([taskId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of tasks)
      if (t.parentId && out.has(t.parentId) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
  }
  return out;
}
