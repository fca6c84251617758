import type { GoalLevel } from "../../shared/api/goals.js";
import type { RecordColumns } from "../records/record.table.js";

/** `goals`: the cascade (层层衔接) from strategy down to annual goals. */
export interface GoalTable extends RecordColumns {
  code: string;
  title: string;
  level: GoalLevel;
  parentId: string | null;
  orgUnitId: string | null;
  description: string | null;
  year: number | null;
}
