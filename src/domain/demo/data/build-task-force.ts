import type { DemoDataset, PlantedGap } from "../demo-dataset.js";
import { slotDate, slotOnOrBefore } from "./calendar.js";
import { ownerlessPersons } from "./org.js";
import { mulberry32, pick } from "./prng.js";
import { reportsFor } from "./reports.js";
import { type LeafPlan, parseLink, planLeaves } from "./schedule-rows.js";
import type { IndicatorSpec, TaskForceSpec, TaskRow } from "./types.js";

type Seeds<K extends keyof DemoDataset> = DemoDataset[K] extends readonly (infer T)[] ? T[] : never;
type TaskSeed = Seeds<"tasks">[number];
type PersonSeed = Seeds<"persons">[number];

/** Everything one task force contributes to the dataset. */
export interface TaskForceSeeds {
  readonly taskForce: Seeds<"taskForces">[number];
  readonly members: Seeds<"members">;
  readonly tasks: TaskSeed[];
  readonly dependencies: Seeds<"dependencies">;
  readonly indicators: Seeds<"indicators">;
  readonly readings: Seeds<"readings">;
  readonly progressReports: Seeds<"progressReports">;
  readonly plantedGaps: PlantedGap[];
}

/** Shared context: the status date, people by id and who owns the next task in each unit. */
export interface BuildContext {
  readonly statusDate: string;
  readonly persons: ReadonlyMap<string, PersonSeed>;
  /** Round-robin cursor per unit, so owners spread over a unit's section chiefs. */
  readonly cursor: Map<string, number>;
}

export const startDate = "2022-07-01";

const taskId = (tf: string, c: string) => `t-${tf}-${c}`;
const parentCode = (c: string) => (c.includes(".") ? c.slice(0, c.lastIndexOf(".")) : null);

function ownerOf(ctx: BuildContext, unit: string, summary: boolean): string {
  if (summary) return `p-${unit}-2`;
  const pool = [3, 4, 5]
    .map((i) => `p-${unit}-${i}`)
    .filter((id) => ctx.persons.has(id) && !ownerlessPersons.has(id));
  const n = ctx.cursor.get(unit) ?? 0;
  ctx.cursor.set(unit, n + 1);
  return pool[n % pool.length] ?? `p-${unit}-2`;
}

/** Share of a baseline's working days on or before the status date, in percent. */
export function plannedPercent(plan: LeafPlan, statusDate: string): number {
  const t = slotOnOrBefore(statusDate);
  const d = plan.end - plan.start;
  if (d === 0) return plan.baselineFinish <= statusDate ? 100 : 0;
  return (Math.min(Math.max(t - plan.start + 1, 0), d) / d) * 100;
}

/** State of a leaf at the status date from its baseline and the row's override. */
function leafState(row: TaskRow, plan: LeafPlan, ctx: BuildContext, rand: () => number) {
  const t = ctx.statusDate;
  const planned = plannedPercent(plan, t);
  const inProgress = (percent: number, actualStart: string) =>
    ({ status: "in_progress", percent, actualStart, actualFinish: null }) as const;
  const notStarted = { status: "not_started", percent: 0, actualStart: null, actualFinish: null } as const;
  switch (row.s) {
    case "idle":
      return notStarted;
    case "late":
      return inProgress(85, plan.baselineStart);
    case "early":
      return inProgress(10, slotDate(slotOnOrBefore(t) - 3));
    case "b15":
    case "b25":
      return inProgress(Math.max(5, Math.round(planned) - (row.s === "b15" ? 15 : 25)), plan.baselineStart);
  }
  if (plan.end - plan.start === 0) {
    return plan.baselineFinish < t
      ? ({
          status: "done",
          percent: 100,
          actualStart: plan.baselineFinish,
          actualFinish: plan.baselineFinish,
        } as const)
      : notStarted;
  }
  if (plan.baselineFinish < t) {
    const early = plan.end - plan.start > 3 && rand() < 0.3 ? 1 : 0;
    const finish = slotDate(plan.end - 1 - early);
    return { status: "done", percent: 100, actualStart: plan.baselineStart, actualFinish: finish } as const;
  }
  if (plan.baselineStart <= t) {
    const lag = pick(rand, [0, 0, 2, 4, 5, -3]);
    return inProgress(Math.min(99, Math.max(1, Math.round(planned) - lag)), plan.baselineStart);
  }
  return notStarted;
}

