import {
  buildWorkCalendar,
  type DispatchIndicator,
  type DispatchInput,
  type DispatchReport,
  type DispatchSection,
  type DispatchSupervisionItem,
  type DispatchTask,
  dispatchReport,
  dispatchReportOf,
  dispatchSections,
  type IsoDate,
  type OverviewIndicator,
} from "../../engines/index.js";
import { AppError } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { isSupportedDate } from "../../vocabulary/index.js";
import { readScope } from "../accounts/scope.js";
import { chasesInWindow, type WindowChases } from "../chasing/chase-counts.js";
import { readerOf, type ServiceContext } from "../context.js";
import { namesByIds } from "../org/org.repository.js";
import { RevisionMemo } from "../read-cache.js";
import { memoReadModel } from "../read-model.js";
import { reminderSettingsOf } from "../reminders/reminder.service.js";
import { calendarOf, organisationSettings, timeZoneOf, todayIn } from "../settings/settings.service.js";
import type { SupervisionItem } from "../supervision/supervision.js";
import { groupByTaskForce, shareIndexOf, shareIndicators, shareKeys, shareOf } from "./closed-loop.input.js";
import type { ClosedLoopData, ClosedLoopTask } from "./closed-loop.repository.js";
import { closedLoopSettingsOf, computeOverview, type OverviewComputation } from "./closed-loop.service.js";
import { type KeptShares, keptSharesOf, shareStamp } from "./kept-shares.js";

/** The dispatch report as `GET /dispatch-report` and `guatu dispatch` give it: the engine's report and display names. */
export interface DispatchReportView extends DispatchReport {
  /** The round setting the report was made under (`off` reports weekly). */
  readonly roundSetting: "weekly" | "monthly" | "off";
  /** 催办 in the current round, per task force and in total, and those unanswered past grace. */
  readonly chases: WindowChases;
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
  options: { statusDate?: IsoDate; taskForceId?: string; whole?: boolean } = {},
): Promise<DispatchReportView> {
  const narrowed = readScope(ctx, options.taskForceId ? [options.taskForceId] : undefined) !== null;
  const comp = await computeOverview(ctx, {
    ...(options.statusDate ? { statusDate: options.statusDate } : {}),
    ...(options.taskForceId ? { taskForceIds: [options.taskForceId] } : {}),
  });
  const { data, result, statusDate } = comp;
  const all = await organisationSettings(ctx);
  const settings = closedLoopSettingsOf(all);
  const calendar = buildWorkCalendar(calendarOf(all), { origin: `${statusDate.slice(0, 4)}-01-01` });
  const units = await namesByIds(
    readerOf(ctx),
    "org_units",
    data.indicators.flatMap((i) => (i.orgUnitId ? [i.orgUnitId] : [])),
  );
  const holders = { timeZone: timeZoneOf(all), fixed: all.statusDate.rule === "fixed", units };
  const base = { statusDate, round: settings.dispatchRound, calendar };
  const stamps = options.whole ? undefined : data.dataStamps;
  const report = stamps
    ? keptSections(ctx, comp, base, holders, {
        stamps,
        narrowed,
        key: JSON.stringify([calendarOf(all), settings.thresholds]),
      })
    : dispatchReport({
        ...base,
        taskForces: data.taskForces.map(dispatchTaskForceOf),
        tasks: data.tasks.map((t) => dispatchTaskOf(t, data.lastReports)),
        taskLights: result.lights.tasks,
        taskForceColors: Object.fromEntries(result.taskForces.map((t) => [t.taskForceId, t.light])),
        supervisionItems: data.supervisionItems.map(dispatchSupervisionOf),
        indicators: dispatchIndicators(comp, data, holders),
      });
  // A status date in 2999's last days: the next round would end in a year the API does not answer.
  const end = report.rounds.next.end;
  if (!isSupportedDate(end))
    throw new AppError("VALIDATION", `statusDate: the round after ${statusDate} would end on ${end}`, [
      ruleDetail("statusDate", "roundOutOfRange", { date: end }),
    ]);
  // 催办 of the round: sent, unanswered, and unanswered past the owner's grace.
  const chases = await chasesInWindow(readerOf(ctx), {
    taskForceIds: data.taskForces.map((f) => f.id),
    from: report.rounds.current.start,
    to: statusDate,
    calendar,
    grace: reminderSettingsOf(all).grace.owner,
  });
  return { ...report, roundSetting: settings.dispatchRound, names: await namesOf(ctx, report), chases };
}

/**
 * The day a reading counts as reported: its entry day, except that under a fixed status date (the
 * organisation works "as of" that day, e.g. the demo) an entry made after it counts on it — else an
 * actual entered today would show 本轮填报 否.
 */
const dayOfEntry = (entered: IsoDate, statusDate: IsoDate, fixed: boolean): IsoDate =>
  fixed && entered > statusDate ? statusDate : entered;

