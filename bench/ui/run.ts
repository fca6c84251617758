/**
 * `npm run bench:ui` — the battle map in headless Chromium at ~5,000 tasks: time from navigation
 * to "battle map ready" (the `battle-map-ready` performance mark), requestAnimationFrame frame
 * times while scrolling and zooming, bundle sizes, and screenshots in bench/out/.
 * Options (env): BENCH_UI_FACTOR (copies of the demo district, default 22), BENCH_UI_SKIP_BUILD,
 * BENCH_UI_VTABLE=1 (also measure the @visactor/vtable-gantt spike on the same data).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/domain/demo/demo-accounts.js";
import { writeSection } from "../write-section.js";
import {
  buildHarness,
  buildWebApp,
  bundleSizes,
  harnessOut,
  outDir,
  percentile,
  prepareDatabase,
  serve,
} from "./prepare.js";

const HEADING = "## Web UI (`npm run bench:ui`)";
const factor = Number(process.env.BENCH_UI_FACTOR ?? 22);
const vtable = process.env.BENCH_UI_VTABLE === "1";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Serves the harness build under /__bench/ on the app's origin (same cookie, same API). */
async function routeHarness(context: BrowserContext, base: string): Promise<void> {
  await context.route(`${base}/__bench/**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/__bench\/?/, "") || "index.html";
    const file = join(harnessOut, path);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ path: file });
  });
}

/** One load: ms from navigation start to the ready mark, and when the battle-map request started and ended. */
interface Load {
  ready: number;
  apiStart: number;
  apiEnd: number;
}

/** Navigates and times the load (navigation start = 0). */
async function timeToReady(page: Page, url: string): Promise<Load> {
  await page.goto(url);
  await page.waitForSelector("[data-battle-map][data-ready=true]", { timeout: 30_000 });
  return page.evaluate<Load>(`(() => {
    const api = performance.getEntriesByType("resource").find((e) => e.name.includes("/api/v1/battle-map"));
    return {
      ready: performance.getEntriesByName("battle-map-ready")[0].startTime,
      apiStart: api ? api.startTime : NaN,
      apiEnd: api ? api.responseEnd : NaN,
    };
  })()`);
}

/** Scripted wheel scrolling and zoom changes while the page records rAF deltas. */
async function frameTimes(page: Page, zoomTo: (label: string) => Promise<unknown>): Promise<number[]> {
  // Runs in the page (the bench's tsconfig has no DOM types, so the script is a string).
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = 0;
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  })()`);
  const box = (await page.locator("[data-battle-map] canvas").first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  const wheel = async (ms: number, dx: number, dy: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) await page.mouse.wheel(dx, dy);
  };
  await wheel(1500, 0, 120);
  await wheel(800, 90, 0);
  for (const zoom of ["周", "季", "月"]) {
    await zoomTo(zoom);
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    await wheel(700, 0, -120);
    await wheel(400, -60, 0);
  }
  return page.evaluate<number[]>("(() => { window.__stop = true; return window.__frames; })()");
}

async function main() {
  process.stderr.write(`preparing ${factor}× demo district…\n`);
  const db = await prepareDatabase(factor);
  process.stderr.write("building the web app and the harness…\n");
  buildWebApp();
  await buildHarness(vtable);
  const { base, child } = await serve(db.url);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: "zh-CN" });
    const login = await context.request.post(`${base}/api/v1/auth/login`, {
      data: { username: "admin", password: DEMO_PASSWORD },
    });
    if (login.status() !== 200) throw new Error(`login failed: ${login.status()}`);
    await routeHarness(context, base);
    const page = await context.newPage();
    let url = `${base}/battle-map`;
    await page.goto(url);
    const routed = await page
      .waitForSelector("[data-battle-map]", { timeout: 8_000 })
      .then(() => true)
      .catch(() => false);
    if (!routed) url = `${base}/__bench/index.html`;
    process.stderr.write(`measuring ${url}…\n`);
    const loads: Load[] = [];
    for (let i = 0; i < 5; i++) loads.push(await timeToReady(page, url));
    await page.screenshot({ path: join(outDir, "ui-month.png") });
    const frames = await frameTimes(page, (z) =>
      page.locator(".ant-segmented-item-label", { hasText: z }).click(),
    );
    await page.locator(".ant-segmented-item-label", { hasText: "周" }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outDir, "ui-week.png") });
    const box = (await page.locator("[data-battle-map] canvas").boundingBox())!;
    await page.mouse.move(box.x + 900, box.y + 200);
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(outDir, "ui-week-tooltip.png") });
    await page.locator(".ant-segmented-item-label", { hasText: "季" }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outDir, "ui-quarter.png") });
    await page.locator(".ant-segmented-item-label", { hasText: "月" }).click();
    await page.getByRole("switch").first().click();
    await page.locator("[data-battle-map] [role=application]").focus();
    for (const key of ["ArrowDown", "ArrowDown", "ArrowDown"]) await page.keyboard.press(key);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outDir, "ui-critical-keyboard.png") });
    const big = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      storageState: await context.storageState(),
    });
    await routeHarness(big, base);
    const bigPage = await big.newPage();
    await bigPage.goto(`${base}/__bench/index.html?screen=dark`);
    await bigPage.waitForSelector("[data-battle-map][data-ready=true]", { timeout: 30_000 });
    await bigPage.screenshot({ path: join(outDir, "ui-big-screen.png") });
    const spike = vtable ? await measureVtable(big, base) : null;
    report({
      url,
      routed,
      spike,
      loads,
      frames,
      tasks: db.tasks,
      deps: db.dependencies,
      chromium: browser.version(),
    });
  } finally {
    await browser.close();
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    db.drop();
  }
}