/** Builds one task force's records from its spec. */
export function buildTaskForce(spec: TaskForceSpec, ctx: BuildContext): TaskForceSeeds {
  const tf = spec.code;
  const tfId = `tf-${tf}`;
  const deadline = spec.deadline ?? "2022-12-31";
  const rand = mulberry32(Number(tf) * 7919);
  const rows = spec.tasks;
  const codes = new Set(rows.map((r) => r.c));
  const hasChildren = new Set(rows.map((r) => parentCode(r.c)).filter((c): c is string => c !== null));
  for (const r of rows) {
    const p = parentCode(r.c);
    if (p !== null && !codes.has(p)) throw new Error(`${tf}.${r.c}: parent ${p} missing`);
    if (hasChildren.has(r.c) === (r.d !== undefined))
      throw new Error(`${tf}.${r.c}: leaf needs d, summary must not have one`);
  }
  const plans = planLeaves(rows, startDate, deadline);
  const tasks = new Map<string, TaskSeed>();
  const gaps: PlantedGap[] = [];
  for (const row of rows) {
    const unit = row.u ?? spec.leadUnit;
    const personId = row.p ?? ownerOf(ctx, unit, row.d === undefined);
    const person = ctx.persons.get(personId);
    if (!person) throw new Error(`${tf}.${row.c}: unknown person ${personId}`);
    const plan = plans.get(row.c);
    const base: TaskSeed = {
      id: taskId(tf, row.c),
      taskForceId: tfId,
      parentId: parentCode(row.c) === null ? null : taskId(tf, parentCode(row.c) as string),
      code: `${tf}.${row.c}`,
      title: row.t,
      description: null,
      goalId: parentCode(row.c) === null ? (spec.goalIds[0] ?? null) : null,
      responsibleUnitId: `ou-${unit}`,
      responsiblePersonId: personId,
      responsiblePost: person.post ?? null,
      coUnitIds: (row.co ?? []).map((k) => `ou-${k}`),
      duration: row.d ?? null,
      notBefore: row.s === "early" ? null : (row.from ?? null),
      acceptance: row.a,
      weight: row.w ?? 0,
      ...(plan
        ? {
            deadline: plan.deadline,
            baselineStart: plan.baselineStart,
            baselineFinish: plan.baselineFinish,
            ...leafState(row, plan, ctx, rand),
          }
        : {}),
    };
    tasks.set(row.c, base);
  }
  rollUpSummaries(rows, tasks);
  for (const row of rows) {
    if (!row.gap) continue;
    const task = tasks.get(row.c) as TaskSeed;
    const blanked: TaskSeed = { ...task };
    for (const field of row.gap.blank) blanked[field] = null;
    tasks.set(row.c, blanked);
    gaps.push({ taskForceCode: tf, taskCode: task.code, check: row.gap.check, what: row.gap.what });
  }
  if (spec.weightGap)
    gaps.push({ taskForceCode: tf, taskCode: null, check: "assessable", what: spec.weightGap });
  const dependencies = rows.flatMap((row) =>
    (row.after ?? []).map(parseLink).map((l) => ({
      id: `dep-${tf}-${l.from}-${row.c}`,
      predecessorId: taskId(tf, l.from),
      successorId: taskId(tf, row.c),
      type: l.type,
      lag: l.lag,
    })),
  );
  const taskList = rows.map((r) => tasks.get(r.c) as TaskSeed);
  const indicators = spec.indicators.map((ind, i) => indicatorSeed(spec, ind, i + 1));
  const readings = spec.indicators.flatMap((ind, i) => readingSeeds(spec, ind, i + 1));
  const progressReports = reportsFor(rows, taskList, ctx.statusDate);
  return {
    taskForce: {
      id: tfId,
      code: tf,
      name: spec.name,
      goalIds: [...spec.goalIds],
      leadLeaderId: spec.leader,
      leadUnitId: `ou-${spec.leadUnit}`,
      coUnitIds: spec.coUnits.map((k) => `ou-${k}`),
      objective: spec.objective,
      scope: spec.scope,
      measures: spec.measures,
      guarantees: spec.guarantees,
      startDate,
      deadline,
      status: "active",
    },
    members: membersOf(spec, taskList, indicators, ctx),
    tasks: taskList,
    dependencies,
    indicators,
    readings,
    progressReports,
    plantedGaps: gaps,
  };
}

