import type { Executor } from "../context.js";

/** The tasks that advance each indicator: linked through `indicatorIds`, or named on the indicator. */
export async function tasksByIndicator(db: Executor): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const add = (indicatorId: string, taskId: string) => {
    const list = out.get(indicatorId);
    if (!list) out.set(indicatorId, [taskId]);
    else if (!list.includes(taskId)) list.push(taskId);
  };
  const links = await db
    .selectFrom("task_indicators")
    .select(["indicatorId", "taskId"])
    .orderBy("taskId")
    .orderBy("sort")
    .execute();
  for (const l of links) add(l.indicatorId, l.taskId);
  const named = await db
    .selectFrom("indicators")
    .select(["id", "taskId"])
    .where("taskId", "is not", null)
    .execute();
  for (const n of named) if (n.taskId) add(n.id, n.taskId);
  return out;
}

/** Names of people and units by id (every one: a district has hundreds, a province tens of thousands). */
export async function namesOf(
  db: Executor,
): Promise<{ persons: Map<string, string>; units: Map<string, string> }> {
  const persons = await db.selectFrom("persons").select(["id", "name"]).execute();
  const units = await db.selectFrom("org_units").select(["id", "name"]).execute();
  return {
    persons: new Map(persons.map((p) => [p.id, p.name])),
    units: new Map(units.map((u) => [u.id, u.name])),
  };
}

/** Shares of an indicator, by code. */
export function childrenOf(db: Executor, parentId: string) {
  return db
    .selectFrom("indicators")
    .selectAll()
    .where("parentId", "=", parentId)
    .orderBy("code")
    .orderBy("id")
    .execute();
}

/** The readings of the indicator of `year` with this code in the same task force (or at district level). */
export async function readingsOfSameCode(
  db: Executor,
  code: string,
  taskForceId: string | null,
  year: number,
): Promise<{ period: string; actual: number }[]> {
  let q = db.selectFrom("indicators").select("id").where("code", "=", code).where("year", "=", year);
  q = taskForceId === null ? q.where("taskForceId", "is", null) : q.where("taskForceId", "=", taskForceId);
  const found = await q.executeTakeFirst();
  if (!found) return [];
  return db
    .selectFrom("indicator_readings")
    .select(["period", "actual"])
    .where("indicatorId", "=", found.id)
    .orderBy("period")
    .execute();
}
