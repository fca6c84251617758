/**
 * bench:ui report: prints the headline, keeps the raw figures in bench/out/ui-figures.json and
 * writes the "Web UI" section of docs/benchmarks.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { writeSection } from "../write-section.js";
import type { FrameRun, Load } from "./browser.js";
import { bundleSizes, outDir, percentile } from "./prepare.js";

const HEADING = "## Web UI (`npm run bench:ui`)";
/** Other sizes keep their own section, so the 5,000- and the 50,000-task figures stand side by side. */
const headingOf = (factor: number) =>
  factor === 22 ? HEADING : `## Web UI at ×${factor} (\`BENCH_UI_FACTOR=${factor} npm run bench:ui\`)`;
const loadAtStart = loadavg()[0]!.toFixed(1);

/** Everything the report prints. */
export interface Figures {
  factor: number;
  spike: { loads: Load[]; frames: FrameRun } | null;
  url: string;
  routed: boolean;
  loads: Load[];
  run: FrameRun;
  tasks: number;
  deps: number;
  chromium: string;
  /** The page drew the outline first (more than 200 task forces). */
  outlined: boolean;
  /** Opening the first folded task force, on a freshly loaded page, three times. */
  opens: { ms: number; rows: number }[];
  /** BENCH_UI_WHOLE=1: the whole map, every task a row. */
  whole: { load: Load; rows: number; run: FrameRun } | null;
}

/** Prints and writes the figures. */
export function report(f: Figures) {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const frames = f.run.frames.filter((d) => d > 0);
  const ready = f.loads.map((l) => l.ready);
  const med = (pick: (l: Load) => number) => percentile(f.loads.map(pick), 50);
  const first = f.loads[0]!;
  const sizes = bundleSizes();
  const line = `ready: first ${ms(first.ready)}, median of ${f.loads.length} ${ms(percentile(ready, 50))}; frames: ${frames.length}, p50 ${ms(percentile(frames, 50))}, p95 ${ms(percentile(frames, 95))}, max ${ms(Math.max(...frames))}`;
  process.stdout.write(`${line}\n`);
  writeFileSync(
    join(outDir, "ui-figures.json"),
    JSON.stringify({ ...f, run: { ...f.run, frames } }, null, 1),
  );
  const when = new Date().toISOString().slice(0, 10);
  const text = [
    `Command: \`npm run bench:ui\` — ${f.tasks} tasks, ${f.deps} dependencies (the demo district ×${f.factor}, SQLite),`,
    `\`guatu serve\` in its own process, headless Chromium ${f.chromium} (software rendering, \`--disable-gpu\`),`,
    `viewport 1600×900, signed in as the demo admin. Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}),`,
    `Node.js ${process.version}, load average ${loadAtStart} at start → ${loadavg()[0]!.toFixed(1)} at the end (other work shares the machine). Date: ${when}. Page: ${f.routed ? "`/battle-map` of the app" : "the bench harness (the same BattleMapPage with its providers; the app did not route `/battle-map` yet)"}.`,
    "Targets (issue 18): ready under 1.5 s, p95 frame time under 16.7 ms while scrolling and zooming.",
    "",
    "| measure | value |",
    "|---|---|",
    `| navigation → battle map ready (first load) | ${ms(first.ready)} |`,
    `| navigation → battle map ready (median of ${f.loads.length} loads) | ${ms(percentile(ready, 50))} |`,
    `| of which: navigation → battle-map request starts (HTML, JS, session) — first / median | ${ms(first.apiStart)} / ${ms(med((l) => l.apiStart))} |`,
    `| of which: battle-map request (server + transfer) — first / median | ${ms(first.apiEnd - first.apiStart)} / ${ms(med((l) => l.apiEnd - l.apiStart))} |`,
    `| of which: response → first frame drawn (parse, index, rows, draw) — first / median | ${ms(first.ready - first.apiEnd)} / ${ms(med((l) => l.ready - l.apiEnd))} |`,
    `| frame time p50 (scroll, zoom week/quarter/month; ${frames.length} frames, ${f.run.scrolls} scroll events moving ${Math.round(f.run.scrolledPx)} px) | ${ms(percentile(frames, 50))} |`,
    `| frame time p95 | ${ms(percentile(frames, 95))} |`,
    `| frame time max | ${ms(Math.max(...frames))} |`,
    `| our drawFrame per redraw p50 / p95 / max (${f.run.draws.length} redraws) | ${ms(percentile(f.run.draws, 50))} / ${ms(percentile(f.run.draws, 95))} / ${ms(Math.max(...f.run.draws))} |`,
    ...(f.outlined
      ? [
          `| drawn from the outline (task forces folded) | yes: ${f.opens[0]?.rows ?? 0} rows added by opening the first task force |`,
          `| open a task force → its tasks drawn (fetch, merge, rows, draw), ${f.opens.length} times | ${f.opens.map((o) => ms(o.ms)).join(" / ")} |`,
        ]
      : ["| drawn from the outline | no: the whole map (200 task forces or fewer) |"]),
    ...(f.whole ? wholeLines(f.whole) : []),
    "",
    'Ready = time from navigation start to `performance.mark("battle-map-ready")`, set after the first',
    `frame drawn with data (includes fetching the ${f.outlined ? "outline" : "whole battle map"}). Frame times are`,
    "requestAnimationFrame deltas recorded in the page during scripted mouse-wheel scrolling",
    "(vertical and horizontal) and three zoom changes.",
    "",
    ...(f.spike ? spikeLines(f.spike) : []),
    "Bundle (web/dist/assets):",
    "",
    "| file | size | gzip |",
    "|---|---|---|",
    ...sizes.map((s) => `| ${s.file} | ${kb(s.bytes)} | ${kb(s.gzip)} |`),
  ].join("\n");
  const doc = join(import.meta.dirname, "..", "..", "docs", "benchmarks.md");
  const heading = headingOf(f.factor);
  if (!readFileSync(doc, "utf8").includes(heading))
    writeFileSync(doc, `${readFileSync(doc, "utf8").trimEnd()}\n\n${heading}\n`);
  writeSection(heading, text);
}

