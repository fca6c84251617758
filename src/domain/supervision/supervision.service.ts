import {
  type SupervisionAction,
  type SupervisionState,
  supervisionItemSchemas,
} from "../../shared/api/supervision.js";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertTaskForceInScope, leadsTaskForce, readScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { answerChasesOf } from "../chasing/answer.js";
import { type Executor, readerOf, type ServiceContext, type WriteContext } from "../context.js";
import { newId } from "../ids.js";
import { assertTaskOfTaskForce } from "../indicators/indicator.service.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { assertUnchanged, assertUnique, assertVersion, deleteById, getById } from "../records/record-ops.js";
import { assertRefsExist, assertUnreferenced, type RefCheck } from "../records/references.js";
import { nextInSequence } from "../records/sequence.js";
import { write } from "../records/transaction.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import type { SupervisionItem, SupervisionItemCreate, SupervisionItemUpdate } from "./supervision.js";
import { codeTaken, highestCodeNumber, listSupervisionItemRows } from "./supervision.repository.js";

const LABEL = "supervision item";
const ENTITY = "supervision_item";

const refsOf = (s: Partial<SupervisionItem>): RefCheck[] => [
  { path: "taskForceId", table: "task_forces", id: s.taskForceId },
  { path: "taskId", table: "tasks", id: s.taskId },
  { path: "raisedById", table: "persons", id: s.raisedById },
  { path: "responsiblePersonId", table: "persons", id: s.responsiblePersonId },
  { path: "responsibleUnitId", table: "org_units", id: s.responsibleUnitId },
];

/** Supervision items of the task forces the caller may read. */
export async function listSupervisionItems(
  ctx: ServiceContext,
  c: ListCriteria,
): Promise<Page<SupervisionItem>> {
  const scope = readScope(ctx, c.filters.taskForceId);
  const criteria = scope ? { ...c, filters: { ...c.filters, taskForceId: scope } } : c;
  const { rows, total } = await listSupervisionItemRows(readerOf(ctx), criteria, ctx.database.dialect);
  return { items: rows, total, limit: c.limit, offset: c.offset };
}

/** One item, for whoever may read its task force. */
export async function getSupervisionItem(ctx: ServiceContext, id: string): Promise<SupervisionItem> {
  const item = await getById(readerOf(ctx), "supervision_items", id, LABEL);
  await getTaskForce(ctx, item.taskForceId);
  return item;
}

/**
 * The next supervision number of a year, `DB-2022-001` …, from a database sequence that starts after
 * the highest number in use (skipping numbers someone gave by hand).
 */
async function nextCode(db: Executor, raisedOn: string): Promise<string> {
  const prefix = `DB-${raisedOn.slice(0, 4)}-`;
  const floor = await highestCodeNumber(db, prefix);
  for (;;) {
    const code = `${prefix}${String(await nextInSequence(db, `supervision:${raisedOn.slice(0, 4)}`, floor)).padStart(3, "0")}`;
    if (!(await codeTaken(db, code))) return code;
  }
}

/** The due date of a rectification must fall after the day the item was raised (422 `SUPERVISION_RULE`). */
function assertDueAfterRaised(item: Pick<SupervisionItem, "raisedOn" | "dueDate">): void {
  if (item.dueDate <= item.raisedOn)
    throw new AppError(
      "SUPERVISION_RULE",
      `dueDate: must be after the day the item was raised (${item.raisedOn})`,
      [ruleDetail("dueDate", "dueAfterRaised", { raisedOn: item.raisedOn })],
    );
}

/**
 * How far an item had got when a ledger brought it in: its state is otherwise the state machine's,
 * so only a new item may carry it (the ledger import checks its dates against the item's).
 */
export type RecordedProgress = Pick<
  SupervisionItem,
  "state" | "rectification" | "submittedOn" | "verifiedOn" | "returnCount" | "lastNote"
>;

/**
 * Raises a supervision item (督办) on a task force or one of its tasks; it starts `open`, or where a
 * ledger says it had got (`recorded`). Its number is made here (`DB-<year>-NNN`) unless the caller
 * brings one (e.g. from a ledger).
 */
