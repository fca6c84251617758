/**
 * Web-app gaps in headless Chromium: the big screen's battle map at 3840×2160 (magnified, crisp),
 * filters kept in the URL (reload, back), the supervision queue while a refetch is pending, and
 * date pickers in the app's language.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RUN_BROWSER_TESTS, submitDialog, useHarness } from "./harness.js";

/**
 * The label of the segmented control's checked option. Its radio input, not the "selected" class:
 * antd drops that class while the sliding thumb animates, and under load the animation can stall.
 */
const selectedSegment = (p: Page) =>
  p.locator(".ant-segmented-item:has(input:checked) .ant-segmented-item-label").textContent();

/** expect.poll with room for a loaded machine (its default is 1 s). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** What the battle map reports about its canvas and layout, in CSS and device pixels. */
async function mapMetrics(p: Page) {
  return p.locator("[data-battle-map]").evaluate((root) => {
    const canvas = root.querySelector("canvas") as HTMLCanvasElement;
    const spacer = canvas.parentElement as HTMLElement;
    const box = canvas.getBoundingClientRect();
    const rootBox = root.getBoundingClientRect();
    return {
      rows: Number(root.getAttribute("data-rows")),
      magnify: Number(root.getAttribute("data-magnify")),
      rowHeight: Number(root.getAttribute("data-row-height")),
      fontSize: Number(root.getAttribute("data-font-size")),
      backingWidth: canvas.width,
      backingHeight: canvas.height,
      cssWidth: box.width,
      cssHeight: box.height,
      spacerHeight: spacer.getBoundingClientRect().height,
      dpr: window.devicePixelRatio,
      bottomGap: window.innerHeight - rootBox.bottom,
      rightGap: window.innerWidth - rootBox.right,
    };
  });
}

/** Opens the big screen, shows the battle-map slide and stops the rotation. */
async function bigScreenBattleMap(p: Page) {
  await p.goto("/big-screen");
  await p.getByTestId("big-screen").waitFor();
  await p.getByText("作战图", { exact: true }).click();
  await p.getByRole("button", { name: "暂停轮播" }).click();
  await p.locator("[data-battle-map][data-ready=true]").waitFor();
  await p.waitForTimeout(300);
}

