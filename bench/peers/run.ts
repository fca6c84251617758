/**
 * `npm run bench:peers` — Guatu against TaskJuggler (tj3) on the same projects (issue 18). For each
 * size: one seeded model (bench/peers/model.ts) written as a Guatu schedule file and a .tjp; then
 * BENCH_RUNS (default 3) rounds, each running `tj3` and `guatu schedule FILE --format json` one after
 * the other (the order alternates), timed from spawn to exit; after every run, every task's late start
 * and late finish of the two are compared. First, tj3's working days are checked against Guatu's CN
 * calendar day by day. Prints a table; on the default sizes writes its section of docs/benchmarks.md.
 * Exits 1 when a date differs, 0 (skipping) when tj3 is not installed.
 * Options (env): BENCH_SIZES (default 200,1000,5000,20000), BENCH_RUNS (3).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { writeSection } from "../write-section.js";
import { compare, finishDay, readTjDates, workdayOnOrAfter } from "./compare.js";
import {
  cnDaysOff,
  generatePeerModel,
  PROJECT_DEADLINE,
  TJ_FROM,
  writeGuatuFile,
  writeTjCalendarProbe,
  writeTjpFile,
} from "./model.js";

const HEADING = "## Side by side with TaskJuggler (`npm run bench:peers`)";
const DEFAULT_SIZES = "200,1000,5000,20000";
const sizes = (process.env.BENCH_SIZES ?? DEFAULT_SIZES).split(",").map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const root = join(import.meta.dirname, "..", "..");
const out = join(root, "bench", "out", "peers");
const build = join(out, "build");
const mainJs = join(build, "dist", "cli", "main.js");
const load1 = () => loadavg()[0]!.toFixed(1);

function tj3Version(): string | undefined {
  const r = spawnSync("tj3", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? /[\d.]+\s*$/.exec(r.stdout.trim())?.[0] : undefined;
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The CLI compiled by tsc into bench/out/peers/build, as `npm start` runs it: not the shared dist/,
 * which `bin/guatu.js` skips (for tsx) as soon as anyone touches a source file.
 */
function compileCli(): void {
  if (existsSync(mainJs) && statSync(mainJs).mtimeMs >= newestSource(join(root, "src"))) return;
  process.stderr.write("compiling the CLI into bench/out/peers/build (tsc)…\n");
  mkdirSync(build, { recursive: true });
  copyFileSync(join(root, "package.json"), join(build, "package.json")); // "type": "module"
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", join(build, "dist")], {
      cwd: root,
      stdio: "inherit",
    });
  } catch {
    // Type errors elsewhere in a shared checkout still emit; only a missing CLI stops the bench.
    if (!existsSync(mainJs)) throw new Error("tsc produced no CLI");
    process.stderr.write("tsc reported errors (emitted anyway); benchmarking what it emitted\n");
  }
}

interface Run {
  wallS: number;
  cpuS: number;
  rssMb: number;
  load: number;
}

const timeV = existsSync("/usr/bin/time");

/**
 * Runs one process, stdout to `stdoutFile`; wall time from spawn to exit, CPU and peak RSS from
 * GNU time -v (NaN without it).
 */
