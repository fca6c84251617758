import type {
  SupervisionAction,
  SupervisionState,
  SupervisionTransition,
} from "../../shared/api/supervision.js";
import { supervisionEscalation, supervisionTransition } from "../../shared/api/supervision.js";
import { AppError } from "../../shared/errors.js";
import { appendAudit } from "../audit/audit.repository.js";
import type { Executor, ServiceContext } from "../context.js";
import { recordToRow } from "../resource/resource.repository.js";
import { inTransaction, readRecord } from "../resource/resource.service.js";
import type { Row } from "../resource/resource-def.js";
import { parseOrThrow } from "../resource/zod-details.js";
import { supervisionItemResource as def } from "./supervision.resource.js";

/** The state machine: which action moves which state where (督办 → 整改 → 提交 → 销号, or returned). */
export const SUPERVISION_MOVES: Readonly<
  Record<SupervisionAction, { from: SupervisionState; to: SupervisionState }>
> = {
  start: { from: "open", to: "rectifying" },
  submit: { from: "rectifying", to: "submitted" },
  return: { from: "submitted", to: "rectifying" },
  verify: { from: "submitted", to: "verified" },
};

/** Field changes an action makes besides the state. */
function effects(t: SupervisionTransition, item: Row): Row {
  switch (t.action) {
    case "submit":
      return {
        submittedOn: t.date,
        rectification: t.rectification ?? item.rectification ?? null,
        lastNote: t.note ?? null,
      };
    case "return":
      return { returnCount: (item.returnCount as number) + 1, lastNote: t.note ?? null };
    case "verify":
      return { verifiedOn: t.date, verifiedById: t.byId ?? null, lastNote: t.note ?? null };
    default:
      return { lastNote: t.note ?? null };
  }
}

/**
 * The responsible side (the responsible person, the task-force lead) starts and submits; the
 * supervisors' side (checked by the route's role gate) returns and verifies.
 */
function assertMayAct(ctx: ServiceContext, action: SupervisionAction, item: Row): void {
  const p = ctx.principal;
  if (!p || p.roles.includes("admin")) return;
  if (p.taskForceScope && p.taskForceScope !== item.taskForceId) {
    throw new AppError("forbidden", `this API token is limited to task force ${p.taskForceScope}`);
  }
  if (action === "return" || action === "verify") return;
  const responsible = p.personId !== null && p.personId === item.responsiblePersonId;
  const leads = p.roles.includes("lead") && p.leadTaskForceIds.has(item.taskForceId as string);
  if (!responsible && !leads) {
    throw new AppError(
      "forbidden",
      "only the responsible person or the task-force lead may answer this supervision item",
    );
  }
}

/** The item, if `version` is still its version (404 when unknown, 409 when stale). */
async function itemAtVersion(trx: Executor, id: string, version: number): Promise<Row> {
  const item = await readRecord(trx, def, id);
  if (!item) throw new AppError("not_found", `no supervision item with id "${id}"`);
  if (item.version !== version) {
    throw new AppError(
      "conflict",
      `supervision item ${id} was changed by someone else (version ${item.version})`,
      {
        code: "STALE_VERSION",
        details: [{ path: "version", message: "stale; reload and retry" }],
      },
    );
  }
  return item;
}

/**
 * Moves a supervision item along its state machine at the given version; refuses moves the
 * machine does not allow (409) and a sign-off (销号) by the item's own responsible person (403).
 */
export async function transitionSupervisionItem(
  ctx: ServiceContext,
  id: string,
  input: unknown,
): Promise<Row> {
  const t = parseOrThrow(supervisionTransition, input, "supervision transition");
  return inTransaction(ctx, async (trx) => {
    const item = await itemAtVersion(trx, id, t.version);
    const move = SUPERVISION_MOVES[t.action];
    if (item.state !== move.from) {
      throw new AppError(
        "conflict",
        `cannot ${t.action} a supervision item that is ${item.state} (needs ${move.from})`,
        {
          code: "BAD_TRANSITION",
          details: [{ path: "action", message: `not allowed from state ${item.state}` }],
        },
      );
    }
    const by = ctx.principal ? ctx.principal.personId : (t.byId ?? null);
    assertMayAct(ctx, t.action, item);
    if (t.action === "verify" && by && by === item.responsiblePersonId) {
      throw new AppError(
        "forbidden",
        "the responsible person cannot sign off (销号) their own rectification",
        {
          code: "SELF_VERIFICATION",
        },
      );
    }
    const changes = {
      ...effects({ ...t, byId: by ?? undefined }, item),
      state: move.to,
      updatedAt: ctx.now(),
    };
    await trx
      .updateTable(def.table)
      .set({ ...recordToRow(def, changes), version: t.version + 1 })
      .where("id", "=", id)
      .where("version", "=", t.version)
      .execute();
    const after = (await readRecord(trx, def, id))!;
    await appendAudit(trx, {
      at: changes.updatedAt,
      actor: ctx.actor,
      action: "transition",
      entity: def.name,
      entityId: id,
      before: item,
      after,
    });
    return after;
  });
}

/**
 * Escalates a supervision item (督办升级): a leader or the supervision office marks it for attention
 * with a note; its state is unchanged. Versioned and audited like a transition.
 */
export async function escalateSupervisionItem(ctx: ServiceContext, id: string, input: unknown): Promise<Row> {
  const e = parseOrThrow(supervisionEscalation, input, "escalation");
  return inTransaction(ctx, async (trx) => {
    const item = await itemAtVersion(trx, id, e.version);
    if (item.state === "verified")
      throw new AppError("conflict", "a signed-off (verified) item cannot be escalated", {
        code: "BAD_TRANSITION",
      });
    const at = ctx.now();
    await trx
      .updateTable(def.table)
      .set({
        escalatedOn: e.date,
        escalatedBy: ctx.actor,
        lastNote: e.note,
        updatedAt: at,
        version: e.version + 1,
      })
      .where("id", "=", id)
      .where("version", "=", e.version)
      .execute();
    const after = (await readRecord(trx, def, id))!;
    await appendAudit(trx, {
      at,
      actor: ctx.actor,
      action: "transition",
      entity: def.name,
      entityId: id,
      before: item,
      after,
    });
    return after;
  });
}
