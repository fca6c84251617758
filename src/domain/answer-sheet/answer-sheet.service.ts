/**
 * The year's answer sheet (交卷) of a task force or of the district, at year end or, as a draft
 * (草稿), at any status date: goals served, indicators against target with their trend turns,
 * milestones, supervision items, extensions granted, the score and rank, and who signs it. Every
 * figure is read off the overview's computation at the same status date (closed-loop.service.ts),
 * so the sheet and the overview cannot disagree.
 */

import type { IsoDate } from "../../engines/index.js";
import type {
  AnswerSheet,
  DistrictAnswerSheet,
  TaskForceAnswerSheet,
} from "../../shared/api/answer-sheet.js";
import type { Settings } from "../../shared/api/settings.js";
import { AppError } from "../../shared/errors.js";
import { LIGHT_COLORS } from "../../vocabulary/index.js";
import { readsEverything } from "../accounts/scope.js";
import { readCascades } from "../cascade/cascade.service.js";
import { listExtensionRequests } from "../chasing/extension.service.js";
import { computeOverview, type OverviewComputation } from "../closed-loop/closed-loop.service.js";
import { asSystem, readerOf, type ServiceContext } from "../context.js";
import { organisationName } from "../documents/dispatch-document.service.js";
import type { Indicator } from "../indicators/indicator.js";
import { namesByIds } from "../org/org.repository.js";
import { actionDayOf, organisationSettings } from "../settings/settings.service.js";
import { getTaskForce } from "../task-forces/task-force.service.js";
import {
  assessmentRow,
  indicatorRowsOf,
  milestoneCounts,
  milestoneRows,
  supervisionCounts,
  supervisionRows,
} from "./answer-sheet-rows.js";

/** Which sheet: one task force (by id or by code), else the district's; at a status date. */
export interface AnswerSheetRequest {
  readonly taskForceId?: string;
  readonly taskForceCode?: string;
  readonly statusDate?: IsoDate;
}

type Extensions = TaskForceAnswerSheet["extensions"];

/**
 * The answer sheet asked for. A task force's is for whoever may read it (404 unknown, 403 another's);
 * the district's for those who read every task force (admins, the supervision office, leaders).
 * Scores and ranks are the whole district's, whoever asks: a task force ranks among all of them.
 */
export async function answerSheet(
  ctx: ServiceContext,
  request: AnswerSheetRequest = {},
): Promise<AnswerSheet> {
  // Refused before anything is computed; a code is resolved among the computed task forces.
  if (request.taskForceId) await getTaskForce(ctx, request.taskForceId);
  else if (request.taskForceCode === undefined) assertReadsDistrict(ctx);
  const comp = await computeOverview(
    asSystem(ctx),
    request.statusDate ? { statusDate: request.statusDate } : {},
  );
  const taskForceId = request.taskForceId ?? (await taskForceByCode(ctx, comp, request.taskForceCode));
  const settings = await organisationSettings(ctx);
  const year = Number(comp.statusDate.slice(0, 4));
  const ids = taskForceId ? [taskForceId] : comp.data.taskForces.map((f) => f.id);
  const extensions = await grantedExtensions(ctx, ids, comp.statusDate, settings);
  const rowsOf = indicatorRowsOf(comp);
  const sheets = await taskForceSheets(ctx, comp, ids, extensions, rowsOf);
  return {
    statusDate: comp.statusDate,
    year,
    draft: comp.statusDate < `${year}-12-31`,
    organisation: await organisationName(ctx),
    taskForce: taskForceId ? sheets[0]! : null,
    district: taskForceId
      ? null
      : { ...districtSheet(comp, sheets, rowsOf), cascade: await districtCascades(ctx, comp.statusDate) },
  };
}

/**
 * The district-level indicators split into shares, each followed by its shares (pre-order): the
 * cascade view's figures at the same status date, so they equal the overview's.
 */
