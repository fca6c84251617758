/**
 * `npm run bench:import` — the ledger at province size: a workbook of BENCH_TASK_FORCES (default
 * 100) task forces × 500 tasks with about 90 dependencies per 50 tasks is imported into an empty
 * SQLite database and an empty PostgreSQL database, imported again (nothing changes), and exported.
 * Each step runs in its own process (`one.ts`), so its peak RSS is its own.
 * Options (env): BENCH_TASK_FORCES, BENCH_PG (server URL, default postgres://root@127.0.0.1/postgres;
 * "off" skips PostgreSQL).
 */
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { writeLedgerXlsx } from "../../src/domain/ledger/xlsx-write.js";
import { freshDatabase } from "../demo-database.js";
import { generateLedger } from "./generate.js";

const taskForces = Number(process.env.BENCH_TASK_FORCES ?? 100);
const pgAdmin = process.env.BENCH_PG ?? "postgres://root@127.0.0.1/postgres";
const dir = tmpdir();
const file = join(dir, `guatu-bench-import-${process.pid}.xlsx`);

const t0 = performance.now();
const rows = generateLedger(taskForces);
writeFileSync(file, await writeLedgerXlsx(rows));
console.log(
  `workbook: ${rows.tasks?.length} tasks, ${rows.dependencies?.length} dependencies, written in ${Math.round(performance.now() - t0)} ms`,
);

function step(name: string, url: string, path: string) {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "one.ts"), name, url, path],
    {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    },
  );
  return JSON.parse(out.trim().split("\n").pop() ?? "{}");
}

async function run(kind: "sqlite" | "postgres") {
  const { url, drop } = await freshDatabase(
    kind,
    kind === "sqlite" ? `guatu-bench-import-${process.pid}` : `guatu_bench_import_${process.pid}`,
    pgAdmin,
  );
  try {
    const first = step("import", url, file);
    const again = step("import", url, file);
    const out = step("export", url, `${file}.${kind}.xlsx`);
    rmSync(`${file}.${kind}.xlsx`, { force: true });
    console.log(
      `${kind}: import ${first.ms} ms (peak RSS ${first.rssMiB} MiB), second import ${again.ms} ms (written: ${again.detail.written}), export ${out.ms} ms (${out.rssMiB} MiB, ${(out.detail.bytes / 2 ** 20).toFixed(1)} MiB file)`,
    );
    return { kind, first, again, out };
  } finally {
    await drop();
  }
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()[0]?.toFixed(2)}, ${new Date().toISOString()}`,
);
await run("sqlite");
if (pgAdmin !== "off") await run("postgres");
rmSync(file, { force: true });