async function timed(cmd: string, args: string[], stdoutFile: string, cwd: string): Promise<Run> {
  const fd = openSync(stdoutFile, "w");
  const started = performance.now();
  const child = timeV
    ? spawn("/usr/bin/time", ["-v", cmd, ...args], { cwd, stdio: ["ignore", fd, "pipe"] })
    : spawn(cmd, args, { cwd, stdio: ["ignore", fd, "pipe"] });
  closeSync(fd); // the child has its own copy
  let stderr = "";
  child.stderr!.on("data", (b: Buffer) => {
    stderr += b.toString();
  });
  const code = await new Promise<number | null>((done) => child.on("close", done));
  const wallS = (performance.now() - started) / 1000;
  const num = (re: RegExp) => Number(re.exec(stderr)?.[1] ?? Number.NaN);
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${code}:\n${stderr.slice(-4000)}`);
  return {
    wallS,
    cpuS: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
    rssMb: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
    load: loadavg()[0]!,
  };
}

/** tj3's working days against Guatu's calendar, every day of tj3's interval up to the deadline. */
async function checkCalendar(): Promise<{ days: number; differ: string[] }> {
  const dir = join(out, "calendar");
  mkdirSync(dir, { recursive: true });
  const days = writeTjCalendarProbe(join(dir, "probe.tjp"));
  await timed("tj3", ["--silent", "-o", dir, join(dir, "probe.tjp")], join(dir, "tj3.out"), dir);
  const tj = readTjDates(join(dir, "dates.csv"));
  const differ: string[] = [];
  for (const d of days) {
    const end = tj.get(`d${d.replaceAll("-", "")}`)?.[1];
    const guatu = workdayOnOrAfter(d);
    if (!end || finishDay(end) !== guatu) differ.push(`${d}: tj3 works next on ${end}, Guatu on ${guatu}`);
  }
  return { days: days.length, differ };
}

interface Row {
  n: number;
  deps: number;
  tj: Run[];
  guatu: Run[];
  compared: number;
  differ: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function measure(n: number): Promise<Row> {
  const dir = join(out, String(n));
  mkdirSync(dir, { recursive: true });
  const model = generatePeerModel(n);
  const json = join(dir, `project-${n}.json`);
  const tjp = join(dir, `project-${n}.tjp`);
  writeGuatuFile(model, json);
  writeTjpFile(model, tjp);
  const row: Row = { n, deps: model.deps.length, tj: [], guatu: [], compared: 0, differ: [] };
  const runTj = async () =>
    row.tj.push(await timed("tj3", ["--silent", "-o", dir, tjp], join(dir, "tj3.out"), dir));
  const runGuatu = async () =>
    row.guatu.push(
      await timed(
        process.execPath,
        [mainJs, "schedule", json, "--format", "json"],
        join(dir, "guatu.json"),
        dir,
      ),
    );
  for (let r = 0; r < runs; r++) {
    // Alternating order, so neither always runs on the cache (or load) the other left.
    if (r % 2 === 0) {
      await runTj();
      await runGuatu();
    } else {
      await runGuatu();
      await runTj();
    }
    const c = compare(model, join(dir, "guatu.json"), join(dir, "dates.csv"));
    row.compared = c.compared;
    if (c.differ.length > row.differ.length) row.differ = c.differ;
    const [tj, g] = [row.tj.at(-1)!, row.guatu.at(-1)!];
    process.stderr.write(
      `${n} tasks, run ${r + 1}/${runs}: tj3 ${tj.wallS.toFixed(2)} s, guatu ${g.wallS.toFixed(2)} s, ${c.differ.length} dates differ, load ${load1()}\n`,
    );
  }
  return row;
}

function table(rows: Row[]): string {
  const s = (x: number) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
  return [
    "| tasks | dependencies | tj3 wall s (median) | Guatu wall s (median) | ratio | tj3 CPU s | Guatu CPU s | tj3 / Guatu peak RSS MB | dates compared | dates differing | load (1 min) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => {
      const tj = median(r.tj.map((x) => x.wallS));
      const g = median(r.guatu.map((x) => x.wallS));
      return `| ${r.n.toLocaleString("en")} | ${r.deps.toLocaleString("en")} | ${s(tj)} | ${s(g)} | ${(tj / g).toFixed(1)}× | ${s(median(r.tj.map((x) => x.cpuS)))} | ${s(median(r.guatu.map((x) => x.cpuS)))} | ${median(r.tj.map((x) => x.rssMb)).toFixed(0)} / ${median(r.guatu.map((x) => x.rssMb)).toFixed(0)} | ${r.compared.toLocaleString("en")} | ${r.differ.length} | ${range([...r.tj, ...r.guatu].map((x) => x.load))} |`;
    }),
  ].join("\n");
}

const wall = (r: Row, side: "tj" | "guatu") => median(r[side].map((x) => x.wallS));
const cpuOf = (r: Row, side: "tj" | "guatu") => median(r[side].map((x) => x.cpuS));

/** The targets of issue 18 (on the wall-time ratio), each with its CPU-time ratio beside it. */
function targets(rows: Row[]): string {
  const goals: [number, number][] = [
    [200, 1],
    [5000, 50],
    [20000, 300],
  ];
  return goals
    .map(([n, goal]) => {
      const r = rows.find((x) => x.n === n);
      if (!r) return `${n.toLocaleString("en")} tasks: not measured in this run (target ≥ ${goal}×)`;
      const ratio = wall(r, "tj") / wall(r, "guatu");
      const cpuRatio = cpuOf(r, "tj") / cpuOf(r, "guatu");
      return `${n.toLocaleString("en")} tasks: **${ratio.toFixed(1)}×** against a target of ≥ ${goal}× — ${ratio >= goal ? "met" : "**not met**"} (CPU time: ${cpuRatio.toFixed(0)}×)`;
    })
    .join("; ");
}

/** How each side's time grows with the project: the exponent k of n^k between the first and last size. */
function growth(rows: Row[]): string {
  if (rows.length < 2) return "";
  const [a, b] = [rows[0]!, rows[rows.length - 1]!];
  const k = (side: "tj" | "guatu", f: typeof wall) =>
    (Math.log(f(b, side) / f(a, side)) / Math.log(b.n / a.n)).toFixed(2);
  const fixed = rows[0]!;
  return [
    `**Reading the figures.** From ${a.n.toLocaleString("en")} to ${b.n.toLocaleString("en")} tasks tj3's wall time grows as n^${k("tj", wall)} (CPU n^${k("tj", cpuOf)}), Guatu's as n^${k("guatu", wall)} (CPU n^${k("guatu", cpuOf)}):`,
    `Guatu's process is mostly Node.js start-up and loading the schedule command (${cpuOf(fixed, "guatu").toFixed(2)} s of CPU at ${fixed.n.toLocaleString("en")} tasks), so its ratio to tj3 grows with the project.`,
    "Both sides are single processes on a 2-core machine; under a load average well above 2 each gets a fraction of a core and its wall time stretches accordingly (tj3's more, as it runs longer), so the CPU times are the steadier comparison; the wall-time ratios are what the targets name.",
  ].join(" ");
}

