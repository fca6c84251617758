import { memberSchemas } from "../../shared/api/task-forces.js";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { leadsPlan } from "../accounts/principal.js";
import { assertMayEditPlan, readScope } from "../accounts/scope.js";
import { appendAudit, appendAudits } from "../audit/audit.repository.js";
import { readerOf, type ServiceContext, type WriteContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import {
  assertUnchanged,
  assertUnique,
  assertVersion,
  deleteById,
  duplicate,
  getById,
  rowsById,
} from "../records/record-ops.js";
import { assertRefsExist, type RefCheck } from "../records/references.js";
import { write } from "../records/transaction.js";
import { insertMany, insertRecord, updateAtVersion } from "../records/update-at-version.js";
import type { Member, MemberCreate, MemberUpdate } from "./task-force.js";
import {
  listMemberRows,
  lockTaskForce,
  memberNames,
  membersOf,
  taskForceStatus,
} from "./task-force.repository.js";
import { getTaskForce } from "./task-force.service.js";

const LABEL = "task force member";
const ENTITY = "task_force_member";

const refsOf = (m: Partial<Member>): RefCheck[] => [
  { path: "taskForceId", table: "task_forces", id: m.taskForceId },
  { path: "personId", table: "persons", id: m.personId },
];

/** Memberships of the task forces the caller may read. */
export async function listMembers(ctx: ServiceContext, c: ListCriteria): Promise<Page<Member>> {
  const scope = readScope(ctx, c.filters.taskForceId);
  const criteria = scope ? { ...c, filters: { ...c.filters, taskForceId: scope } } : c;
  const { rows, total } = await listMemberRows(readerOf(ctx), criteria, ctx.database.dialect);
  return { items: rows, total, limit: c.limit, offset: c.offset };
}

/** One membership, for whoever may read its task force. */
export async function getMember(ctx: ServiceContext, id: string): Promise<Member> {
  const member = await getById(readerOf(ctx), "task_force_members", id, LABEL);
  await getTaskForce(ctx, member.taskForceId);
  return member;
}

/** Adds a person on a post to a task force (its leads and admins). */
export function createMember(ctx: ServiceContext, input: MemberCreate, id = newId()): Promise<Member> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const record = memberSchemas.complete(input);
    await assertRefsExist(db, refsOf(record));
    assertMayEditPlan(w, record.taskForceId);
    await lockTaskForce(w.uow, w.database.dialect, record.taskForceId);
    const key = { taskForceId: record.taskForceId, personId: record.personId, post: record.post };
    await assertUnique(db, "task_force_members", key, null, LABEL);
    const at = w.now();
    const created = await insertRecord(db, "task_force_members", {
      id,
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...record,
    });
    await appendAudit(w, { action: "create", entity: ENTITY, entityId: id, before: null, after: created });
    return created;
  });
}

/**
 * Adds many memberships in one write (the demo's), under the rules of {@link createMember}: each
 * task force locked once, references checked once, and the person-and-post pairs checked against
 * the stored memberships and those before them in the list.
 */
export function createMembers(
  ctx: ServiceContext,
  creates: readonly { readonly id: string; readonly input: MemberCreate }[],
): Promise<Member[]> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const records = creates.map(({ id, input }) => ({ id, ...memberSchemas.complete(input) }));
    const refs = new Map(records.flatMap(refsOf).map((r) => [`${r.table}\u0000${r.id}`, r]));
    await assertRefsExist(db, [...refs.values()]);
    const tfIds = [...new Set(records.map((r) => r.taskForceId))].sort();
    for (const tf of tfIds) assertMayEditPlan(w, tf);
    for (const tf of tfIds) await lockTaskForce(w.uow, w.database.dialect, tf);
    const key = (m: { taskForceId: string; personId: string; post: string }) =>
      `${m.taskForceId}\u0000${m.personId}\u0000${m.post}`;
    const taken = new Map<string, string>();
    for (let k = 0; k < tfIds.length; k += 5000) {
      const stored = await db
        .selectFrom("task_force_members")
        .select(["id", "taskForceId", "personId", "post"])
        .where("taskForceId", "in", tfIds.slice(k, k + 5000))
        .execute();
      for (const m of stored) taken.set(key(m), m.id);
    }
    for (const m of records) {
      const other = taken.get(key(m));
      if (other) throw duplicate(LABEL, "post", m.post, other);
      taken.set(key(m), m.id);
    }
    const at = w.now();
    await insertMany(
      db,
      "task_force_members",
      records.map(({ id, ...m }) => ({ id, version: 1, createdAt: at, updatedAt: at, ...m })),
    );
    const created = await rowsById(
      db,
      "task_force_members",
      records.map((m) => m.id),
    );
    await appendAudits(
      w,
      created.map((after) => ({ action: "create", entity: ENTITY, entityId: after.id, before: null, after })),
    );
    return created;
  });
}

