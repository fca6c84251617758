import { AppError } from "../../shared/errors.js";
import { leadsPlan } from "../accounts/principal.js";
import type { Executor, ServiceContext } from "../context.js";
import type { Row } from "../resource/resource-def.js";

/**
 * Lead rules of task-force memberships, checked before a member is changed (`next`) or removed
 * (`next` null):
 * - an active task force keeps at least one `lead` membership (422 `LAST_LEAD`), for everyone; a
 *   closed one may lose it, so that it can be emptied and deleted;
 * - a non-admin does not take away their own right to edit the plan — their last `lead` or
 *   `lead_leader` membership of the task force (403 `SELF_DEMOTION`); an admin may.
 */
export async function checkLeadMembership(
  ctx: ServiceContext,
  trx: Executor,
  before: Row,
  next: Row | null,
): Promise<void> {
  const p = ctx.principal;
  const losesLead = before.role === "lead" && next?.role !== "lead";
  const mine = (m: Row | null) => !!p?.personId && m?.personId === p.personId && leadsPlan(m.role as string);
  const losesOwnRights = !!p && !p.roles.includes("admin") && mine(before) && !mine(next);
  if (!losesLead && !losesOwnRights) return;
  const { others, active } = await otherMembers(ctx, trx, before);
  if (losesLead && active && !others.some((m) => m.role === "lead")) {
    const { person, taskForce } = await names(trx, before);
    throw new AppError(
      "unprocessable",
      `${person} is the last lead of task force ${taskForce}; a task force keeps at least one lead: make another member lead first`,
      { code: "LAST_LEAD", details: [{ path: "role", message: `${person} is the last lead` }] },
    );
  }
  if (losesOwnRights && !others.some(mine)) {
    const { person, taskForce } = await names(trx, before);
    throw new AppError(
      "forbidden",
      `you (${person}) cannot remove or demote your own lead membership of task force ${taskForce}: you would lose the right to edit its plan; ask an admin or another lead`,
      { code: "SELF_DEMOTION", details: [{ path: "role", message: "your own lead membership" }] },
    );
  }
}

/**
 * The task force's other memberships and whether it is active, read under a lock so two removals
 * cannot both see the other's lead.
 */
async function otherMembers(
  ctx: ServiceContext,
  trx: Executor,
  member: Row,
): Promise<{ others: Row[]; active: boolean }> {
  const taskForceId = member.taskForceId as string;
  let q = trx.selectFrom("task_forces").select("status").where("id", "=", taskForceId);
  // SQLite runs one write transaction at a time; PostgreSQL serialises on the task force's row.
  if (ctx.database.dialect === "postgres") q = q.forNoKeyUpdate();
  const tf = await q.executeTakeFirst();
  const others = await trx
    .selectFrom("task_force_members")
    .select(["personId", "role"])
    .where("taskForceId", "=", taskForceId)
    .where("id", "<>", member.id as string)
    .execute();
  return { others, active: tf?.status !== "closed" };
}

/** The member's person and task force as people read them: `张伟`, `01 重大项目建设专班`. */
async function names(trx: Executor, member: Row): Promise<{ person: string; taskForce: string }> {
  const person = await trx
    .selectFrom("persons")
    .select("name")
    .where("id", "=", member.personId as string)
    .executeTakeFirst();
  const tf = await trx
    .selectFrom("task_forces")
    .select(["code", "name"])
    .where("id", "=", member.taskForceId as string)
    .executeTakeFirst();
  return {
    person: (person?.name as string | undefined) ?? (member.personId as string),
    taskForce: tf ? `${tf.code} ${tf.name}` : (member.taskForceId as string),
  };
}
