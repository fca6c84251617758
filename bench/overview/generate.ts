/**
 * A deterministic generator of an overview-sized organisation: `taskForces` task forces × `tasksPerForce`
 * tasks (work packages of leaves, some milestones) × `indicatorsPerForce` indicators × 12 monthly
 * readings, plus supervision items. Same options → the same data, on every machine.
 */

import { mulberry32 } from "../../src/domain/demo/data/prng.js";
import type { Indicator, IndicatorKind } from "../../src/engines/indicators/types.js";
import type { LightIndicator } from "../../src/engines/lights/types.js";
import type { OverviewInput } from "../../src/engines/scoring/overview.js";
import type { AssessSupervisionItem } from "../../src/engines/scoring/types.js";

/** Sizes of the generated organisation. */
export interface OverviewSize {
  readonly taskForces: number;
  readonly tasksPerForce: number;
  readonly indicatorsPerForce: number;
  readonly readingsPerIndicator: number;
  readonly supervisionPerForce: number;
}

/** The size the issue asks for: 100 × 300 × 20 × 12 (and 30 supervision items per task force). */
export const ISSUE_SIZE: OverviewSize = {
  taskForces: 100,
  tasksPerForce: 300,
  indicatorsPerForce: 20,
  readingsPerIndicator: 12,
  supervisionPerForce: 30,
};

const DAY = 86_400_000;
const dateAt = (base: string, days: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, "0");

/** Builds the overview input (without the calendar) at `statusDate`, from `seed`. */
export function generateOverview(
  statusDate: string,
  size: OverviewSize = ISSUE_SIZE,
  seed = 20221215,
): Omit<OverviewInput, "calendar"> {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const taskForces: { id: string }[] = [];
  const tasks: OverviewInput["tasks"][number][] = [];
  const indicators: LightIndicator[] = [];
  const supervisionItems: AssessSupervisionItem[] = [];
  const packages = Math.max(1, Math.round(size.tasksPerForce / 15));
  for (let f = 1; f <= size.taskForces; f++) {
    const tf = `tf-${f}`;
    taskForces.push({ id: tf });
    const leafIds: string[] = [];
    for (let k = 0; k < size.tasksPerForce; k++) {
      const pkg = k % packages;
      const isSummary = k < packages;
      const id = isSummary ? `${tf}-${pkg + 1}` : `${tf}-${pkg + 1}.${Math.floor(k / packages)}`;
      const start = dateAt("2022-06-01", Math.floor(rnd() * 240));
      const duration = isSummary ? 60 : k % 7 === 0 ? 0 : 5 + Math.floor(rnd() * 40);
      const finish = dateAt(start, Math.round(duration * 1.4));
      const deadline = dateAt(finish, Math.floor(rnd() * 15));
      const state =
        finish < statusDate
          ? rnd() < 0.85
            ? "done"
            : "in_progress"
          : start <= statusDate
            ? "in_progress"
            : "not_started";
      const percent = state === "done" ? 100 : state === "in_progress" ? Math.floor(rnd() * 100) : 0;
      const unit = `u-${Math.floor(rnd() * 60)}`;
      tasks.push({
        id,
        taskForceId: tf,
        parentId: isSummary ? null : `${tf}-${pkg + 1}`,
        code: id.slice(tf.length + 1),
        status: rnd() < 0.01 ? "suspended" : state,
        percent,
        duration,
        deadline,
        baselineStart: start,
        baselineFinish: finish,
        actualStart: state === "not_started" ? null : start,
        actualFinish: state === "done" ? dateAt(finish, Math.floor(rnd() * 7) - 3) : null,
        lateStart: dateAt(start, Math.floor(rnd() * 20) - 3),
        totalFloat: Math.floor(rnd() * 20) - 2,
        lastReportDate: dateAt(statusDate, -Math.floor(rnd() * 14)),
        responsibleUnitId: unit,
        responsiblePersonId: `p-${unit}-${Math.floor(rnd() * 8)}`,
        supervision: [],
      });
      if (!isSummary) leafIds.push(id);
    }
    for (let s = 0; s < size.supervisionPerForce; s++) {
      const dueDate = dateAt("2022-07-01", Math.floor(rnd() * 200));
      const state = pick(["open", "rectifying", "submitted", "verified", "verified"] as const);
      const taskId = pick(leafIds);
      const item = {
        id: `${tf}-si-${s}`,
        taskId,
        taskForceId: tf,
        dueDate,
        state,
        verifiedDate: state === "verified" ? dateAt(dueDate, Math.floor(rnd() * 10) - 6) : null,
      };
      supervisionItems.push(item);
      const task = tasks.find((t) => t.id === taskId)!;
      (task.supervision as { id: string; dueDate: string; state: typeof state }[]).push({
        id: item.id,
        dueDate,
        state,
      });
    }
    for (let i = 0; i < size.indicatorsPerForce; i++) {
      const kind: IndicatorKind = pick(["cumulative", "cumulative", "rate", "level"]);
      const direction = rnd() < 0.15 ? "down" : "up";
      const target = kind === "rate" ? 3 + rnd() * 6 : 50 + Math.floor(rnd() * 500);
      const indicator: Indicator = {
        id: `${tf}-ind-${i}`,
        name: `指标${f}-${i}`,
        unit: kind === "rate" ? "%" : "亿元",
        kind,
        direction,
        baseline: target * 0.9,
        target,
        year: 2022,
        taskForceId: tf,
        taskId: rnd() < 0.5 ? pick(leafIds) : undefined,
        ...(kind === "cumulative" && rnd() < 0.5
          ? {
              monthlyPlan: Object.fromEntries(
                Array.from({ length: 12 }, (_, m) => [`2022-${pad(m + 1)}`, (target * (m + 1)) / 12]),
              ),
            }
          : {}),
      };
      const pace = 0.7 + rnd() * 0.5;
      const readings = Array.from({ length: size.readingsPerIndicator }, (_, m) => ({
        period: `2022-${pad((m % 12) + 1)}`,
        actual:
          kind === "cumulative"
            ? (target * pace * (m + 1)) / 12
            : kind === "rate"
              ? target - 8 + m * rnd() * 1.5
              : target * (0.5 + rnd() * 0.6),
      }));
      indicators.push({ indicator, readings });
    }
  }
  // A JSON round trip gives flat strings and fresh objects, as rows read from a database would be.
  return JSON.parse(JSON.stringify({ statusDate, taskForces, tasks, indicators, supervisionItems }));
}
