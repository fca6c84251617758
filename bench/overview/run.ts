/**
 * `npm run bench:overview` — the overview for 100 task forces × 300 tasks × 20 indicators × 12
 * readings. Sections run in order and each returns figures; the engine section times the pure
 * `overview()` call (lights + indicator progress + trends + forecasts + assessment). An HTTP section
 * (GET /api/v1/overview on SQLite at the same size) is to be added to `sections` below.
 * Flags: `--runs N` (default 25, after 3 warm-ups), `--json` (print the figures as JSON).
 */
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import autocannon from "autocannon";
import { openDatabase } from "../../src/db/connection.js";
import { workCalendarFor } from "../../src/engines/calendar/index.js";
import { lightsFor } from "../../src/engines/lights/lights-for.js";
import { assess } from "../../src/engines/scoring/assess.js";
import { overview } from "../../src/engines/scoring/overview.js";
import { serveInChild, sessionCookie } from "../serve.js";
import { generateOverview, ISSUE_SIZE } from "./generate.js";
import { loadOverviewDb } from "./load-db.js";

/**
 * One measured figure: repeated timings in milliseconds. Wall time is what a caller waits; CPU time
 * (`process.cpuUsage`, all threads, so it includes parallel GC) is robust when other processes share
 * the machine's two cores and preempt the benchmark.
 */
export interface Figure {
  readonly name: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly p90Ms: number;
  readonly cpuMedianMs: number;
  /** HTTP figures only: the 99th percentile latency. */
  readonly p99Ms?: number;
}

const STATUS_DATE = "2022-12-15";
const run = promisify(execFile);

function time(name: string, runs: number, warmups: number, fn: () => unknown): Figure {
  for (let k = 0; k < warmups; k++) fn();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const at = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    name,
    runs,
    medianMs: round(at(ms, 0.5)),
    minMs: round(ms[0]!),
    p90Ms: round(at(ms, 0.9)),
    cpuMedianMs: round(at(cpu, 0.5)),
  };
}

/** The engine section: generates the data once, then times `overview()` and its parts. */
export function benchEngine(runs: number): Figure[] {
  const t0 = performance.now();
  const data = generateOverview(STATUS_DATE, ISSUE_SIZE);
  const generated = performance.now() - t0;
  const t1 = performance.now();
  const calendar = workCalendarFor({ builtin: "CN" }, { from: 2022, to: 2023 });
  const calendarMs = performance.now() - t1;
  const input = { ...data, calendar };
  const lights = lightsFor(input, STATUS_DATE);
  console.error(
    `data: ${data.taskForces.length} task forces, ${data.tasks.length} tasks, ${data.indicators?.length} indicators, ` +
      `${(data.indicators ?? []).reduce((s, i) => s + i.readings.length, 0)} readings, ${data.supervisionItems?.length} supervision items ` +
      `(generated in ${generated.toFixed(0)} ms; calendar built in ${calendarMs.toFixed(1)} ms, once per organisation, not timed below)`,
  );
  return [
    time("overview (engine total)", runs, 3, () => overview(input)),
    time("  lightsFor (tasks, indicators, task forces)", runs, 3, () => lightsFor(input, STATUS_DATE)),
    time("  assess (task forces, units, persons)", runs, 3, () => assess({ ...input, lights })),
  ];
}

/**
 * The HTTP section: the same organisation bulk-loaded into a temporary SQLite file, served by
 * `guatu serve` in its own process; the first (cold) `GET /api/v1/overview`, then autocannon for
 * BENCH_SECONDS (default 10) with 10 connections asking for gzip, after BENCH_WARMUP_SECONDS (3) of the same load.
 */
