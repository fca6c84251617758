/**
 * A province for `npm run bench:search`: the import benchmark's ledger (task forces of 500 tasks,
 * 20 units, 200 people) with real words — every task titled after a task of the demo district, every
 * task force after a demo task force and its county, task codes prefixed with the task force's number
 * as the demo's are (`07.12.3`) — plus indicators and 督办单 per task force, inserted as fixtures.
 * Titles repeat across task forces as they do across a province's counties, so a common word
 * (招商, zsyz) matches hundreds of records.
 */
import type { Db } from "../../src/domain/database.js";
import { buildDemoDataset } from "../../src/domain/demo/demo-data.js";
import type { LedgerSheets } from "../../src/domain/ledger/xlsx-write.js";
import { generateLedger } from "../import/generate.js";

const COUNTIES = ["城关", "新城", "高新", "临江", "东湖", "西山", "南塘", "北岭", "青石", "白沙"];
const demo = buildDemoDataset();

/** The task force's number as its tasks' code prefix: `TF0007` → `07`. */
const prefixOf = (tfCode: string) => String(Number(tfCode.slice(2))).padStart(2, "0");

/** The ledger of `taskForces` task forces × 500 tasks with the demo's words. */
export function generateSearchLedger(taskForces: number): LedgerSheets {
  const rows = generateLedger(taskForces);
  const code = (tf: unknown, c: unknown) => (c == null ? null : `${prefixOf(String(tf))}.${String(c)}`);
  return {
    ...rows,
    taskForces: (rows.taskForces ?? []).map((tf, f) => ({
      ...tf,
      name: `${COUNTIES[f % COUNTIES.length]}${demo.taskForces[f % demo.taskForces.length]!.name}`,
    })),
    tasks: (rows.tasks ?? []).map((t, k) => ({
      ...t,
      code: code(t.taskForceCode, t.code),
      parentCode: code(t.taskForceCode, t.parentCode),
      title: demo.tasks[k % demo.tasks.length]!.title,
    })),
    dependencies: (rows.dependencies ?? []).map((d) => ({
      ...d,
      predecessorCode: code(d.taskForceCode, d.predecessorCode),
      successorCode: code(d.taskForceCode, d.successorCode),
    })),
  };
}

const AT = "2022-08-15T01:00:00.000Z";
const base = { version: 1, createdAt: AT, updatedAt: AT };

/**
 * Inserts `perForce` indicators and 督办单 into every task force (fixtures: bulk, not through the
 * services, so no data change is recorded — the benchmark rebuilds the index after this).
 */
export async function insertIndicatorsAndItems(db: Db, perForce: number): Promise<number> {
  const forces = await db.selectFrom("task_forces").select(["id", "code"]).orderBy("code").execute();
  const indicators = [];
  const items = [];
  for (const [f, tf] of forces.entries())
    for (let k = 0; k < perForce; k++) {
      const ind = demo.indicators[(f * perForce + k) % demo.indicators.length]!;
      indicators.push({
        ...base,
        id: `bench-ind-${f}-${k}`,
        taskForceId: tf.id,
        taskId: null,
        code: `ZB${prefixOf(tf.code)}-${k + 1}`,
        name: ind.name,
        unit: ind.unit ?? "",
        kind: ind.kind,
        direction: ind.direction ?? "up",
        year: 2022,
        baseline: null,
        target: ind.target,
        monthlyPlan: null,
        ownerPersonId: null,
        note: null,
      });
      const item = demo.supervisionItems[(f * perForce + k) % demo.supervisionItems.length]!;
      items.push({
        ...base,
        id: `bench-si-${f}-${k}`,
        taskForceId: tf.id,
        taskId: null,
        code: `DB-2022-${String(f * perForce + k + 1).padStart(4, "0")}`,
        raisedById: null,
        raisedOn: item.raisedOn,
        issue: item.issue,
        requiredAction: item.requiredAction,
        responsiblePersonId: null,
        responsibleUnitId: null,
        dueDate: item.dueDate,
        state: "open" as const,
        rectification: null,
        submittedOn: null,
        verifiedOn: null,
        verifiedById: null,
        returnCount: 0,
        lastNote: null,
        escalatedOn: null,
        escalatedBy: null,
      });
    }
  for (let k = 0; k < indicators.length; k += 200) {
    await db
      .insertInto("indicators")
      .values(indicators.slice(k, k + 200))
      .execute();
    await db
      .insertInto("supervision_items")
      .values(items.slice(k, k + 200))
      .execute();
  }
  return indicators.length + items.length;
}