async function main(): Promise<number> {
  const version = tj3Version();
  if (!version) {
    process.stderr.write(
      "bench:peers: tj3 (TaskJuggler) is not installed (Debian: apt-get install tj3); skipped\n",
    );
    return 0;
  }
  const started = new Date();
  const startLoad = load1();
  compileCli();
  const calendar = await checkCalendar();
  process.stderr.write(
    `calendar: ${calendar.days} days checked, ${calendar.differ.length} differ${calendar.differ.length ? `: ${calendar.differ.slice(0, 5).join("; ")}` : ""}\n`,
  );
  const rows: Row[] = [];
  for (const n of sizes) rows.push(await measure(n));
  const cpu = cpus();
  const ruby = spawnSync("ruby", ["--version"], { encoding: "utf8" }).stdout?.split(" ")[1] ?? "?";
  const holidays = cnDaysOff("2022-01-01", "2022-12-31")
    .filter((r) => r.name !== "weekend")
    .map((r) => `${r.name} ${r.first.slice(5)} +${r.days}`)
    .join(", ");
  const text = [
    `**Command:** \`npm run bench:peers\` (BENCH_SIZES=${sizes.join(",")}, BENCH_RUNS=${runs}).`,
    `**Machine:** ${cpu.length} cores (${cpu[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, TaskJuggler ${version} (Debian \`tj3\`, Ruby ${ruby}).`,
    `**Date:** ${started.toISOString().slice(0, 16).replace("T", " ")}–${new Date().toISOString().slice(11, 16)} UTC; load average (1 min) ${startLoad} at the start, ${load1()} at the end, and per row below (the range over its runs), on a machine shared with other work.`,
    "",
    "**What runs** (`bench/peers/run.ts`): for each size one seeded model (`bench/peers/model.ts`) is written as a Guatu schedule file and as a TaskJuggler project; then, " +
      `${runs} times in alternating order, \`tj3 --silent\` (which schedules and writes a CSV task report of id, start and end) and \`guatu schedule FILE --format json\` (the CLI compiled by tsc into \`bench/out/peers/build\`, output to a file), each its own process, timed from spawn to exit; CPU time and peak RSS from \`/usr/bin/time -v\`. The ratio is tj3's median wall time over Guatu's.`,
    "",
    `**The project:** task forces of 200 tasks (a summary each, ~3% nested summaries of 4–8 tasks), leaves of 1–8 working days (5% milestones), 20% with a deadline (Sep–Dec 2022), project deadline ${PROJECT_DEADLINE}; up to two predecessors per leaf (0.5% from an earlier task force), 85% finish-to-start and 15% finish-to-finish, 30% with a lag of 1–5 working days; the CN 2022 calendar. Scheduled as late as possible: in tj3 every task is ALAP with a \`length\` in working days, dependencies are \`precedes\` with \`gaplength\` (\`onend\` for FF; FF into a milestone is written FS, the same bound, as tj3's loop check mistakes chains of FF milestones for loops), a task deadline is a \`precedes\` to a milestone fixed at midnight after it, and the project ends at midnight after the deadline. The common model leaves out what the two cannot express alike: SS and SF dependencies (tj3 allows on-start dependencies only between ASAP tasks), negative lags (tj3 gaps are ≥ 0), dependencies and deadlines on summaries, status date, actual dates and notBefore (these move only Guatu's early dates; tj3 ALAP computes no early dates).`,
    "",
    `**Dates checked:** every task's late start and late finish (summaries included) against tj3's start and end, in every run. tj3's ends are exclusive timestamps (working hours 9:00–12:00, 13:00–18:00): an end becomes the working day of the last working hour before it, a start the day of the first working hour at or after it, and a zero-length span (a milestone) sits on its finish day, as in Guatu — on the project's first working day when it falls at the very start of it (SPEC: \`date(E−1)\`, or slot 0's date when \`E = 0\`). tj3's calendar: working hours on all seven days and every day off a global \`leaves holiday\`, taken straight from \`chinese-days\` (2022: ${holidays}; working weekends 01-29, 01-30, 04-02, 04-24, 05-07, 10-08, 10-09). Checked day by day: for each of the ${calendar.days} days from ${TJ_FROM} to ${PROJECT_DEADLINE}, a one-day tj3 task starting that midnight ends on the day Guatu's calendar names as the first working day on or after it — **${calendar.differ.length} days differ**.`,
    "",
    table(rows),
    "",
    `**Targets** (issue 18, on the wall-time ratio): ${targets(rows)}.`,
    "",
    growth(rows),
    ...rows
      .filter((r) => r.differ.length > 0)
      .map((r) => `\n${r.n} tasks, first differing dates: ${r.differ.slice(0, 5).join("; ")}`),
  ].join("\n");
  process.stdout.write(`${text}\n`);
  if ((process.env.BENCH_SIZES ?? DEFAULT_SIZES) === DEFAULT_SIZES) writeSection(HEADING, text);
  else process.stderr.write("BENCH_SIZES given: docs/benchmarks.md left as it is\n");
  return rows.some((r) => r.differ.length > 0) || calendar.differ.length > 0 ? 1 : 0;
}

process.exitCode = await main();
