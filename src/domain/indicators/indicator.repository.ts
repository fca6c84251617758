import type { Selectable } from "kysely";
import { indicatorSchemas } from "../../shared/api/indicators.js";
import type { Executor } from "../context.js";
import { fromJson } from "../records/json-column.js";
import { textSortsOf } from "../records/list.js";
import { type ListCriteria, listPage } from "../records/list-page.js";
import { INDICATOR_LIST, type Indicator, READING_LIST, type Reading } from "./indicator.js";
import type { IndicatorTable } from "./indicator.table.js";

type Dialect = "sqlite" | "postgres";

export const INDICATOR_COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
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
  "parentId",
  "goalId",
  "orgUnitId",
  "weight",
] as const;

export const READING_COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "indicatorId",
  "period",
  "actual",
  "note",
  "reportedById",
  "reportedAt",
] as const;

/** An indicator row → the wire record (the monthly plan parsed). */
export function toIndicator(row: Selectable<IndicatorTable>): Indicator {
  const { monthlyPlan, ...rest } = row;
  return {
    ...rest,
    monthlyPlan:
      monthlyPlan == null ? null : fromJson(indicatorSchemas.entity.shape.monthlyPlan, monthlyPlan),
  };
}

/** The wire monthly plan → its column. */
export const monthlyPlanColumn = (plan: Indicator["monthlyPlan"] | undefined) =>
  plan === undefined ? undefined : plan === null ? null : JSON.stringify(plan);

/** A page of indicator rows. */
export const listIndicatorRows = (db: Executor, c: ListCriteria, dialect: Dialect) =>
  listPage(
    db,
    {
      table: "indicators",
      columns: INDICATOR_COLUMNS,
      textSorts: textSortsOf(INDICATOR_LIST),
      search: INDICATOR_LIST.search,
      dialect,
    },
    c,
  );

/** A page of reading rows. */
export const listReadingRows = (db: Executor, c: ListCriteria, dialect: Dialect) =>
  listPage(
    db,
    {
      table: "indicator_readings",
      columns: READING_COLUMNS,
      textSorts: textSortsOf(READING_LIST),
      search: [],
      dialect,
    },
    c,
  );

/** Indicators of some task forces (all when null), or by id. */
export async function indicatorsWhere(
  db: Executor,
  by: { readonly taskForceIds?: readonly string[] | null; readonly ids?: readonly string[] },
): Promise<Indicator[]> {
  let q = db.selectFrom("indicators").select(INDICATOR_COLUMNS);
  if (by.ids) q = by.ids.length ? q.where("id", "in", by.ids) : q.where("id", "=", "");
  if (by.taskForceIds)
    q = by.taskForceIds.length ? q.where("taskForceId", "in", by.taskForceIds) : q.where("id", "=", "");
  return (await q.execute()).map(toIndicator);
}

/** Readings of the indicators of some task forces (all when null), or by id. */
export async function readingsWhere(
  db: Executor,
  by: { readonly taskForceIds?: readonly string[] | null; readonly ids?: readonly string[] },
): Promise<Reading[]> {
  let q = db.selectFrom("indicator_readings").select(READING_COLUMNS);
  if (by.ids) q = by.ids.length ? q.where("id", "in", by.ids) : q.where("id", "=", "");
  if (by.taskForceIds)
    q = q.where(
      "indicatorId",
      "in",
      db
        .selectFrom("indicators")
        .select("id")
        .where("taskForceId", "in", by.taskForceIds.length ? by.taskForceIds : [""]),
    );
  return q.execute();
}

/** Ids of the indicators of some task forces. */
export async function indicatorIdsOf(db: Executor, taskForceIds: readonly string[]): Promise<string[]> {
  if (taskForceIds.length === 0) return [];
  const rows = await db
    .selectFrom("indicators")
    .select("id")
    .where("taskForceId", "in", taskForceIds)
    .execute();
  return rows.map((r) => r.id);
}

/** The latest reading of an indicator for a month before `period`, other than `exceptId`, or undefined. */
export function previousReading(db: Executor, indicatorId: string, period: string, exceptId: string | null) {
  let q = db
    .selectFrom("indicator_readings")
    .select(["period", "actual"])
    .where("indicatorId", "=", indicatorId)
    .where("period", "<", period);
  if (exceptId) q = q.where("id", "!=", exceptId);
  return q.orderBy("period", "desc").executeTakeFirst();
}