/** The vtable-gantt spike on the same data: load times and frame times (zoom by updateScales). */
async function measureVtable(
  context: BrowserContext,
  base: string,
): Promise<{ loads: Load[]; frames: number[] }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  const url = `${base}/__bench/vtable.html`;
  const loads: Load[] = [];
  for (let i = 0; i < 3; i++) loads.push(await timeToReady(page, url));
  await page.screenshot({ path: join(outDir, "ui-vtable-gantt.png") });
  const zoomOf: Record<string, string> = { 周: "week", 季: "quarter", 月: "month" };
  const frames = await frameTimes(page, (z) => page.evaluate(`window.__zoom("${zoomOf[z]}")`));
  return { loads, frames };
}

const loadAtStart = loadavg()[0]!.toFixed(1);

interface Figures {
  load?: string;
  spike: { loads: Load[]; frames: number[] } | null;
  url: string;
  routed: boolean;
  loads: Load[];
  frames: number[];
  tasks: number;
  deps: number;
  chromium: string;
}

function report(f: Figures) {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  f.load = loadAtStart;
  const frames = f.frames.filter((d) => d > 0);
  const ready = f.loads.map((l) => l.ready);
  const med = (pick: (l: Load) => number) => percentile(f.loads.map(pick), 50);
  const first = f.loads[0]!;
  const sizes = bundleSizes();
  const line = `ready: first ${ms(first.ready)}, median of ${f.loads.length} ${ms(percentile(ready, 50))}; frames: ${frames.length}, p50 ${ms(percentile(frames, 50))}, p95 ${ms(percentile(frames, 95))}, max ${ms(Math.max(...frames))}`;
  process.stdout.write(`${line}\n`);
  writeFileSync(join(outDir, "ui-figures.json"), JSON.stringify({ ...f, frames }, null, 1));
  const when = new Date().toISOString().slice(0, 10);
  const text = [
    `Command: \`npm run bench:ui\` — ${f.tasks} tasks, ${f.deps} dependencies (the demo district ×${factor}, SQLite),`,
    `\`guatu serve\` in its own process, headless Chromium ${f.chromium} (software rendering, \`--disable-gpu\`),`,
    `viewport 1600×900, signed in as the demo admin. Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}),`,
    `Node.js ${process.version}, load average ${f.load} at start → ${loadavg()[0]!.toFixed(1)} at the end (other work shares the machine). Date: ${when}. Page: ${f.routed ? "`/battle-map` of the app" : "the bench harness (the same BattleMapPage with its providers; the app did not route `/battle-map` yet)"}.`,
    "Targets: ready under 1.5 s, p95 frame time under 33 ms while scrolling and zooming.",
    "",
    "| measure | value |",
    "|---|---|",
    `| navigation → battle map ready (first load) | ${ms(first.ready)} |`,
    `| navigation → battle map ready (median of ${f.loads.length} loads) | ${ms(percentile(ready, 50))} |`,
    `| of which: navigation → battle-map request starts (HTML, JS, session) — first / median | ${ms(first.apiStart)} / ${ms(med((l) => l.apiStart))} |`,
    `| of which: battle-map request (server + transfer) — first / median | ${ms(first.apiEnd - first.apiStart)} / ${ms(med((l) => l.apiEnd - l.apiStart))} |`,
    `| of which: response → first frame drawn (parse, index, rows, draw) — first / median | ${ms(first.ready - first.apiEnd)} / ${ms(med((l) => l.ready - l.apiEnd))} |`,
    `| frame time p50 (scroll, zoom week/quarter/month; ${frames.length} frames) | ${ms(percentile(frames, 50))} |`,
    `| frame time p95 | ${ms(percentile(frames, 95))} |`,
    `| frame time max | ${ms(Math.max(...frames))} |`,
    "",
    'Ready = time from navigation start to `performance.mark("battle-map-ready")`, set after the first',
    "frame drawn with data (includes fetching the 5,000-task battle map). Frame times are",
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
  if (!readFileSync(doc, "utf8").includes(HEADING))
    writeFileSync(doc, `${readFileSync(doc, "utf8").trimEnd()}\n\n${HEADING}\n`);
  writeSection(HEADING, text);
}

function spikeLines(spike: { loads: Load[]; frames: number[] }): string[] {
  const frames = spike.frames.filter((d) => d > 0);
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

await main();
