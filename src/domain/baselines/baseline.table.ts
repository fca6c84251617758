/** `plan_baselines`: approved plan baselines of a task force, numbered 1, 2, … and never changed. */
export interface PlanBaselineTable {
  id: string;
  taskForceId: string;
  number: number;
  approvedAt: string;
  approvedBy: string | null;
  approvedByName: string;
  reason: string;
  statusDate: string;
}

/** `plan_baseline_tasks`: each task's planned dates in a baseline (code and title as they were). */
export interface PlanBaselineTaskTable {
  baselineId: string;
  taskId: string;
  code: string;
  title: string;
  start: string;
  finish: string;
}
