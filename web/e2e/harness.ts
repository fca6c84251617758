/**
 * Browser-test harness: a fresh temporary SQLite file with the demo (copied from the one
 * global-setup.ts loaded), the app served in-process on a free port from a copy of web/dist, and
 * Debian Chromium driven with playwright-core.
 * Every request URL any page makes is recorded, so a test can assert nothing leaves the origin.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import { parseDbUrl } from "../../src/config/load-config.js";
import { type DatabaseHandle, openDatabase } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { addUser } from "../../src/domain/accounts/account.service.js";
import { serviceContext } from "../../src/domain/context.js";
import { loadDemo } from "../../src/domain/demo/demo.service.js";
import { buildDemoDataset } from "../../src/domain/demo/demo-data.js";
import { buildApp } from "../../src/http/app.js";
import { buildWebWhenMissing } from "./global-setup.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The Chromium the tests drive. */
export const BROWSER_PATH = process.env.GUATU_TEST_BROWSER ?? "/usr/bin/chromium";
/** Run the browser tests: always in CI (a missing browser then fails), locally only when Chromium exists. */
export const RUN_BROWSER_TESTS = existsSync(BROWSER_PATH) || !!process.env.CI;
/** Where screenshots go (gitignored). */
export const SHOTS = join(ROOT, "test-results", "e2e");
export const PASSWORD = "guatu-demo";
/** The built web app the pages get: web/dist, or GUATU_WEB_DIST (one engineer's own build). */
const DIST = process.env.GUATU_WEB_DIST ?? join(ROOT, "web", "dist");

type Viewport = { readonly width: number; readonly height: number };

