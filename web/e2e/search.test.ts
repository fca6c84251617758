/**
 * The header's global search in Chromium: pinyin initials typed into the header find a task, Enter
 * opens it highlighted on its task force's page; `/` and Ctrl+K focus the field; a member does not
 * find another task force's task; on a phone (390 px) the field is an icon button opening a drawer
 * and the header does not overflow.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RUN_BROWSER_TESTS, useHarness } from "./harness.js";

const WAIT = { timeout: 30_000 };
const PHONE = { width: 390, height: 844 };

/** The header's search field (a combobox named 全局搜索). */
const field = (p: Page) => p.getByRole("combobox", { name: "全局搜索" });
/** A hit in the open result list (antd's virtual list names only the active option to assistive tech). */
const hit = (p: Page, text: RegExp) =>
  p.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
    hasText: text,
  });

describe.skipIf(!RUN_BROWSER_TESTS)("the header's search in Chromium", () => {
  const h = useHarness();

  it("finds a task by pinyin initials and opens it highlighted on its task force's page", async () => {
    const p = await h.open("leader", "/");
    await field(p).waitFor(WAIT);
    await field(p).fill("jlzsxmxsk");
    const option = hit(p, /02\.1\.2\s*建立招商项目线索库/);
    await option.waitFor(WAIT);
    // The first hit is active: Enter opens it.
    await field(p).press("Enter");
    await p.waitForURL(/\/task-forces\/tf-02\?tab=tasks&task=t-02-1\.2$/, WAIT);
    await p.locator('tr.ant-table-row-selected[data-row-key="t-02-1.2"]').waitFor(WAIT);
    expect(await field(p).inputValue()).toBe("");
  }, 120_000);

  it("focuses the field on / and on Ctrl+K, and groups hits by kind", async () => {
    const p = await h.open("leader", "/");
    await field(p).waitFor(WAIT);
    await p.locator("#main").click({ position: { x: 5, y: 5 } });
    await p.keyboard.press("/");
    await expect.poll(() => field(p).evaluate((el) => el === document.activeElement)).toBe(true);
    await p.keyboard.type("zsyz");
    // 招商引资专班 (a task force) and its tasks, each under its kind's heading.
    await hit(p, /^02\s*招商引资专班$/).waitFor(WAIT);
    const popup = p.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
    await expect
      .poll(() => popup.locator(".ant-select-item-group").allTextContents())
      .toEqual(expect.arrayContaining(["专班", "任务", "指标"]));
    await p.keyboard.press("Escape");
    await p.locator("#main").click({ position: { x: 5, y: 5 } });
    await p.keyboard.press("Control+k");
    await expect.poll(() => field(p).evaluate((el) => el === document.activeElement)).toBe(true);
  }, 120_000);

  it("does not let a member find another task force's task", async () => {
    const p = await h.open("member", "/");
    await field(p).fill("jlzsxmxsk");
    await p.getByText("没有找到匹配的记录").waitFor(WAIT);
    await field(p).fill("xmlxjkypf");
    await hit(p, /01\.2\.1\s*项目立项及可研批复/).waitFor(WAIT);
  }, 120_000);

  it("on a phone is an icon button that opens the search in a drawer, and the header fits", async () => {
    const p = await h.open("member", "/my", PHONE);
    const open = p.getByRole("button", { name: "搜索" });
    await open.waitFor(WAIT);
    const header = p.locator(".app-header");
    expect(await header.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(
      await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await open.click();
    await expect.poll(() => field(p).evaluate((el) => el === document.activeElement)).toBe(true);
    await field(p).fill("xmlxjkypf");
    await hit(p, /01\.2\.1/).click();
    await p.waitForURL(/\/task-forces\/tf-01\?tab=tasks&task=t-01-2\.1$/, WAIT);
    await expect.poll(() => p.getByRole("dialog").count()).toBe(0);
  }, 120_000);
});
