import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import type { Executor } from "../context.js";

/**
 * Refuses (422 `TREE_CYCLE`) to place record `id` under `parentId` when that would make it its own
 * ancestor. Walks up from the new parent (trees are shallow: org units, goals, WBS).
 */
export async function assertNotOwnAncestor(
  db: Executor,
  table: "org_units" | "goals" | "tasks" | "indicators",
  id: string,
  parentId: string | null,
  label: string,
): Promise<void> {
  const seen = new Set<string>();
  let cursor: string | null = parentId;
  while (cursor && !seen.has(cursor)) {
    if (cursor === id)
      throw new AppError(
        "TREE_CYCLE",
        `parentId: a ${label} cannot be placed under itself or its descendants`,
        [ruleDetail("parentId", "ownAncestor")],
      );
    seen.add(cursor);
    const row: { parentId: string | null } | undefined = await db
      .selectFrom(table)
      .select("parentId")
      .where("id", "=", cursor)
      .executeTakeFirst();
    cursor = row?.parentId ?? null;
  }
}
