/**
 * Every stored record a ledger holds, as plain rows (the import matches rows to them by code, the
 * export writes them). One query per table: a district's ledger is read whole.
 */
import type { ExistingRecords } from "../../engines/ledger/plan-import.js";
import { indicatorSchemas } from "../../shared/api/indicators.js";
import type { Executor } from "../context.js";
import { fromJson } from "../records/json-column.js";
import { readTaskForces } from "../task-forces/task-force.repository.js";

/** The stored records, with supervision items whole (the export writes their state). */
export type LedgerRecords = Omit<ExistingRecords, "supervision"> & {
  readonly supervision: readonly (ExistingRecords["supervision"][number] & SupervisionState)[];
};
type SupervisionState = {
  state: string;
  rectification: string | null;
  submittedOn: string | null;
  verifiedOn: string | null;
  returnCount: number;
  lastNote: string | null;
};

/** What the ledger reads of the database (all task forces, or those of `taskForceIds`). */
export async function readLedgerRecords(
  db: Executor,
  taskForceIds: readonly string[] | null,
): Promise<LedgerRecords> {
  const tfFilter = taskForceIds ?? null;
  const units = await db
    .selectFrom("org_units")
    .select(["id", "version", "code", "name", "kind", "parentId", "sort"])
    .orderBy("sort")
    .orderBy("code")
    .execute();
  const persons = await db
    .selectFrom("persons")
    .select(["id", "version", "name", "orgUnitId", "post", "phone", "email"])
    .orderBy("name")
    .orderBy("id")
    .execute();
  const taskForces = await readTaskForces(db, tfFilter);
  const ids = taskForces.map((t) => t.id);
  if (ids.length === 0)
    return {
      units,
      persons,
      taskForces: [],
      members: [],
      tasks: [],
      dependencies: [],
      indicators: [],
      readings: [],
      supervision: [],
    };
  const members = await db
    .selectFrom("task_force_members")
    .select(["id", "version", "taskForceId", "personId", "post", "role", "duties"])
    .where("taskForceId", "in", ids)
    .execute();
  const tasks = await db
    .selectFrom("tasks")
    .select([
      "id",
      "version",
      "taskForceId",
      "parentId",
      "code",
      "title",
      "responsibleUnitId",
      "responsiblePersonId",
      "responsiblePost",
      "duration",
      "deadline",
      "weight",
      "acceptance",
    ])
    .where("taskForceId", "in", ids)
    .execute();
  const dependencies = await db
    .selectFrom("dependencies")
    .innerJoin("tasks", "tasks.id", "dependencies.successorId")
    .select([
      "dependencies.id",
      "dependencies.version",
      "dependencies.predecessorId",
      "dependencies.successorId",
      "dependencies.type",
      "dependencies.lag",
    ])
    .where("tasks.taskForceId", "in", ids)
    .execute();
  const indicatorRows = await db
    .selectFrom("indicators")
    .select([
      "id",
      "version",
      "taskForceId",
      "taskId",
      "code",
      "name",
      "unit",
      "kind",
      "direction",
      "year",
      "baseline",
      "target",
      "monthlyPlan",
      "ownerPersonId",
      "note",
    ])
    .where("taskForceId", "in", ids)
    .execute();
  const indicators = indicatorRows.map((r) => ({
    ...r,
    monthlyPlan:
      r.monthlyPlan == null ? null : fromJson(indicatorSchemas.entity.shape.monthlyPlan, r.monthlyPlan),
  }));
  const readings = await db
    .selectFrom("indicator_readings")
    .innerJoin("indicators", "indicators.id", "indicator_readings.indicatorId")
    .select([
      "indicator_readings.id",
      "indicator_readings.version",
      "indicator_readings.indicatorId",
      "indicator_readings.period",
      "indicator_readings.actual",
      "indicator_readings.note",
    ])
    .where("indicators.taskForceId", "in", ids)
    .execute();
  const supervision = await db
    .selectFrom("supervision_items")
    .selectAll()
    .where("taskForceId", "in", ids)
    .orderBy("code")
    .execute();
  return { units, persons, taskForces, members, tasks, dependencies, indicators, readings, supervision };
}