describe.skipIf(!RUN_BROWSER_TESTS)("web-app gaps in Chromium", () => {
  const h = useHarness();

  it("magnifies the big screen's battle map at 3840×2160 on a backing store at real pixels", async () => {
    const hd = await h.page("leader", { width: 1920, height: 1080 });
    await bigScreenBattleMap(hd);
    const m1 = await mapMetrics(hd);
    await h.shot(hd, "gaps-big-screen-battle-map-1920");
    await hd.context().close();

    const uhd = await h.page("leader", { width: 3840, height: 2160 });
    await bigScreenBattleMap(uhd);
    const m2 = await mapMetrics(uhd);
    await h.shot(uhd, "gaps-big-screen-battle-map-3840");

    // Task force 01's rows are fitted to the slide (shorter than the theme's 44, never under 30).
    expect(m1).toMatchObject({ magnify: 1 });
    expect(m1.rowHeight).toBeGreaterThanOrEqual(30);
    expect(m1.rowHeight).toBeLessThanOrEqual(44);
    expect(m2).toMatchObject({ magnify: 2, rowHeight: m1.rowHeight * 2, fontSize: m1.fontSize * 2 });
    // One texel per device pixel: crisp, not a 1920 px bitmap stretched to 3840.
    for (const m of [m1, m2]) {
      expect(m.backingWidth).toBe(Math.round(m.cssWidth * m.dpr));
      expect(m.backingHeight).toBe(Math.round(m.cssHeight * m.dpr));
    }
    // The map beside the task force's side strip: 3840 − 2 × (24 + 400 + 16 + 24) = 2912 CSS px.
    expect(m2.backingWidth).toBeGreaterThan(2800);
    // The scrolled content (header + rows) doubles with the screen.
    expect(m2.spacerHeight).toBe(76 * 2 + m2.rows * m2.rowHeight);
    // It fills the screen below the header, down to the page's padding (24 px × 2).
    expect(m2.bottomGap).toBeGreaterThanOrEqual(40);
    expect(m2.bottomGap).toBeLessThanOrEqual(56);
    expect(m2.rightGap).toBeLessThanOrEqual(56);
    expect(m2.cssHeight).toBeGreaterThan(2160 * 0.8);

    // Hit-testing follows the magnification: row 1 (01.1) sits 1.5 magnified rows under the header.
    const box = await uhd.locator("[data-battle-map] canvas").boundingBox();
    if (!box) throw new Error("no canvas");
    await uhd.mouse.move(box.x + 300, box.y + 76 * 2 + m2.rowHeight * 1.5);
    const tip = uhd.getByRole("tooltip");
    await poll(() => tip.textContent()).toContain("项目谋划储备");
    expect(await tip.evaluate((e) => getComputedStyle(e).fontSize)).toBe("36px");
    await h.shot(uhd, "gaps-big-screen-battle-map-3840-hover");
    await uhd.context().close();
  }, 90_000);

  it("sizes the backing store to device pixels on a 4K panel scaled 200 %", async () => {
    const p = await h.page("leader", { width: 1920, height: 1080 });
    const cdp = await p.context().newCDPSession(p);
    await cdp.send("Emulation.setDeviceMetricsOverride", {
      width: 1920,
      height: 1080,
      deviceScaleFactor: 2,
      mobile: false,
    });
    await bigScreenBattleMap(p);
    const m = await mapMetrics(p);
    expect(m.dpr).toBe(2);
    expect(m.magnify).toBe(1);
    expect(m.backingWidth).toBe(Math.round(m.cssWidth * 2));
    expect(m.backingWidth).toBeGreaterThan(2800);
    await p.context().close();
  }, 45_000);

  it("keeps the battle map's filters and zoom in the URL: a reload restores them, back restores the previous filter", async () => {
    const p = await h.page("leader");
    const rows = async () => {
      await p.locator("[data-battle-map][data-ready=true]").waitFor();
      return Number(await p.locator("[data-battle-map]").getAttribute("data-rows"));
    };
    await p.goto("/battle-map");
    const all = await rows();

    await p.goto("/battle-map?tf=tf-01&light=red&zoom=week");
    await poll(rows).toBeLessThan(all);
    const filtered = await rows();
    const selectedTags = () => p.locator(".ant-select-selection-item").allInnerTexts();
    await poll(selectedTags).toEqual(expect.arrayContaining(["01 重大项目建设专班", "红灯"]));
    const zoom = () => selectedSegment(p);
    expect(await zoom()).toBe("周");

    await p.reload();
    expect(await rows()).toBe(filtered);
    await poll(selectedTags).toEqual(expect.arrayContaining(["01 重大项目建设专班", "红灯"]));
    expect(await zoom()).toBe("周");
    await h.shot(p, "gaps-battle-map-url-filters");

    // A change is a new history entry...
    await p.getByRole("switch", { name: "只看关键环节" }).click();
    await poll(() => new URL(p.url()).searchParams.get("critical")).toBe("1");
    await poll(rows).not.toBe(filtered);
    await p.getByText("季", { exact: true }).click();
    await poll(() => new URL(p.url()).searchParams.get("zoom")).toBe("quarter");
    // ...so back restores the previous zoom, then the previous filter, and forward redoes it.
    await p.goBack();
    await poll(zoom).toBe("周");
    await p.goBack();
    await poll(() => p.getByRole("switch", { name: "只看关键环节" }).getAttribute("aria-checked")).toBe(
      "false",
    );
    expect(await rows()).toBe(filtered);
    expect(new URL(p.url()).searchParams.get("critical")).toBeNull();
    await p.goForward();
    await poll(() => new URL(p.url()).searchParams.get("critical")).toBe("1");
    await poll(rows).not.toBe(filtered);

    // Bad values are ignored rather than emptying the map.
    await p.goto("/battle-map?zoom=decade&light=purple&tf=no-such-force&critical=maybe");
    expect(await rows()).toBe(all);
    expect(await zoom()).toBe("月");
    await p.context().close();
  }, 90_000);

  it("keeps a supervision row's actions disabled until the refetch lands, so a quick second action gets no 409", async () => {
    const p = await h.page("admin");
    const conflicts: string[] = [];
    p.on("response", (r) => {
      if (r.status() === 409) conflicts.push(r.url());
    });
    await p.goto("/supervision?state=all");
    const row = p.locator("tr", { hasText: "DB-2022-009" });
    const state = () => row.locator("[data-state]").getAttribute("data-state");
    await poll(state).toBe("open");
    // Hold the list's refetch, as a slow network would, so the pending state can be seen.
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let held = 0;
    await p.route(
      (u) => u.pathname === "/api/v1/supervision-items",
      async (route) => {
        if (route.request().method() === "GET") {
          held++;
          await gate;
        }
        await route.continue().catch(() => {});
      },
    );
    await row.locator('[data-action="start"]').click();
    const dialog = p.getByRole("dialog");
    await submitDialog(dialog);
    await poll(() => held).toBeGreaterThan(0);
    // The row still shows the old version: its actions are disabled and it says it is updating.
    expect(await state()).toBe("open");
    await row.locator("[data-pending]").waitFor();
    expect(await row.getByRole("status").textContent()).toContain("更新中");
    const buttons = row.locator("[data-action]");
    expect(await buttons.count()).toBeGreaterThan(0);
    for (const b of await buttons.all()) expect(await b.isDisabled()).toBe(true);
    await h.shot(p, "gaps-supervision-pending");

    release();
    await p.unroute((u) => u.pathname === "/api/v1/supervision-items");
    await poll(state).toBe("rectifying");
    expect(await row.locator("[data-pending]").count()).toBe(0);
    // Act again at once: the row now holds the new version.
    await row.locator('[data-action="submit"]').click();
    await dialog.getByLabel("整改情况").fill("已完成整改，附整改报告");
    await submitDialog(dialog);
    await poll(state).toBe("submitted");
    await row.locator('[data-action="verify"]').click();
    await submitDialog(dialog);
    await poll(state).toBe("verified");
    expect(conflicts).toEqual([]);
    await p.context().close();
  }, 90_000);

  it("shows date pickers in the app's language (Chinese by default, English after switching) and sends ISO dates", async () => {
    const p = await h.open("member", "/my");
    const dialog = p.getByRole("dialog");
    const popup = p.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)");
    // Opens the report dialog, then the date's picker. A click on the field while the dialog still
    // animates in can be lost (CI, once: the picker never opened), so each step is retried until
    // its state shows.
    const openPicker = async (label: string) => {
      await poll(async () => {
        if (!(await dialog.isVisible()))
          await p
            .locator('[data-report-task="01.4.1"]')
            .click({ timeout: 2_000 })
            .catch(() => {}); // the dialog may be opening: its mask takes the click
        else if (!(await popup.isVisible()))
          await dialog
            .getByLabel(label)
            .click({ timeout: 2_000 })
            .catch(() => {});
        return popup.isVisible();
      }).toBe(true);
    };
    // Opens the month panel and reads it. Under load a click on the month button can land while the
    // popup is still opening and be lost (CI, once): it is clicked again until the panel shows.
    const monthNames = async () => {
      const panel = popup.locator(".ant-picker-month-panel");
      await poll(async () => {
        if (!(await panel.isVisible()))
          await popup
            .locator(".ant-picker-month-btn")
            .click({ timeout: 2_000 })
            .catch(() => {}); // the panel may have opened meanwhile: the button is gone

        return panel.isVisible();
      }).toBe(true);
      return panel.locator(".ant-picker-cell").allTextContents();
    };

    await openPicker("报告日期");
    expect(await dialog.getByLabel("报告日期").inputValue()).toBe("2022-08-15");
    await poll(() => popup.locator(".ant-picker-month-btn").textContent()).toBe("8月");
    expect(await monthNames()).toEqual(expect.arrayContaining(["1月", "8月", "12月"]));
    await h.shot(p, "gaps-date-picker-zh");
    await dialog.locator(".ant-modal-footer .ant-btn").first().click();
    await dialog.waitFor({ state: "hidden" });

    await p.getByRole("combobox", { name: "语言" }).click();
    await p.locator(".ant-select-item-option", { hasText: "English" }).click();
    await p.getByText("My tasks").first().waitFor();
    await openPicker("Report date");
    await poll(() => popup.locator(".ant-picker-month-btn").textContent()).toBe("Aug");
    const en = await monthNames();
    expect(en).toEqual(expect.arrayContaining(["Jan", "Aug", "Dec"]));
    expect(en.join("")).not.toContain("月");
    await h.shot(p, "gaps-date-picker-en");
    // Pick a day with the mouse: the form still sends the ISO date the API's schema expects.
    await popup.locator(".ant-picker-cell", { hasText: "Aug" }).click();
    await popup.locator('td[title="2022-08-12"]').click();
    expect(await dialog.getByLabel("Report date").inputValue()).toBe("2022-08-12");
    await dialog.getByLabel("Progress", { exact: true }).fill("On schedule");
    const post = p.waitForRequest(
      (r) => r.method() === "POST" && r.url().endsWith("/api/v1/progress-reports"),
    );
    await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
    expect((await post).postDataJSON()).toMatchObject({ reportDate: "2022-08-12" });
    await dialog.waitFor({ state: "hidden" });
    await p.context().close();
  }, 60_000);

  it("keeps the supervision queue's state filter in the URL", async () => {
    const p = await h.open("supervisor", "/supervision?state=verified");
    await poll(() => selectedSegment(p)).toBe("已销号");
    await p.getByText("全部", { exact: true }).click();
    await poll(() => new URL(p.url()).searchParams.get("state")).toBe("all");
    await p.reload();
    await poll(() => selectedSegment(p)).toBe("全部");
    await p.goBack();
    await poll(() => selectedSegment(p)).toBe("已销号");
    await p.goto("/supervision?state=bogus");
    await poll(() => selectedSegment(p)).toBe("已提交");
    await p.context().close();
  }, 60_000);

  it("keeps a page's data under a warning when a later refresh fails, and refreshes it on retry", async () => {
    const p = await h.page("admin");
    const nav = (label: string) => p.locator("nav .ant-menu-item", { hasText: label }).click();
    await p.goto("/check");
    const findings = p.getByText(/发现 \d+ 项问题|全部通过/).first();
    await findings.waitFor();
    await nav("总览");
    await findings.waitFor({ state: "detached" });
    // Back on the page its data is refetched; the server now fails (as it would mid-restart).
    let failing = true;
    await p.route("**/api/v1/check", (route) =>
      failing
        ? route.fulfill({
            status: 503,
            contentType: "application/json",
            body: JSON.stringify({ error: { code: "UNAVAILABLE", message: "服务暂不可用" } }),
          })
        : route.continue(),
    );
    await nav("五化检查");
    const stale = p.getByTestId("stale-data");
    await stale.waitFor({ timeout: 20_000 });
    expect(await stale.textContent()).toMatch(/刷新失败：服务暂不可用。下面仍是 .+ 取得的数据/);
    expect(await findings.isVisible()).toBe(true);
    failing = false;
    await stale.getByRole("button", { name: /重\s?试/ }).click();
    await stale.waitFor({ state: "detached" });
    expect(await findings.isVisible()).toBe(true);
    await p.context().close();
  }, 60_000);
});
