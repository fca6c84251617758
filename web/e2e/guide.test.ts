/**
 * The user guide's screenshots (docs/guide/img), taken from the running demo district so they show
 * the current version. `UPDATE_GUIDE=1` writes them into docs/guide; otherwise they go to
 * test-results/e2e as guide-*.png and the test only checks every page the guide shows still renders.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RUN_BROWSER_TESTS, SHOTS, useHarness } from "./harness.js";

const GUIDE_IMG = fileURLToPath(new URL("../../docs/guide/img", import.meta.url));
const OUT = process.env.UPDATE_GUIDE ? GUIDE_IMG : SHOTS;

/** The guide's pictures: file name, who looks, where, the viewport, and what shows the page is ready. */
const SHOTS_OF_GUIDE: readonly {
  name: string;
  user: string;
  path: string;
  viewport?: { width: number; height: number };
  ready: (p: Page) => Promise<unknown>;
}[] = [
  {
    name: "overview",
    user: "leader",
    path: "/",
    ready: (p) => p.locator(".ant-table-row").first().waitFor(),
  },
  {
    name: "battle-map",
    user: "leader",
    path: "/battle-map",
    ready: (p) => p.locator("canvas").first().waitFor(),
  },
  {
    name: "task-force",
    user: "lead",
    path: "/task-forces/tf-01",
    ready: (p) => p.locator(".ant-table-row").first().waitFor(),
  },
  {
    name: "dispatch",
    user: "supervisor",
    path: "/dispatch",
    ready: (p) => p.getByTestId("dispatch-total-red").waitFor(),
  },
  {
    name: "check",
    user: "supervisor",
    path: "/check",
    ready: (p) => p.locator(".ant-table-row").first().waitFor(),
  },
  {
    name: "assessments",
    user: "supervisor",
    path: "/assessments",
    ready: (p) => p.locator(".ant-table-row").first().waitFor(),
  },
  {
    name: "phone-my",
    user: "member",
    path: "/my",
    viewport: { width: 390, height: 844 },
    ready: (p) =>
      p
        .getByText(/填报进展/)
        .first()
        .waitFor(),
  },
  {
    name: "admin-settings",
    user: "admin",
    path: "/admin/settings",
    ready: (p) => p.locator("form").first().waitFor(),
  },
  {
    name: "big-screen",
    user: "leader",
    path: "/big-screen",
    viewport: { width: 1920, height: 1080 },
    ready: (p) => p.locator("canvas, .ant-table-row").first().waitFor(),
  },
];

describe.skipIf(!RUN_BROWSER_TESTS)("the user guide's screenshots", () => {
  const h = useHarness();

  it("shows every page the guide names", async () => {
    mkdirSync(OUT, { recursive: true });
    const pages = new Map<string, Page>();
    for (const s of SHOTS_OF_GUIDE) {
      const key = `${s.user}-${s.viewport?.width ?? 1366}`;
      let p = pages.get(key);
      if (!p) {
        p = await h.page(s.user, s.viewport ?? { width: 1366, height: 768 });
        pages.set(key, p);
      }
      await p.goto(s.path);
      await s.ready(p);
      await expect.poll(() => p.locator(".ant-spin-spinning").count()).toBe(0);
      const prefix = OUT === GUIDE_IMG ? "" : "guide-";
      await p.screenshot({ path: join(OUT, `${prefix}${s.name}.png`) });
    }
  }, 180_000);
});