/** How indicators' holders and entry days are named: the organisation's time zone and units. */
interface Holders {
  readonly timeZone: string;
  /** Whether the status date is fixed (entries after it count on it). */
  readonly fixed: boolean;
  readonly units: ReadonlyMap<string, string>;
}

const dispatchTaskForceOf = (f: { id: string; code: string; name: string }) => ({
  id: f.id,
  code: f.code,
  name: f.name,
});

/** A task record → the engine's task. */
function dispatchTaskOf(t: ClosedLoopTask, lastReports: ReadonlyMap<string, string>): DispatchTask {
  return {
    id: t.id,
    taskForceId: t.taskForceId,
    parentId: t.parentId,
    code: t.code,
    title: t.title,
    status: t.status,
    completion: t.completion,
    percent: t.percent,
    deadline: t.deadline,
    actualStart: t.actualStart,
    actualFinish: t.actualFinish,
    lastReportDate: lastReports.get(t.id) ?? null,
    responsibleUnitId: t.responsibleUnitId,
    responsiblePersonId: t.responsiblePersonId,
  };
}

/** A supervision item record → the engine's item. */
function dispatchSupervisionOf(s: SupervisionItem): DispatchSupervisionItem {
  return {
    id: s.id,
    code: s.code,
    taskForceId: s.taskForceId,
    taskId: s.taskId,
    state: s.state,
    issue: s.issue,
    raisedOn: s.raisedOn,
    submittedOn: s.submittedOn,
    verifiedOn: s.verifiedOn,
    dueDate: s.dueDate,
  };
}

/**
 * Indicators with the overview's latest reading, trend and light, and the day (in the organisation's
 * time zone) that reading was entered — what tells a reading of this round from an older one.
 */
function dispatchIndicators(
  comp: OverviewComputation,
  data: Pick<ClosedLoopData, "taskForces" | "indicators" | "readings">,
  { timeZone, fixed, units }: Holders,
  progressOf: ReadonlyMap<string, OverviewIndicator> = new Map(
    comp.result.indicators.map((i) => [i.indicatorId, i]),
  ),
): DispatchIndicator[] {
  const forces = new Map(data.taskForces.map((f) => [f.id, f.name]));
  // When the latest reading of each indicator was entered (the last such record, as a Map keeps it).
  const reportedAt = new Map<string, string>();
  for (const r of data.readings)
    if (progressOf.get(r.indicatorId)?.progress.reading?.period === r.period)
      reportedAt.set(r.indicatorId, r.reportedAt);
  // The day of an instant in the zone, once per instant: readings entered together share theirs.
  const days = new Map<string, IsoDate>();
  const dayOf = (at: string) => {
    const kept = days.get(at);
    if (kept !== undefined) return kept;
    const day = dayOfEntry(todayIn(timeZone, new Date(at)), comp.statusDate, fixed);
    days.set(at, day);
    return day;
  };
  return data.indicators.map((i): DispatchIndicator => {
    const o = progressOf.get(i.id)!;
    const reading = o.progress.reading;
    const at = reading ? reportedAt.get(i.id) : undefined;
    return {
      id: i.id,
      taskForceId: i.taskForceId,
      code: i.code,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      direction: i.direction,
      target: i.target,
      reading: reading ? { period: reading.period, actual: reading.actual } : null,
      reportedOn: at ? dayOf(at) : null,
      trend: o.trend,
      color: o.progress.light.color,
      workProgress: o.progress.workProgress,
      timeProgress: o.progress.timeProgress,
      parentId: i.parentId,
      holder:
        (i.orgUnitId ? units.get(i.orgUnitId) : undefined) ??
        (i.taskForceId ? forces.get(i.taskForceId) : undefined) ??
        i.code,
    };
  });
}

/** One task force's section and its indicators as the report lists them. */
interface KeptSection {
  /** None for the district-level indicators, which have no section. */
  readonly section: DispatchSection | undefined;
  readonly indicators: readonly DispatchIndicator[];
}

const keptSectionsOf = new WeakMap<object, KeptShares<KeptSection>>();

/** Sections made and reused so far (tests, diagnostics). */
export function dispatchSectionStats(database: object): { computed: number; reused: number } {
  const stats = keptSectionsOf.get(database)?.stats ?? { computed: 0, reused: 0 };
  return { computed: stats.computed, reused: stats.reused };
}

/**
 * The report from each task force's section, kept per database until its records change (the
 * snapshot's data stamps, as the overview's parts are), so the report after one write makes one
 * section, not 2,000. The district-level indicators (the cascade spans task forces), the total and
 * the key points are made every time (`dispatchReportOf`).
 */
