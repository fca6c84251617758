/**
 * `npm run bench:api` — HTTP throughput and latency of the nested task-force read and a paginated
 * task list, at demo size and 10× demo size, on SQLite and PostgreSQL. The server runs as its own
 * `guatu serve` process (log level warn); autocannon drives it from this process.
 * Options (env): BENCH_SECONDS (default 20), BENCH_WARMUP_SECONDS (3, the same load, not
 * recorded), BENCH_CONNECTIONS (50), BENCH_PG (a server URL, default
 * postgres://root@127.0.0.1/postgres; "off" to skip PostgreSQL), BENCH_FACTORS (sizes as multiples
 * of the demo, default "1,10"; 43 is 10,062 tasks).
 */
import { cpus } from "node:os";
import autocannon from "autocannon";
import { DEMO_PASSWORD } from "../../src/domain/demo/demo-accounts.js";
import { buildDemoDataset } from "../../src/domain/demo/demo-data.js";
import { prepareDemoDatabase } from "../demo-database.js";
import { serveInChild, sessionCookie } from "../serve.js";
import { writeSection } from "../write-section.js";
import { scaleDemo } from "./scale-demo.js";

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const pgAdmin = process.env.BENCH_PG ?? "postgres://root@127.0.0.1/postgres";
// 43× demo is 10,062 tasks (issue 18's list target is set at 10,000).
const factors = (process.env.BENCH_FACTORS ?? "1,10").split(",").map(Number);

interface Row {
  db: string;
  size: string;
  tasks: number;
  endpoint: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const prepare = (kind: "sqlite" | "postgres", factor: number) =>
  prepareDemoDatabase(kind, {
    name: `guatu_bench_${factor}_${process.pid}`,
    pgAdmin,
    dataset: scaleDemo(buildDemoDataset(), factor),
  });

const warmUpSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);

/** `path`, or each request the next of `paths` in turn (a list read page after page). */
async function measure(base: string, path: string | readonly string[], cookie: string) {
  let k = 0;
  const next = typeof path === "string" ? undefined : () => path[k++ % path.length]!;
  const run = (duration: number) =>
    autocannon({
      url: `${base}${typeof path === "string" ? path : path[0]}`,
      connections,
      duration,
      headers: { cookie },
      // A function cannot go to a worker thread: the varied list runs in this thread.
      ...(next ? { requests: [{ setupRequest: (req) => ({ ...req, path: next() }) }] } : { workers: 1 }),
    });
  // Steady state: the JIT has compiled the hot path and the per-revision cache holds the body (the
  // first render after a change is measured on its own by the integration tests, not here).
  await run(warmUpSeconds);
  const result = await run(seconds);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  const rows: Row[] = [];
  const kinds: ("sqlite" | "postgres")[] = pgAdmin === "off" ? ["sqlite"] : ["sqlite", "postgres"];
  for (const kind of kinds) {
    for (const factor of factors) {
      process.stderr.write(`preparing ${kind} ×${factor}…\n`);
      const db = await prepare(kind, factor);
      const { base, stop } = await serveInChild(db.url);
      try {
        const cookie = await sessionCookie(base, "admin", DEMO_PASSWORD);
        const tasks = (
          (await (await fetch(`${base}/api/v1/tasks?limit=1`, { headers: { cookie } })).json()) as {
            total: number;
          }
        ).total;
        // A cursor as deep as offset 1,000 (ten pages of 100 by cursor).
        let cursor = "";
        for (let k = 0; k < 10 && cursor !== null; k++) {
          const url = `${base}/api/v1/tasks?limit=100&sort=code&cursor=${cursor}`;
          cursor = ((await (await fetch(url, { headers: { cookie } })).json()) as { nextCursor: string })
            .nextCursor;
        }
        // Every page of the list in turn, so no two requests in a row ask for the same page.
        const pages = Array.from(
          { length: Math.ceil(tasks / 100) },
          (_, i) => `/api/v1/tasks?limit=100&offset=${i * 100}`,
        );
        const endpoints: Record<string, string | string[]> = {
          "GET /task-forces/tf-01/full (nested read)": "/api/v1/task-forces/tf-01/full",
          "GET /tasks?limit=50&offset=100&sort=code": "/api/v1/tasks?limit=50&offset=100&sort=code",
          "GET /tasks?limit=100&offset=1000 (default sort)": "/api/v1/tasks?limit=100&offset=1000",
          "GET /tasks?limit=100&sort=code&cursor=… (as deep)": `/api/v1/tasks?limit=100&sort=code&cursor=${cursor}`,
          "GET /tasks?limit=100&offset=… (every page in turn)": pages,
          "GET /tasks/t-01-1.2 (single record)": "/api/v1/tasks/t-01-1.2",
        };
        for (const [endpoint, path] of Object.entries(endpoints)) {
          process.stderr.write(`  ${endpoint} for ${seconds} s…\n`);
          rows.push({
            db: kind,
            size: factor === 1 ? "demo" : `${factor}× demo`,
            tasks,
            endpoint,
            ...(await measure(base, path, cookie)),
          });
        }
      } finally {
        await stop();
        await db.drop();
      }
    }
  }
  const table = [
    "| database | size | tasks | endpoint | req/s | p50 ms | p99 ms | errors |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.db} | ${r.size} | ${r.tasks} | ${r.endpoint} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} |`,
    ),
  ].join("\n");
  const when = new Date().toISOString().slice(0, 10);
  const text = [
    `Command: \`npm run bench:api\` (autocannon, ${seconds} s per row after ${warmUpSeconds} s of warm-up at the same load, ${connections} connections, signed in as the demo admin;`,
    `server: \`guatu serve\` in its own process, log level warn). Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}),`,
    `Node.js ${process.version}. Date: ${when}. Target: p99 under 20 ms for the nested read on SQLite at demo size.`,
    "",
    table,
  ].join("\n");
  process.stdout.write(`${table}\n`);
  writeSection("## HTTP API (`npm run bench:api`)", text);
}

await main();
