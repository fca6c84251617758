/**
 * The demo district's district level alone: its goals and its district-level indicators (of no task
 * force), as an office sets them up on the 目标 screens before it imports its ledger. The ledger has
 * no rows of them; its shares and 支撑指标 name them by code.
 */

import type { DatabaseHandle } from "../src/db/connection.js";
import { serviceContext } from "../src/domain/context.js";
import { buildDemoDataset } from "../src/domain/demo/demo-data.js";
import { createGoal } from "../src/domain/goals/goal.service.js";
import { createIndicator } from "../src/domain/indicators/indicator.service.js";
import { write } from "../src/domain/records/transaction.js";
import { goalSchemas } from "../src/shared/api/goals.js";
import { indicatorSchemas } from "../src/shared/api/indicators.js";

/** Writes the demo's goals and district-level indicators (without units and owners, which the ledger brings). */
export async function loadDistrictLevel(database: DatabaseHandle): Promise<void> {
  const data = buildDemoDataset();
  const ctx = serviceContext(database, "test", () => "2022-08-15T01:00:00.000Z");
  await write(ctx, async (w) => {
    for (const { id, ...goal } of data.goals)
      await createGoal(w, goalSchemas.create.parse({ ...goal, orgUnitId: null }), id);
    for (const { id, ...indicator } of data.indicators.filter((i) => i.taskForceId === null))
      await createIndicator(
        w,
        indicatorSchemas.create.parse({ ...indicator, ownerPersonId: null, orgUnitId: null, taskId: null }),
        id,
      );
  });
}
