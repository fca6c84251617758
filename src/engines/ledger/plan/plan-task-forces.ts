/** Task forces (by code) and their members (by task force and person). */
import type { Id } from "./existing.js";
import { type Planner, str } from "./planner.js";

export function planTaskForces(p: Planner): void {
  const stored = new Map(p.existing.taskForces.map((t) => [t.code, t]));
  for (const r of p.ledger.rows.taskForces) {
    const code = r.values.code as string;
    const leadLeaderId = p.personId("taskForces", r, "leadLeader");
    const leadUnitId = p.unitId("taskForces", r, "leadUnitCode");
    const coUnitIds: Id[] = [];
    let ok = leadLeaderId !== undefined && leadUnitId !== undefined;
    for (const c of (r.values.coUnitCodes as readonly string[] | null) ?? []) {
      const id = p.units.get(c);
      if (id) coUnitIds.push(id);
      else {
        p.unknown("taskForces", r, "coUnitCodes", "unit", c);
        ok = false;
      }
    }
    if (!ok) continue;
    const was = stored.get(code);
    const id = was?.id ?? p.newId();
    const fields = {
      code,
      name: r.values.name,
      leadLeaderId,
      leadUnitId,
      coUnitIds,
      startDate: str(r.values.startDate),
      deadline: str(r.values.deadline),
      status: str(r.values.status) ?? was?.status ?? "active",
      objective: str(r.values.objective),
      scope: str(r.values.scope),
      measures: str(r.values.measures),
      guarantees: str(r.values.guarantees),
    };
    const columns = { leadLeaderId: "leadLeader", leadUnitId: "leadUnitCode", coUnitIds: "coUnitCodes" };
    p.plan("taskForces", r, was, { fields, label: code, taskForceId: id, columns, id });
    p.taskForces.set(code, id);
  }
}

export function planMembers(p: Planner): void {
  const stored = new Map(p.existing.members.map((m) => [`${m.taskForceId}\u0000${m.personId}`, m]));
  for (const r of p.ledger.rows.members) {
    const tf = p.taskForceId("members", r);
    const person = p.personId("members", r, "person");
    if (!tf || !person) continue;
    const was = stored.get(`${tf}\u0000${person}`);
    const fields = {
      taskForceId: tf,
      personId: person,
      post: r.values.post,
      role: str(r.values.role) ?? was?.role ?? "member",
      duties: str(r.values.duties),
    };
    const label = `${r.values.taskForceCode} ${r.values.person}`;
    p.plan("members", r, was, { fields, label, taskForceId: tf, columns: { personId: "person" } });
  }
}
