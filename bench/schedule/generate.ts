/**
 * Deterministic random schedule files for the benchmark: task forces of ~200 tasks, ~2
 * dependencies per task (all four types, leads and lags), 5% milestones, ~4% summaries (some with
 * dependencies), mixed deadlines, done and in-progress tasks at the status date, 2022 CN calendar.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { mulberry32 } from "../../src/domain/demo/data/prng.js";

const GROUP = 200;
const DEADLINES = ["2022-09-30", "2022-10-31", "2022-11-15", "2022-11-30", "2022-12-15"];
const TYPES = ["FS", "FS", "FS", "FS", "FS", "FS", "FS", "FS", "SS", "FF"] as const;
const day = (d: number) => `2022-07-${String(d).padStart(2, "0")}`;

/** Writes a schedule file of `n` tasks to `path`; returns its dependency count. */
export function generateScheduleFile(
  path: string,
  n: number,
  seed = 42,
): { tasks: number; dependencies: number } {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, "w");
  let buf: string[] = [];
  const out = (s: string) => {
    buf.push(s);
    if (buf.length >= 4096) {
      writeSync(fd, buf.join(""));
      buf = [];
    }
  };
  out(
    '{"calendar":{"builtin":"CN"},"projectStart":"2022-07-01","deadline":"2022-12-30","statusDate":"2022-08-15",\n"tasks":[\n',
  );
  const isSummary = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const g = i % GROUP;
    // The first task of every task force and a few others are summaries of the next 4–8 tasks.
    if (g === 0 || (g < GROUP - 10 && rnd() < 0.03)) isSummary[i] = 1;
  }
  const parentOf = new Int32Array(n).fill(-1);
  const isAncestor = (a: number, i: number): boolean => {
    for (let p = parentOf[i]!; p >= 0; p = parentOf[p]!) if (p === a) return true;
    return false;
  };
  let parent = -1;
  let left = 0;
  for (let i = 0; i < n; i++) {
    const g = i % GROUP;
    const t: string[] = [`"id":"T${i}"`, `"name":"任务 ${i}"`];
    if (parent >= 0 && left-- > 0 && i - parent < GROUP) {
      t.push(`"parent":"T${parent}"`);
      parentOf[i] = parent;
    }
    if (isSummary[i]) {
      parent = i;
      left = int(4, 8);
    } else {
      t.push(`"duration":${rnd() < 0.05 ? 0 : int(1, 8)}`);
      if (rnd() < 0.2) t.push(`"deadline":"${DEADLINES[int(0, DEADLINES.length - 1)]}"`);
      if (g < 12 && rnd() < 0.5) {
        const s = int(1, 20);
        t.push(`"actualStart":"${day(s)}"`);
        if (rnd() < 0.5) t.push(`"actualFinish":"${day(s + int(0, 10))}"`);
        else t.push(`"percent":${int(0, 90)}`);
      }
      if (rnd() < 0.02) t.push('"notBefore":"2022-09-01"');
    }
    out(`{${t.join(",")}}${i < n - 1 ? ",\n" : "\n"}`);
  }
  out('],\n"dependencies":[\n');
  let m = 0;
  for (let i = 0; i < n; i++) {
    const g = i % GROUP;
    const base = i - g;
    for (let k = 0; k < 2 && g > 0; k++) {
      // Mostly within the task force (an earlier task), sometimes from an earlier task force.
      const from = rnd() < 0.005 && base > 0 ? int(0, base - 1) : base + int(0, g - 1);
      if (from === i || (isSummary[from] && rnd() < 0.7) || (isSummary[i] && rnd() < 0.7)) continue;
      if (isAncestor(from, i)) continue; // a summary cannot precede its own descendants
      const type = rnd() < 0.04 ? "SF" : TYPES[int(0, TYPES.length - 1)];
      const lag = rnd() < 0.7 ? 0 : int(-3, 5);
      out(`${m++ > 0 ? ",\n" : ""}{"from":"T${from}","to":"T${i}","type":"${type}","lag":${lag}}`);
    }
  }
  out("\n]}\n");
  writeSync(fd, buf.join(""));
  closeSync(fd);
  return { tasks: n, dependencies: m };
}
