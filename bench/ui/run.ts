/**
 * `npm run bench:ui` — the battle map in headless Chromium at ~5,000 tasks: time from navigation
 * to "battle map ready" (the `battle-map-ready` performance mark), requestAnimationFrame frame
 * times while scrolling and zooming, bundle sizes, and screenshots in bench/out/.
 * Options (env): BENCH_UI_FACTOR (copies of the demo district, default 22), BENCH_UI_SKIP_BUILD,
 * BENCH_UI_VTABLE=1 (also measure the @visactor/vtable-gantt spike on the same data),
 * BENCH_UI_WHOLE=1 (also load the whole map, `?outline=0`, and scroll it: every task one row).
 * Above 200 task forces the page draws the outline first: the bench also times opening one.
 */
import { join } from "node:path";
import { chromium } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/domain/demo/demo-accounts.js";
import { frameTimes, type Load, measureVtable, routeHarness, timeToOpen, timeToReady } from "./browser.js";
import { buildHarness, buildWebApp, outDir, prepareDatabase, serve } from "./prepare.js";
import { report } from "./report.js";

const factor = Number(process.env.BENCH_UI_FACTOR ?? 22);
const vtable = process.env.BENCH_UI_VTABLE === "1";
const wholeToo = process.env.BENCH_UI_WHOLE === "1";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

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
    const outlined = await page.evaluate<boolean>(
      `performance.getEntriesByType("resource").some((e) => e.name.includes("/api/v1/battle-map?outline=true"))`,
    );
    const opens = [];
    if (outlined) {
      for (let i = 0; i < 3; i++) {
        await timeToReady(page, url);
        opens.push(await timeToOpen(page));
      }
      await page.screenshot({ path: join(outDir, "ui-opened.png") });
      await timeToReady(page, url);
    }
    const run = await frameTimes(page, (z) =>
      page.locator(".ant-segmented-item-label", { hasText: z }).click(),
    );
    await page.screenshot({ path: join(outDir, "ui-scrolled.png") });
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
    const en = await browser.newContext({
      viewport: { width: 1600, height: 900 },
      storageState: await context.storageState(),
    });
    await en.addInitScript('localStorage.setItem("guatu.lang", "en")');
    const enPage = await en.newPage();
    await enPage.goto(`${base}/battle-map`);
    await enPage.waitForSelector("[data-battle-map][data-ready=true]", { timeout: 30_000 }).catch(() => {});
    await enPage.screenshot({ path: join(outDir, "ui-month-en.png") });
    await en.close();
    const spike = vtable ? await measureVtable(big, base) : null;
    let whole = null;
    if (wholeToo) {
      process.stderr.write("loading the whole map…\n");
      const wholeUrl = `${url}${url.includes("?") ? "&" : "?"}outline=0`;
      const wholeLoad = await timeToReady(page, wholeUrl, 300_000);
      const wholeRows = Number(await page.getAttribute("[data-battle-map]", "data-rows"));
      const wholeRun = await frameTimes(page, (z) =>
        page.locator(".ant-segmented-item-label", { hasText: z }).click(),
      );
      await page.screenshot({ path: join(outDir, "ui-whole.png") });
      whole = { load: wholeLoad, rows: wholeRows, run: wholeRun };
    }
    report({
      url,
      routed,
      spike,
      outlined,
      opens,
      whole,
      loads,
      run,
      factor,
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

await main();
