import type { Direction, IndicatorKind } from "../../vocabulary/index.js";
import type { RecordColumns } from "../records/record.table.js";

/** `indicators` (指标); `monthlyPlan` is JSON text of `{ "YYYY-MM": value }` or null. */
export interface IndicatorTable extends RecordColumns {
  /** Null for a district-level indicator. */
  taskForceId: string | null;
  taskId: string | null;
  code: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  year: number;
  baseline: number | null;
  target: number;
  monthlyPlan: string | null;
  ownerPersonId: string | null;
  note: string | null;
  parentId: string | null;
  goalId: string | null;
  orgUnitId: string | null;
  weight: number | null;
}

/** `task_indicators`: the indicators a task advances, in the task's order. */
export interface TaskIndicatorTable {
  taskId: string;
  indicatorId: string;
  sort: number;
}

/** `indicator_readings`: one month's actual of an indicator. */
export interface IndicatorReadingTable extends RecordColumns {
  indicatorId: string;
  period: string;
  actual: number;
  note: string | null;
  reportedById: string | null;
  reportedAt: string;
}