/** Changes a membership (post, role, duties) at its version, keeping the task force's lead rules. */
export function updateMember(ctx: ServiceContext, id: string, input: MemberUpdate): Promise<Member> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await getById(db, "task_force_members", id, LABEL);
    assertMayEditPlan(w, before.taskForceId);
    const { version, ...changes } = input;
    assertUnchanged(before, changes, ["taskForceId"], LABEL);
    await assertRefsExist(db, refsOf(changes));
    await lockTaskForce(w.uow, w.database.dialect, before.taskForceId);
    const next = { ...before, ...changes };
    await checkLeadRules(w, before, next);
    if (changes.personId !== undefined || changes.post !== undefined)
      await assertUnique(
        db,
        "task_force_members",
        { taskForceId: next.taskForceId, personId: next.personId, post: next.post },
        id,
        LABEL,
      );
    const after = await updateAtVersion(
      db,
      "task_force_members",
      { id, version, label: LABEL },
      { ...changes, updatedAt: w.now() },
    );
    await appendAudit(w, { action: "update", entity: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** Removes a membership, keeping the task force's lead rules. */
export function deleteMember(ctx: ServiceContext, id: string, version?: number): Promise<void> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await getById(db, "task_force_members", id, LABEL);
    assertMayEditPlan(w, before.taskForceId);
    assertVersion(before, version, LABEL);
    await lockTaskForce(w.uow, w.database.dialect, before.taskForceId);
    await checkLeadRules(w, before, null);
    await deleteById(db, "task_force_members", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}

/**
 * Lead rules of a membership changed to `next` (or removed: null), checked under the task force's
 * lock so two removals cannot both see the other's lead:
 * - an active task force keeps at least one `lead` membership (422 `LAST_LEAD`), for everyone; a
 *   closed one may lose it, so that it can be emptied and deleted;
 * - a non-admin does not take away their own right to edit the plan — their last `lead` or
 *   `lead_leader` membership of the task force (403 `SELF_DEMOTION`); an admin may.
 */
async function checkLeadRules(w: WriteContext, before: Member, next: Member | null): Promise<void> {
  const p = w.principal;
  const losesLead = before.role === "lead" && next?.role !== "lead";
  const mine = (m: Pick<Member, "personId" | "role"> | null) =>
    !!p?.personId && m?.personId === p.personId && leadsPlan(m.role);
  const losesOwnRights = !!p && !p.roles.includes("admin") && mine(before) && !mine(next);
  if (!losesLead && !losesOwnRights) return;
  const db = w.uow.db;
  const others = (await membersOf(db, before.taskForceId)).filter((m) => m.id !== before.id);
  const status = await taskForceStatus(db, before.taskForceId);
  if (losesLead && status !== "closed" && !others.some((m) => m.role === "lead")) {
    const { person, taskForce } = await memberNames(db, before);
    throw new AppError(
      "LAST_LEAD",
      `${person} is the last lead of task force ${taskForce}; a task force keeps at least one lead: make another member lead first`,
      [ruleDetail("role", "lastLead", { person })],
    );
  }
  if (losesOwnRights && !others.some(mine)) {
    const { person, taskForce } = await memberNames(db, before);
    throw new AppError(
      "SELF_DEMOTION",
      `you (${person}) cannot remove or demote your own lead membership of task force ${taskForce}: you would lose the right to edit its plan; ask an admin or another lead`,
      [ruleDetail("role", "ownLead")],
    );
  }
}