function wholeLines(w: { load: Load; rows: number; run: FrameRun }): string[] {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const frames = w.run.frames.filter((d) => d > 0);
  return [
    `| whole map (\`?outline=0\`, ${w.rows} rows): navigation → ready | ${ms(w.load.ready)} (request ${ms(w.load.apiEnd - w.load.apiStart)}) |`,
    `| whole map: frame time p50 / p95 / max (${frames.length} frames, ${Math.round(w.run.scrolledPx)} px scrolled) | ${ms(percentile(frames, 50))} / ${ms(percentile(frames, 95))} / ${ms(Math.max(...frames))} |`,
    `| whole map: our drawFrame per redraw p50 / p95 / max (${w.run.draws.length} redraws) | ${ms(percentile(w.run.draws, 50))} / ${ms(percentile(w.run.draws, 95))} / ${ms(Math.max(...w.run.draws))} |`,
  ];
}

function spikeLines(spike: { loads: Load[]; frames: FrameRun }): string[] {
  const frames = spike.frames.frames.filter((d) => d > 0);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return [
    "Evaluation spike, same data and machine: @visactor/vtable-gantt 1.26.1 with bar colours per light,",
    "milestones, tree, baseline bars, dependency links and the status-date mark line",
    "(`web/src/features/battle-map/harness/vtable-spike.ts`, `BENCH_UI_VTABLE=1`):",
    "",
    "| measure | vtable-gantt |",
    "|---|---|",
    `| navigation → first frame (first / median of ${spike.loads.length}) | ${ms(spike.loads[0]!.ready)} / ${ms(
      percentile(
        spike.loads.map((l) => l.ready),
        50,
      ),
    )} |`,
    `| frame time p50 / p95 / max (${frames.length} frames) | ${ms(percentile(frames, 50))} / ${ms(percentile(frames, 95))} / ${ms(Math.max(...frames))} |`,
    "",
  ];
}
