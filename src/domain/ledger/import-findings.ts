/**
 * What the schedule and the five-ization check say about the task forces an import wrote: shown with
 * the import's outcome, so a ledger that imports cleanly but leaves tasks without an owner or a plan
 * that cannot be placed is seen at once, not at the next dispatch.
 */
import { checkFiveIzation } from "../../engines/check/check-five-ization.js";
import { checkInputOf } from "../closed-loop/closed-loop.input.js";
import { closedLoopData } from "../closed-loop/closed-loop.snapshot.js";
import { afterWrite, type ServiceContext } from "../context.js";
import { schedulesAt } from "../schedule/schedule-read-model.js";
import { organisationStatusDate } from "../settings/settings.service.js";

/** The findings listed in full; the rest are counted. */
const LISTED = 200;

export interface ImportFindings {
  /** Task forces checked (those the import wrote to). */
  readonly taskForces: number;
  readonly total: number;
  readonly byCode: Readonly<Record<string, number>>;
  readonly items: readonly {
    readonly taskForceCode: string | null;
    readonly wbs: string | null;
    readonly code: string;
    readonly text: { readonly zh: string; readonly en: string };
  }[];
  /** Task forces whose plan the schedule cannot place, with its reason. */
  readonly unscheduled: readonly { readonly taskForceCode: string; readonly message: string }[];
}

/** Runs the schedule and the five-ization check over `taskForceIds` as they now stand. */
export async function importFindings(
  ctx: ServiceContext,
  taskForceIds: readonly string[],
): Promise<ImportFindings> {
  const reader = afterWrite(ctx);
  const data = await closedLoopData(reader, taskForceIds);
  const result = checkFiveIzation(checkInputOf(data));
  const code = new Map(data.taskForces.map((t) => [t.id, t.code]));
  const schedules = await schedulesAt(reader, taskForceIds, await organisationStatusDate(reader));
  const unscheduled = [...schedules].flatMap(([id, s]) =>
    s.run.error ? [{ taskForceCode: code.get(id) ?? id, message: s.run.error }] : [],
  );
  return {
    taskForces: taskForceIds.length,
    total: result.findings.length,
    byCode: { ...result.summary.byCode },
    items: result.findings.slice(0, LISTED).map((f) => ({
      taskForceCode: f.taskForceCode,
      wbs: f.wbs,
      code: f.code,
      text: { zh: f.text.zh, en: f.text.en },
    })),
    unscheduled,
  };
}
