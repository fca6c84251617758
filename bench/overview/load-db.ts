/**
 * Loads the overview-sized organisation of generate.ts into a database by bulk inserts (a bench
 * fixture: fast, not validated like user input), so `GET /api/v1/overview` can be measured at the
 * issue's size. Schedule dates and float are computed when read, as for any data.
 */
import { sql } from "kysely";
import type { DatabaseHandle } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { hashPassword } from "../../src/domain/accounts/password.js";
import { putSetting } from "../../src/domain/settings/settings.repository.js";
import type { OverviewInput } from "../../src/engines/scoring/overview.js";

const AT = "2022-12-15T01:00:00.000Z";
const base = { version: 1, createdAt: AT, updatedAt: AT };

/** Bulk insert of fixture rows (all of a table's rows have the same columns). */
async function insertAll(db: DatabaseHandle["db"], table: string, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const columns = Object.keys(chunk[0] ?? {});
    if (columns.length === 0) continue;
    const values = chunk.map((r) => sql`(${sql.join(columns.map((c) => r[c] ?? null))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(
      db,
    );
  }
}

/** Fills an empty database with `data`; an `admin` account (password `bench-password`) reads it. */
export async function loadOverviewDb(
  database: DatabaseHandle,
  data: Omit<OverviewInput, "calendar">,
): Promise<void> {
  const { error } = await migrateToLatest(database.db);
  if (error) throw error;
  const db = database.db;
  const tasks = data.tasks as (OverviewInput["tasks"][number] & Record<string, unknown>)[];
  const units = [...new Set(tasks.map((t) => t.responsibleUnitId as string))];
  const persons = [...new Set(tasks.map((t) => t.responsiblePersonId as string))];
  await insertAll(
    db,
    "org_units",
    units.map((id, k) => ({ ...base, id, code: id, name: `单位${k + 1}`, kind: "department", sort: k })),
  );
  await insertAll(
    db,
    "persons",
    persons.map((id, k) => ({ ...base, id, name: `人员${k + 1}` })),
  );
  await insertAll(db, "users", [
    {
      ...base,
      id: "u-admin",
      username: "admin",
      displayName: "管理员",
      roles: '["admin"]',
      disabled: 0,
      passwordHash: await hashPassword("bench-password"),
    },
  ]);
  await insertAll(
    db,
    "task_forces",
    data.taskForces.map((f, k) => ({
      ...base,
      id: f.id,
      code: String(k + 1).padStart(3, "0"),
      name: `专班${k + 1}`,
      status: "active",
    })),
  );
  const ordered = [...tasks].sort((a, b) => (a.parentId ? 1 : 0) - (b.parentId ? 1 : 0));
  await insertAll(
    db,
    "tasks",
    ordered.map((t) => ({
      ...base,
      id: t.id,
      taskForceId: t.taskForceId,
      parentId: t.parentId ?? null,
      code: t.code ?? t.id,
      title: `任务${t.code ?? t.id}`,
      responsibleUnitId: t.responsibleUnitId ?? null,
      responsiblePersonId: t.responsiblePersonId ?? null,
      responsiblePost: "科长",
      duration: t.duration ?? null,
      deadline: t.deadline ?? null,
      baselineStart: t.baselineStart ?? null,
      baselineFinish: t.baselineFinish ?? null,
      actualStart: t.actualStart ?? null,
      actualFinish: t.actualFinish ?? null,
      percent: t.percent,
      status: t.status,
      weight: 1,
    })),
  );
  await insertAll(
    db,
    "progress_reports",
    tasks
      .filter((t) => t.lastReportDate)
      .map((t) => ({
        ...base,
        id: `pr-${t.id}`,
        taskId: t.id,
        taskForceId: t.taskForceId,
        reportDate: t.lastReportDate,
        percent: t.percent,
        narrative: "",
        evidence: "[]",
      })),
  );
  const indicators = data.indicators ?? [];
  await insertAll(
    db,
    "indicators",
    indicators.map(({ indicator: i }) => ({
      ...base,
      id: i.id,
      taskForceId: i.taskForceId,
      code: i.id,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      direction: i.direction,
      year: i.year,
      baseline: i.baseline,
      target: i.target,
      monthlyPlan: i.monthlyPlan ? JSON.stringify(i.monthlyPlan) : null,
    })),
  );
  await insertAll(
    db,
    "indicator_readings",
    indicators.flatMap(({ indicator, readings }) =>
      readings.map((r) => ({
        ...base,
        id: `${indicator.id}-${r.period}`,
        indicatorId: indicator.id,
        period: r.period,
        actual: r.actual,
        reportedAt: AT,
      })),
    ),
  );
  await insertAll(
    db,
    "supervision_items",
    (data.supervisionItems ?? []).map((s) => ({
      ...base,
      id: s.id,
      taskForceId: s.taskForceId,
      taskId: s.taskId ?? null,
      code: s.id,
      raisedOn: "2022-06-01",
      issue: "督办事项",
      requiredAction: "按期整改",
      dueDate: s.dueDate,
      state: s.state,
      verifiedOn: s.verifiedDate ?? null,
      returnCount: 0,
    })),
  );
  await putSetting(db, "statusDate", { rule: "fixed", date: data.statusDate }, AT);
}