export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  /** Every request URL made by any page of this harness. */
  readonly requests: string[];
  /**
   * A new page of its own browser context (own cookies), signed in as `user` when given, at the
   * home page once the app shell shows. It signs in through the API, not the login page, which the
   * tests of signing in drive ({@link signIn}).
   */
  page(user?: string, viewport?: Viewport): Promise<Page>;
  /** {@link page} signed in as `user` and loaded at `at` (as `page.goto(at)` leaves it), not home first. */
  open(user: string, at: string, viewport?: Viewport): Promise<Page>;
  shot(page: Page, name: string): Promise<string>;
  /** Screenshots of every page not yet closed, as `<name>-<n>.png`. */
  shotOpenPages(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * One harness for the enclosing `describe` block: started before its tests, closed after them.
 * The returned object forwards to the harness once it has started.
 */
export function useHarness(options: HarnessOptions = {}): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness(options);
  }, 120_000);
  // A failed test leaves a screenshot of every page still open, named after the test.
  afterEach(async (ctx) => {
    if (!current || ctx.task.result?.state !== "fail") return;
    const name = `failed-${ctx.task.name.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 80)}`;
    await current.shotOpenPages(name);
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as Harness, {
    get(_, key) {
      if (!current) throw new Error("the harness has not started (use it inside a test)");
      const value = Reflect.get(current, key);
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}

/** The labels of the navigation's items, in order. */
export async function navLabels(p: Page): Promise<string[]> {
  return (await p.locator("nav .ant-menu-item").allInnerTexts()).map((s) => s.trim());
}

/**
 * Types an ISO date into a date field (the app's DateField, an antd DatePicker) and presses `key`:
 * Enter commits it and closes the popup (in an inline edit it also saves); Tab moves on. Waits
 * until the popup has closed, so it covers nothing the test clicks next.
 */
export async function fillDate(p: Page, field: Locator, iso: string, key = "Enter"): Promise<void> {
  await field.fill(iso);
  await field.press(key);
  await p.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)").waitFor({ state: "hidden" });
}

/** The open dropdowns of antd Selects (a closed one stays in the page, hidden). */
export const OPEN_SELECT = ".ant-select-dropdown:not(.ant-select-dropdown-hidden)";

/**
 * Picks the option showing `text` in the antd Select whose input is `input`, typing `text` first
 * when the Select is searchable, and waits until the Select shows it. Under load a click can land
 * while the dropdown is still moving into place, or the dropdown closes as the page re-renders
 * when data arrives; picking changes nothing else, so it is tried again (three times at most).
 */
export async function chooseOption(p: Page, input: Locator, text: string): Promise<void> {
  // antd 6 renders the chosen option's label in the input's parent (.ant-select-content).
  const shown = input.locator("xpath=..");
  for (let attempt = 1; ; attempt++) {
    await input.click();
    if (await input.isEditable()) await input.fill(text);
    // This Select's own dropdown: it holds the listbox the input controls.
    const dropdown = p.locator(
      `.ant-select-dropdown:visible:has([id="${await input.getAttribute("id")}_list"])`,
    );
    try {
      await dropdown.locator(".ant-select-item-option", { hasText: text }).first().click({ timeout: 5_000 });
      await expect.poll(() => shown.textContent(), { timeout: 5_000 }).toContain(text);
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/**
 * {@link chooseOption} for the Select whose form label is exactly `label` within `scope` (a dialog,
 * a drawer, the page), e.g. `pickOption(p, dialog, "责任人", "张伟")`.
 */
export const pickOption = (p: Page, scope: Locator | Page, label: string, text: string) =>
  chooseOption(p, scope.getByLabel(label, { exact: true }), text);

/**
 * Picks several options of a multiple Select or a TreeSelect (its input found by `id`), one typed
 * search each, then closes its dropdown and waits until the field shows them all.
 */
export async function chooseMany(p: Page, id: string, texts: readonly string[]): Promise<void> {
  const input = p.locator(`#${id}`);
  const option = `${OPEN_SELECT} .ant-select-item-option, ${OPEN_SELECT} .ant-select-tree-node-content-wrapper`;
  const field = p.locator(".ant-form-item", { has: input });
  const shown = async (text: string) => ((await field.textContent()) ?? "").includes(text);
  // A click that lands while the dropdown moves or re-renders is lost: try again, three times at most.
  for (const text of texts)
    for (let attempt = 1; !(await shown(text)); attempt++) {
      await input.click();
      await input.fill(text);
      await p.locator(option).filter({ hasText: text }).first().click();
      try {
        await expect.poll(() => shown(text), { timeout: 5_000 }).toBe(true);
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
  await input.press("Escape");
  await p.locator(OPEN_SELECT).first().waitFor({ state: "hidden" });
}

/**
 * Does `act` and waits for the API's answer to the write it sends (`method` on a path starting
 * with `/api/v1` + `path`), which it returns: `await writeAwaiting(p, "POST", "/tasks", () =>
 * submitDialog(modal))`.
 */
export async function writeAwaiting(p: Page, method: string, path: string, act: () => Promise<unknown>) {
  const answer = p.waitForResponse(
    (r) => r.request().method() === method && new URL(r.url()).pathname.startsWith(`/api/v1${path}`),
    { timeout: 30_000 },
  );
  await act();
  return answer;
}

/**
 * Runs one of a WBS row's actions from its menu (⋯): opens the row's menu and clicks the item whose
 * name matches `name` (e.g. /催\s?办/, /编辑|Edit/). `row` is the row, e.g.
 * `p.locator('tr[data-task-code="01.3"]')`. Waits until no other menu is open first, and leaves
 * the pointer in the window's corner. A click that did not land (CI at load 10 saw the menu stay
 * open, or nothing open) changed nothing, so the menu is tried again: until the menu has closed,
 * and with `opened` (what the action shows: its dialog's title…) until that shows.
 */
export async function rowAction(
  p: Page,
  row: Locator,
  name: string | RegExp,
  opened?: Locator,
): Promise<void> {
  const open = p.locator(".ant-dropdown:not(.ant-dropdown-hidden)");
  for (let attempt = 1; ; attempt++) {
    await open.first().waitFor({ state: "detached" });
    await row.locator("[data-row-actions]").click();
    await open.getByRole("menuitem", { name }).click();
    // Out of the way: a date picker opened next under the resting pointer previews the hovered day.
    await p.mouse.move(0, 0);
    // A click that landed closes the menu; one that did not (CI saw the menu stay open) is tried again.
    try {
      await open.first().waitFor({ state: "detached", timeout: 10_000 });
    } catch (e) {
      if (attempt === 3) throw e;
      await p.keyboard.press("Escape");
      continue;
    }
    if (!opened) return;
    try {
      await opened.waitFor({ timeout: 15_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      if (await open.count()) await p.keyboard.press("Escape");
    }
  }
}

/** The actions a WBS row's menu offers (`data-row-action` keys: "edit", "chase"…); closes it again. */
export async function rowMenuActions(p: Page, code: string): Promise<string[]> {
  const open = p.locator(".ant-dropdown:not(.ant-dropdown-hidden)");
  await open.first().waitFor({ state: "detached" });
  await p.locator(`[data-row-actions="${code}"]`).click();
  const items = open.locator("[data-row-action]");
  await items.first().waitFor();
  const keys = await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-row-action") ?? ""));
  await p.keyboard.press("Escape");
  await open.first().waitFor({ state: "detached" });
  return keys;
}

export interface HarnessOptions {
  /**
   * Starts from an empty database holding one account, `admin` (role admin, password
   * {@link PASSWORD}), instead of the demo district: a new district's first day.
   */
  readonly empty?: boolean;
  /**
   * Changes the demo database before the app starts, as records that reached it by another way
   * (an old ledger, a direct edit) would: the app then meets them as it would in production.
   */
  readonly prepare?: (database: DatabaseHandle) => Promise<void>;
  /**
   * Serves the app to the browser under this host name over plain HTTP (mapped to 127.0.0.1 in
   * Chromium), as an intranet does: not a loopback name, so not a "potentially trustworthy" origin.
   */
  readonly hostName?: string;
  /**
   * Pages keep antd's motion (dialogs and dropdowns fade and zoom). By default they ask for reduced
   * motion, which the app honours: a click then never lands on a popup still moving into place,
   * and no step waits for an animation to end.
   */
  readonly motion?: boolean;
}

/** Starts server and browser; call `close()` in afterAll (or use {@link useHarness}). */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(BROWSER_PATH))
    throw new Error(`Chromium not found at ${BROWSER_PATH} (set GUATU_TEST_BROWSER)`);
  buildWebWhenMissing(DIST);
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "guatu-e2e-"));
  const file = join(dir, "e2e.db");
  // The demo loaded once per run (global-setup.ts), copied: each harness gets its own database.
  const template = options.empty ? undefined : inject("demoDatabase");
  if (template) copyFileSync(template, file);
  const database = openDatabase(parseDbUrl(`sqlite:${file}`));
  const migration = await migrateToLatest(database.db);
  if (migration.error) throw migration.error;
  if (options.empty) {
    await addUser(serviceContext(database, "cli"), {
      username: "admin",
      displayName: "系统管理员",
      roles: ["admin"],
      password: PASSWORD,
    });
  } else if (!template) {
    const data = buildDemoDataset();
    await loadDemo(
      serviceContext(database, "demo", () => `${data.statusDate}T01:00:00.000Z`),
      data,
      {},
    );
  }
  await options.prepare?.(database);
  // The server serves a copy of web/dist taken now: a rebuild during the run (another engineer's,
  // or an editor's watch) would otherwise leave pages asking for assets the server never listed.
  const webRoot = join(dir, "web");
  cpSync(DIST, webRoot, { recursive: true });
  const app = await buildApp({ database, version: "e2e", webRoot });
  const listening = (await app.listen({ host: "127.0.0.1", port: 0 })).replace("localhost", "127.0.0.1");
  const url = options.hostName ? `http://${options.hostName}:${new URL(listening).port}` : listening;
  const browser = await chromium.launch({
    executablePath: BROWSER_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      ...(options.hostName ? [`--host-resolver-rules=MAP ${options.hostName} 127.0.0.1`] : []),
    ],
  });
  const requests: string[] = [];
  const errors: string[] = [];
  const open = new Set<Page>();
  const newPage = async (user?: string, viewport: Viewport = { width: 1440, height: 900 }, at?: string) => {
    // A production build registers a service worker; a page's requests should reach the server.
    const ctx = await browser.newContext({
      viewport,
      locale: "zh-CN",
      baseURL: url,
      serviceWorkers: "block",
      reducedMotion: options.motion ? "no-preference" : "reduce",
    });
    const p = await ctx.newPage();
    open.add(p);
    p.on("close", () => open.delete(p));
    p.setDefaultTimeout(15_000);
    p.on("request", (r) => requests.push(r.url()));
    p.on("pageerror", (e) => errors.push(e.message));
    // The API client resolves names itself, without Chromium's mapping of the intranet host name.
    if (user && options.hostName) {
      await signIn(p, user);
      if (at) await p.goto(at);
    } else if (user) await signInAt(p, user, at);
    return p;
  };
  return {
    url,
    browser,
    requests,
    page: (user, viewport) => newPage(user, viewport),
    open: (user, at, viewport) => newPage(user, viewport, at),
    async shot(p, name) {
      const path = join(SHOTS, `${name}.png`);
      await p.screenshot({ path });
      return path;
    },
    async shotOpenPages(name) {
      let n = 0;
      for (const p of open) await p.screenshot({ path: join(SHOTS, `${name}-${++n}.png`) }).catch(() => {});
    },
    async close() {
      await browser.close().catch(() => {});
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
      // An exception no code caught in a page fails its file, whatever its steps showed.
      if (errors.length) throw new Error(`uncaught errors in the pages: ${errors.join(" | ")}`);
    },
  };
}

/**
 * Signs in through the API (the session cookie lands in the page's context), then loads `at`, or
 * the home page until the app shell shows: a page load and a sign-in form fewer than {@link signIn}.
 */
async function signInAt(p: Page, user: string, at: string | undefined): Promise<void> {
  const answer = await p.request.post("/api/v1/auth/login", { data: { username: user, password: PASSWORD } });
  if (!answer.ok()) throw new Error(`signing in as ${user}: ${answer.status()} ${await answer.text()}`);
  await p.goto(at ?? "/");
  if (at === undefined) await p.getByTestId("whoami").waitFor();
}

/** Signs in through the login page (with the demo password unless given) and waits for the app shell. */
export async function signIn(p: Page, user: string, password = PASSWORD): Promise<void> {
  await p.goto("/login");
  await p.locator("#username").fill(user);
  await p.locator("#password").fill(password);
  await p.locator("button[type=submit]").click();
  await p.getByTestId("whoami").waitFor();
}

/**
 * Submits a form dialog with its primary button and waits until it has closed. A click that lands
 * while the dialog is still opening can be lost (nothing is sent, no error shows): it is tried again,
 * up to three times. A refusal shown in the dialog is not retried: the wait then fails with it.
 */
export async function submitDialog(dialog: Locator): Promise<void> {
  const ok = dialog.locator(".ant-modal-footer .ant-btn-primary");
  for (let attempt = 1; ; attempt++) {
    await ok.click({ timeout: attempt === 1 ? 15_000 : 2_000 }).catch((e: unknown) => {
      if (attempt === 1) throw e;
    });
    try {
      await dialog.waitFor({ state: "hidden", timeout: 5_000 });
      return;
    } catch (e) {
      const refused = await dialog.locator(".ant-alert").count();
      const busy = await ok.locator(".ant-btn-loading-icon").count();
      if (attempt === 3 || refused > 0) throw e;
      if (busy > 0) await dialog.waitFor({ state: "hidden", timeout: 15_000 }).catch(() => {});
      if (!(await dialog.isVisible())) return;
    }
  }
}
