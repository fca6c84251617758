/**
 * The big screen (大屏) in Chromium at 1920×1080 and 3840×2160: it rotates through the overview,
 * every task force's battle map, the ranking, the indicators and every district-level indicator
 * cascade (层层衔接: its shares' rows with the API's lights and figures beside a chart); every slide
 * fits the viewport exactly (nothing scrolls, nothing spills, the bottom quarter is used); hover
 * pauses it; the interval comes from `?interval=` or the control (remembered); `?cascade=` starts
 * at one indicator's cascade, adding a task force's own. Screenshots of every slide.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { CascadeNode, CascadeView } from "../../src/shared/api/cascade.js";
import { RUN_BROWSER_TESTS, useHarness } from "./harness.js";

/** expect.poll with room for a loaded machine (its default is 1 s). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const DEMO_TASK_FORCES = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"];

/** The slide keys in rotation order, once the data has loaded (more than the overview alone). */
async function slideKeys(p: Page): Promise<string[]> {
  const screen = p.getByTestId("big-screen");
  await poll(
    async () => ((await screen.getAttribute("data-slides")) ?? "").split(" ").length,
  ).toBeGreaterThan(1);
  return ((await screen.getAttribute("data-slides")) ?? "").split(" ");
}

/** Waits until slide `i` is shown and drawn (battle map ready, charts painted). */
async function slideShown(p: Page, i: number, key: string): Promise<void> {
  await poll(() => p.getByTestId("big-screen").getAttribute("data-slide-index")).toBe(String(i));
  await p.locator(`section[data-slide="${key}"]`).waitFor();
  if (key.startsWith("tf-")) await p.locator("[data-battle-map][data-ready=true]").waitFor();
  else await p.locator("section[data-slide] canvas").first().waitFor();
  // Two frames: the charts' lazy updates and the map's requestAnimationFrame have painted.
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * What does not fit: a scrolling document or page, an element whose box leaves the viewport, a
 * box that cuts its content off vertically (the battle map's timeline may scroll sideways only).
 * Also how far down painted content (text, canvas, table rows) reaches.
 */
function fitReport() {
  const W = window.innerWidth;
  const H = window.innerHeight;
  const problems: string[] = [];
  const de = document.documentElement;
  if (de.scrollHeight > H || de.scrollWidth > W)
    problems.push(`document ${de.scrollWidth}×${de.scrollHeight}`);
  const main = document.querySelector<HTMLElement>("[data-testid=big-screen]");
  if (!main) return { problems: ["no big screen"], lowest: 0 };
  if (main.scrollHeight > main.clientHeight || main.scrollWidth > main.clientWidth)
    problems.push(`page scrolls ${main.scrollWidth}×${main.scrollHeight}`);
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)} "${(el.textContent ?? "").slice(0, 20)}"`;
  let lowest = 0;
  for (const el of Array.from(document.body.querySelectorAll("*"))) {
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    // Hidden, empty, or visually hidden on purpose (text for screen readers only).
    if (cs.visibility === "hidden" || r.width === 0 || r.height === 0 || el.matches(".sr-only")) continue;
    // The map's scrolled content (a spacer as wide as the year) is seen through its viewport.
    if (el.parentElement?.matches("[data-battle-map] [role=application]")) continue;
    if (r.left < -0.5 || r.top < -0.5 || r.right > W + 0.5 || r.bottom > H + 0.5)
      problems.push(
        `${name(el)} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`,
      );
    if (/hidden|auto|scroll|clip/.test(cs.overflowY) && el.scrollHeight > el.clientHeight + 1)
      problems.push(`${name(el)} cuts off ${el.scrollHeight - el.clientHeight}px`);
    const text = Array.from(el.childNodes).some(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
    );
    if (text || el.tagName === "CANVAS" || el.tagName === "TR") lowest = Math.max(lowest, r.bottom);
  }
  return { problems, lowest };
}

async function api<T>(p: Page, path: string): Promise<T> {
  const r = await p.request.get(`/api/v1${path}`);
  expect(r.status(), path).toBe(200);
  return (await r.json()) as T;
}

/** A cascade's shares in the slide's order: parents before children, siblings by code. */
function sharesOf(nodes: readonly CascadeNode[], rootId: string): CascadeNode[] {
  const out: CascadeNode[] = [];
  const walk = (id: string) => {
    for (const c of nodes
      .filter((n) => n.parentId === id)
      .sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }))) {
      out.push(c);
      walk(c.indicatorId);
    }
  };
  walk(rootId);
  return out;
}

/** What a cascade slide shows: its top indicator, each share row's code and light, how tall the rows are. */
function cascadeReport() {
  const slide = document.querySelector<HTMLElement>("[data-cascade]");
  const rows = Array.from(document.querySelectorAll<HTMLElement>("[data-share]"));
  return {
    root: slide?.dataset.cascade ?? null,
    actual: document.querySelector("[data-root-actual]")?.textContent ?? null,
    shares: rows.map((r) => [
      r.dataset.share,
      r.dataset.shareLight,
      r.querySelector("[data-light]")?.textContent,
    ]),
    rowHeight: rows[0]?.getBoundingClientRect().height ?? 0,
  };
}

/** Ranking header cells whose title takes more than one line. */
function wrappedHeaders(): string[] {
  return Array.from(document.querySelectorAll("section[data-slide] thead th"))
    .filter((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      const tops = new Set(
        Array.from(range.getClientRects())
          .filter((r) => r.width > 0)
          .map((r) => Math.round(r.top / 4)),
      );
      return tops.size > 1;
    })
    .map((th) => th.textContent ?? "");
}

/** The battle map's rows, row height and canvas sizes (CSS and device px). */
function mapReport() {
  const root = document.querySelector<HTMLElement>("[data-battle-map]");
  const canvas = root?.querySelector("canvas");
  if (!root || !canvas) return null;
  const box = canvas.getBoundingClientRect();
  return {
    rows: Number(root.dataset.rows),
    rowHeight: Number(root.dataset.rowHeight),
    magnify: Number(root.dataset.magnify),
    height: root.getBoundingClientRect().height,
    crisp: canvas.width === Math.round(box.width * devicePixelRatio),
  };
}

describe.skipIf(!RUN_BROWSER_TESTS)("the big screen in Chromium", () => {
  const h = useHarness();
  let shared: Page | undefined;
  /** One page signed in as the leader for the whole file (signing in costs seconds), resized. */
  async function screenPage(width: number, height: number): Promise<Page> {
    shared ??= await h.page("leader", { width, height });
    await shared.setViewportSize({ width, height });
    return shared;
  }

  for (const [w, hgt] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    it(`fits ${w}×${hgt} exactly on every slide and shows every task force`, async () => {
      const p = await screenPage(w, hgt);
      await p.goto("/big-screen?paused=1");
      // Every district-level cascade joins once the cascades have loaded.
      const { nodes } = await api<CascadeView>(p, "/indicator-cascades");
      const tops = nodes
        .filter((n) => n.depth === 0 && n.taskForceId === null)
        .sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
      expect(tops.length).toBeGreaterThanOrEqual(5);
      await poll(async () =>
        ((await p.getByTestId("big-screen").getAttribute("data-slides")) ?? "").split(" "),
      ).toEqual(expect.arrayContaining([`cascade-${tops.at(-1)?.code}`]));
      const keys = await slideKeys(p);
      expect(keys[0]).toBe("overview");
      for (const code of DEMO_TASK_FORCES) expect(keys).toContain(`tf-${code}`);
      // Indicator cards of the indicators at the top of a cascade or alone (20 a page), then the cascades.
      const overview = await api<{ indicators: { parentId: string | null }[] }>(p, "/overview");
      const cardPages = Math.ceil(overview.indicators.filter((i) => i.parentId === null).length / 20);
      expect(keys.slice(keys.indexOf("ranking"))).toEqual([
        "ranking",
        ...Array.from({ length: cardPages }, (_, i) => (i === 0 ? "indicators" : `indicators.${i + 1}`)),
        ...tops.map((n) => `cascade-${n.code}`),
      ]);
      const k = w / 1920;
      for (const [i, key] of keys.entries()) {
        if (i > 0) await p.keyboard.press("ArrowRight");
        await slideShown(p, i, key);
        const fit = await p.evaluate(fitReport);
        expect(fit.problems, key).toEqual([]);
        expect(fit.lowest, `${key}: the bottom quarter is used`).toBeGreaterThan(hgt * 0.9);
        if (key.startsWith("tf-")) {
          const m = await p.evaluate(mapReport);
          expect(m, key).toMatchObject({ magnify: k, crisp: true });
          // Every row of the page is on screen, filling the map (76 px is the time axis).
          expect((76 * k + (m?.rows ?? 0) * (m?.rowHeight ?? 0)) / (m?.height ?? 1), key).toBeGreaterThan(
            0.9,
          );
          expect(m?.rowHeight ?? 0).toBeGreaterThanOrEqual(30 * k);
        }
        if (key === "ranking") expect(await p.evaluate(wrappedHeaders)).toEqual([]);
        if (key.startsWith("cascade-")) {
          // Every share of the cascade is a row, with the light the API gives it, in words too.
          const top = tops.find((n) => `cascade-${n.code}` === key);
          const c = await p.evaluate(cascadeReport);
          expect(c.root, key).toBe(top?.code);
          expect(c.actual).toBe(
            top?.actual === null ? "—" : String(Math.round((top?.actual ?? 0) * 100) / 100),
          );
          const word = {
            red: "红灯",
            yellow: "黄灯",
            green: "绿灯",
            grey: "未到期",
            blue: "已完成",
          } as const;
          expect(c.shares, key).toEqual(
            sharesOf(nodes, top?.indicatorId ?? "").map((n) => [n.code, n.light, word[n.light]]),
          );
          expect(c.rowHeight, key).toBeGreaterThanOrEqual(40 * k);
        }
        await h.shot(p, `big-screen-${w}-${String(i + 1).padStart(2, "0")}-${key}`);
      }
    }, 180_000);
  }

  it("rotates at the chosen interval, pauses on hover and on the button, steps with the keys, remembers the interval", async () => {
    const p = await screenPage(1920, 1080);
    await p.goto("/big-screen?interval=2&slide=ranking");
    const screen = p.getByTestId("big-screen");
    const section = p.locator("section[data-slide]");
    const keys = await slideKeys(p);
    const ranking = keys.indexOf("ranking");
    await poll(() => screen.getAttribute("data-timer")).toBe("running");
    // It advances on its own (the ranking → the indicators) …
    await poll(() => screen.getAttribute("data-slide-index")).not.toBe(String(ranking));
    // … and holds while the pointer is over the slide: no timer runs, the marker says why.
    await section.hover();
    await p.getByTestId("big-paused").waitFor();
    await poll(() => screen.getAttribute("data-timer")).toBe("paused");
    const held = await screen.getAttribute("data-slide-index");
    expect(await p.getByTestId("big-paused").textContent()).toBe("悬停暂停");
    await h.shot(p, "big-screen-hover-paused");
    expect(await screen.getAttribute("data-slide-index")).toBe(held);
    // Leaving resumes it.
    await p.getByRole("heading", { level: 1 }).hover();
    await p.getByTestId("big-paused").waitFor({ state: "detached" });
    await poll(() => screen.getAttribute("data-slide-index")).not.toBe(held);
    // The pause button holds it even without the pointer; ← and → still step.
    await p.getByRole("button", { name: "暂停轮播" }).click();
    await poll(() => screen.getAttribute("data-timer")).toBe("paused");
    expect(await p.getByTestId("big-paused").textContent()).toBe("已暂停");
    const at = Number(await screen.getAttribute("data-slide-index"));
    await p.keyboard.press("ArrowLeft");
    await poll(() => section.getAttribute("data-slide")).toBe(keys[at - 1]);
    expect(await p.getByTestId("big-refreshed").textContent()).toMatch(/状态日 2022-08-15 · 更新于 \d/);

    // ?interval= sets the interval without storing it; a choice made on the screen is remembered.
    const field = p.locator("#big-screen-interval");
    expect(await field.inputValue()).toBe("2");
    await field.fill("45");
    await field.press("Enter");
    await poll(() => p.evaluate(() => localStorage.getItem("guatu.bigScreen.intervalSeconds"))).toBe("45");
    // ?slide= also takes a 1-based position; ← from the first slide wraps to the last.
    await p.goto("/big-screen?paused=1&slide=2");
    await poll(() => section.getAttribute("data-slide")).toBe(keys[1]);
    expect(await field.inputValue()).toBe("45");
    await p.keyboard.press("ArrowLeft");
    await p.keyboard.press("ArrowLeft");
    await poll(() => section.getAttribute("data-slide")).toBe(keys.at(-1));
    expect(await p.getByTestId("big-progress").textContent()).toBe(`第 ${keys.length}/${keys.length} 屏`);
  }, 45_000);

  it("starts at the cascade ?cascade= names, and adds a task force's own cascade to the rotation", async () => {
    const p = await screenPage(1920, 1080);
    const section = p.locator("section[data-slide]");
    // A street's share: its district-level cascade is shown.
    await p.goto("/big-screen?paused=1&cascade=ind-01-3-nh");
    await poll(() => section.getAttribute("data-slide")).toBe("cascade-QZB-3");
    await p.locator('[data-cascade="QZB-3"] [data-share="ZB01-3"]').waitFor();
    expect(await p.getByRole("radio", { name: "层层衔接" }).isChecked()).toBe(true);
    // A task force's own indicator (not district-level): its slide is added at the end and shown.
    await p.goto("/big-screen?paused=1&cascade=ind-02-2");
    await poll(() => section.getAttribute("data-slide")).toBe("cascade-ZB02-2");
    const keys = await slideKeys(p);
    expect(keys.at(-1)).toBe("cascade-ZB02-2");
    await p.locator("[data-cascade=ZB02-2] canvas").waitFor();
    expect((await p.evaluate(fitReport)).problems).toEqual([]);
    await h.shot(p, "big-screen-cascade-own");
  }, 45_000);
});
