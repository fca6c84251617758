/**
 * `npm run bench:load` — bulk writes through the service layer, on a fresh migrated SQLite file and a
 * fresh PostgreSQL database each:
 * - a plan of BENCH_TASKS (default 10,000) tasks with their dependencies (bench/schedule's
 *   generator, task forces of 200; links between task forces and repeated pairs dropped, as Guatu refuses them) written
 *   by `writePlanChanges` in one write, as the ledger import writes it;
 * - the demo district copied BENCH_DEMO_FACTOR times (default 43: 10,062 tasks) loaded by `loadDemo`.
 * Options (env): BENCH_TASKS, BENCH_DEMO_FACTOR (0 skips the demo), BENCH_PG (server URL, default
 * postgres://root@127.0.0.1/postgres; "off" skips PostgreSQL).
 */
import { readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { type ServiceContext, serviceContext } from "../../src/domain/context.js";
import { loadDemo } from "../../src/domain/demo/demo.service.js";
import { buildDemoDataset } from "../../src/domain/demo/demo-data.js";
import { createOrgUnit } from "../../src/domain/org/org-unit.service.js";
import { createPerson } from "../../src/domain/org/person.service.js";
import { write } from "../../src/domain/records/transaction.js";
import { createTaskForce } from "../../src/domain/task-forces/task-force.service.js";
import { type PlanChanges, writePlanChanges } from "../../src/domain/tasks/plan-bulk.service.js";
import type { DependencyCreate, TaskCreate } from "../../src/domain/tasks/task.js";
import { scaleDemo } from "../api/scale-demo.js";
import { freshDatabase } from "../demo-database.js";
import { generateScheduleFile } from "../schedule/generate.js";

const size = Number(process.env.BENCH_TASKS ?? 10_000);
const factor = Number(process.env.BENCH_DEMO_FACTOR ?? 43);
const pgAdmin = process.env.BENCH_PG ?? "postgres://root@127.0.0.1/postgres";
const GROUP = 200; // the generator's task force size

interface ScheduleTask {
  id: string;
  name: string;
  parent?: string;
  duration?: number;
  deadline?: string;
  actualStart?: string;
  actualFinish?: string;
  percent?: number;
  notBefore?: string;
}

/** The generated schedule as plan changes: task T<i> in task force TF<i / 200>. */
function planOf(n: number): { taskForces: string[]; changes: PlanChanges } {
  const file = join(tmpdir(), `guatu-bench-load-${process.pid}.json`);
  generateScheduleFile(file, n);
  const schedule = JSON.parse(readFileSync(file, "utf8")) as {
    tasks: ScheduleTask[];
    dependencies: { from: string; to: string; type: DependencyCreate["type"]; lag: number }[];
  };
  rmSync(file, { force: true });
  const tfOf = (id: string) => `tf-load-${Math.floor(Number(id.slice(1)) / GROUP)}`;
  const tasks = schedule.tasks.map((t) => {
    const input: TaskCreate = {
      taskForceId: tfOf(t.id),
      parentId: t.parent ? `task-${t.parent}` : null,
      code: t.id,
      title: t.name,
      duration: t.duration ?? null,
      deadline: t.deadline ?? null,
      notBefore: t.notBefore ?? null,
      actualStart: t.actualStart ?? null,
      actualFinish: t.actualFinish ?? null,
      percent: t.actualFinish ? 100 : (t.percent ?? 0),
      status: t.actualFinish ? "done" : t.actualStart ? "in_progress" : "not_started",
      responsibleUnitId: "ou-load",
      responsiblePersonId: "p-load",
    } as TaskCreate;
    return { id: `task-${t.id}`, input };
  });
  // The generator may draw a pair twice; Guatu keeps one dependency per pair.
  const pairs = new Set<string>();
  const dependencies = schedule.dependencies
    .filter(
      (d) => tfOf(d.from) === tfOf(d.to) && !pairs.has(`${d.from}>${d.to}`) && pairs.add(`${d.from}>${d.to}`),
    )
    .map((d, k) => ({
      id: `dep-${k}`,
      input: { predecessorId: `task-${d.from}`, successorId: `task-${d.to}`, type: d.type, lag: d.lag },
    }));
  const taskForces = [...new Set(tasks.map((t) => t.input.taskForceId))];
  return {
    taskForces,
    changes: { tasks: { creates: tasks, updates: [] }, dependencies: { creates: dependencies, updates: [] } },
  };
}

async function withDatabase<T>(
  kind: "sqlite" | "postgres",
  name: string,
  run: (ctx: ServiceContext) => Promise<T>,
): Promise<T> {
  const dbName =
    kind === "sqlite" ? `guatu-bench-load-${name}-${process.pid}` : `guatu_bench_load_${name}_${process.pid}`;
  const { url, drop } = await freshDatabase(kind, dbName, pgAdmin);
  const database = openDatabase(kind === "sqlite" ? { kind, url, path: url.slice(7) } : { kind, url });
  try {
    await migrateToLatest(database.db);
    return await run(serviceContext(database, "bench", () => "2022-08-15T01:00:00.000Z"));
  } finally {
    await database.close();
    await drop();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function loadPlan(kind: "sqlite" | "postgres", plan: ReturnType<typeof planOf>): Promise<number> {
  return withDatabase(kind, "plan", async (ctx) => {
    // The task forces and the one unit and person the tasks name: not timed.
    await write(ctx, async (w) => {
      await createOrgUnit(w, { code: "U1", name: "区第1局", kind: "department" }, "ou-load");
      await createPerson(w, { name: "干部1", orgUnitId: "ou-load" }, "p-load");
      for (const [k, id] of plan.taskForces.entries())
        await createTaskForce(w, { code: `TF${k + 1}`, name: `第${k + 1}专班`, startDate: "2022-07-01" }, id);
    });
    const t0 = performance.now();
    await write(ctx, (w) => writePlanChanges(w, plan.changes));
    return performance.now() - t0;
  });
}

async function loadScaledDemo(kind: "sqlite" | "postgres"): Promise<number> {
  const data = scaleDemo(buildDemoDataset(), factor);
  return withDatabase(kind, "demo", async (ctx) => {
    const t0 = performance.now();
    const result = await loadDemo(ctx, data);
    if (!result.loaded) throw new Error("the demo was not loaded");
    return performance.now() - t0;
  });
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}, ${new Date().toISOString()}`,
);
const plan = planOf(size);
const deps = plan.changes.dependencies.creates.length;
const demoTasks = factor > 0 ? scaleDemo(buildDemoDataset(), factor).tasks.length : 0;
const kinds: ("sqlite" | "postgres")[] = pgAdmin === "off" ? ["sqlite"] : ["sqlite", "postgres"];
const rows: string[] = [];
for (const kind of kinds) {
  const planMs = await loadPlan(kind, plan);
  const demoMs = factor > 0 ? await loadScaledDemo(kind) : null;
  const row = `| ${kind === "sqlite" ? "SQLite" : "PostgreSQL"} | ${seconds(planMs)} | ${demoMs === null ? "—" : seconds(demoMs)} |`;
  console.log(row);
  rows.push(row);
}
console.log(
  `\n| database | plan: ${size.toLocaleString("en")} tasks, ${deps.toLocaleString("en")} dependencies (writePlanChanges) | demo ×${factor}: ${demoTasks.toLocaleString("en")} tasks (loadDemo) |`,
);
console.log("|---|---:|---:|");
for (const r of rows) console.log(r);
console.log(
  `load after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
