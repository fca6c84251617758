/**
 * Every stored record a ledger holds, as plain rows (the import matches rows to them by code, the
 * export writes them). One query per table: a district's ledger is read whole.
 */
import type { ExistingRecords } from "../../engines/ledger/plan-import.js";
import type { Executor } from "../context.js";
import { INDICATOR_COLUMNS, toIndicator } from "../indicators/indicator.repository.js";
import { readTaskForces } from "../task-forces/task-force.repository.js";
import type { TaskRecord } from "../tasks/task.js";
import { dependencyRowsOf, readTaskIndicators, taskRowsOf } from "../tasks/task.repository.js";

/** The stored records, with supervision items whole (the export writes their state). */
export type LedgerRecords = Omit<ExistingRecords, "supervision" | "tasks"> & {
  readonly supervision: readonly (ExistingRecords["supervision"][number] & SupervisionState)[];
  /** With their actual dates, for the export's Gantt sheet. */
  readonly tasks: readonly (ExistingRecords["tasks"][number] &
    Pick<TaskRecord, "actualStart" | "actualFinish">)[];
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
  // Every district-level indicator is readable: shares name them as parents, tasks as 支撑指标.
  const districtIndicators = await db
    .selectFrom("indicators")
    .select(["id", "code"])
    .where("taskForceId", "is", null)
    .orderBy("code")
    .execute();
  if (ids.length === 0)
    return {
      units,
      persons,
      taskForces: [],
      members: [],
      tasks: [],
      dependencies: [],
      indicators: [],
      districtIndicators,
      readings: [],
      supervision: [],
    };
  const members = await db
    .selectFrom("task_force_members")
    .select(["id", "version", "taskForceId", "personId", "post", "role", "duties"])
    .where("taskForceId", "in", ids)
    .execute();
  // The features' own readers: the ledger reads what the API does.
  const taskRows = await taskRowsOf(db, ids);
  const links = await readTaskIndicators(
    db,
    taskRows.map((t) => t.id),
  );
  const tasks = taskRows.map((t) => ({ ...t, indicatorIds: links.get(t.id) ?? [] }));
  const dependencies = await dependencyRowsOf(db, ids);
  const indicators = (
    await db.selectFrom("indicators").select(INDICATOR_COLUMNS).where("taskForceId", "in", ids).execute()
  )
    .map(toIndicator)
    // Selected by task force: none is district-level.
    .flatMap((i) => (i.taskForceId === null ? [] : [{ ...i, taskForceId: i.taskForceId }]));
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
  return {
    units,
    persons,
    taskForces,
    members,
    tasks,
    dependencies,
    indicators,
    districtIndicators,
    readings,
    supervision,
  };
}
