import type { SlippageBaseline } from "../../shared/api/baselines.js";
import { appendAudits } from "../audit/audit.repository.js";
import type { DataChange } from "../audit/data-change.js";
import type { WriteContext } from "../context.js";
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
