import type { IsoDate } from "../../engines/index.js";
import { AppError } from "../../shared/errors.js";
import { appendAudit } from "../audit/audit.repository.js";
import type { ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import { inTransaction } from "../resource/resource.service.js";
import { computeOverview } from "./closed-loop.service.js";
import { namedScores } from "./overview-view.js";

/**
 * Takes a dated assessment snapshot of the whole organisation: scores and ranks of task forces,
 * units and persons at `statusDate` (default: the organisation's), stored and audited.
 */
export async function takeAssessment(ctx: ServiceContext, options: { statusDate?: IsoDate } = {}) {
  return inTransaction(ctx, async (trx) => {
    const c = { ...ctx, trx, principal: undefined };
    const comp = await computeOverview(c, options);
    const body = await namedScores(c, comp);
    const snapshot = {
      id: newId(),
      takenAt: ctx.now(),
      takenBy: ctx.actor,
      statusDate: comp.statusDate,
      ...body,
    };
    await trx
      .insertInto("assessments")
      .values({
        id: snapshot.id,
        takenAt: snapshot.takenAt,
        takenBy: snapshot.takenBy,
        statusDate: snapshot.statusDate,
        body: JSON.stringify(body),
      })
      .execute();
    const summary = {
      statusDate: snapshot.statusDate,
      ranking: body.taskForces.map((t) => ({ id: t.id, score: t.score, rank: t.rank })),
    };
    await appendAudit(trx, {
      at: snapshot.takenAt,
      actor: ctx.actor,
      action: "create",
      entity: "assessment",
      entityId: snapshot.id,
      before: null,
      after: summary,
    });
    return snapshot;
  });
}

/** Snapshots, newest status date first (with their bodies, for month-to-month comparison). */
export async function listAssessments(ctx: ServiceContext, limit: number, offset: number) {
  const db = ctx.trx ?? ctx.database.db;
  const total = Number(
    (
      await db
        .selectFrom("assessments")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await db
    .selectFrom("assessments")
    .selectAll()
    .orderBy("statusDate", "desc")
    .orderBy("takenAt", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return { items: rows.map(fromRow), total, limit, offset };
}

/** One snapshot; 404 when unknown. */
export async function getAssessment(ctx: ServiceContext, id: string) {
  const row = await (ctx.trx ?? ctx.database.db)
    .selectFrom("assessments")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new AppError("not_found", `no assessment with id "${id}"`);
  return fromRow(row);
}

function fromRow(r: Record<string, unknown>) {
  return {
    id: r.id,
    takenAt: r.takenAt,
    takenBy: r.takenBy,
    statusDate: r.statusDate,
    ...JSON.parse(r.body as string),
  };
}
