/**
 * Reporting on a phone (390×844 and 360×740) in Chromium: 我的任务 as cards without sideways
 * scrolling, tap targets of 44 px, the user's name in the header, the menu in a drawer, the report
 * and reading dialogs filling the screen; a draft kept on the device and restored; a report
 * submitted offline waits (待发送) and is sent once online, a refused one stays with its refusal;
 * the web app manifest and the service worker as the pages get them.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RUN_BROWSER_TESTS, submitDialog, useHarness } from "./harness.js";

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 740 };
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

async function apiGet<T>(p: Page, path: string): Promise<T> {
  const r = await p.request.get(`/api/v1${path}`);
  expect(r.status(), path).toBe(200);
  return (await r.json()) as T;
}

type Report = { percent: number; narrative: string; reportDate: string };
/** The task's reports as the server has them (asked from the test, so it works while the page is offline). */
const reportsOf = (p: Page, taskId: string) =>
  apiGet<{ items: Report[] }>(p, `/progress-reports?taskId=${taskId}&limit=100`).then((x) => x.items);

/** How far the page is wider than the window (0: no sideways scrolling). */
const overflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Waits until the dialog has zoomed in (antd's motion classes gone), so it is measured and shot still. */
async function settled(p: Page): Promise<void> {
  await p.locator(".ant-modal").first().waitFor();
  await poll(() => p.locator('.ant-modal[class*="-appear"], .ant-modal[class*="-enter"]').count()).toBe(0);
}

/** Opens the progress-report dialog of the task card `code`; returns the dialog once it is still. */
async function openReport(p: Page, code: string): Promise<Locator> {
  await p.locator(`[data-task-card="${code}"] [data-report-task]`).click();
  const dialog = p.getByRole("dialog");
  await dialog.getByLabel(/进展情况/).waitFor();
  await settled(p);
  return dialog;
}

async function fillReport(dialog: Locator, percent: string, narrative: string): Promise<void> {
  await dialog.getByLabel(/完成率/).fill(percent);
  await dialog.getByLabel(/进展情况/).fill(narrative);
}

const badge = (p: Page, code: string) => p.locator(`[data-task-card="${code}"] [data-draft-state]`);

describe.skipIf(!RUN_BROWSER_TESTS)("reporting on a phone", () => {
  const h = useHarness();

  for (const size of [PHONE, SMALL_PHONE]) {
    it(`shows my tasks as cards at ${size.width}×${size.height}: no sideways scrolling, 44 px buttons, the user's name`, async () => {
      const p = await h.page("member", size);
      const me = await apiGet<{ user: { displayName: string } }>(p, "/auth/me");
      await p.goto("/my");
      await p.getByTestId("my-task-cards").waitFor();
      await p.getByTestId("my-indicator-cards").waitFor();
      expect(await p.getByTestId("my-tasks").count()).toBe(0);
      expect(await overflow(p)).toBeLessThanOrEqual(0);

      const report = p.locator('[data-task-card="01.3.4"] [data-report-task]');
      await report.waitFor();
      const box = (await report.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(await report.textContent()).toMatch(/填\s?报\s?进\s?展/);
      // Every button on the cards (申请延期 too) is a tap target.
      const heights = await p
        .locator("[data-testid=my-task-cards] .ant-btn, [data-testid=my-indicator-cards] .ant-btn")
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(heights.length).toBeGreaterThan(8);
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);

      const who = p.getByTestId("whoami");
      expect(await who.textContent()).toContain(me.user.displayName);
      const name = (await who.boundingBox())!;
      expect(name.width).toBeGreaterThan(30);
      expect(name.x + name.width).toBeLessThanOrEqual(size.width);
      for (const b of [p.getByTestId("phone-menu"), p.getByTestId("inbox-bell")]) {
        const bb = (await b.boundingBox())!;
        expect(Math.min(bb.width, bb.height)).toBeGreaterThanOrEqual(44);
      }
      if (size === PHONE) await h.shot(p, "phone-my-tasks");

      // The side navigation lives in a drawer behind the menu button.
      expect(await p.locator(".ant-layout-sider").isVisible()).toBe(false);
      await p.getByTestId("phone-menu").click();
      const overview = p.getByRole("menuitem", { name: /总览/ });
      await overview.click();
      await p.waitForURL((u) => u.pathname === "/");
      await overview.waitFor({ state: "hidden" });
      await p.context().close();
    }, 90_000);
  }

  it("shows a lead's completions to confirm and the supervision queue as cards at 360×740", async () => {
    const lead = await h.open("lead", "/my", SMALL_PHONE);
    const review = lead.locator("[data-testid=claimed-cards] [data-review-task]").first();
    await review.waitFor();
    expect((await review.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await overflow(lead)).toBeLessThanOrEqual(0);
    await lead.context().close();

    const sup = await h.open("supervisor", "/supervision", SMALL_PHONE);
    await sup.getByTestId("supervision-cards").waitFor();
    expect(await sup.locator("[data-item-card]").count()).toBeGreaterThan(0);
    expect(await sup.locator(".ant-table").count()).toBe(0);
    expect(await overflow(sup)).toBeLessThanOrEqual(0);
    const back = sup.locator('[data-item-card] [data-action="return"]').first();
    expect((await back.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await back.click();
    await settled(sup);
    const frame = (await sup.getByRole("dialog").locator(".ant-modal-container").boundingBox())!;
    expect(frame.width).toBeGreaterThanOrEqual(SMALL_PHONE.width - 1);
    await sup.context().close();
  }, 90_000);

  it("files a progress report in a dialog filling the screen, with the camera or files for evidence", async () => {
    const p = await h.page("member", PHONE);
    const { statusDate } = await apiGet<{ statusDate: string }>(p, "/overview");
    await p.goto("/my");
    const dialog = await openReport(p, "01.3.4");
    const frame = (await dialog.locator(".ant-modal-container").boundingBox())!;
    expect(frame.x).toBeLessThanOrEqual(0.5);
    expect(frame.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    expect(frame.height).toBeGreaterThanOrEqual(PHONE.height - 1);
    const camera = dialog.locator("input[type=file][capture]");
    expect(await camera.getAttribute("accept")).toBe("image/*");
    expect(await dialog.locator("input[type=file]:not([capture])").getAttribute("accept")).toContain(
      "application/pdf",
    );
    const ok = (await dialog.locator(".ant-modal-footer .ant-btn-primary").boundingBox())!;
    expect(ok.height).toBeGreaterThanOrEqual(44);
    await fillReport(dialog, "15", "手机填报：场地平整已完成");
    expect(await overflow(p)).toBeLessThanOrEqual(0);
    await h.shot(p, "phone-report-form");
    await submitDialog(dialog);
    await poll(async () =>
      (await reportsOf(p, "t-01-3.4")).map((r) => [r.percent, r.narrative, r.reportDate]),
    ).toContainEqual([15, "手机填报：场地平整已完成", statusDate]);
    expect(await badge(p, "01.3.4").count()).toBe(0);
    await p.context().close();
  }, 90_000);

  it("keeps what was typed as a draft on the device and restores it after the app starts again", async () => {
    const p = await h.open("member", "/my", PHONE);
    let dialog = await openReport(p, "01.3.4");
    await dialog.getByLabel(/存在问题/).fill("雨季施工窗口紧张");
    await dialog.locator(".ant-modal-footer .ant-btn").first().click();
    await dialog.waitFor({ state: "hidden" });
    await poll(() => badge(p, "01.3.4").getAttribute("data-draft-state")).toBe("editing");

    await p.reload();
    dialog = await openReport(p, "01.3.4");
    await dialog.locator("[data-draft-restored]").waitFor();
    expect(await dialog.getByLabel(/存在问题/).inputValue()).toBe("雨季施工窗口紧张");
    await dialog.locator("[data-discard-draft]").click();
    expect(await dialog.getByLabel(/存在问题/).inputValue()).toBe("");
    await dialog.locator(".ant-modal-footer .ant-btn").first().click();
    await poll(() => badge(p, "01.3.4").count()).toBe(0);

    // Each opening starts from its own task: 01.4.1 is at 22 %, 01.5.2 has not started.
    for (const [code, percent] of [
      ["01.4.1", "22"],
      ["01.5.2", "0"],
    ]) {
      dialog = await openReport(p, code!);
      expect(await dialog.getByLabel(/完成率/).inputValue()).toBe(percent);
      await dialog.locator(".ant-modal-footer .ant-btn").first().click();
      await dialog.waitFor({ state: "hidden" });
    }
    await p.context().close();
  }, 90_000);

  it("keeps a report submitted offline as 待发送 and sends it once online, dated when it was written", async () => {
    const p = await h.page("member", PHONE);
    const { statusDate } = await apiGet<{ statusDate: string }>(p, "/overview");
    await p.goto("/my");
    await p.getByTestId("my-task-cards").waitFor();
    await p.context().setOffline(true);
    const dialog = await openReport(p, "01.5.2");
    await dialog.locator("[data-offline-notice]").waitFor();
    await fillReport(dialog, "5", "离线填报：年度投资计划已分解到月");
    await submitDialog(dialog);
    await poll(() => badge(p, "01.5.2").textContent()).toBe("待发送");
    expect(await reportsOf(p, "t-01-5.2")).toEqual([]);
    await h.shot(p, "phone-waiting");

    await p.context().setOffline(false);
    await poll(async () =>
      (await reportsOf(p, "t-01-5.2")).map((r) => [r.percent, r.narrative, r.reportDate]),
    ).toEqual([[5, "离线填报：年度投资计划已分解到月", statusDate]]);
    await poll(() => badge(p, "01.5.2").count()).toBe(0);
    await p.context().close();
  }, 90_000);

  it("keeps a report whose submit found no network, and sends it when the app starts again", async () => {
    const p = await h.open("member", "/my", PHONE);
    await p.getByTestId("my-task-cards").waitFor();
    // The browser believes it is online, but the request never gets an answer.
    await p.route("**/api/v1/progress-reports", (r) => r.abort("internetdisconnected"));
    const dialog = await openReport(p, "01.5.2");
    await fillReport(dialog, "8", "信号不好时提交：投资计划已报送");
    await submitDialog(dialog);
    await poll(() => badge(p, "01.5.2").getAttribute("data-draft-state")).toBe("waiting");
    await p.unroute("**/api/v1/progress-reports");
    await p.reload();
    await poll(async () => (await reportsOf(p, "t-01-5.2")).map((r) => r.narrative)).toContain(
      "信号不好时提交：投资计划已报送",
    );
    await poll(() => badge(p, "01.5.2").count()).toBe(0);
    await p.context().close();
  }, 90_000);

  it("shows a refusal of a waiting report and keeps it, with the refusal, until it is corrected", async () => {
    const p = await h.open("member", "/my", PHONE);
    await p.getByTestId("my-task-cards").waitFor();
    const before = await reportsOf(p, "t-01-4.1");
    await p.context().setOffline(true);
    let dialog = await openReport(p, "01.4.1");
    // Less than the task's earlier report: the server refuses it once it sees it.
    await fillReport(dialog, "10", "离线时误填的完成率");
    await submitDialog(dialog);
    await poll(() => badge(p, "01.4.1").getAttribute("data-draft-state")).toBe("waiting");
    await p.context().setOffline(false);

    await poll(() => badge(p, "01.4.1").getAttribute("data-draft-state")).toBe("refused");
    expect(await badge(p, "01.4.1").textContent()).toBe("发送被拒");
    const notice = p.locator(".ant-notification-notice");
    await notice.waitFor();
    expect(await notice.textContent()).toContain("01.4.1");
    expect(await notice.textContent()).toMatch(/完成率/);
    expect(await reportsOf(p, "t-01-4.1")).toEqual(before);
    await notice.locator(".ant-notification-notice-close").click();

    dialog = await openReport(p, "01.4.1");
    await dialog.locator(".ant-alert-error", { hasText: "不合常理" }).waitFor();
    expect(await dialog.locator(".ant-alert-error", { hasText: "不合常理" }).textContent()).toMatch(/完成率/);
    expect(await dialog.getByLabel(/进展情况/).inputValue()).toBe("离线时误填的完成率");
    await fillReport(dialog, "30", "更正后重新提交");
    await submitDialog(dialog);
    await poll(async () =>
      (await reportsOf(p, "t-01-4.1")).map((r) => [r.percent, r.narrative]),
    ).toContainEqual([30, "更正后重新提交"]);
    await poll(() => badge(p, "01.4.1").count()).toBe(0);
    await p.context().close();
  }, 90_000);

  it("shows an indicator's latest actual, light and this month's reading; its actual in a dialog filling the screen", async () => {
    const p = await h.open("member", "/my", SMALL_PHONE);
    // One with last month's actual, which is entered again: a plausible value for any kind.
    const open = p
      .locator('[data-indicator-card]:has([data-month-reported="no"]):has([data-latest])')
      .first();
    await open.waitFor();
    const code = (await open.getAttribute("data-indicator-card"))!;
    const card = p.locator(`[data-indicator-card="${code}"]`);
    expect(await card.locator("[data-month-reported]").textContent()).toBe("本月未填报");
    expect(await card.locator("[data-light]").count()).toBe(1);
    expect(await card.locator("[data-trend]").count()).toBe(1);
    expect(await card.textContent()).toContain("最新实际值");
    const latest = (await card.locator("[data-latest]").textContent())!;
    const value = latest.split(/\s|%|·/)[0]!;
    // The cards stay within the screen with the new line of tags.
    for (const c of await p.locator("[data-indicator-card]").all()) {
      const box = (await c.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(SMALL_PHONE.width);
    }
    expect(await overflow(p)).toBeLessThanOrEqual(0);

    await card.locator("[data-report-indicator]").click();
    const dialog = p.getByRole("dialog");
    await dialog.getByLabel(/实际/).waitFor();
    await settled(p);
    const frame = (await dialog.locator(".ant-modal-container").boundingBox())!;
    expect(frame.width).toBeGreaterThanOrEqual(SMALL_PHONE.width - 1);
    expect(await overflow(p)).toBeLessThanOrEqual(0);
    await h.shot(p, "phone-reading-form");
    await dialog.getByLabel(/实际/).fill(value);
    await submitDialog(dialog);
    // The message names the month and the value; the card turns to 本月已填报 with it as latest.
    await p.getByText(`已填报 2022-08：${value}`).waitFor();
    await poll(() => card.locator("[data-month-reported]").textContent()).toBe("本月已填报");
    await poll(() => card.locator("[data-latest]").getAttribute("data-latest")).toBe("2022-08");
    expect(await overflow(p)).toBeLessThanOrEqual(0);
    await h.shot(p, "phone-reading-saved");
    await p.context().close();
  }, 60_000);

  it("is installable: the manifest with its icons, and the service worker as JavaScript", async () => {
    const p = await h.open("member", "/my", PHONE);
    expect(await p.locator('link[rel="manifest"]').getAttribute("href")).toBe("/manifest.webmanifest");
    const got = await p.evaluate(async () => {
      const get = async (url: string) => {
        const r = await fetch(url);
        return {
          status: r.status,
          type: r.headers.get("content-type") ?? "",
          bytes: new Uint8Array(await r.arrayBuffer()),
        };
      };
      const manifest = await get("/manifest.webmanifest");
      const sw = await get("/sw.js");
      const body = JSON.parse(new TextDecoder().decode(manifest.bytes)) as {
        name: string;
        start_url: string;
        display: string;
        theme_color: string;
        icons: { src: string; sizes: string; type: string }[];
      };
      const icons = [];
      for (const icon of body.icons) {
        const png = await get(icon.src);
        const view = new DataView(png.bytes.buffer);
        // A PNG's IHDR: width and height at bytes 16 and 20.
        icons.push({
          sizes: icon.sizes,
          status: png.status,
          type: png.type,
          w: view.getUint32(16),
          h: view.getUint32(20),
        });
      }
      return {
        manifestType: manifest.type,
        body,
        icons,
        sw: { status: sw.status, type: sw.type, text: new TextDecoder().decode(sw.bytes) },
      };
    });
    expect(got.manifestType).toMatch(/^application\/manifest\+json/);
    expect(got.body).toMatchObject({ name: "挂图", start_url: "/my", display: "standalone" });
    expect(got.body.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    for (const icon of got.icons) {
      expect(icon).toMatchObject({ status: 200, type: "image/png" });
      expect(`${icon.w}x${icon.h}`).toBe(icon.sizes);
    }
    expect(got.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    expect(got.sw.status).toBe(200);
    expect(got.sw.type).toMatch(/javascript/);
    expect(got.sw.text).toContain('addEventListener("fetch"');
    await p.context().close();
  }, 60_000);
});
