/**
 * A province-sized ledger for `npm run bench:import`: `taskForces` task forces of 500 tasks (50
 * summary tasks of 9 leaves each), about 900 dependencies each between leaves (a chain inside each
 * summary, the same leaf of the next summary, and a longer link every eighth leaf), 20 units and
 * 200 people. Rows in the ledger's shape, so the real writer makes the workbook.
 */
import type { LedgerSheets } from "../../src/domain/ledger/xlsx-write.js";

const SUMMARIES = 50;
const LEAVES = 9;
const UNITS = 20;
const PEOPLE = 200;

/** Tasks per task force. */
export const TASKS_PER_TASK_FORCE = SUMMARIES * (LEAVES + 1);

export function generateLedger(taskForces: number): LedgerSheets {
  const units = Array.from({ length: UNITS }, (_, u) => ({
    code: `U${String(u + 1).padStart(2, "0")}`,
    name: `区第${u + 1}局`,
    kind: "department",
    parentCode: null,
    sort: u,
  }));
  const people = Array.from({ length: PEOPLE }, (_, p) => ({
    name: `干部${String(p + 1).padStart(3, "0")}`,
    unitCode: units[p % UNITS]!.code,
    post: "科长",
    phone: null,
    email: null,
  }));
  const tfs = [];
  const tasks = [];
  const dependencies = [];
  for (let f = 0; f < taskForces; f++) {
    const code = `TF${String(f + 1).padStart(4, "0")}`;
    tfs.push({
      code,
      name: `第${f + 1}专班`,
      leadLeader: people[f % PEOPLE]!.name,
      leadUnitCode: units[f % UNITS]!.code,
      coUnitCodes: [units[(f + 1) % UNITS]!.code],
      startDate: "2022-01-04",
      deadline: "2022-12-30",
      status: "active",
      objective: `第${f + 1}专班全年目标`,
      scope: null,
      measures: null,
      guarantees: null,
    });
    const leaf = (k: number) => `${Math.floor(k / LEAVES) + 1}.${(k % LEAVES) + 1}`;
    for (let s = 0; s < SUMMARIES; s++) {
      tasks.push(task(code, `${s + 1}`, `第${s + 1}项工作`, null, f + s, 0));
      for (let l = 0; l < LEAVES; l++)
        tasks.push(
          task(
            code,
            `${s + 1}.${l + 1}`,
            `第${s + 1}项工作第${l + 1}步`,
            `${s + 1}`,
            f + s + l,
            1 + ((s + l) % 3),
          ),
        );
    }
    for (let k = 0; k < SUMMARIES * LEAVES; k++) {
      const preds: number[] = [];
      if (k % LEAVES !== 0) preds.push(k - 1);
      if (k >= LEAVES) preds.push(k - LEAVES);
      if (k >= 45 && k % 8 === 0) preds.push(k - 45);
      for (const p of preds)
        dependencies.push({
          taskForceCode: code,
          predecessorCode: leaf(p),
          successorCode: leaf(k),
          type: "FS",
          lag: 0,
        });
    }
  }
  function task(
    tf: string,
    code: string,
    title: string,
    parentCode: string | null,
    n: number,
    duration: number,
  ) {
    const person = people[n % PEOPLE]!;
    return {
      taskForceCode: tf,
      code,
      title,
      parentCode,
      unitCode: person.unitCode,
      person: person.name,
      post: "责任科长",
      duration: parentCode ? duration : null,
      deadline: parentCode && code.endsWith(".9") && n % 5 === 0 ? "2022-12-15" : null,
      weight: 1,
      acceptance: parentCode ? "完成并通过验收" : null,
    };
  }
  return { units, people, taskForces: tfs, tasks, dependencies };
}
