/**
 * The overview of a large organisation in Chromium: drawn from `GET /overview/summary`, the ranking
 * a page at a time, never the whole overview. Forced on the demo district with `?summary=1`; a
 * province switches by itself above `LARGE_ORGANISATION` task forces.
 */
import { describe, expect, it } from "vitest";
import { RUN_BROWSER_TESTS, useHarness } from "./harness.js";

describe.skipIf(!RUN_BROWSER_TESTS)("the overview, summary first, in Chromium", () => {
  const h = useHarness();

  it("draws counts, red task forces, a paged ranking filtered by light and district indicators without the whole overview", async () => {
    const p = await h.page("supervisor");
    // Signing in lands on the whole overview of the demo district: let its reads finish first.
    await p.waitForLoadState("networkidle");
    const overviewReads: string[] = [];
    p.on("request", (r) => {
      const path = new URL(r.url()).pathname;
      if (path === "/api/v1/overview") overviewReads.push(`${path} from ${p.url()}`);
    });
    await p.goto("/?summary=1");
    const page = p.getByTestId("large-overview");
    await page.waitFor();
    const api = await p.evaluate(async () => (await fetch("/api/v1/overview/summary?top=20")).json());
    expect(await page.textContent()).toContain(`共 ${api.taskForceCount} 个专班`);
    // Red task forces, most red lights first.
    const red = page.getByRole("table", { name: /红灯专班/ });
    await expect.poll(() => red.locator("tbody tr.ant-table-row").count()).toBe(api.red.length);
    expect(api.red.length).toBeGreaterThan(0);
    expect(await red.locator("tbody tr.ant-table-row").first().textContent()).toContain(api.red[0].name);
    // The ranking: every task force by rank; filtered to red, only the red ones.
    const ranking = page.getByRole("table", { name: "考核排名" });
    const rows = ranking.locator("tbody tr.ant-table-row");
    await expect.poll(() => rows.count()).toBe(api.taskForceCount);
    expect(await rows.first().textContent()).toContain(api.ranking[0].name);
    await page.getByRole("radiogroup", { name: "亮灯" }).getByText("红灯").click();
    await expect.poll(() => rows.count()).toBe(api.counts.red);
    for (const row of await rows.all())
      expect(await row.locator("[data-light]").first().getAttribute("data-light")).toBe("red");
    // The district's indicators as cards.
    for (const ind of api.districtIndicators) expect(await page.textContent()).toContain(ind.name);
    await h.shot(p, "overview-summary-first");
    // A task force from the ranking opens its workspace, whose indicators come from its own page.
    await rows.first().getByRole("link").click();
    await p.waitForURL(/\/task-forces\//);
    expect(overviewReads).toEqual([]);
    await p.context().close();
  }, 60_000);

  it("lists each task force's round counts a page at a time, and opens one task force's whole report", async () => {
    const p = await h.page("supervisor");
    await p.waitForLoadState("networkidle");
    const reads: string[] = [];
    p.on("request", (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith("/api/v1/dispatch-report")) reads.push(u.pathname + u.search);
    });
    await p.goto("/dispatch?summary=1");
    const table = p.getByTestId("dispatch-task-forces");
    await table.waitFor();
    const api = await p.evaluate(async () =>
      (await fetch("/api/v1/dispatch-report/summary?limit=50")).json(),
    );
    const rows = table.locator("tbody tr.ant-table-row");
    await expect.poll(() => rows.count()).toBe(api.cut.taskForces);
    expect(await p.getByTestId("dispatch-total-overdue").textContent()).toBe(String(api.total.overdue));
    const first = api.taskForces[0];
    const cells = rows.first().locator("td");
    expect(await cells.nth(0).textContent()).toBe(`${first.code} ${first.name}`);
    expect(await cells.nth(2).textContent()).toBe(String(first.summary.overdue));
    expect(reads.every((r) => r.startsWith("/api/v1/dispatch-report/summary"))).toBe(true);
    // A task force opens its own report with its lists (the demo's overdue task of 01).
    await rows.first().getByRole("button").click();
    await expect.poll(() => new URL(p.url()).searchParams.get("tf")).toBe(first.taskForceId);
    await expect
      .poll(() => p.getByTestId("dispatch-overdue-01").textContent(), { timeout: 15_000 })
      .toContain("01.2.5");
    expect(reads.some((r) => r.includes(`taskForceId=${first.taskForceId}`))).toBe(true);
    await h.shot(p, "dispatch-summary-first");
    await p.context().close();
  }, 60_000);
});