function keptSections(
  ctx: ServiceContext,
  comp: OverviewComputation,
  base: Pick<DispatchInput, "statusDate" | "round" | "calendar">,
  holders: Holders,
  view: { stamps: ReadonlyMap<string, number>; narrowed: boolean; key: string },
): DispatchReport {
  const { data, result } = comp;
  const kept = keptSharesOf(keptSectionsOf, ctx.database);
  const key = JSON.stringify([base.statusDate, base.round, view.key, holders.timeZone, holders.fixed]);
  // The names of a share's units: the same in any view.
  const unitsOf = (tf: string) =>
    shareIndicators(data, tf)
      .map((i) => (i.orgUnitId ? (holders.units.get(i.orgUnitId) ?? "") : ""))
      .join("\u0001");
  const index = shareIndexOf(data);
  // Built once, on the first section to make.
  let lights: Map<string, DispatchInput["taskLights"][number][]> | undefined;
  let progressOf: Map<string, OverviewIndicator> | undefined;
  const colors = new Map(result.taskForces.map((t) => [t.taskForceId, t.light]));
  const sections: DispatchSection[] = [];
  const indicators: (readonly DispatchIndicator[])[] = [];
  const keys = shareKeys(data);
  for (const tf of keys) {
    // A renamed unit renames its indicators' holder: its units' names are part of the key.
    const entry = kept.get(tf, shareStamp(view, tf), `${key}\u0000${unitsOf(tf)}`, () => {
      const share = shareOf(data, tf, index);
      progressOf ??= new Map(result.indicators.map((i) => [i.indicatorId, i]));
      const mine = dispatchIndicators(comp, share, holders, progressOf);
      if (tf === "") return { section: undefined, indicators: mine };
      lights ??= groupByTaskForce(result.lights.tasks);
      const color = colors.get(tf);
      const [section] = dispatchSections({
        ...base,
        taskForces: share.taskForces.map(dispatchTaskForceOf),
        tasks: share.tasks.map((t) => dispatchTaskOf(t, data.lastReports)),
        taskLights: lights.get(tf) ?? [],
        taskForceColors: color ? { [tf]: color } : {},
        supervisionItems: share.supervisionItems.map(dispatchSupervisionOf),
        indicators: mine,
      });
      return { section, indicators: mine };
    });
    if (entry.section) sections.push(entry.section);
    indicators.push(entry.indicators);
  }
  if (!view.narrowed) kept.forgetGone(keys);
  return dispatchReportOf({ ...base, indicators: indicators.flat() }, sections);
}

/** Names of the units and persons the report's task lists name (one query each). */
async function namesOf(ctx: ServiceContext, report: DispatchReport) {
  const db = readerOf(ctx);
  const unitIds = new Set<string>();
  const personIds = new Set<string>();
  for (const s of report.taskForces)
    for (const list of [s.completed, s.due, s.overdue, s.noReport, s.red, s.yellow])
      for (const e of list) {
        if (e.responsibleUnitId) unitIds.add(e.responsibleUnitId);
        if (e.responsiblePersonId) personIds.add(e.responsiblePersonId);
      }
  return {
    units: Object.fromEntries(await namesByIds(db, "org_units", [...unitIds])),
    persons: Object.fromEntries(await namesByIds(db, "persons", [...personIds])),
  };
}

const keptReports = new WeakMap<object, RevisionMemo<DispatchReportView>>();

/**
 * The report of every task force the caller may read, made once per data revision, status date and
 * reader: the whole report and every page of its summary share it.
 */
export function keptDispatchReport(ctx: ServiceContext, statusDate?: IsoDate): Promise<DispatchReportView> {
  let memo = keptReports.get(ctx.database);
  if (!memo) {
    memo = new RevisionMemo(4);
    keptReports.set(ctx.database, memo);
  }
  return memoReadModel(ctx, memo, { name: "dispatch", statusDate }, (at) =>
    dispatchReportView(ctx, { statusDate: at }),
  );
}

/** How many entries of a growing list the summary keeps (the worst first, as the report orders them). */
const SUMMARY_KEEPS = 50;

/** The dispatch report's summary (see `dispatchReportSummary` in the API): counts for every task force, lists cut. */
export async function dispatchSummaryView(
  ctx: ServiceContext,
  options: { statusDate?: IsoDate; limit: number; offset: number },
) {
  const r = await keptDispatchReport(ctx, options.statusDate);
  const page = r.taskForces.slice(options.offset, options.offset + options.limit);
  const districtFirst = [...r.cascade].sort(
    (a, b) => Number(a.taskForceId !== null) - Number(b.taskForceId !== null),
  );
  return {
    ...r,
    taskForces: page.map((f) => ({
      taskForceId: f.taskForceId,
      code: f.code,
      name: f.name,
      color: f.color,
      summary: f.summary,
    })),
    cascade: districtFirst.slice(0, SUMMARY_KEEPS),
    chases: {
      total: r.chases.total,
      byTaskForce: Object.fromEntries(
        page.flatMap((f) => {
          const c = r.chases.byTaskForce[f.taskForceId];
          return c ? [[f.taskForceId, c]] : [];
        }),
      ),
      unanswered: r.chases.unanswered.slice(0, SUMMARY_KEEPS),
    },
    cut: {
      taskForces: r.taskForces.length,
      cascade: r.cascade.length,
      unansweredChases: r.chases.unanswered.length,
    },
  };
}
