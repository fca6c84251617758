/**
 * The responsibility matrix (person × task): one row per person responsible for a task or serving
 * in the task force, one column per leaf task; a cell marks the responsible person.
 */
import type { Member, Task } from "../../api/types";

export interface MatrixRow {
  readonly personId: string;
  readonly post: string | null;
  readonly taskIds: ReadonlySet<string>;
}

/** Rows in member order, then people responsible for tasks without being members. */
export function buildMatrix(
  members: readonly Member[],
  tasks: readonly Pick<Task, "id" | "responsiblePersonId" | "responsiblePost">[],
): MatrixRow[] {
  const byPerson = new Map<string, Set<string>>();
  const posts = new Map<string, string | null>();
  for (const m of members) {
    byPerson.set(m.personId, new Set());
    posts.set(m.personId, m.post);
  }
  for (const t of tasks) {
    if (!t.responsiblePersonId) continue;
    if (!byPerson.has(t.responsiblePersonId)) {
      byPerson.set(t.responsiblePersonId, new Set());
      posts.set(t.responsiblePersonId, t.responsiblePost);
    }
    byPerson.get(t.responsiblePersonId)?.add(t.id);
  }
  return [...byPerson].map(([personId, taskIds]) => ({
    personId,
    post: posts.get(personId) ?? null,
    taskIds,
  }));
}
