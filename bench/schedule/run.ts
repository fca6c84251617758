/**
 * `npm run bench:schedule [-- --sizes 10000,100000,1000000] [--compiled | --source]`: generates the random schedule files
 * (bench/out/, deterministic), then for each size
 *  - runs the real `guatu schedule FILE --format json` process (compiled `dist` when present, else
 *    from source through tsx), output to /dev/null, measuring wall time and peak RSS;
 *  - times in this process what the CLI does: reading the bytes into arrays (`readScheduleBytes`),
 *    the engine on them (`scheduleInput`, median of 3) and the streamed JSON serialisation of its
 *    result; then the usual path for files the byte reader leaves to it (`parseJsonBytes`, then
 *    `computeSchedule` on the parsed objects, median of 3), comparable with earlier figures.
 * Prints a markdown table for docs/benchmarks.md.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { parseJsonBytes } from "../../src/engines/schedule/parse-json-bytes.js";
import { readScheduleBytes } from "../../src/engines/schedule/read-schedule-bytes.js";
import { computeSchedule, scheduleInput } from "../../src/engines/schedule/schedule.js";
import { reserveScheduleMemory } from "../../src/engines/schedule/scratch.js";
import { generateScheduleFile } from "./generate.js";

const root = join(import.meta.dirname, "..", "..");
const arg = process.argv.indexOf("--sizes");
const sizes = (arg > 0 ? process.argv[arg + 1]! : "10000,100000,1000000").split(",").map(Number);
/**
 * `--compiled`: build the CLI with tsc into bench/out/build/dist (not the shared dist/) and run that,
 * as `npm start` users would; otherwise `dist` when present, else the source through tsx.
 */
const ownBuild = process.argv.includes("--compiled");
if (ownBuild) {
  mkdirSync(join(root, "bench", "out", "build"), { recursive: true });
  copyFileSync(join(root, "package.json"), join(root, "bench", "out", "build", "package.json"));
  spawnSync(
    process.execPath,
    [
      join(root, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      "tsconfig.build.json",
      "--outDir",
      "bench/out/build/dist",
    ],
    { cwd: root, stdio: "inherit" },
  );
}
const mainJs = ownBuild
  ? join(root, "bench", "out", "build", "dist", "cli", "main.js")
  : join(root, "bin", "guatu.js");
const fromSource =
  process.argv.includes("--source") || (!ownBuild && !existsSync(join(root, "dist", "cli", "main.js")));
const cliLabel = ownBuild
  ? "compiled with tsc (bench/out/build)"
  : fromSource
    ? "from source through tsx (GUATU_FROM_SOURCE=1)"
    : "bin/guatu.js on the existing dist/ (rebuild it first: npm run build)";

/** Runs the CLI once; wall time from here, peak RSS from /usr/bin/time -v (or /proc polling). */
async function runCli(
  file: string,
): Promise<{ wallMs: number; cpuS: number; rssMb: number; code: number | null }> {
  const env = { ...process.env, ...(fromSource ? { GUATU_FROM_SOURCE: "1" } : {}) };
  const args = [mainJs, "schedule", file, "--format", "json"];
  const timeV = existsSync("/usr/bin/time");
  const [cmd, argv] = timeV ? ["/usr/bin/time", ["-v", process.execPath, ...args]] : [process.execPath, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { env, stdio: ["ignore", openSync("/dev/null", "w"), "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (b: Buffer) => {
    stderr += b.toString();
  });
  let polled = 0;
  const poll = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (hwm) polled = Math.max(polled, Number(hwm[1]));
    } catch {}
  }, 50);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  clearInterval(poll);
  const wallMs = performance.now() - started;
  const max = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpuS = user && sys ? Number(user[1]) + Number(sys[1]) : Number.NaN;
  if (code !== 0) process.stderr.write(stderr);
  return { wallMs, cpuS, rssMb: (max ? Number(max[1]) : polled) / 1024, code };
}

function engineTimes(file: string): {
  readMs: number;
  firstMs: number;
  engineMs: number;
  jsonMs: number;
  parseMs: number;
  usualMs: number;
  deps: number;
} {
  reserveScheduleMemory(statSync(file).size); // as the CLI does
  const bytes = readFileSync(file);
  // The CLI's path: the file's bytes straight into the engine's arrays, then the engine.
  let t = performance.now();
  const input = readScheduleBytes(bytes);
  const readMs = performance.now() - t;
  if (!input) throw new Error(`${file}: readScheduleBytes left it to the usual path`);
  const runs: number[] = [];
  let jsonMs = 0;
  for (let r = 0; r < 3; r++) {
    t = performance.now();
    const result = scheduleInput(input)!;
    runs.push(performance.now() - t);
    t = performance.now();
    for (const chunk of result.jsonBytes()) if (chunk.length < 0) break;
    jsonMs = performance.now() - t;
  }
  const firstMs = runs[0]!;
  runs.sort((a, b) => a - b);
  // The usual path (files the byte reader leaves to it), comparable with earlier figures:
  // JSON.parse in batches, then computeSchedule on the parsed objects (median of 3).
  t = performance.now();
  const data = parseJsonBytes(bytes) as { dependencies: unknown[] };
  const parseMs = performance.now() - t;
  const usual: number[] = [];
  for (let r = 0; r < 3; r++) {
    t = performance.now();
    computeSchedule(data);
    usual.push(performance.now() - t);
  }
  usual.sort((a, b) => a - b);
  return {
    readMs,
    firstMs,
    engineMs: runs[1]!,
    jsonMs,
    parseMs,
    usualMs: usual[1]!,
    deps: input.deps.m,
  };
}

const rows: string[] = [];
for (const n of sizes) {
  const file = join(root, "bench", "out", `schedule-${n}.json`);
  if (!existsSync(file)) generateScheduleFile(file, n);
  const mb = statSync(file).size / 1e6;
  const cli = await runCli(file);
  const e = engineTimes(file);
  rows.push(
    `| ${n.toLocaleString("en")} | ${e.deps.toLocaleString("en")} | ${mb.toFixed(1)} | ${e.readMs.toFixed(0)} | ${e.firstMs.toFixed(0)} | ${e.engineMs.toFixed(0)} | ${e.jsonMs.toFixed(0)} | ${(cli.wallMs / 1000).toFixed(2)} | ${cli.cpuS.toFixed(2)} | ${cli.rssMb.toFixed(0)} | ${e.parseMs.toFixed(0)} | ${e.usualMs.toFixed(0)} |${cli.code === 0 ? "" : ` exit ${cli.code}`}`,
  );
  process.stderr.write(`${rows[rows.length - 1]}\n`);
}
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(
      " ",
    )}; Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; CLI ${cliLabel}; ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log(
  "| tasks | dependencies | file MB | read ms (bytes → arrays) | engine ms, first run | engine ms, median of 3 | JSON out ms | `guatu schedule` wall s | its CPU s (user + sys) | its peak RSS MB | usual path: parse ms | usual path: `computeSchedule` ms, median of 3 |",
);
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) console.log(r);
