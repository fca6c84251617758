/**
 * `npm run bench:cascade` — the indicator cascade engine at district-of-districts size: 2,000
 * top-level indicators, each split down 4 levels (root → 3 → 2 → 2: 22 indicators per root, 44,000
 * in all), targets split with `splitTarget` and cumulative plans with `splitMonthly`, and 12
 * months of readings on the leaves (about 5 % of leaf-months missing; the cumulative roots also
 * report their own statistics-bureau figure). Times `rollUp` over the 12 months and `checkCascade`
 * (with task links): warm-up runs, then the median and worst of the timed runs; and peak RSS.
 * Options (env): BENCH_ROOTS (default 2000), BENCH_RUNS (default 25), BENCH_WARMUP (default 5).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import {
  type CascadeIndicator,
  type CascadeReading,
  checkCascade,
  rollUp,
  splitMonthly,
  splitTarget,
} from "../../src/engines/cascade/index.js";
import type { IndicatorKind } from "../../src/vocabulary/index.js";

const ROOTS = Number(process.env.BENCH_ROOTS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const FAN_OUT = [3, 2, 2];
const MONTHS = Array.from({ length: 12 }, (_, k) => `2022-${String(k + 1).padStart(2, "0")}`);
const KINDS: IndicatorKind[] = ["cumulative", "cumulative", "cumulative", "rate", "rate", "level"];

/** Deterministic PRNG (mulberry32), so every run times the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(): { indicators: CascadeIndicator[]; readings: CascadeReading[]; linked: Set<string> } {
  const rand = prng(20221231);
  const indicators: CascadeIndicator[] = [];
  const readings: CascadeReading[] = [];
  const linked = new Set<string>();
  const profile = MONTHS.map(() => 5 + Math.floor(rand() * 10));
  for (let r = 0; r < ROOTS; r++) {
    const kind = KINDS[r % KINDS.length]!;
    const direction = r % 10 === 9 ? "down" : "up";
    const rootTarget = kind === "rate" ? 5.5 : kind === "level" ? 90 : 1000 + Math.floor(rand() * 9000);
    // Breadth-first: each level's indicators are split among their children by random shares.
    let level: CascadeIndicator[] = [node(`r${r}`, null, rootTarget, 1)];
    indicators.push(level[0]!);
    for (const fan of FAN_OUT) {
      const next: CascadeIndicator[] = [];
      for (const parent of level) {
        const shares = Array.from({ length: fan }, () => 1 + Math.floor(rand() * 9));
        splitTarget(parent, { method: "shares", shares }, fan).forEach((s, i) => {
          next.push(node(`${parent.id}.${i}`, parent.id, s.target, s.weight));
        });
      }
      indicators.push(...next);
      level = next;
    }
    for (const leaf of level) {
      if (rand() < 0.9) linked.add(leaf.id);
      MONTHS.forEach((period, k) => {
        if (rand() < 0.05) return;
        const ytd = kind === "cumulative" ? (leaf.target * (k + 1)) / 12 : leaf.target;
        readings.push({
          indicatorId: leaf.id,
          period,
          actual: Math.round(ytd * (0.8 + rand() * 0.4) * 100) / 100,
        });
      });
    }
    if (kind === "cumulative")
      MONTHS.forEach((period, k) => {
        readings.push({ indicatorId: `r${r}`, period, actual: Math.round((rootTarget * (k + 1)) / 12) });
      });

    function node(id: string, parentId: string | null, target: number, weight: number): CascadeIndicator {
      return {
        id,
        parentId,
        kind,
        direction,
        target,
        weight: kind === "cumulative" ? null : weight,
        ownerPersonId: id.length % 7 === 0 ? null : `p${id.length}`,
        monthlyPlan:
          kind === "cumulative"
            ? splitMonthly(target, 2022, { method: "profile", monthly: profile }, 2)
            : null,
      };
    }
  }
  return { indicators, readings, linked };
}

interface Timing {
  readonly median: number;
  readonly worst: number;
  /** Median CPU time of the process (all threads, so parallel GC is included). */
  readonly cpu: number;
}

/** Warm-up runs, then RUNS timed ones: wall-time median and worst, CPU-time median, in ms. */
function time(run: () => unknown): Timing {
  for (let i = 0; i < WARMUP; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { median: median(wall), worst: Math.max(...wall), cpu: median(cpu) };
}

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const loadAtStart = load();
const started = new Date().toISOString();
const genStart = performance.now();
const { indicators, readings, linked } = generate();
const genMs = performance.now() - genStart;

let rolledCount = 0;
const roll = time(() => {
  rolledCount = rollUp(indicators, readings, MONTHS).size;
});
// `months` is built on first access: also time reading every month of every indicator.
let monthCount = 0;
const rollAll = time(() => {
  monthCount = 0;
  for (const x of rollUp(indicators, readings, MONTHS).values()) monthCount += x.months.length;
});
let findingCount = 0;
const check = time(() => {
  findingCount = checkCascade(indicators, { linkedIndicatorIds: linked }).length;
});
const rssMb = process.resourceUsage().maxRSS / 1024;

const row = (what: string, t: Timing) =>
  `| ${what} | ${t.median.toFixed(1)} | ${t.worst.toFixed(1)} | ${t.cpu.toFixed(1)} |`;
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`,
);
console.log(`started ${started}, load average ${loadAtStart} at start, ${load()} at end`);
console.log(
  `data: ${indicators.length} indicators (${ROOTS} roots × 22), ${readings.length} readings, ${MONTHS.length} months; generated in ${Math.round(genMs)} ms`,
);
console.log(
  `runs: ${WARMUP} warm-up, ${RUNS} timed; ${rolledCount} indicators rolled up, ${findingCount} findings\n`,
);
console.log("| what | median ms | worst ms | CPU median ms |");
console.log("|---|---:|---:|---:|");
console.log(row(`\`rollUp\` (${indicators.length} indicators × ${MONTHS.length} months)`, roll));
console.log(row(`\`rollUp\`, then every month of every indicator read (${monthCount} months)`, rollAll));
console.log(row("`checkCascade` (with task links)", check));
console.log(`\npeak RSS of the process: ${rssMb.toFixed(0)} MB`);
