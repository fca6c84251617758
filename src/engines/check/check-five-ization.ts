/**
 * The five-ization check (五化检查): a linter that tells a task-force lead, task by task, what the
 * task book still lacks.
 */
import { checkCascade } from "../cascade/check.js";
import type { CascadeIndicator } from "../cascade/types.js";
import { FINDING_TEXTS } from "./finding-texts.js";
import {
  CHECK_OF_CODE,
  type CheckIndicator,
  type CheckInput,
  type CheckResult,
  type CheckTask,
  type CheckTaskForce,
  type Finding,
  type FindingCode,
  type FiveCheck,
} from "./types.js";

/**
 * A measurable criterion has a number: an Arabic digit (ASCII or full-width) or a Chinese numeral
 * followed by a measure word or unit ("三个", "两批", "五成").
 */
const NUMBER =
  /[0-9０-９]|[零〇一二两三四五六七八九十百千万亿]+(?:个|项|家|户|人|次|元|吨|座|条|所|台|套|批|场|亩|起|件|期|成|%|％)/;

/** Whether an acceptance criterion names a number (see {@link checkFiveIzation}). */
export function isMeasurable(criterion: string | null | undefined): boolean {
  return !!criterion && NUMBER.test(criterion);
}

const present = (s: string | null | undefined) => !!s && s.trim().length > 0;

/**
 * Checks every task of every task force against the five checks (SPEC "Five-ization check"):
 * 1. `project` — the task force serves ≥ 1 goal (`NO_GOAL`).
 * 2. `list` — a WBS code (`NO_WBS`) unique in the task force (`DUPLICATE_WBS`, on each holder);
 *    leaf tasks have a duration (`NO_DURATION`; 0 is a milestone and counts).
 * 3. `responsibility` — responsible unit, person and post (`NO_RESPONSIBLE_UNIT`,
 *    `NO_RESPONSIBLE_PERSON`, `NO_POST`); the task force's lead leader and unit (`NO_LEAD_LEADER`, `NO_LEAD_UNIT`).
 * 4. `concrete` — a linked indicator with a finite target or a measurable acceptance criterion
 *    ({@link isMeasurable}) (`NO_MEASURE`), and a deadline (`NO_DATE`; a milestone's date is its
 *    deadline). A summary task passes each when it or any of its sub-tasks does.
 * 5. `assessable` — leaf tasks have a weight > 0 (`NO_WEIGHT`); the weights of the task force's leaf
 *    tasks sum to 100 ± 0.000001 (`WEIGHT_SUM`). Weights live on leaves: a summary's weight is the
 *    sum of its sub-tasks', so counting it too would double-count.
 * Task-force-level gaps (`NO_GOAL`, `NO_LEAD_LEADER`, `NO_LEAD_UNIT`, `WEIGHT_SUM`) are reported once per
 * task force with `taskId: null` rather than repeated on each of its tasks; a task force without
 * tasks gets no `WEIGHT_SUM`.
 */
export function checkFiveIzation(input: CheckInput): CheckResult {
  const indicatorsByTask = new Map<string, CheckIndicator[]>();
  for (const i of input.indicators ?? []) {
    if (i.taskId) indicatorsByTask.set(i.taskId, [...(indicatorsByTask.get(i.taskId) ?? []), i]);
  }
  const findings: Finding[] = [];
  let tasks = 0;
  for (const tf of input.taskForces) {
    tasks += tf.tasks.length;
    findings.push(...checkTaskForce(tf, indicatorsByTask));
  }
  findings.push(...checkIndicators(input));
  const byCheck: Record<FiveCheck, number> = {
    project: 0,
    list: 0,
    responsibility: 0,
    concrete: 0,
    assessable: 0,
  };
  const byCode: Partial<Record<FindingCode, number>> = {};
  const flagged = new Set<string>();
  for (const f of findings) {
    byCheck[f.check]++;
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    if (f.taskId !== null) flagged.add(`${f.taskForceId}\u0000${f.taskId}`);
  }
  return {
    ok: findings.length === 0,
    findings,
    summary: { taskForces: input.taskForces.length, tasks, tasksWithFindings: flagged.size, byCheck, byCode },
  };
}

