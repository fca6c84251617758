/**
 * `npm run bench:search` — the global search at province size: BENCH_TASK_FORCES (default 60) task
 * forces × 500 tasks = 30,000 tasks with the demo's words (generate.ts), 10 indicators and 10 督办单
 * each, 200 people, on SQLite and PostgreSQL. Measured in this process, through the service as the
 * route calls it (`searchRecords`: the index's catch-up check, the query, the names):
 * 1. the first search after a bulk ledger import into a database whose index was current (it
 *    replays the import's changes), and a rebuild of the whole index (as after an upgrade);
 * 2. p50/p95 latency of typical queries, BENCH_RUNS times each (default 100, after 5 warm-ups), for
 *    an unscoped reader and for a member of 2 task forces;
 * 3. a search right after a task is retitled (it replays one change).
 * Options (env): BENCH_TASK_FORCES, BENCH_RUNS, BENCH_PG (server URL, default
 * postgres://root@127.0.0.1/postgres; "off" skips PostgreSQL), BENCH_WRITE=1 writes docs/benchmarks.md.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import type { Principal } from "../../src/domain/accounts/principal.js";
import { type ServiceContext, serviceContext } from "../../src/domain/context.js";
import { importLedger } from "../../src/domain/ledger/ledger.service.js";
import { writeLedgerXlsx } from "../../src/domain/ledger/xlsx-write.js";
import { searchRecords } from "../../src/domain/search/search.service.js";
import { rebuildSearchIndex, syncSearchIndex } from "../../src/domain/search/search-sync.js";
import { updateTask } from "../../src/domain/tasks/task.service.js";
import { freshDatabase } from "../demo-database.js";
import { writeSection } from "../write-section.js";
import { generateSearchLedger, insertIndicatorsAndItems } from "./generate.js";

const taskForces = Number(process.env.BENCH_TASK_FORCES ?? 60);
const runs = Number(process.env.BENCH_RUNS ?? 100);
const pgAdmin = process.env.BENCH_PG ?? "postgres://root@127.0.0.1/postgres";

/** Typical queries: what a person types in the header's search box. */
const QUERIES = [
  ["pinyin initials", "zsyz"],
  ["pinyin initials", "jlzsxmxsk"],
  ["initials, 2 letters", "zs"],
  ["full pinyin", "xiangmu"],
  ["code part", "2.1"],
  ["exact code", "02.12.3"],
  ["Chinese, 2 characters", "招商"],
  ["Chinese, 2 characters", "项目"],
  ["Chinese, 4 characters", "招商引资"],
  ["Chinese, 4 characters", "项目申报"],
] as const;

const ms = (x: number) => x.toFixed(1);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
/** Wall milliseconds of `fn`, its result, and this process's CPU milliseconds meanwhile. */
async function timed<T>(fn: () => Promise<T>): Promise<[number, T, number]> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = await fn();
  const c = process.cpuUsage(c0);
  return [performance.now() - t0, out, (c.user + c.system) / 1000];
}

const member = (ids: string[]): Principal => ({
  userId: "u-bench",
  username: "bench",
  displayName: "bench",
  personId: null,
  roles: ["member"],
  via: "session",
  taskForceScope: null,
  leadTaskForceIds: new Set(),
  ownTaskForceIds: new Set(ids),
});