export function createSupervisionItem(
  ctx: ServiceContext,
  input: SupervisionItemCreate,
  id = newId(),
  recorded?: RecordedProgress,
): Promise<SupervisionItem> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    await assertRefsExist(db, refsOf(input));
    assertTaskForceInScope(w, input.taskForceId);
    assertDueAfterRaised(input);
    await assertTaskOfTaskForce(db, input.taskId ?? null, input.taskForceId, "SUPERVISION_RULE");
    const record = supervisionItemSchemas.complete({
      ...input,
      code: input.code ?? (await nextCode(db, input.raisedOn)),
    });
    await assertUnique(db, "supervision_items", { code: record.code }, null, LABEL);
    const at = w.now();
    const created = await insertRecord(db, "supervision_items", {
      id,
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...record,
      state: "open",
      rectification: null,
      submittedOn: null,
      verifiedOn: null,
      verifiedById: null,
      returnCount: 0,
      lastNote: null,
      ...recorded,
      escalatedOn: null,
      escalatedBy: null,
    });
    await appendAudit(w, { action: "create", entity: ENTITY, entityId: id, before: null, after: created });
    return created;
  });
}

/** Changes what an item asks (issue, action, responsible, due date) at its version; its state moves only by transitions. */
export function updateSupervisionItem(
  ctx: ServiceContext,
  id: string,
  input: SupervisionItemUpdate,
): Promise<SupervisionItem> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await getById(db, "supervision_items", id, LABEL);
    assertTaskForceInScope(w, before.taskForceId);
    const { version, ...changes } = input;
    assertVersion(before, version, LABEL);
    assertUnchanged(before, changes, ["taskForceId"], LABEL);
    await assertRefsExist(db, refsOf(changes));
    assertDueAfterRaised({ ...before, ...changes });
    if (changes.taskId !== undefined)
      await assertTaskOfTaskForce(db, changes.taskId, before.taskForceId, "SUPERVISION_RULE");
    if (changes.code !== undefined)
      await assertUnique(db, "supervision_items", { code: changes.code }, id, LABEL);
    const after = await updateAtVersion(
      db,
      "supervision_items",
      { id, version, label: LABEL },
      { ...changes, updatedAt: w.now() },
    );
    await appendAudit(w, { action: "update", entity: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** Deletes an item nothing refers to. */
export function deleteSupervisionItem(ctx: ServiceContext, id: string, version?: number): Promise<void> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await getById(db, "supervision_items", id, LABEL);
    assertTaskForceInScope(w, before.taskForceId);
    assertVersion(before, version, LABEL);
    await assertUnreferenced(db, "supervision_items", id, LABEL);
    await deleteById(db, "supervision_items", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}

/** The state machine: which action moves which state where (督办 → 整改 → 提交 → 销号, or returned). */
export const SUPERVISION_MOVES: Readonly<
  Record<SupervisionAction, { from: SupervisionState; to: SupervisionState }>
> = {
  start: { from: "open", to: "rectifying" },
  submit: { from: "rectifying", to: "submitted" },
  return: { from: "submitted", to: "rectifying" },
  verify: { from: "submitted", to: "verified" },
};

/** A transition as asked: the action, at the item's version, on a date, with what it carries. */
export interface SupervisionTransitionInput {
  readonly action: SupervisionAction;
  readonly version: number;
  readonly date: string;
  readonly note?: string | undefined;
  readonly rectification?: string | undefined;
  /** Who acted, when the system replays a transition (the demo); a signed-in caller is who acts. */
  readonly byId?: string | undefined;
}

/** Field changes an action makes besides the state. */
function effects(
  t: SupervisionTransitionInput,
  item: SupervisionItem,
  by: string | null,
): Partial<SupervisionItem> {
  switch (t.action) {
    case "submit":
      return {
        submittedOn: t.date,
        rectification: t.rectification ?? item.rectification,
        lastNote: t.note ?? null,
      };
    case "return":
      return { returnCount: item.returnCount + 1, lastNote: t.note ?? null };
    case "verify":
      return { verifiedOn: t.date, verifiedById: by, lastNote: t.note ?? null };
    default:
      return { lastNote: t.note ?? null };
  }
}

/**
 * The responsible side (the responsible person, the task-force lead) starts and submits; the
 * supervisors' side (the route's role gate) returns and verifies. An API token acts only within
 * its task force, whatever its role.
 */
function assertMayAct(w: WriteContext, action: SupervisionAction, item: SupervisionItem): void {
  const p = w.principal;
  if (!p) return;
  assertTaskForceInScope(w, item.taskForceId);
  if (p.roles.includes("admin") || action === "return" || action === "verify") return;
  const responsible = p.personId !== null && p.personId === item.responsiblePersonId;
  if (!responsible && !leadsTaskForce(p, item.taskForceId))
    throw new AppError(
      "FORBIDDEN",
      "only the responsible person or the task-force lead may answer this supervision item",
    );
}

/**
 * Moves a supervision item along its state machine at the given version; refuses moves the machine
 * does not allow (409 `BAD_TRANSITION`), a stale version (409 `STALE_VERSION`: of concurrent
 * transitions at one version exactly one succeeds) and a sign-off (销号) by the item's own
 * responsible person (403 `SELF_VERIFICATION`).
 */
export function transitionSupervisionItem(
  ctx: ServiceContext,
  id: string,
  t: SupervisionTransitionInput,
): Promise<SupervisionItem> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const item = await getById(db, "supervision_items", id, LABEL);
    assertTaskForceInScope(w, item.taskForceId);
    assertVersion(item, t.version, LABEL);
    const move = SUPERVISION_MOVES[t.action];
    if (item.state !== move.from)
      throw new AppError(
        "BAD_TRANSITION",
        `cannot ${t.action} a supervision item that is ${item.state} (needs ${move.from})`,
        [ruleDetail("action", "notFromState", { state: item.state })],
      );
    assertMayAct(w, t.action, item);
    if (t.action === "return" && !t.note?.trim())
      throw new AppError("VALIDATION", "note: a return (退回) needs a reason", [
        ruleDetail("note", "returnNeedsReason"),
      ]);
    const by = w.principal ? w.principal.personId : (t.byId ?? null);
    if (t.action === "verify" && by && by === item.responsiblePersonId)
      throw new AppError(
        "SELF_VERIFICATION",
        "the responsible person cannot sign off (销号) their own rectification",
      );
    const changes = { ...effects(t, item, by), state: move.to, updatedAt: w.now() };
    const after = await updateAtVersion(
      db,
      "supervision_items",
      { id, version: t.version, label: LABEL },
      changes,
    );
    await appendAudit(w, { action: "transition", entity: ENTITY, entityId: id, before: item, after });
    // A submission (报结) answers the item's open 催办.
    if (after.submittedOn) await answerChasesOf(w, id, after.submittedOn);
    return after;
  });
}

/**
 * Escalates a supervision item (督办升级): a leader or the supervision office marks it for attention
 * with a note; its state is unchanged. Versioned and audited like a transition.
 */
export function escalateSupervisionItem(
  ctx: ServiceContext,
  id: string,
  e: { readonly version: number; readonly date: string; readonly note: string },
): Promise<SupervisionItem> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const item = await getById(db, "supervision_items", id, LABEL);
    assertTaskForceInScope(w, item.taskForceId);
    assertVersion(item, e.version, LABEL);
    if (item.state === "verified")
      throw new AppError("BAD_TRANSITION", "a signed-off (verified) item cannot be escalated");
    const changes = { escalatedOn: e.date, escalatedBy: w.actor, lastNote: e.note, updatedAt: w.now() };
    const after = await updateAtVersion(
      db,
      "supervision_items",
      { id, version: e.version, label: LABEL },
      changes,
    );
    await appendAudit(w, { action: "transition", entity: ENTITY, entityId: id, before: item, after });
    return after;
  });
}
