import type { Executor } from "../context.js";
import { textSortsOf } from "../records/list.js";
import { type ListCriteria, listPage } from "../records/list-page.js";
import { GOAL_LIST, type Goal } from "./goal.js";

const COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "code",
  "title",
  "level",
  "parentId",
  "orgUnitId",
  "description",
  "year",
] as const;

/** A page of goals. */
export const listGoalRows = (db: Executor, c: ListCriteria, dialect: "sqlite" | "postgres") =>
  listPage(
    db,
    {
      table: "goals",
      columns: COLUMNS,
      textSorts: textSortsOf(GOAL_LIST),
      search: GOAL_LIST.search,
      dialect,
    },
    c,
  );

/** Every goal, by code (the overview shows the whole cascade). */
export function allGoals(db: Executor): Promise<Goal[]> {
  return db.selectFrom("goals").select(COLUMNS).orderBy("code").execute();
}