async function run(kind: "sqlite" | "postgres", workbook: Buffer): Promise<string[]> {
  const { url, drop } = await freshDatabase(kind, `guatu_bench_search_${process.pid}`, pgAdmin);
  const database = openDatabase(kind === "sqlite" ? { kind, url, path: url.slice(7) } : { kind, url });
  const out: string[] = [];
  try {
    const { error } = await migrateToLatest(database.db);
    if (error) throw error;
    const ctx = serviceContext(database, "bench", () => "2022-08-15T01:00:00.000Z");
    await searchRecords(ctx, { q: "zs", limit: 20 });
    const [importMs, imported] = await timed(() => importLedger(ctx, workbook, { fileName: "bench.xlsx" }));
    if (imported.problems.length) throw new Error(JSON.stringify(imported.problems.slice(0, 3)));
    const [replayMs, replay, replayCpu] = await timed(() => syncSearchIndex(database));
    await insertIndicatorsAndItems(database.db, 10);
    const [rebuildMs, rebuild, rebuildCpu] = await timed(() => rebuildSearchIndex(database));
    const tasks = await database.db
      .selectFrom("tasks")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out.push(
      `| ${kind} | ${Number(tasks.n).toLocaleString("en")} | ${ms(importMs / 1000)} s | ${Math.round(replayMs)} ms, CPU ${Math.round(replayCpu)} ms (${replay.mode}, ${replay.entries.toLocaleString("en")} entries) | ${Math.round(rebuildMs)} ms, CPU ${Math.round(rebuildCpu)} ms (${rebuild.entries.toLocaleString("en")} entries) |`,
    );
    const forces = await database.db
      .selectFrom("task_forces")
      .select("id")
      .orderBy("code")
      .limit(2)
      .execute();
    const scoped: ServiceContext = { ...ctx, principal: member(forces.map((f) => f.id)) };
    for (const [label, q] of QUERIES) {
      const row = [label, `\`${q}\``];
      for (const c of [ctx, scoped]) {
        for (let k = 0; k < 5; k++) await searchRecords(c, { q, limit: 20 });
        const times: number[] = [];
        const cpu: number[] = [];
        let hits = 0;
        for (let k = 0; k < runs; k++) {
          const [t, r, u] = await timed(() => searchRecords(c, { q, limit: 20 }));
          times.push(t);
          cpu.push(u);
          hits = r.groups.reduce((n, g) => n + g.items.length, 0);
        }
        row.push(`${ms(pct(times, 0.5))} / ${ms(pct(times, 0.95))} / ${ms(pct(cpu, 0.5))} (${hits})`);
      }
      out.push(`| ${kind} | ${row.join(" | ")} |`);
    }
    const task = await database.db
      .selectFrom("tasks")
      .select(["id", "version"])
      .where("code", "=", "02.12.3")
      .executeTakeFirstOrThrow();
    const after: number[] = [];
    const afterCpu: number[] = [];
    let version = task.version;
    for (let k = 0; k < 20; k++) {
      version = (await updateTask(ctx, task.id, { version, title: `招商引资项目对接第${k}轮` })).version;
      const [t, r, u] = await timed(() => searchRecords(ctx, { q: `zsyzxmdjd${k}`, limit: 20 }));
      if (r.groups.length !== 1) throw new Error(`the retitled task was not found: ${JSON.stringify(r)}`);
      after.push(t);
      afterCpu.push(u);
    }
    out.push(
      `| ${kind} | right after a task is retitled (replays 1 change) | \`zsyzxmdjd0\`… | ${ms(pct(after, 0.5))} / ${ms(pct(after, 0.95))} / ${ms(pct(afterCpu, 0.5))} | |`,
    );
  } finally {
    await database.close();
    await drop();
  }
  return out;
}

async function main() {
  const loadStart = loadavg()[0]?.toFixed(1);
  const workbook = await writeLedgerXlsx(generateSearchLedger(taskForces));
  const kinds: ("sqlite" | "postgres")[] = pgAdmin === "off" ? ["sqlite"] : ["sqlite", "postgres"];
  const loads: string[] = [];
  const queries: string[] = [];
  for (const kind of kinds) {
    const lines = await run(kind, workbook);
    loads.push(lines[0]!);
    queries.push(...lines.slice(1));
    console.log(lines.join("\n"));
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}; load average ${loadStart} at the start, ${loadavg()[0]?.toFixed(1)} at the end; ${new Date().toISOString().slice(0, 16)} UTC`;
  console.log(machine);
  if (process.env.BENCH_WRITE !== "1") return;
  writeSection(
    "## Global search (`npm run bench:search`)",
    [
      `**Command**: \`npm run bench:search\` (BENCH_TASK_FORCES=${taskForces}, BENCH_RUNS=${runs}). **Machine**: ${machine}.`,
      "",
      "| database | tasks | ledger import | first search after it | rebuild of the whole index |",
      "|---|---:|---:|---:|---:|",
      ...loads,
      "",
      `Latency of \`searchRecords\` in ms: wall p50 / wall p95 / this process's CPU p50, over ${runs} runs (hits returned, limit 20). On PostgreSQL the database's own CPU is not in the last figure.`,
      "",
      "| database | query | q | unscoped | member of 2 task forces |",
      "|---|---|---|---:|---:|",
      ...queries,
    ].join("\n"),
  );
}

await main();