/** Summary tasks take their children's span, weight and duration-weighted progress. */
function rollUpSummaries(rows: readonly TaskRow[], tasks: Map<string, TaskSeed>): void {
  for (const row of [...rows].reverse()) {
    if (row.d !== undefined) continue;
    const kids = rows.filter((r) => parentCode(r.c) === row.c).map((r) => tasks.get(r.c) as TaskSeed);
    const min = (xs: (string | null | undefined)[]) => xs.filter((x): x is string => !!x).sort()[0] ?? null;
    const max = (xs: (string | null | undefined)[]) =>
      xs
        .filter((x): x is string => !!x)
        .sort()
        .at(-1) ?? null;
    const span = kids.map((k) => Math.max(1, k.duration ?? 1));
    const total = span.reduce((a, b) => a + b, 0);
    const percent = Math.round(kids.reduce((a, k, i) => a + (k.percent ?? 0) * (span[i] ?? 1), 0) / total);
    const allDone = kids.every((k) => k.status === "done");
    const task = tasks.get(row.c) as TaskSeed;
    tasks.set(row.c, {
      ...task,
      weight: kids.reduce((a, k) => a + (k.weight ?? 0), 0),
      deadline: row.dl ?? max(kids.map((k) => k.deadline)),
      baselineStart: min(kids.map((k) => k.baselineStart)),
      baselineFinish: max(kids.map((k) => k.baselineFinish)),
      actualStart: min(kids.map((k) => k.actualStart)),
      actualFinish: allDone ? max(kids.map((k) => k.actualFinish)) : null,
      percent: allDone ? 100 : percent,
      status: allDone ? "done" : kids.some((k) => k.status !== "not_started") ? "in_progress" : "not_started",
    });
  }
}

function indicatorSeed(spec: TaskForceSpec, ind: IndicatorSpec, n: number): Seeds<"indicators">[number] {
  return {
    id: `ind-${spec.code}-${n}`,
    taskForceId: `tf-${spec.code}`,
    taskId: ind.task ? taskId(spec.code, ind.task) : null,
    code: `ZB${spec.code}-${n}`,
    name: ind.name,
    unit: ind.unit,
    kind: ind.kind,
    direction: ind.dir ?? "up",
    year: 2022,
    baseline: ind.baseline,
    target: ind.target,
    monthlyPlan: ind.plan ? Object.fromEntries(ind.plan.map((v, i) => [month(i), v])) : null,
    ownerPersonId: ind.owner ?? spec.lead,
    note: ind.note ?? null,
  };
}

const month = (i: number) => `2022-${String(i + 1).padStart(2, "0")}`;

function readingSeeds(spec: TaskForceSpec, ind: IndicatorSpec, n: number): Seeds<"readings"> {
  return ind.series.map((actual, i) => ({
    id: `rd-${spec.code}-${n}-${month(i)}`,
    indicatorId: `ind-${spec.code}-${n}`,
    period: month(i),
    actual,
    note: ind.notes?.[i] ?? null,
    reportedById: ind.owner ?? spec.lead,
  }));
}

/** Lead leader, lead, liaison, then every owner of a task or indicator, each once. */
function membersOf(
  spec: TaskForceSpec,
  tasks: readonly TaskSeed[],
  indicators: Seeds<"indicators">,
  ctx: BuildContext,
): Seeds<"members"> {
  const tf = `tf-${spec.code}`;
  const seen = new Set<string>();
  const out: Seeds<"members"> = [];
  const add = (
    personId: string,
    post: string,
    role: Seeds<"members">[number]["role"],
    duties: string | null,
  ) => {
    if (seen.has(personId)) return;
    seen.add(personId);
    out.push({ id: `m-${spec.code}-${out.length + 1}`, taskForceId: tf, personId, post, role, duties });
  };
  add(spec.leader, "专班组长", "lead_leader", "牵头领导，统筹专班全面工作，主持专班调度会。");
  add(
    spec.lead,
    "专班副组长、专班办公室主任",
    "lead",
    "专班牵头人，编制任务书和作战图，组织周调度、月通报。",
  );
  add(spec.liaison, "专班联络员", "liaison", "收集报送进展和指标数据，对接督查室。");
  for (const [id, duties] of spec.extraMembers ?? []) {
    add(id, `专班成员（${ctx.persons.get(id)?.post ?? "成员"}）`, "member", duties);
  }
  const owners = [...tasks.map((t) => t.responsiblePersonId), ...indicators.map((i) => i.ownerPersonId)];
  for (const id of owners) {
    if (!id) continue;
    const person = ctx.persons.get(id);
    add(id, `专班成员（${person?.post ?? "成员"}）`, "member", "负责所承担任务和指标的推进、报送。");
  }
  return out;
}
