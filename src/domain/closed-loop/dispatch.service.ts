import {
  buildWorkCalendar,
  type DispatchIndicator,
  type DispatchReport,
  type DispatchSupervisionItem,
  type DispatchTask,
  dispatchReport,
  type IsoDate,
} from "../../engines/index.js";
import type { ServiceContext } from "../context.js";
import type { Row } from "../resource/resource-def.js";
import { getSetting } from "../settings/settings.repository.js";
import {
  DEFAULT_TIME_ZONE,
  organisationCalendar,
  type StatusDateRule,
  todayIn,
} from "../settings/settings.service.js";
import { closedLoopSettings, computeOverview, type OverviewComputation } from "./closed-loop.service.js";

/** The dispatch report as `GET /dispatch-report` and `guatu dispatch` give it: the engine's report and display names. */
export interface DispatchReportView extends DispatchReport {
  /** The round setting the report was made under (`off` reports weekly). */
  readonly roundSetting: "weekly" | "monthly" | "off";
  /** Names of the org units and persons the lists refer to, by id. */
  readonly names: { readonly units: Record<string, string>; readonly persons: Record<string, string> };
}

/**
 * The dispatch report (调度报告) at `statusDate` (default: the organisation's) for every task force
 * the caller may read, or only `taskForceId`. Reads through the overview, so lights, reasons and trend
 * stages are the ones the overview shows; days are working days on the organisation's calendar.
 */
export async function dispatchReportView(
  ctx: ServiceContext,
  options: { statusDate?: IsoDate; taskForceId?: string } = {},
): Promise<DispatchReportView> {
  const db = ctx.trx ?? ctx.database.db;
  const comp = await computeOverview(ctx, {
    ...(options.statusDate ? { statusDate: options.statusDate } : {}),
    ...(options.taskForceId ? { taskForceIds: [options.taskForceId] } : {}),
  });
  const { data, result, statusDate } = comp;
  const settings = await closedLoopSettings(ctx);
  const calendar = buildWorkCalendar(await organisationCalendar(db), {
    origin: `${statusDate.slice(0, 4)}-01-01`,
  });
  const rule = await getSetting<StatusDateRule>(db, "statusDate");
  const timeZone = (rule?.rule === "today" && rule.timeZone) || DEFAULT_TIME_ZONE;
  const report = dispatchReport({
    statusDate,
    round: settings.dispatchRound,
    calendar,
    taskForces: data.taskForces.map((f) => ({
      id: f.id as string,
      code: f.code as string,
      name: f.name as string,
    })),
    tasks: data.tasks.map((t) => dispatchTaskOf(t, data.lastReports)),
    taskLights: result.lights.tasks,
    taskForceColors: Object.fromEntries(result.taskForces.map((t) => [t.taskForceId, t.light])),
    supervisionItems: data.supervisionItems.map(dispatchSupervisionOf),
    indicators: dispatchIndicators(comp, timeZone),
  });
  return { ...report, roundSetting: settings.dispatchRound, names: await namesOf(ctx, report) };
}

/** A task record → the engine's task. */
function dispatchTaskOf(t: Row, lastReports: ReadonlyMap<string, string>): DispatchTask {
  return {
    id: t.id as string,
    taskForceId: t.taskForceId as string,
    parentId: (t.parentId as string | null) ?? null,
    code: t.code as string,
    title: t.title as string,
    status: t.status as DispatchTask["status"],
    percent: t.percent as number,
    deadline: (t.deadline as string | null) ?? null,
    actualStart: (t.actualStart as string | null) ?? null,
    actualFinish: (t.actualFinish as string | null) ?? null,
    lastReportDate: lastReports.get(t.id as string) ?? null,
    responsibleUnitId: (t.responsibleUnitId as string | null) ?? null,
    responsiblePersonId: (t.responsiblePersonId as string | null) ?? null,
  };
}

/** A supervision item record → the engine's item. */
function dispatchSupervisionOf(s: Row): DispatchSupervisionItem {
  return {
    id: s.id as string,
    code: s.code as string,
    taskForceId: s.taskForceId as string,
    taskId: (s.taskId as string | null) ?? null,
    state: s.state as DispatchSupervisionItem["state"],
    issue: s.issue as string,
    raisedOn: s.raisedOn as string,
    submittedOn: (s.submittedOn as string | null) ?? null,
    verifiedOn: (s.verifiedOn as string | null) ?? null,
    dueDate: s.dueDate as string,
  };
}

/**
 * Indicators with the overview's latest reading, trend and light, and the day (in the organisation's
 * time zone) that reading was entered — what tells a reading of this round from an older one.
 */
function dispatchIndicators(comp: OverviewComputation, timeZone: string): DispatchIndicator[] {
  const { data, result } = comp;
  const reportedAt = new Map(
    data.readings.map((r) => [`${r.indicatorId}|${r.period}`, r.reportedAt as string]),
  );
  const progressOf = new Map(result.indicators.map((i) => [i.indicatorId, i]));
  return data.indicators.map((i): DispatchIndicator => {
    const o = progressOf.get(i.id as string)!;
    const reading = o.progress.reading;
    const at = reading ? reportedAt.get(`${i.id}|${reading.period}`) : undefined;
    return {
      id: i.id as string,
      taskForceId: i.taskForceId as string,
      code: i.code as string,
      name: i.name as string,
      unit: i.unit as string,
      kind: i.kind as DispatchIndicator["kind"],
      direction: i.direction as DispatchIndicator["direction"],
      target: i.target as number,
      reading: reading ? { period: reading.period, actual: reading.actual } : null,
      reportedOn: at ? todayIn(timeZone, new Date(at)) : null,
      trend: o.trend,
      color: o.progress.light.color,
      workProgress: o.progress.workProgress,
      timeProgress: o.progress.timeProgress,
    };
  });
}

/** Names of the units and persons the report's task lists name (one query each). */
async function namesOf(ctx: ServiceContext, report: DispatchReport) {
  const db = ctx.trx ?? ctx.database.db;
  const unitIds = new Set<string>();
  const personIds = new Set<string>();
  for (const s of report.taskForces)
    for (const list of [s.completed, s.due, s.overdue, s.noReport, s.red, s.yellow])
      for (const e of list) {
        if (e.responsibleUnitId) unitIds.add(e.responsibleUnitId);
        if (e.responsiblePersonId) personIds.add(e.responsiblePersonId);
      }
  const pick = async (table: "org_units" | "persons", ids: Set<string>) =>
    ids.size === 0
      ? {}
      : Object.fromEntries(
          (
            await db
              .selectFrom(table)
              .select(["id", "name"])
              .where("id", "in", [...ids])
              .execute()
          ).map((r) => [r.id as string, r.name as string]),
        );
  return { units: await pick("org_units", unitIds), persons: await pick("persons", personIds) };
}
