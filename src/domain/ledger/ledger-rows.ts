/** Stored records as the ledger's rows: codes and names where the database holds ids. */
import type { LedgerValue } from "../../engines/ledger/read-ledger.js";
import type { SheetKey } from "../../engines/ledger/sheets.js";
import type { LedgerRecords } from "./ledger.repository.js";

// Collators made once: localeCompare with options builds one per call (2 s at 140,000 rows).
const text = new Intl.Collator().compare;
const numeric = new Intl.Collator("en", { numeric: true }).compare;

export function ledgerRows(r: LedgerRecords): Record<SheetKey, Record<string, LedgerValue>[]> {
  const unitCode = new Map(r.units.map((u) => [u.id, u.code]));
  const byName = new Map<string, number>();
  for (const p of r.persons) byName.set(p.name, (byName.get(p.name) ?? 0) + 1);
  // A name two people share is written with the unit code, as the import reads it back.
  const personRef = new Map(
    r.persons.map((p) => {
      const unit = p.orgUnitId ? unitCode.get(p.orgUnitId) : undefined;
      return [p.id, (byName.get(p.name) ?? 0) > 1 && unit ? `${p.name}（${unit}）` : p.name];
    }),
  );
  const ref = (id: string | null) => (id ? (personRef.get(id) ?? null) : null);
  const unit = (id: string | null) => (id ? (unitCode.get(id) ?? null) : null);
  const tfCode = new Map(r.taskForces.map((t) => [t.id, t.code]));
  const taskCode = new Map(r.tasks.map((t) => [t.id, t.code]));
  const taskTf = new Map(r.tasks.map((t) => [t.id, t.taskForceId]));
  const byCode = (a: { code: string }, b: { code: string }) => numeric(a.code, b.code);
  const indicatorOf = new Map(r.indicators.map((i) => [i.id, i]));
  // Links and parents by code: a district indicator's code is unique, a task force's within it.
  const indicatorCode = new Map([
    ...r.districtIndicators.map((i): [string, string] => [i.id, i.code]),
    ...r.indicators.map((i): [string, string] => [i.id, i.code]),
  ]);
  const codeOfIndicator = (id: string | null) => (id ? (indicatorCode.get(id) ?? null) : null);
  return {
    units: r.units.map((u) => ({
      code: u.code,
      name: u.name,
      kind: u.kind,
      parentCode: unit(u.parentId),
      sort: u.sort,
    })),
    people: r.persons.map((p) => ({
      name: p.name,
      unitCode: unit(p.orgUnitId),
      post: p.post,
      phone: p.phone,
      email: p.email,
    })),
    taskForces: r.taskForces.map((t) => ({
      code: t.code,
      name: t.name,
      leadLeader: ref(t.leadLeaderId),
      leadUnitCode: unit(t.leadUnitId),
      coUnitCodes: t.coUnitIds.map((id) => unitCode.get(id) ?? id),
      startDate: t.startDate,
      deadline: t.deadline,
      status: t.status,
      objective: t.objective,
      scope: t.scope,
      measures: t.measures,
      guarantees: t.guarantees,
    })),
    members: [...r.members]
      .sort(
        (a, b) => text(tfCode.get(a.taskForceId) ?? "", tfCode.get(b.taskForceId) ?? "") || text(a.id, b.id),
      )
      .map((m) => ({
        taskForceCode: tfCode.get(m.taskForceId) ?? null,
        person: ref(m.personId),
        post: m.post,
        role: m.role,
        duties: m.duties,
      })),
    tasks: [...r.tasks]
      .sort((a, b) => text(tfCode.get(a.taskForceId) ?? "", tfCode.get(b.taskForceId) ?? "") || byCode(a, b))
      .map((t) => ({
        taskForceCode: tfCode.get(t.taskForceId) ?? null,
        code: t.code,
        title: t.title,
        parentCode: t.parentId ? (taskCode.get(t.parentId) ?? null) : null,
        unitCode: unit(t.responsibleUnitId),
        person: ref(t.responsiblePersonId),
        post: t.responsiblePost,
        duration: t.duration,
        deadline: t.deadline,
        weight: t.weight,
        acceptance: t.acceptance,
        indicatorCodes: t.indicatorIds.flatMap((id) => codeOfIndicator(id) ?? []),
      })),
    dependencies: r.dependencies
      .map((d) => ({
        taskForceCode: tfCode.get(taskTf.get(d.successorId) ?? "") ?? null,
        predecessorCode: taskCode.get(d.predecessorId) ?? null,
        successorCode: taskCode.get(d.successorId) ?? null,
        type: d.type,
        lag: d.lag,
      }))
      .sort(
        (a, b) =>
          text(String(a.taskForceCode), String(b.taskForceCode)) ||
          numeric(String(a.successorCode), String(b.successorCode)) ||
          numeric(String(a.predecessorCode), String(b.predecessorCode)),
      ),
    indicators: [...r.indicators]
      .sort((a, b) => text(tfCode.get(a.taskForceId) ?? "", tfCode.get(b.taskForceId) ?? "") || byCode(a, b))
      .map((i) => {
        const plan: Record<string, LedgerValue> = {};
        for (let m = 1; m <= 12; m++)
          plan[`plan${m}`] = i.monthlyPlan?.[`${i.year}-${String(m).padStart(2, "0")}`] ?? null;
        return {
          taskForceCode: tfCode.get(i.taskForceId) ?? null,
          code: i.code,
          name: i.name,
          kind: i.kind,
          direction: i.direction,
          unit: i.unit,
          year: i.year,
          baseline: i.baseline,
          target: i.target,
          taskCode: i.taskId ? (taskCode.get(i.taskId) ?? null) : null,
          owner: ref(i.ownerPersonId),
          parentCode: codeOfIndicator(i.parentId),
          unitCode: unit(i.orgUnitId),
          weight: i.weight,
          ...plan,
          note: i.note,
        };
      }),
    readings: r.readings
      .map((x) => {
        const i = indicatorOf.get(x.indicatorId);
        return {
          taskForceCode: i ? (tfCode.get(i.taskForceId) ?? null) : null,
          indicatorCode: i?.code ?? null,
          period: x.period,
          actual: x.actual,
          note: x.note,
        };
      })
      .sort(
        (a, b) =>
          text(String(a.taskForceCode), String(b.taskForceCode)) ||
          numeric(String(a.indicatorCode), String(b.indicatorCode)) ||
          text(a.period, b.period),
      ),
    supervision: r.supervision.map((s) => ({
      code: s.code,
      taskForceCode: tfCode.get(s.taskForceId) ?? null,
      taskCode: s.taskId ? (taskCode.get(s.taskId) ?? null) : null,
      raisedOn: s.raisedOn,
      issue: s.issue,
      requiredAction: s.requiredAction,
      person: ref(s.responsiblePersonId),
      unitCode: unit(s.responsibleUnitId),
      dueDate: s.dueDate,
      state: s.state,
      rectification: s.rectification,
      submittedOn: s.submittedOn,
      verifiedOn: s.verifiedOn,
      returnCount: s.returnCount,
      lastNote: s.lastNote,
    })),
  };
}
