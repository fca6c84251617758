import type { IsoDate } from "../../engines/index.js";
import { AppError } from "../../shared/errors.js";
import { assertOrganisationWide } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { asSystem, readerOf, type ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import { write } from "../records/transaction.js";
import { assessmentPage, findAssessment, insertAssessment } from "./assessment.repository.js";
import { computeOverview } from "./closed-loop.service.js";
import { namedScores } from "./overview-view.js";

/**
 * Takes a dated assessment snapshot of the whole organisation: scores and ranks of task forces,
 * units and persons at `statusDate` (default: the organisation's), stored and audited.
 */
export function takeAssessment(ctx: ServiceContext, options: { statusDate?: IsoDate } = {}) {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    // Everyone is scored, whatever the caller reads.
    const system = asSystem(w);
    const comp = await computeOverview(system, options);
    const body = await namedScores(system, comp);
    const snapshot = {
      id: newId(),
      takenAt: w.now(),
      takenBy: w.actor,
      statusDate: comp.statusDate,
      ...body,
    };
    await insertAssessment(w.uow.db, {
      id: snapshot.id,
      takenAt: snapshot.takenAt,
      takenBy: snapshot.takenBy,
      statusDate: snapshot.statusDate,
      body: JSON.stringify(body),
    });
    const summary = {
      statusDate: snapshot.statusDate,
      ranking: body.taskForces.map((t) => ({ id: t.id, score: t.score, rank: t.rank })),
    };
    await appendAudit(w, {
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
  return { ...(await assessmentPage(readerOf(ctx), limit, offset)), limit, offset };
}

/** One snapshot; 404 when unknown. */
export async function getAssessment(ctx: ServiceContext, id: string) {
  const snapshot = await findAssessment(readerOf(ctx), id);
  if (!snapshot) throw new AppError("NOT_FOUND", `no assessment with id "${id}"`);
  return snapshot;
}
