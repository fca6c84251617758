import { AppError } from "../../shared/errors.js";
import type { Executor, ServiceContext } from "../context.js";
import type { Row } from "./resource-def.js";

/**
 * A beforeWrite hook for trees linked by `parentId`: a record may not be its own ancestor.
 * Walks up from the new parent (trees are shallow: org units, goals, WBS).
 */
export function rejectSelfParent(table: string, label: string) {
  return async (_ctx: ServiceContext, trx: Executor, next: Row, before: Row | null): Promise<undefined> => {
    const parentId = next.parentId as string | null;
    if (!before || !parentId || parentId === before.parentId) return undefined;
    const seen = new Set<string>();
    let cursor: string | null = parentId;
    while (cursor && !seen.has(cursor)) {
      if (cursor === before.id) {
        throw new AppError(
          "unprocessable",
          `parentId: a ${label} cannot be placed under itself or its descendants`,
          {
            code: "TREE_CYCLE",
            details: [{ path: "parentId", message: "would make the record its own ancestor" }],
          },
        );
      }
      seen.add(cursor);
      const row: { parentId: string | null } | undefined = await trx
        .selectFrom(table)
        .select("parentId")
        .where("id", "=", cursor)
        .executeTakeFirst();
      cursor = row?.parentId ?? null;
    }
    return undefined;
  };
}
