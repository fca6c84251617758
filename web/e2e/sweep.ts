/**
 * The screenshot sweep's vocabulary: the viewports, the pages (one list, checked against the routes
 * of web/src/AppRoutes.tsx), moving between routes inside one signed-in page, waiting until a page
 * has settled, and measuring whether it is wider (or, for the big screen, taller) than the viewport.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

/** A browser window's size in CSS px. */
export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** The viewports of the issue: a laptop, a desktop, a phone, and the 4K wall of the big screen. */
export const VIEWPORTS = {
  laptop: { width: 1366, height: 768 },
  desktop: { width: 1920, height: 1080 },
  phone: { width: 390, height: 844 },
  wall: { width: 3840, height: 2160 },
} as const satisfies Record<string, Viewport>;

/** One page of the sweep. */
export interface SweepPage {
  /** File-name-safe name: screenshots are `sweep-<name>-<w>x<h>.png`. */
  readonly name: string;
  readonly path: string;
  /** A selector visible once the page's own content is in (not the previous page's). */
  readonly ready: string;
}

/** A tab of the demo task force tf-01, ready when that tab is the active one. */
const tab = (key: string): SweepPage => ({
  name: `task-force-${key}`,
  path: `/task-forces/tf-01?tab=${key}`,
  ready: `.ant-tabs-tab-active[data-node-key="${key}"]`,
});

/** The tabs of the task-force page (web/src/pages/TaskForcePage.tsx); history shows to admins only. */
export const TASK_FORCE_TABS = [
  "tasks",
  "book",
  "matrix",
  "members",
  "indicators",
  "reports",
  "supervision",
  "chases",
  "extensions",
  "comments",
  "timeline",
  "history",
] as const;

/** Pages inside the app's frame: ready when the frame's main area holds something. */
const framed = (name: string, path: string): SweepPage => ({ name, path, ready: "#main > *" });

/** The pages an administrator visits, at 1366×768 and 1920×1080. */
export const ADMIN_PAGES: readonly SweepPage[] = [
  framed("overview", "/"),
  framed("battle-map", "/battle-map"),
  framed("task-forces", "/task-forces"),
  ...TASK_FORCE_TABS.map(tab),
  framed("supervision", "/supervision"),
  framed("check", "/check"),
  // The cascade of the demo's 招商引资到位资金 (district → task forces → streets, the planted gap among them).
  framed("cascade", "/indicators/ind-qzb-4/cascade"),
  framed("assessments", "/assessments"),
  framed("dispatch", "/dispatch"),
  framed("ledger", "/ledger"),
  framed("extensions", "/extensions"),
  framed("outbox", "/outbox"),
  framed("inbox", "/inbox"),
  framed("admin-org", "/admin/org"),
  framed("admin-users", "/admin/users"),
  framed("admin-settings", "/admin/settings"),
  // Last: a route rendering the same page as this one would keep the previous page's elements.
  framed("not-found", "/no-such-page"),
];

/** The printable documents (ids filled in from the demo by {@link printPages}). */
export function printPages(ids: { supervisionItem: string; task: string }): SweepPage[] {
  const item = encodeURIComponent(ids.supervisionItem);
  return [
    { name: "print-task-book", path: "/print/task-forces/tf-01", ready: ".doc-page" },
    { name: "print-notice", path: `/print/supervision-items/${item}`, ready: ".doc-page" },
    {
      name: "print-task-timeline",
      path: `/print/tasks/${encodeURIComponent(ids.task)}/timeline`,
      ready: ".doc-page",
    },
    { name: "print-item-timeline", path: `/print/supervision-items/${item}/timeline`, ready: ".doc-page" },
    { name: "print-answer-sheet", path: "/print/answer-sheet?taskForce=tf-01", ready: ".doc-page" },
    { name: "print-answer-sheet-district", path: "/print/answer-sheet", ready: ".doc-page" },
  ];
}

/** A member's own page, at 1366×768 and 1920×1080. */
export const MEMBER_PAGES: readonly SweepPage[] = [framed("my", "/my")];
/** Everything a member reaches on a phone (390×844). */
export const PHONE_PAGES: readonly SweepPage[] = [
  framed("my", "/my"),
  framed("inbox", "/inbox"),
  framed("overview", "/"),
  framed("battle-map", "/battle-map"),
  framed("task-forces", "/task-forces"),
  // Every tab a member sees (the change history is an administrator's).
  ...TASK_FORCE_TABS.filter((key) => key !== "history").map(tab),
  framed("ledger", "/ledger"),
  { name: "print-task-book", path: "/print/task-forces/tf-01", ready: ".doc-page" },
];
/** Signed out, at every size. */
export const LOGIN_PAGE: SweepPage = { name: "login", path: "/login", ready: "#username" };
/** The big screen, at 1920×1080 and 3840×2160, where it may not scroll at all. */
export const BIG_SCREEN: SweepPage = {
  name: "big-screen",
  path: "/big-screen",
  ready: "[data-testid=big-screen]",
};

const ROUTES_FILE = fileURLToPath(new URL("../src/AppRoutes.tsx", import.meta.url));

/** Every `path="…"` of AppRoutes.tsx, without its leading slash. */
export function declaredRoutes(source = readFileSync(ROUTES_FILE, "utf8")): string[] {
  return [...source.matchAll(/\bpath="([^"]+)"/g)].map((m) => (m[1] ?? "").replace(/^\//, ""));
}

