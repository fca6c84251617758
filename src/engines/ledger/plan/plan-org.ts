/** Units (by code) and people (by name and unit): what every other sheet refers to. */
import { checkTreeCycles, num, type Planner, str } from "./planner.js";

export function planUnits(p: Planner): void {
  const rows = p.ledger.rows.units;
  // Parents may come later in the sheet: every new unit gets its id first.
  for (const r of rows) {
    const code = r.values.code as string;
    if (!p.units.has(code)) p.units.set(code, p.newId());
  }
  const stored = new Map(p.existing.units.map((u) => [u.code, u]));
  for (const r of rows) {
    const code = r.values.code as string;
    const parentId = p.unitId("units", r, "parentCode");
    if (parentId === undefined) continue;
    const was = stored.get(code);
    const fields = {
      code,
      name: r.values.name,
      kind: r.values.kind,
      parentId,
      sort: num(r.values.sort) ?? was?.sort ?? 0,
    };
    p.plan("units", r, was, {
      fields,
      label: code,
      taskForceId: null,
      columns: { parentId: "parentCode" },
      id: p.units.get(code),
    });
  }
  checkTreeCycles(
    rows.map((r) => ({ row: r, code: r.values.code as string, parent: str(r.values.parentCode) })),
    (r, codes) =>
      p.at("units", r, "parentCode", "ledgerCycle", { codes }, `the parent units form a cycle: ${codes}`),
  );
}

/** People by name and unit; others name them by name, or 姓名（单位编码） when two share it. */
export function planPeople(p: Planner): void {
  const unitCode = new Map(p.existing.units.map((u) => [u.id, u.code]));
  const key = (name: string, unit: string | null | undefined) => `${name}\u0000${unit ?? ""}`;
  const stored = new Map(
    p.existing.persons.map((x) => [key(x.name, x.orgUnitId && unitCode.get(x.orgUnitId)), x]),
  );
  for (const r of p.ledger.rows.people) {
    const orgUnitId = p.unitId("people", r, "unitCode");
    if (orgUnitId === undefined) continue;
    const name = r.values.name as string;
    const code = str(r.values.unitCode);
    const was = stored.get(key(name, code));
    const fields = {
      name,
      orgUnitId,
      post: str(r.values.post),
      phone: str(r.values.phone),
      email: str(r.values.email),
    };
    const label = code ? `${name}（${code}）` : name;
    const id = p.plan("people", r, was, {
      fields,
      label,
      taskForceId: null,
      columns: { orgUnitId: "unitCode" },
    });
    if (!was) p.persons.push({ id, name, unitCode: code });
  }
}
