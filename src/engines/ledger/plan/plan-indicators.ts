/**
 * Indicators (by task force and code, the monthly plan from twelve month columns, the share of a
 * parent indicator — 层层衔接) and monthly actuals.
 */
import type { LedgerRow } from "../read-ledger.js";
import type { ExistingRecords, Id } from "./existing.js";
import { indicatorByCode, inTaskForce, num, type Planner, parentCycles, str } from "./planner.js";

/** Gives every new indicator of the workbook its id first: tasks and other indicators name them. */
export function reserveIndicators(p: Planner): void {
  for (const r of p.ledger.rows.indicators) {
    const tf = p.taskForces.get(r.values.taskForceCode as string);
    if (!tf) continue; // named unknown when the indicators are planned
    const key = inTaskForce(tf, r.values.code as string);
    if (!p.indicators.has(key)) p.indicators.set(key, p.newId());
  }
}

/**
 * Plans the indicators; answers them by {@link inTaskForce}(task force, code) for the actuals. The
 * cascade's columns (上级指标编码, 责任单位编码, 权重) change what is stored only when the file has
 * them: a ledger of an older layout leaves the stored cascade as it is.
 */
export function planIndicators(p: Planner): Map<string, Id> {
  const stored = new Map(p.existing.indicators.map((i) => [inTaskForce(i.taskForceId, i.code), i]));
  const columns = {
    taskId: "taskCode",
    ownerPersonId: "owner",
    monthlyPlan: "plan1",
    parentId: "parentCode",
    orgUnitId: "unitCode",
  };
  const rows: { r: (typeof p.ledger.rows.indicators)[number]; tf: Id }[] = [];
  for (const r of p.ledger.rows.indicators) {
    const tf = p.taskForceId("indicators", r);
    if (!tf) continue;
    rows.push({ r, tf });
    const task = p.taskId("indicators", r, tf, "taskCode");
    const owner = p.personId("indicators", r, "owner");
    const cascade: Record<string, unknown> = {};
    let unresolved = false;
    if ("parentCode" in r.columns) {
      const code = str(r.values.parentCode);
      const parent = code ? indicatorByCode(p, "indicators", r, tf, "parentCode", code) : null;
      if (parent === undefined) unresolved = true;
      else cascade.parentId = parent;
    }
    if ("unitCode" in r.columns) {
      const unit = p.unitId("indicators", r, "unitCode");
      if (unit === undefined) unresolved = true;
      else cascade.orgUnitId = unit;
    }
    if ("weight" in r.columns) cascade.weight = num(r.values.weight);
    if (task === undefined || owner === undefined || unresolved) continue;
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
      ...cascade,
    };
    const label = `${r.values.taskForceCode} ${r.values.code}`;
    p.plan("indicators", r, was, { fields, label, taskForceId: tf, columns, id: p.indicators.get(key) });
  }
  // A district parent has no parent in the workbook: cycles are within a task force.
  parentCycles(p, "indicators", rows, "indicators");
  return p.indicators;
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
    if (was) correctionReason(p, r, was);
  }
}

/**
 * A row that changes a stored actual carries its reason (the 更正原因 column), as a correction
 * through the API does; the reason goes with the update into the audit trail.
 */
function correctionReason(p: Planner, r: LedgerRow, was: ExistingRecords["readings"][number]): void {
  const at = p.changes.length - 1;
  const c = p.changes[at]!;
  if (c.action !== "update") return;
  const reason = str(r.values.reason)?.trim();
  const letters = r.columns.reason;
  const columns = letters ? { ...c.columns, reason: letters } : c.columns;
  if (!reason) {
    p.changes[at] = { ...c, columns };
    p.at(
      "readings",
      r,
      "reason",
      "ledgerCorrectionReason",
      { period: String(r.values.period), was: String(was.actual), now: String(r.values.actual) },
      `the row changes the stored actual of ${String(r.values.period)} (${String(was.actual)} → ${String(r.values.actual)}) or its note: say why in the reason column`,
    );
    return;
  }
  p.changes[at] = { ...c, fields: { ...c.fields, reason }, columns };
}
