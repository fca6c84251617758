/** Indicators (by task force and code, the monthly plan from twelve month columns) and monthly actuals. */
import type { Id } from "./existing.js";
import { inTaskForce, num, type Planner, str } from "./planner.js";

/** Plans the indicators; answers them by {@link inTaskForce}(task force, code) for the actuals. */
export function planIndicators(p: Planner): Map<string, Id> {
  const stored = new Map(p.existing.indicators.map((i) => [inTaskForce(i.taskForceId, i.code), i]));
  const ids = new Map<string, Id>([...stored].map(([k, i]) => [k, i.id]));
  const columns = { taskId: "taskCode", ownerPersonId: "owner", monthlyPlan: "plan1" };
  for (const r of p.ledger.rows.indicators) {
    const tf = p.taskForceId("indicators", r);
    if (!tf) continue;
    const task = p.taskId("indicators", r, tf, "taskCode");
    const owner = p.personId("indicators", r, "owner");
    if (task === undefined || owner === undefined) continue;
    const year = r.values.year as number;
    const plan: Record<string, number> = {};
    for (let m = 1; m <= 12; m++) {
      const v = num(r.values[`plan${m}`]);
      if (v !== null) plan[`${year}-${String(m).padStart(2, "0")}`] = v;
    }
    const key = inTaskForce(tf, r.values.code as string);
    const was = stored.get(key);
    const fields = {
      taskForceId: tf,
      taskId: task,
      code: r.values.code,
      name: r.values.name,
      unit: str(r.values.unit) ?? "",
      kind: r.values.kind,
      direction: str(r.values.direction) ?? was?.direction ?? "up",
      year,
      baseline: num(r.values.baseline),
      target: r.values.target,
      monthlyPlan: Object.keys(plan).length ? plan : null,
      ownerPersonId: owner,
      note: str(r.values.note),
    };
    const label = `${r.values.taskForceCode} ${r.values.code}`;
    ids.set(key, p.plan("indicators", r, was, { fields, label, taskForceId: tf, columns }));
  }
  return ids;
}

/** Monthly actuals by indicator and month. */
export function planReadings(p: Planner, indicators: ReadonlyMap<string, Id>): void {
  const stored = new Map(p.existing.readings.map((x) => [`${x.indicatorId}\u0000${x.period}`, x]));
  for (const r of p.ledger.rows.readings) {
    const tf = p.taskForceId("readings", r);
    if (!tf) continue;
    const code = r.values.indicatorCode as string;
    const indicatorId = indicators.get(inTaskForce(tf, code));
    if (!indicatorId) {
      p.unknown("readings", r, "indicatorCode", "indicator", code);
      continue;
    }
    const was = stored.get(`${indicatorId}\u0000${r.values.period}`);
    const fields = {
      indicatorId,
      period: r.values.period,
      actual: r.values.actual,
      note: str(r.values.note),
    };
    p.plan("readings", r, was, {
      fields,
      label: `${code} ${r.values.period}`,
      taskForceId: tf,
      columns: { indicatorId: "indicatorCode" },
    });
  }
}