async function districtCascades(
  ctx: ServiceContext,
  statusDate: string,
): Promise<DistrictAnswerSheet["cascade"]> {
  const { nodes } = await readCascades(asSystem(ctx), { statusDate });
  const out: DistrictAnswerSheet["cascade"] = [];
  let keep = false;
  nodes.forEach((n, k) => {
    if (n.depth === 0) keep = n.taskForceId === null && nodes[k + 1]?.depth === 1;
    if (!keep) return;
    out.push({
      indicatorId: n.indicatorId,
      parentId: n.parentId,
      depth: n.depth,
      code: n.code,
      name: n.name,
      unit: n.unit,
      taskForceName: n.taskForceName,
      orgUnitName: n.orgUnitName,
      ownerName: n.ownerName,
      target: n.target,
      plan: n.plan,
      actual: n.actual,
      period: n.period,
      source: n.source,
      difference: n.difference,
      light: n.light,
      trend: n.trend,
    });
  });
  return out;
}

/** Refuses the district's sheet to a caller limited to some task forces (403). */
function assertReadsDistrict(ctx: ServiceContext): void {
  if (ctx.principal && !readsEverything(ctx.principal))
    throw new AppError(
      "FORBIDDEN",
      "the district's answer sheet is for admins, the supervision office and leaders; ask for your task force's",
    );
}

/** The id of the task force with `code` (checked readable); null when no code is given. */
async function taskForceByCode(
  ctx: ServiceContext,
  comp: OverviewComputation,
  code: string | undefined,
): Promise<string | null> {
  if (code === undefined) return null;
  const id = comp.data.taskForces.find((f) => f.code === code)?.id;
  if (!id) throw new AppError("NOT_FOUND", `no task force with code "${code}"`);
  await getTaskForce(ctx, id);
  return id;
}

type IndicatorRows = ReturnType<typeof indicatorRowsOf>;

/** `list` by task force (the district-level records under null). */
function byTaskForce<T extends { readonly taskForceId: string | null }>(
  list: readonly T[],
): Map<string | null, T[]> {
  const out = new Map<string | null, T[]>();
  for (const x of list) {
    const group = out.get(x.taskForceId);
    if (group) group.push(x);
    else out.set(x.taskForceId, [x]);
  }
  return out;
}

/** Each task force's sheet, in the overview's order. */
async function taskForceSheets(
  ctx: ServiceContext,
  comp: OverviewComputation,
  ids: readonly string[],
  extensions: ReadonlyMap<string, Extensions>,
  rowsOf: IndicatorRows,
): Promise<TaskForceAnswerSheet[]> {
  const wanted = new Set(ids);
  const forces = comp.data.taskForces.filter((f) => wanted.has(f.id));
  const leaders = await namesByIds(
    readerOf(ctx),
    "persons",
    forces.flatMap((f) => (f.leadLeaderId ? [f.leadLeaderId] : [])),
  );
  const goals = new Map(comp.goals.map((g) => [g.id, g]));
  const scores = new Map(comp.result.assessment.taskForces.map((s) => [s.id, s]));
  const lights = new Map(comp.result.taskForces.map((t) => [t.taskForceId, t.light]));
  const of = comp.result.assessment.taskForces.length;
  // Grouped once: filtering every record for each of thousands of task forces is quadratic.
  const indicators = byTaskForce<Indicator>(comp.data.indicators);
  const tasks = byTaskForce(comp.data.tasks);
  const items = byTaskForce(comp.data.supervisionItems);
  return forces.map((f) => ({
    taskForceId: f.id,
    code: f.code,
    name: f.name,
    light: lights.get(f.id) ?? "grey",
    goals: f.goalIds.flatMap((g) => {
      const goal = goals.get(g);
      return goal ? [{ id: goal.id, code: goal.code, title: goal.title }] : [];
    }),
    indicators: rowsOf(indicators.get(f.id) ?? []),
    milestones: milestoneRows(tasks.get(f.id) ?? [], comp.statusDate),
    supervision: supervisionRows(items.get(f.id) ?? [], comp.statusDate),
    extensions: extensions.get(f.id) ?? { granted: 0, items: [] },
    assessment: assessmentRow(scores.get(f.id), of),
    signature: {
      personId: f.leadLeaderId,
      name: f.leadLeaderId ? (leaders.get(f.leadLeaderId) ?? null) : null,
    },
  }));
}

