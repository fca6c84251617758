import { AppError } from "../../shared/errors.js";
import type { Executor, ServiceContext } from "../context.js";
import type { ResourceDef, Row } from "../resource/resource-def.js";
import type { Principal } from "./principal.js";

/**
 * Scope rules (who may touch which task force's records), applied by the services after the
 * route's role gate (src/http/policy.ts). A context without a principal is the system itself
 * (CLI, demo loader) and may do anything.
 */

const TASK_FORCE_FIELD: Readonly<Record<string, string>> = {
  "task-forces": "id",
  members: "taskForceId",
  tasks: "taskForceId",
  dependencies: "taskForceId",
  indicators: "taskForceId",
  "progress-reports": "taskForceId",
  "supervision-items": "taskForceId",
  comments: "taskForceId",
};

const isAdmin = (p: Principal) => p.roles.includes("admin");
/** Admins, supervisors and leaders read every task force; others read their own. */
export const readsEverything = (p: Principal) =>
  p.taskForceScope === null && p.roles.some((r) => r === "admin" || r === "supervisor" || r === "leader");

const deny = (message: string) => new AppError("forbidden", message);

/** The task force a record belongs to, or null for records outside any (org units, people, goals). */
export async function taskForceOf(trx: Executor, def: ResourceDef, record: Row): Promise<string | null> {
  if (def.path === "indicator-readings") {
    const ind = await trx
      .selectFrom("indicators")
      .select("taskForceId")
      .where("id", "=", record.indicatorId as string)
      .executeTakeFirst();
    return (ind?.taskForceId as string | undefined) ?? null;
  }
  const field = TASK_FORCE_FIELD[def.path];
  return field ? ((record[field] as string | undefined) ?? null) : null;
}

async function ownerOf(trx: Executor, def: ResourceDef, record: Row): Promise<string | null> {
  if (def.path === "progress-reports") {
    const task = await trx
      .selectFrom("tasks")
      .select("responsiblePersonId")
      .where("id", "=", record.taskId as string)
      .executeTakeFirst();
    return (task?.responsiblePersonId as string | null | undefined) ?? null;
  }
  if (def.path === "indicator-readings") {
    const ind = await trx
      .selectFrom("indicators")
      .select("ownerPersonId")
      .where("id", "=", record.indicatorId as string)
      .executeTakeFirst();
    return (ind?.ownerPersonId as string | null | undefined) ?? null;
  }
  return null;
}

/** Refuses a write the caller's scope does not cover (403 naming why). */
export async function assertCanWrite(
  ctx: ServiceContext,
  trx: Executor,
  def: ResourceDef,
  record: Row,
): Promise<void> {
  const p = ctx.principal;
  if (!p) return;
  const tf = await taskForceOf(trx, def, record);
  if (p.taskForceScope && tf !== p.taskForceScope)
    throw deny(`this API token is limited to task force ${p.taskForceScope}`);
  if (isAdmin(p) || tf === null) return;
  if (def.path === "task-forces" || def.path === "supervision-items") return; // supervisors, by the role gate
  if (def.path === "comments") return assertMayComment(p, record, tf);
  const leads = p.roles.includes("lead") && p.leadTaskForceIds.has(tf);
  if (leads) return;
  if (def.path === "progress-reports" || def.path === "indicator-readings") {
    const owner = await ownerOf(trx, def, record);
    if (p.roles.includes("member") && p.personId && owner === p.personId) return;
    throw deny(
      `only the responsible person or the task-force lead may report on this ${def.path === "progress-reports" ? "task" : "indicator"}`,
    );
  }
  throw deny(`only the lead of task force ${tf} may change its ${def.label}s`);
}

/** Whether the caller may read records of task force `taskForceId` (the system may read all). */
export function mayReadTaskForce(p: Principal | undefined, taskForceId: string | null): boolean {
  return !p || readsEverything(p) || taskForceId === null || readableTaskForces(p).has(taskForceId);
}

/** Refuses a read of another task force's record by a caller who reads only their own. */
export async function assertCanRead(
  ctx: ServiceContext,
  trx: Executor,
  def: ResourceDef,
  record: Row,
): Promise<void> {
  const p = ctx.principal;
  if (!p || readsEverything(p)) return;
  if (!mayReadTaskForce(p, await taskForceOf(trx, def, record)))
    throw deny(`you may read only your own task forces' records`);
}

/** Task forces a scoped reader may read. */
export function readableTaskForces(p: Principal): ReadonlySet<string> {
  if (p.taskForceScope) return new Set([p.taskForceScope]);
  return p.ownTaskForceIds;
}

/**
 * Extra list filters that keep a scoped reader inside their task forces, or null when the caller
 * reads everything. Readings are scoped through their indicators.
 */
export async function readFilter(
  ctx: ServiceContext,
  trx: Executor,
  def: ResourceDef,
): Promise<Record<string, string[]> | null> {
  const p = ctx.principal;
  if (!p || readsEverything(p)) return null;
  const tfs = [...readableTaskForces(p)];
  if (def.path === "indicator-readings") {
    if (tfs.length === 0) return { indicatorId: [] };
    const ids = await trx.selectFrom("indicators").select("id").where("taskForceId", "in", tfs).execute();
    return { indicatorId: ids.map((r) => r.id as string) };
  }
  const field = TASK_FORCE_FIELD[def.path];
  return field ? { [field]: tfs } : null;
}

/** Anyone who reads a task force may comment on it; only the author changes or deletes a comment. */
function assertMayComment(p: Principal, record: Row, tf: string): void {
  if (!readsEverything(p) && !readableTaskForces(p).has(tf))
    throw deny("you may comment only on task forces you can read");
  if (record.author && record.author !== p.username)
    throw deny("only the author may change or delete a comment");
}
