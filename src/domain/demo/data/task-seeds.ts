import type { PlantedGap } from "../demo-dataset.js";
import { indicatorId } from "./indicator-seeds.js";
import { ownerlessPersons } from "./org.js";
import { mulberry32 } from "./prng.js";
import { parseLink, planLeaves } from "./schedule-rows.js";
import { type BuildContext, parentCode, type Seeds, startDate, type TaskSeed, taskId } from "./seeds.js";
import { leafState } from "./task-state.js";
import type { TaskForceSpec, TaskRow } from "./types.js";

/** Picks a task's owner: a summary goes to the unit's deputy head, leaves to its section chiefs in turn. */
function ownerOf(ctx: BuildContext, unit: string, summary: boolean): string {
  if (summary) return `p-${unit}-2`;
  const pool = [3, 4, 5]
    .map((i) => `p-${unit}-${i}`)
    .filter((id) => ctx.persons.has(id) && !ownerlessPersons.has(id));
  const n = ctx.cursor.get(unit) ?? 0;
  ctx.cursor.set(unit, n + 1);
  return pool[n % pool.length] ?? `p-${unit}-2`;
}

/** Throws on a WBS row without its parent, a leaf without `d` or a summary with one. */
function checkRows(tf: string, rows: readonly TaskRow[]): void {
  const codes = new Set(rows.map((r) => r.c));
  const hasChildren = new Set(rows.map((r) => parentCode(r.c)).filter((c): c is string => c !== null));
  for (const r of rows) {
    const p = parentCode(r.c);
    if (p !== null && !codes.has(p)) throw new Error(`${tf}.${r.c}: parent ${p} missing`);
    if (hasChildren.has(r.c) === (r.d !== undefined))
      throw new Error(`${tf}.${r.c}: leaf needs d, summary must not have one`);
  }
}

/**
 * The tasks of a task force in WBS order (parents first), with baselines, deadlines and states
 * at the status date, summaries rolled up, and the planted gaps blanked and listed.
 */
export function taskSeeds(spec: TaskForceSpec, ctx: BuildContext): { tasks: TaskSeed[]; gaps: PlantedGap[] } {
  const tf = spec.code;
  const rows = spec.tasks;
  checkRows(tf, rows);
  const rand = mulberry32(Number(tf) * 7919);
  const plans = planLeaves(rows, startDate, spec.deadline ?? "2022-12-31");
  const advanced = indicatorsAdvanced(spec);
  const tasks = new Map<string, TaskSeed>();
  for (const row of rows) {
    const unit = row.u ?? spec.leadUnit;
    const personId = row.p ?? ownerOf(ctx, unit, row.d === undefined);
    const person = ctx.persons.get(personId);
    if (!person) throw new Error(`${tf}.${row.c}: unknown person ${personId}`);
    const plan = plans.get(row.c);
    const parent = parentCode(row.c);
    tasks.set(row.c, {
      id: taskId(tf, row.c),
      taskForceId: `tf-${tf}`,
      parentId: parent === null ? null : taskId(tf, parent),
      code: `${tf}.${row.c}`,
      title: row.t,
      description: null,
      goalId: parent === null ? (spec.goalIds[0] ?? null) : null,
      responsibleUnitId: `ou-${unit}`,
      responsiblePersonId: personId,
      responsiblePost: person.post ?? null,
      coUnitIds: (row.co ?? []).map((k) => `ou-${k}`),
      indicatorIds: advanced(row),
      duration: row.d ?? null,
      notBefore: row.s === "early" ? null : (row.from ?? null),
      acceptance: row.a,
      weight: row.w ?? 0,
      ...(plan && {
        deadline: plan.deadline,
        baselineStart: plan.baselineStart,
        baselineFinish: plan.baselineFinish,
        ...leafState(row, plan, ctx.statusDate, rand),
      }),
    });
  }
  rollUpSummaries(rows, tasks);
  const gaps: PlantedGap[] = [];
  for (const row of rows) {
    if (!row.gap) continue;
    const blanked: TaskSeed = { ...seedOf(tasks, row.c) };
    for (const field of row.gap.blank) blanked[field] = null;
    tasks.set(row.c, blanked);
    gaps.push({ taskForceCode: tf, taskCode: blanked.code, check: row.gap.check, what: row.gap.what });
  }
  if (spec.weightGap)
    gaps.push({ taskForceCode: tf, taskCode: null, check: "assessable", what: spec.weightGap });
  return { tasks: rows.map((r) => seedOf(tasks, r.c)), gaps };
}

/**
 * The indicators a row's task advances: those of the task force naming it (`task`), then those
 * its `ind` lists (`3` → `ind-NN-3`, `3-nh` → `ind-NN-3-nh`, or a full id), each once.
 */
function indicatorsAdvanced(spec: TaskForceSpec): (row: TaskRow) => string[] {
  const naming = new Map<string, string[]>();
  spec.indicators.forEach((ind, i) => {
    if (ind.task) naming.set(ind.task, [...(naming.get(ind.task) ?? []), indicatorId(spec.code, i + 1)]);
  });
  return (row) => [
    ...new Set([
      ...(naming.get(row.c) ?? []),
      ...(row.ind ?? []).map((ref) => (ref.startsWith("ind-") ? ref : `ind-${spec.code}-${ref}`)),
    ]),
  ];
}

/** The seed of WBS code `code` (every row has one by now). */
function seedOf(tasks: ReadonlyMap<string, TaskSeed>, code: string): TaskSeed {
  const seed = tasks.get(code);
  if (!seed) throw new Error(`demo task ${code} has no seed`);
  return seed;
}

/** Summary tasks take their children's span, weight and duration-weighted progress. */
function rollUpSummaries(rows: readonly TaskRow[], tasks: Map<string, TaskSeed>): void {
  for (const row of [...rows].reverse()) {
    if (row.d !== undefined) continue;
    const kids = rows.filter((r) => parentCode(r.c) === row.c).map((r) => seedOf(tasks, r.c));
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
    const task = seedOf(tasks, row.c);
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

/** The rows' predecessor links as dependencies: `dep-01-2.1-2.2` from 2.1 to 2.2. */
export function dependencySeeds(spec: TaskForceSpec): Seeds<"dependencies"> {
  return spec.tasks.flatMap((row) =>
    (row.after ?? []).map(parseLink).map((l) => ({
      id: `dep-${spec.code}-${l.from}-${row.c}`,
      predecessorId: taskId(spec.code, l.from),
      successorId: taskId(spec.code, row.c),
      type: l.type,
      lag: l.lag,
    })),
  );
}
