import type { SlippageBaseline } from "../../shared/api/baselines.js";
import { appendAudits } from "../audit/audit.repository.js";
import type { DataChange } from "../audit/data-change.js";
import type { WriteContext } from "../context.js";
import { lockTaskForce } from "../task-forces/task-force.repository.js";
import { refreshBaselinesInForce } from "./baseline.repository.js";

/**
 * Sets the tasks' baseline in force (first or latest approved, as chosen) for the task forces (null:
 * all) and audits each task whose dates moved, recorded as `change`. Answers how many moved.
 */
export async function refreshBaselinesAudited(
  w: WriteContext,
  taskForceIds: readonly string[] | null,
  against: SlippageBaseline,
  change: DataChange,
): Promise<number> {
  // The tasks are read, then rewritten with their versions moved on: their task forces are locked
  // first (in id order, as the plan's writers lock them), else a task edit committing in between
  // leaves the task at a version no audit entry names (PostgreSQL; SQLite writes one at a time).
  const ids =
    taskForceIds ?? (await w.uow.db.selectFrom("task_forces").select("id").execute()).map((r) => r.id);
  for (const id of [...ids].sort()) await lockTaskForce(w.uow, w.database.dialect, id);
  const changed = await refreshBaselinesInForce(w.uow.db, taskForceIds, against, w.now());
  await appendAudits(
    w,
    changed.map((c) => ({
      action: "update",
      entity: "task",
      entityId: c.after.id,
      before: c.before,
      after: c.after,
    })),
    change,
  );
  return changed.length;
}