export async function benchHttp(): Promise<Figure[]> {
  const path = join(tmpdir(), `guatu-bench-overview-${process.pid}.db`);
  const clean = () => {
    for (const s of ["", "-wal", "-shm"]) rmSync(`${path}${s}`, { force: true });
  };
  clean();
  const database = openDatabase({ kind: "sqlite", url: `sqlite:${path}`, path });
  await loadOverviewDb(database, generateOverview(STATUS_DATE, ISSUE_SIZE));
  await database.close();
  const server = await serveInChild(`sqlite:${path}`);
  try {
    const cookie = await sessionCookie(server.base, "admin", "bench-password");
    const t0 = performance.now();
    const first = await fetch(`${server.base}/api/v1/overview`, { headers: { cookie } });
    const body = await first.text();
    const coldMs = performance.now() - t0;
    if (first.status !== 200) throw new Error(`overview answered ${first.status}: ${body.slice(0, 200)}`);
    const seconds = Number(process.env.BENCH_SECONDS ?? 10);
    // Browsers ask for gzip; so does the bench (autocannon counts the bytes, it does not inflate them).
    const headers = { cookie, "accept-encoding": "gzip, deflate, br" };
    const load = (duration: number) =>
      autocannon({ url: `${server.base}/api/v1/overview`, connections: 10, duration, headers, workers: 1 });
    const warmUp = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
    await load(warmUp);
    const r = await load(seconds);
    // autocannon's parser is the bottleneck at 540 KB per answer (the server idles most of the
    // time); a plain node:http client in its own process measures the server.
    const { stdout } = await run(process.execPath, [
      join(import.meta.dirname, "..", "http-load.mjs"),
      JSON.stringify({
        url: `${server.base}/api/v1/overview`,
        connections: 10,
        seconds,
        warmUpSeconds: warmUp,
        headers,
      }),
    ]);
    const n = JSON.parse(stdout) as { requests: number; rps: number; p50: number; p90: number; p99: number };
    // The first read after a change: a progress report (as an owner would send), then the overview.
    const me = (await (await fetch(`${server.base}/api/v1/auth/me`, { headers: { cookie } })).json()) as {
      csrfToken: string;
    };
    const afterChange: number[] = [];
    for (let k = 0; k < 10; k++) {
      const w = await fetch(`${server.base}/api/v1/progress-reports`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", "x-csrf-token": me.csrfToken },
        // Plausible (text, and no less than any earlier report): the rules would refuse it otherwise.
        body: JSON.stringify({
          taskId: `tf-${k + 1}-1.1`,
          reportDate: STATUS_DATE,
          percent: 100,
          narrative: `bench change ${k + 1}`,
        }),
      });
      if (w.status !== 201) throw new Error(`progress report answered ${w.status}: ${await w.text()}`);
      const t = performance.now();
      const res = await fetch(`${server.base}/api/v1/overview`, { headers });
      await res.arrayBuffer();
      afterChange.push(performance.now() - t);
    }
    afterChange.sort((a, b) => a - b);
    console.error(
      `HTTP: overview body ${(body.length / 1e6).toFixed(1)} MB; autocannon ${Math.round(r.requests.average)} req/s, errors ${r.errors + r.non2xx}; node:http ${n.rps} req/s`,
    );
    const round = (x: number) => Math.round(x * 100) / 100;
    return [
      {
        name: "HTTP GET /api/v1/overview, first (cold)",
        runs: 1,
        medianMs: round(coldMs),
        minMs: round(coldMs),
        p90Ms: round(coldMs),
        cpuMedianMs: 0,
      },
      {
        name: "HTTP GET /api/v1/overview, first after a progress report",
        runs: afterChange.length,
        medianMs: round(afterChange[afterChange.length >> 1]!),
        minMs: round(afterChange[0]!),
        p90Ms: round(afterChange[Math.floor(afterChange.length * 0.9)]!),
        cpuMedianMs: 0,
      },
      {
        name: "HTTP GET /api/v1/overview, 10 connections, gzip, autocannon",
        runs: r.requests.total,
        medianMs: r.latency.p50,
        minMs: r.latency.min,
        p90Ms: r.latency.p90,
        p99Ms: r.latency.p99,
        cpuMedianMs: 0,
      },
      {
        name: "HTTP GET /api/v1/overview, 10 connections, gzip, node:http client",
        runs: n.requests,
        medianMs: n.p50,
        minMs: 0,
        p90Ms: n.p90,
        p99Ms: n.p99,
        cpuMedianMs: 0,
      },
    ];
  } finally {
    await server.stop();
    clean();
  }
}

/** Sections in order (`--only engine|http` runs one). */
const sections: { readonly name: string; readonly run: (runs: number) => Figure[] | Promise<Figure[]> }[] = [
  { name: "engine", run: benchEngine },
  { name: "http", run: benchHttp },
];

async function main(argv: readonly string[]): Promise<void> {
  const runsFlag = argv.indexOf("--runs");
  const runs = runsFlag >= 0 ? Number(argv[runsFlag + 1]) : 25;
  const figures: Figure[] = [];
  const onlyFlag = argv.indexOf("--only");
  const only = onlyFlag >= 0 ? argv[onlyFlag + 1] : undefined;
  for (const s of sections) if (!only || s.name === only) figures.push(...(await s.run(runs)));
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ${os.platform()} ${os.release()}`;
  if (argv.includes("--json")) {
    console.log(JSON.stringify({ date: new Date().toISOString(), machine, figures }, null, 2));
    return;
  }
  console.log(
    `machine: ${machine}; load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
  for (const f of figures) {
    console.log(
      `${f.name.padEnd(46)} median ${f.medianMs.toFixed(1)} ms  min ${f.minMs.toFixed(1)} ms  ` +
        `p90 ${f.p90Ms.toFixed(1)} ms  ${f.p99Ms === undefined ? "" : `p99 ${f.p99Ms.toFixed(1)} ms  `}CPU median ${f.cpuMedianMs.toFixed(1)} ms  (${f.runs} runs)`,
    );
  }
}

await main(process.argv.slice(2));