/**
 * 延期 granted (approved) in the status date's year up to it, per task force, read through the
 * extension requests' own service; a decision counts on its day in the organisation's zone.
 */
async function grantedExtensions(
  ctx: ServiceContext,
  taskForceIds: readonly string[],
  statusDate: IsoDate,
  settings: Settings,
): Promise<Map<string, Extensions>> {
  const out = new Map<string, Extensions>();
  if (taskForceIds.length === 0) return out;
  const year = statusDate.slice(0, 4);
  const limit = 500;
  for (let offset = 0; ; offset += limit) {
    const page = await listExtensionRequests(ctx, {
      filters: { taskForceId: taskForceIds, state: ["approved"] },
      sort: [{ field: "createdAt", desc: false }],
      limit,
      offset,
    });
    for (const r of page.items) {
      if (!r.decidedAt) continue;
      const grantedOn = actionDayOf(settings, new Date(r.decidedAt));
      if (grantedOn > statusDate || grantedOn.slice(0, 4) !== year) continue;
      const e = out.get(r.taskForceId) ?? { granted: 0, items: [] };
      e.items.push({
        id: r.id,
        taskId: r.taskId,
        taskCode: r.taskCode,
        taskTitle: r.taskTitle,
        from: r.currentDeadline,
        to: r.requestedDeadline,
        grantedOn,
        reason: r.reason,
      });
      out.set(r.taskForceId, { granted: e.items.length, items: e.items });
    }
    if (offset + limit >= page.total) return out;
  }
}

/** The district's sheet: a line per task force, the ranking, totals and the district-level indicators. */
function districtSheet(
  comp: OverviewComputation,
  sheets: readonly TaskForceAnswerSheet[],
  rowsOf: IndicatorRows,
): Omit<DistrictAnswerSheet, "cascade"> {
  const rows = sheets.map((s) => {
    const achieved = s.indicators.flatMap((i) => (i.achievement === null ? [] : [i.achievement]));
    return {
      taskForceId: s.taskForceId,
      code: s.code,
      name: s.name,
      light: s.light,
      indicators: s.indicators.length,
      achievement: achieved.length ? achieved.reduce((a, b) => a + b, 0) / achieved.length : null,
      turns: s.indicators.reduce((n, i) => n + i.turns.length, 0),
      milestones: milestoneCounts(s.milestones.items.map((m) => m.outcome)),
      supervision: supervisionCounts(s.supervision.items, comp.statusDate),
      extensions: s.extensions.granted,
      score: s.assessment.score,
      rank: s.assessment.rank,
      leadLeader: s.signature.name,
    };
  });
  const bySheet = new Map(sheets.map((s) => [s.taskForceId, s]));
  // The assessment lists task forces in rank order, the unscored last.
  const ranking = comp.result.assessment.taskForces.flatMap((score) => {
    const s = bySheet.get(score.id);
    return s
      ? [
          {
            taskForceId: s.taskForceId,
            code: s.code,
            name: s.name,
            score: s.assessment.score,
            rank: s.assessment.rank,
            components: s.assessment.components,
            redLights: s.assessment.redLights,
          },
        ]
      : [];
  });
  const indicators = rowsOf(comp.data.indicators.filter((i) => i.taskForceId === null));
  const all = [...sheets.flatMap((s) => s.indicators), ...indicators];
  // fromEntries over every colour: the record is complete, which its type cannot see.
  const lights = Object.fromEntries(
    LIGHT_COLORS.map((c) => [c, all.filter((i) => i.light === c).length]),
  ) as DistrictAnswerSheet["totals"]["lights"];
  return {
    rows,
    ranking,
    totals: {
      taskForces: rows.length,
      indicators: all.length,
      lights,
      turns: all.reduce((n, i) => n + i.turns.length, 0),
      milestones: milestoneCounts(sheets.flatMap((s) => s.milestones.items.map((m) => m.outcome))),
      supervision: supervisionCounts(
        sheets.flatMap((s) => s.supervision.items),
        comp.statusDate,
      ),
      extensions: rows.reduce((n, r) => n + r.extensions, 0),
    },
    indicators,
    signature: { personId: null, name: null },
  };
}