/** The route pattern a page's path matches, among `routes` (nested `admin` + `org` counts too). */
export function routeOf(path: string, routes: readonly string[]): string | undefined {
  const segments = new URL(path, "http://x").pathname.split("/").filter(Boolean);
  const matches = (route: string) => {
    const parts = route.split("/").filter(Boolean);
    return parts.length === segments.length && parts.every((p, i) => p.startsWith(":") || p === segments[i]);
  };
  if (segments.length === 0) return "";
  const whole = routes.find(matches);
  if (whole !== undefined) return whole;
  // A nested route: every segment declared on its own, in order.
  return segments.every((s) => routes.includes(s)) ? segments.join("/") : undefined;
}

/**
 * The sweep's pages that have a route (the admin pages join once their routes exist), and the
 * routes no page of the sweep visits, which the sweep reports so that the list grows with the app.
 */
export function coverage(pages: readonly SweepPage[], routes = declaredRoutes()) {
  const present = pages.filter((p) => p.name === "not-found" || routeOf(p.path, routes) !== undefined);
  const visited = present.map((p) => (routeOf(p.path, routes) ?? "").split("/"));
  // A nested route's parts (`admin`, then `org`) are visited with the whole (`admin/org`).
  const unvisited = routes.filter(
    (r) => r !== "*" && !visited.some((v) => r.split("/").every((part) => v.includes(part))),
  );
  return { present, unvisited };
}

/** The page each browser page shows now, so that a visit knows what must go away. */
const shown = new WeakMap<Page, SweepPage>();

/**
 * Goes to `page` inside the running app (history.pushState, no reload: the app, its session and its
 * caches stay) or loads it when the browser page holds no app yet, then waits until it has settled.
 */
export async function visit(p: Page, page: SweepPage, timeout = 15_000): Promise<void> {
  const before = shown.get(p);
  shown.set(p, page);
  if (!before) await p.goto(page.path);
  else
    await p.evaluate(
      ({ path, old }) => {
        // What showed the previous page goes when a new route replaces it; a tab of the same
        // page keeps it, and waits on its own `ready` instead.
        if (new URL(path, location.href).pathname !== location.pathname)
          for (const el of Array.from(document.querySelectorAll(old))) el.setAttribute("data-sweep-old", "");
        history.pushState(null, "", path);
        dispatchEvent(new PopStateEvent("popstate"));
      },
      { path: page.path, old: before.ready },
    );
  await p.waitForFunction(() => !document.querySelector("[data-sweep-old]"), undefined, { timeout });
  await p.locator(page.ready).first().waitFor({ state: "visible", timeout });
  await settle(p, timeout);
}

/**
 * Waits until nothing visible spins or shimmers, the fonts are in, and the document's size and
 * number of elements have not changed for ten frames in a row.
 */
export async function settle(p: Page, timeout = 15_000): Promise<void> {
  await p.waitForFunction(
    () => {
      const w = window as unknown as { __sweep?: { sig: string; n: number } };
      const busy = Array.from(
        document.querySelectorAll(".ant-spin-spinning, .ant-skeleton-active, .ant-btn-loading"),
      ).some((el) => el.checkVisibility());
      const root = document.documentElement;
      const sig = `${root.scrollWidth}x${root.scrollHeight}:${document.getElementsByTagName("*").length}`;
      const last = w.__sweep;
      w.__sweep = {
        sig,
        n: !busy && document.fonts.status === "loaded" && last?.sig === sig ? last.n + 1 : 0,
      };
      return w.__sweep.n >= 10;
    },
    undefined,
    { polling: "raf", timeout },
  );
}

/** The document's scroll size against the viewport's. */
export interface Extent {
  readonly scrollWidth: number;
  readonly scrollHeight: number;
  readonly innerWidth: number;
  readonly innerHeight: number;
  /** The widest elements reaching past the viewport's right edge, to say why a page is too wide. */
  readonly culprits: string[];
}

/** Measures the document and names the outermost elements that stick out to the right. */
export function measure(p: Page): Promise<Extent> {
  return p.evaluate(() => {
    const root = document.documentElement;
    const culprits: string[] = [];
    const edge = root.clientWidth;
    // Inside a box that clips or scrolls and itself fits, an element widens nothing.
    const contained = (el: HTMLElement) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== "visible" && a.getBoundingClientRect().right <= edge + 1)
          return true;
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      if (culprits.length >= 3) break;
      const r = el.getBoundingClientRect();
      if (r.right <= edge + 1 || r.width === 0 || !el.checkVisibility() || contained(el)) continue;
      // Only the outermost: its parent still fits.
      const parent = el.parentElement?.getBoundingClientRect();
      if (parent && parent.right > edge + 1) continue;
      const cls = typeof el.className === "string" ? el.className.split(/\s+/).slice(0, 2).join(".") : "";
      culprits.push(`${el.tagName.toLowerCase()}${cls ? `.${cls}` : ""} right=${Math.round(r.right)}`);
    }
    return {
      scrollWidth: root.scrollWidth,
      scrollHeight: root.scrollHeight,
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
      culprits,
    };
  });
}

/** The screenshot's name for a page at a viewport. */
export const shotName = (page: SweepPage, v: Viewport) => `sweep-${page.name}-${v.width}x${v.height}`;
