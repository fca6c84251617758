/**
 * Accessibility of the main pages at 1366×768 (and a member's on a phone), checked offline by
 * axe-core against WCAG 2.1 A/AA: no critical violation, every control (input, select, button,
 * link) has a name that contains its visible label, and text has 4.5:1 contrast — on the pages as
 * they open and in their main form dialogs.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations, blocking, type Violation } from "./a11y.js";
import { RUN_BROWSER_TESTS, useHarness } from "./harness.js";
import {
  ADMIN_PAGES,
  coverage,
  LOGIN_PAGE,
  MEMBER_PAGES,
  PHONE_PAGES,
  type SweepPage,
  settle,
  TASK_FORCE_TABS,
  VIEWPORTS,
  type Viewport,
  visit,
} from "./sweep.js";

/** The main pages, by the names of the sweep's pages (the admin pages once their routes exist). */
const MAIN = new Set([
  "overview",
  "battle-map",
  "task-forces",
  ...TASK_FORCE_TABS.map((key) => `task-force-${key}`),
  "supervision",
  "check",
  "cascade",
  "assessments",
  "dispatch",
  "ledger",
  "inbox",
  "my",
  "admin-org",
  "admin-users",
  "admin-settings",
]);

/** The pages checked on a phone too: those whose controls differ there (navigation, task cards). */
const ON_PHONE = new Set(["my", "inbox", "overview", "task-force-tasks"]);

/** A form dialog checked too, by the page it opens on: what opens it. */
const DIALOGS: Record<string, string> = {
  "task-force-tasks": "[data-testid=add-task]",
  "task-force-indicators": "[data-testid=report-reading]",
  supervision: ".ant-card-extra .ant-btn-primary",
  cascade: "[data-split]",
  my: "[data-report-task]",
};

const main = (pages: readonly SweepPage[]) => coverage(pages).present.filter((x) => MAIN.has(x.name));

/** Who checks which pages at which size. */
const ROUNDS: { user?: string; viewport: Viewport; pages: readonly SweepPage[] }[] = [
  { user: "admin", viewport: VIEWPORTS.laptop, pages: main(ADMIN_PAGES) },
  { user: "member", viewport: VIEWPORTS.laptop, pages: MEMBER_PAGES },
  { user: "member", viewport: VIEWPORTS.phone, pages: PHONE_PAGES.filter((x) => ON_PHONE.has(x.name)) },
  { viewport: VIEWPORTS.laptop, pages: [LOGIN_PAGE] },
];

const describeViolation = (where: string, v: Violation) =>
  `${where}: [${v.impact}] ${v.id} — ${v.help}\n    ${v.nodes.join("\n    ")}`;

/** Opens the page's dialog, checks it, and closes it again. */
async function checkDialog(p: Page, opener: string): Promise<Violation[]> {
  await p.locator(opener).first().click();
  const dialog = p.getByRole("dialog");
  await dialog.waitFor();
  await settle(p);
  // The dialog zooms and fades in: contrast measured mid-fade is a failure of the moment (seen in CI).
  await p.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  const found = blocking(await axeViolations(p));
  await p.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  return found;
}

describe.skipIf(!RUN_BROWSER_TESTS)("accessibility of the main pages (axe, WCAG 2.1 AA)", () => {
  const h = useHarness();

  it("names what axe finds: a critical violation, an unnamed control, a name unlike its label, faint text", async () => {
    const p = await h.page();
    await p.setContent(
      `<html lang="zh-CN"><title>t</title><main><input type="text"><button><svg></svg></button>
      <img src="x.png"><button aria-label="账户菜单">张伟 · 督查室</button>
      <p style="color:#bfbfbf">暂无数据</p></main></html>`,
    );
    const ids = blocking(await axeViolations(p)).map((v) => `${v.id}:${v.impact}`);
    expect(ids).toEqual(
      expect.arrayContaining([
        "label:critical",
        "button-name:critical",
        "image-alt:critical",
        "label-content-name-mismatch:serious",
        "color-contrast:serious",
      ]),
    );
    await p.context().close();
  });

  it("finds no critical violation, no control without a name or unlike its label, no faint text", async () => {
    const found: string[] = [];
    const opened = new Set<string>();
    for (const round of ROUNDS) {
      const p = await h.page(round.user, round.viewport);
      for (const page of round.pages) {
        const where = `${page.name} (${page.path}) at ${round.viewport.width}×${round.viewport.height}`;
        await visit(p, page);
        for (const v of blocking(await axeViolations(p))) found.push(describeViolation(where, v));
        const opener = DIALOGS[page.name];
        // A dialog the user cannot open here (a member on a phone adds no task) is skipped;
        // each one must have been checked somewhere.
        if (opener && (await p.locator(opener).count()) > 0) {
          opened.add(page.name);
          for (const v of await checkDialog(p, opener)) found.push(describeViolation(`${where}, dialog`, v));
        }
      }
      await p.context().close();
    }
    expect(found, `\n${found.join("\n")}\n`).toEqual([]);
    expect([...opened].sort()).toEqual(Object.keys(DIALOGS).sort());
  }, 180_000);
});
