/**
 * bench:ui in the page: harness routing, load timing, and frame timing under scripted scrolling
 * and zooming; the vtable-gantt spike measured the same way.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { harnessOut, outDir } from "./prepare.js";

/** Serves the harness build under /__bench/ on the app's origin (same cookie, same API). */
export async function routeHarness(context: BrowserContext, base: string): Promise<void> {
  await context.route(`${base}/__bench/**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/__bench\/?/, "") || "index.html";
    const file = join(harnessOut, path);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ path: file });
  });
}

/** One load: ms from navigation start to the ready mark, and when the battle-map request started and ended. */
export interface Load {
  ready: number;
  apiStart: number;
  apiEnd: number;
}

/** Navigates and times the load (navigation start = 0). */
export async function timeToReady(page: Page, url: string, timeout = 30_000): Promise<Load> {
  await page.goto(url);
  await page.waitForSelector("[data-battle-map][data-ready=true]", { timeout });
  return page.evaluate<Load>(`(() => {
    const api = performance.getEntriesByType("resource").find((e) => e.name.includes("/api/v1/battle-map"));
    return {
      ready: performance.getEntriesByName("battle-map-ready")[0].startTime,
      apiStart: api ? api.startTime : NaN,
      apiEnd: api ? api.responseEnd : NaN,
    };
  })()`);
}

/** What the page recorded: rAF deltas, and scroll events with the distance they moved. */
export interface FrameRun {
  frames: number[];
  /** Time spent in the battle map's drawFrame per redraw (empty for the vtable-gantt spike). */
  draws: number[];
  scrolls: number;
  scrolledPx: number;
}

/** Scripted wheel scrolling (both ways, both axes) and zoom changes while the page records rAF deltas. */
export async function frameTimes(page: Page, zoomTo: (label: string) => Promise<unknown>): Promise<FrameRun> {
  // Runs in the page (the bench's tsconfig has no DOM types, so the script is a string).
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__battleMapDrawMs = [];
    window.__stop = false;
    window.__scrolls = 0;
    window.__scrolledPx = 0;
    const pos = new WeakMap();
    document.addEventListener("scroll", (e) => {
      const el = e.target;
      if (!(el instanceof Element)) return;
      const p = pos.get(el) ?? [el.scrollLeft, el.scrollTop];
      window.__scrolls++;
      window.__scrolledPx += Math.abs(el.scrollLeft - p[0]) + Math.abs(el.scrollTop - p[1]);
      pos.set(el, [el.scrollLeft, el.scrollTop]);
    }, true);
    let last = 0;
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  })()`);
  const box = (await page.locator("[data-battle-map] canvas").first().boundingBox())!;
  const home = () => page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await home();
  const wheel = async (ms: number, dx: number, dy: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) await page.mouse.wheel(dx, dy);
  };
  await wheel(1200, 0, 120);
  await wheel(600, 90, 0);
  for (const [zoom, sign] of [
    ["周", -1],
    ["季", 1],
    ["月", -1],
  ] as const) {
    await zoomTo(zoom);
    await home();
    await wheel(500, 0, sign * 100);
    await wheel(300, sign * -60, 0);
  }
  return page.evaluate<FrameRun>(
    "(() => { window.__stop = true; return { frames: window.__frames, draws: window.__battleMapDrawMs, scrolls: window.__scrolls, scrolledPx: window.__scrolledPx }; })()",
  );
}

/** The vtable-gantt spike on the same data: load times and frame times (zoom by updateScales). */
export async function measureVtable(
  context: BrowserContext,
  base: string,
): Promise<{ loads: Load[]; frames: FrameRun }> {
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

/**
 * A map drawn from its outline, just loaded: ms from opening the first folded task force (keyboard:
 * ↓ to the first row, →) to its tasks drawn (the row count grows), and the rows it added.
 */
export async function timeToOpen(page: Page): Promise<{ ms: number; rows: number }> {
  const rows = async () => Number(await page.getAttribute("[data-battle-map]", "data-rows"));
  const before = await rows();
  await page.mouse.move(0, 0);
  await page.locator("[data-battle-map] [role=application]").focus();
  await page.keyboard.press("ArrowDown");
  const start = Date.now();
  await page.keyboard.press("ArrowRight");
  // Polled from here: the app's content security policy forbids waitForFunction's eval.
  while ((await rows()) <= before) {
    if (Date.now() - start > 30_000) throw new Error("the opened task force's tasks never arrived");
    await new Promise((r) => setTimeout(r, 5));
  }
  return { ms: Date.now() - start, rows: (await rows()) - before };
}
