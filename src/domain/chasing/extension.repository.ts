import type { Selectable } from "kysely";
import type { PendingExtension } from "../../shared/api/extensions.js";
import type { Executor } from "../context.js";
import { textSortsOf } from "../records/list.js";
import { type ListCriteria, listPage } from "../records/list-page.js";
import type { ExtensionRequestTable } from "./chasing.table.js";
import { EXTENSION_LIST } from "./extension.js";

export type ExtensionRow = Selectable<ExtensionRequestTable>;

const COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "taskForceId",
  "taskId",
  "requestedBy",
  "requestedByName",
  "currentDeadline",
  "requestedDeadline",
  "reason",
  "state",
  "decidedBy",
  "decidedByName",
  "decidedAt",
  "decisionNote",
  "baselineId",
] as const;

/** A page of extension requests. */
export const listExtensionRows = (db: Executor, c: ListCriteria, dialect: "sqlite" | "postgres") =>
  listPage(
    db,
    {
      table: "extension_requests",
      columns: COLUMNS,
      textSorts: textSortsOf(EXTENSION_LIST),
      search: EXTENSION_LIST.search,
      dialect,
    },
    c,
  );

/** The pending request of a task, if any (there is at most one). */
export function pendingOfTask(db: Executor, taskId: string): Promise<ExtensionRow | undefined> {
  return db
    .selectFrom("extension_requests")
    .selectAll()
    .where("taskId", "=", taskId)
    .where("state", "=", "pending")
    .executeTakeFirst();
}

/** WBS code and title of tasks, by id. */
export async function taskLabels(
  db: Executor,
  taskIds: readonly string[],
): Promise<Map<string, { code: string; title: string }>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("tasks")
    .select(["id", "code", "title"])
    .where("id", "in", [...new Set(taskIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, title: r.title }]));
}

/** Pending requests of the task forces (null: all), by task id: what the battle map marks. */
export async function pendingExtensionsOf(
  db: Executor,
  taskForceIds: readonly string[] | null,
): Promise<Record<string, PendingExtension>> {
  if (taskForceIds?.length === 0) return {};
  let q = db
    .selectFrom("extension_requests")
    .select(["id", "taskId", "requestedDeadline", "currentDeadline", "requestedByName", "createdAt"])
    .where("state", "=", "pending");
  if (taskForceIds) q = q.where("taskForceId", "in", taskForceIds);
  const out: Record<string, PendingExtension> = {};
  for (const { taskId, ...p } of await q.orderBy("taskId").execute()) out[taskId] = p;
  return out;
}

/** Persons who lead a task force (membership role `lead`): they decide its requests. */
export async function leadPersonsOf(db: Executor, taskForceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("task_force_members")
    .select("personId")
    .distinct()
    .where("taskForceId", "=", taskForceId)
    .where("role", "=", "lead")
    .orderBy("personId")
    .execute();
  return rows.map((r) => r.personId);
}

/** The person of a user account, by username (null: none, or no such user). */
export async function personOfUser(db: Executor, username: string): Promise<string | null> {
  const row = await db
    .selectFrom("users")
    .select("personId")
    .where("username", "=", username)
    .executeTakeFirst();
  return row?.personId ?? null;
}