function checkTaskForce(
  tf: CheckTaskForce,
  indicatorsByTask: ReadonlyMap<string, CheckIndicator[]>,
): Finding[] {
  const out: Finding[] = [];
  const tfCode = tf.code ?? null;
  const tfName = tf.name ?? tf.code ?? tf.id;
  const add = (code: FindingCode, task: CheckTask | null, params: Record<string, string | number> = {}) => {
    const wbs = task && present(task.code) ? task.code! : null;
    const label = task ? (wbs ?? task.id) : "";
    const who = task
      ? { zh: `专班“${tfName}”任务${label}`, en: `Task ${label} of task force ${tfName}` }
      : { zh: `专班“${tfName}”`, en: `Task force ${tfName}` };
    const p = { taskForceId: tf.id, taskId: task?.id ?? "", wbs: wbs ?? "", ...params };
    const text = FINDING_TEXTS[code](who, p);
    out.push({
      check: CHECK_OF_CODE[code],
      code,
      taskForceId: tf.id,
      taskForceCode: tfCode,
      taskId: task?.id ?? null,
      wbs,
      params: p,
      text,
    });
  };
  if (tf.goalIds.length === 0) add("NO_GOAL", null);
  if (!present(tf.leadLeaderId)) add("NO_LEAD_LEADER", null);
  if (!present(tf.leadUnitId)) add("NO_LEAD_UNIT", null);

  const ids = new Set(tf.tasks.map((t) => t.id));
  const children = new Map<string, CheckTask[]>();
  for (const t of tf.tasks) {
    if (t.parentId && t.parentId !== t.id && ids.has(t.parentId)) {
      children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
    }
  }
  const wbsCount = new Map<string, number>();
  for (const t of tf.tasks)
    if (present(t.code)) wbsCount.set(t.code!.trim(), (wbsCount.get(t.code!.trim()) ?? 0) + 1);
  const measured = subtreeAny(
    tf.tasks,
    children,
    (t) =>
      isMeasurable(t.acceptanceCriterion) ||
      (indicatorsByTask.get(t.id) ?? []).some((i) => Number.isFinite(i.target ?? Number.NaN)),
  );
  const dated = subtreeAny(tf.tasks, children, (t) => present(t.deadline));

  let weightSum = 0;
  for (const t of tf.tasks) {
    const leaf = !children.has(t.id);
    if (!present(t.code)) add("NO_WBS", t);
    else if (wbsCount.get(t.code!.trim())! > 1)
      add("DUPLICATE_WBS", t, { count: wbsCount.get(t.code!.trim())! });
    if (leaf && !(typeof t.duration === "number" && Number.isFinite(t.duration))) add("NO_DURATION", t);
    if (!present(t.responsibleUnitId)) add("NO_RESPONSIBLE_UNIT", t);
    if (!present(t.responsiblePersonId)) add("NO_RESPONSIBLE_PERSON", t);
    if (!present(t.responsiblePost)) add("NO_POST", t);
    if (!measured.get(t.id)) add("NO_MEASURE", t);
    if (!dated.get(t.id)) add("NO_DATE", t);
    const w = typeof t.weight === "number" && Number.isFinite(t.weight) ? t.weight : 0;
    if (leaf) {
      weightSum += w;
      if (!(w > 0)) add("NO_WEIGHT", t);
    }
  }
  if (tf.tasks.length > 0 && Math.abs(weightSum - 100) > 1e-6) {
    add("WEIGHT_SUM", null, { sum: Math.round(weightSum * 100) / 100 });
  }
  return out;
}

/**
 * The cascade's findings (层层衔接, see `checkCascade`) over the indicators that carry a kind and a
 * direction: shares that do not add up, months that do not, a share unlike its parent or without an
 * owner, and (when links are given) an indicator no task advances. A task force's findings name it;
 * a district-level indicator's have `taskForceId: null`.
 */
function checkIndicators(input: CheckInput): Finding[] {
  const cascade: CascadeIndicator[] = [];
  const byId = new Map<string, CheckIndicator>();
  for (const i of input.indicators ?? []) {
    if (!i.kind || !i.direction || typeof i.target !== "number") continue;
    byId.set(i.id, i);
    cascade.push({
      id: i.id,
      parentId: i.parentId ?? null,
      kind: i.kind,
      direction: i.direction,
      target: i.target,
      monthlyPlan: i.monthlyPlan ?? null,
      weight: i.weight ?? null,
      ownerPersonId: i.ownerPersonId ?? null,
    });
  }
  if (cascade.length === 0) return [];
  let linked: ReadonlySet<string> | undefined;
  if (input.linkedIndicatorIds) {
    const all = new Set(input.linkedIndicatorIds);
    for (const i of byId.values()) if (i.taskId) all.add(i.id);
    linked = all;
  }
  const names = new Map(
    input.taskForces.map((f) => [f.id, { code: f.code ?? null, name: f.name ?? f.code ?? f.id }]),
  );
  return checkCascade(cascade, {
    ...(input.cascadeTolerance ? { tolerance: input.cascadeTolerance } : {}),
    ...(linked ? { linkedIndicatorIds: linked } : {}),
  }).map((f) => {
    const i = byId.get(f.indicatorId)!;
    const tf = i.taskForceId ? names.get(i.taskForceId) : undefined;
    const label = `${i.code ?? i.id}${i.name ? ` ${i.name}` : ""}`;
    const who = tf
      ? { zh: `专班“${tf.name}”指标${label}`, en: `Indicator ${label} of task force ${tf.name}` }
      : { zh: `区级指标${label}`, en: `District indicator ${label}` };
    const p: Record<string, string | number> = {
      taskForceId: i.taskForceId ?? "",
      indicatorId: i.id,
      code: i.code ?? "",
      kind: i.kind!,
      unit: i.unit ?? "",
    };
    if (f.expected !== undefined) p.expected = f.expected;
    if (f.actual !== undefined) p.actual = f.actual;
    if (f.period !== undefined) p.period = f.period;
    return {
      check: CHECK_OF_CODE[f.code],
      code: f.code,
      taskForceId: i.taskForceId ?? null,
      taskForceCode: tf?.code ?? null,
      taskId: null,
      wbs: null,
      indicatorId: i.id,
      params: p,
      text: FINDING_TEXTS[f.code](who, p),
    };
  });
}

/** For every task: whether it or any task below it satisfies `test` (parent cycles are cut). */
function subtreeAny(
  tasks: readonly CheckTask[],
  children: ReadonlyMap<string, readonly CheckTask[]>,
  test: (t: CheckTask) => boolean,
): Map<string, boolean> {
  const memo = new Map<string, boolean>();
  const visiting = new Set<string>();
  const visit = (t: CheckTask): boolean => {
    const known = memo.get(t.id);
    if (known !== undefined) return known;
    visiting.add(t.id);
    let ok = test(t);
    for (const c of children.get(t.id) ?? []) if (!ok && !visiting.has(c.id)) ok = visit(c);
    visiting.delete(t.id);
    memo.set(t.id, ok);
    return ok;
  };
  for (const t of tasks) visit(t);
  return memo;
}
