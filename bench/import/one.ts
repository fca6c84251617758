/**
 * One measured step of `npm run bench:import`, in its own process so that its peak RSS is its own:
 * `one.ts import|export DB_URL FILE`. Prints one JSON line: wall milliseconds, peak RSS in MiB and
 * what the step did.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { serviceContext } from "../../src/domain/context.js";
import { exportLedger, importLedger } from "../../src/domain/ledger/ledger.service.js";

const [step, url, file] = process.argv.slice(2);
if (!step || !url || !file) throw new Error("usage: one.ts import|export DB_URL FILE");
const database = openDatabase(
  url.startsWith("sqlite:") ? { kind: "sqlite", url, path: url.slice(7) } : { kind: "postgres", url },
);
await migrateToLatest(database.db);
const ctx = serviceContext(database, "bench");
const t0 = performance.now();
let detail: unknown;
if (step === "import") {
  const r = await importLedger(ctx, readFileSync(file), { fileName: "bench.xlsx" });
  if (r.problems.length) throw new Error(`import found problems: ${JSON.stringify(r.problems.slice(0, 5))}`);
  detail = { written: r.written, tasks: r.counts.tasks, dependencies: r.counts.dependencies };
} else {
  const bytes = await exportLedger(ctx);
  writeFileSync(file, bytes);
  detail = { bytes: bytes.length };
}
const ms = performance.now() - t0;
await database.close();
const rssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ step, ms: Math.round(ms), rssMiB: Math.round(rssMiB), detail })}\n`);
