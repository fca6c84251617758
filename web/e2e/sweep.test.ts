/**
 * The screenshot sweep: every page at 1366×768 and 1920×1080, a member's pages at 390×844 (phone),
 * the big screen at 1920×1080 and 3840×2160. Each screenshot is kept in test-results/e2e; a page
 * wider than its viewport (the document scrolls sideways), or a big screen that scrolls at all, is
 * a failure, and all of them are reported together at the end.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RUN_BROWSER_TESTS, useHarness } from "./harness.js";
import {
  ADMIN_PAGES,
  BIG_SCREEN,
  coverage,
  declaredRoutes,
  LOGIN_PAGE,
  MEMBER_PAGES,
  measure,
  PHONE_PAGES,
  printPages,
  routeOf,
  type SweepPage,
  shotName,
  VIEWPORTS,
  type Viewport,
  visit,
} from "./sweep.js";

/** Who visits which pages at which sizes; `still` pages may not scroll in either direction. */
interface Round {
  readonly user?: string;
  readonly viewports: readonly Viewport[];
  readonly pages: (p: Page) => Promise<readonly SweepPage[]>;
  readonly still?: boolean;
}

/** The demo's first 督办 item and tf-01's first task, for the printable documents. */
async function demoIds(p: Page) {
  const first = async (path: string) => {
    const body = (await (await p.request.get(path)).json()) as { items: { id: string }[] };
    return body.items[0]?.id ?? "missing";
  };
  return {
    supervisionItem: await first("/api/v1/supervision-items?limit=1"),
    task: await first("/api/v1/tasks?taskForceId=tf-01&limit=1"),
  };
}

const { present, unvisited } = coverage([
  ...ADMIN_PAGES,
  ...PHONE_PAGES,
  ...MEMBER_PAGES,
  ...printPages({ supervisionItem: "id", task: "id" }),
  LOGIN_PAGE,
  BIG_SCREEN,
]);
const inApp = (pages: readonly SweepPage[]) => pages.filter((x) => present.includes(x));

const ROUNDS: Record<string, Round> = {
  admin: {
    user: "admin",
    viewports: [VIEWPORTS.laptop, VIEWPORTS.desktop],
    pages: async (p) => [...inApp(ADMIN_PAGES), ...printPages(await demoIds(p))],
  },
  member: {
    user: "member",
    viewports: [VIEWPORTS.laptop, VIEWPORTS.desktop],
    pages: async () => MEMBER_PAGES,
  },
  phone: { user: "member", viewports: [VIEWPORTS.phone], pages: async () => inApp(PHONE_PAGES) },
  login: {
    viewports: [VIEWPORTS.laptop, VIEWPORTS.desktop, VIEWPORTS.phone],
    pages: async () => [LOGIN_PAGE],
  },
  bigScreen: {
    user: "admin",
    viewports: [VIEWPORTS.desktop, VIEWPORTS.wall],
    pages: async () => [BIG_SCREEN],
    still: true,
  },
};

describe.skipIf(!RUN_BROWSER_TESTS)("every page at every viewport", () => {
  const h = useHarness();
  const failures: string[] = unvisited.map((r) => `route "${r}" is in no sweep list (web/e2e/sweep.ts)`);

  /** Visits each page in one signed-in page of this size, screenshots it, and notes what overflows. */
  async function sweep(round: Round, v: Viewport) {
    const p = await h.page(round.user, v);
    for (const page of await round.pages(p)) {
      const where = `${page.name} (${page.path}) at ${v.width}×${v.height}`;
      try {
        await visit(p, page);
      } catch (e) {
        failures.push(`${where}: did not settle: ${(e as Error).message.split("\n")[0]}`);
      }
      await h.shot(p, shotName(page, v));
      const m = await measure(p);
      if (m.scrollWidth > m.innerWidth)
        failures.push(`${where}: ${m.scrollWidth} px wide > ${m.innerWidth} (${m.culprits.join("; ")})`);
      if (round.still && m.scrollHeight > m.innerHeight)
        failures.push(`${where}: scrolls, ${m.scrollHeight} px tall > ${m.innerHeight}`);
    }
    await p.context().close();
  }

  for (const [name, round] of Object.entries(ROUNDS))
    for (const v of round.viewports)
      it(`visits the ${name} pages at ${v.width}×${v.height}`, () => sweep(round, v), 240_000);

  it("finds no page wider than its viewport, and no scrolling big screen", () => {
    expect(failures, `\n${failures.join("\n")}\n`).toEqual([]);
  });
});

describe("the sweep's list of pages", () => {
  const routes = declaredRoutes(
    `<Route path="/login" /><Route path="task-forces/:id" /><Route path="admin" /><Route path="org" />
     <Route path="audit" /><Route path="*" />`,
  );

  it("matches a page to its route, a parameter and nested routes included", () => {
    expect(routes).toEqual(["login", "task-forces/:id", "admin", "org", "audit", "*"]);
    expect(routeOf("/task-forces/tf-01?tab=book", routes)).toBe("task-forces/:id");
    expect(routeOf("/admin/org", routes)).toBe("admin/org");
    expect(routeOf("/admin/users", routes)).toBeUndefined();
  });

  it("leaves out pages without a route and names the routes no page visits", () => {
    const page = (path: string) => ({ name: path, path, ready: "#main" });
    const { present, unvisited } = coverage(
      [page("/login"), page("/admin/org"), page("/admin/users")],
      routes,
    );
    expect(present.map((x) => x.path)).toEqual(["/login", "/admin/org"]);
    expect(unvisited).toEqual(["task-forces/:id", "audit"]);
  });
});
