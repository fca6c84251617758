/**
 * The task-book editor's form as data: its fields, their values from a task force, the changes a
 * person made (only those are sent, so a reapply after a conflict keeps others' changes to the
 * rest), and the goal tree its picker shows. Pure, so it is tested without a browser.
 */
import type { Goal, TaskForce } from "../../api/types";
import { orNull } from "../../hooks/validate";

/** The task-book fields the editor shows (every field of `PATCH /task-forces/:id/task-book`). */
export const TASK_BOOK_FIELDS = [
  "objective",
  "scope",
  "measures",
  "guarantees",
  "startDate",
  "deadline",
  "leadLeaderId",
  "leadUnitId",
  "coUnitIds",
  "goalIds",
  "status",
] as const;
export type TaskBookField = (typeof TASK_BOOK_FIELDS)[number];

const LISTS: ReadonlySet<string> = new Set(["coUnitIds", "goalIds"]);

/** The editor's initial values: the task force's task book as it is. */
export function taskBookValues(tf: TaskForce): Record<TaskBookField, unknown> {
  const out = {} as Record<TaskBookField, unknown>;
  for (const f of TASK_BOOK_FIELDS) out[f] = tf[f] ?? undefined;
  return out;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");

/** The fields whose form value differs from the task force's (empty text and pickers as null). */
export function taskBookChanges(tf: TaskForce, values: Record<string, unknown>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const f of TASK_BOOK_FIELDS) {
    if (!(f in values)) continue;
    if (LISTS.has(f)) {
      const next = Array.isArray(values[f]) ? (values[f] as string[]) : [];
      if (!sameList(next, tf[f] as readonly string[])) changes[f] = next;
      continue;
    }
    const next = orNull(values[f]);
    if (next !== (tf[f] ?? null)) changes[f] = next;
  }
  return changes;
}

/** A node of the goal picker's tree. */
export interface GoalNode {
  readonly value: string;
  readonly title: string;
  readonly children: GoalNode[];
}

/** Goals as a tree by `parentId` (a goal whose parent is missing is a root), each level by code. */
export function goalTree(goals: readonly Goal[]): GoalNode[] {
  const ids = new Set(goals.map((g) => g.id));
  const nodes = new Map<string, GoalNode>(
    goals.map((g) => [g.id, { value: g.id, title: `${g.code} ${g.title}`, children: [] }]),
  );
  const roots: GoalNode[] = [];
  const sorted = [...goals].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const g of sorted) {
    const node = nodes.get(g.id)!;
    if (g.parentId && ids.has(g.parentId) && g.parentId !== g.id) nodes.get(g.parentId)!.children.push(node);
    else roots.push(node);
  }
  return roots;
}
