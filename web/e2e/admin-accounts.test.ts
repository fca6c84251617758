/**
 * Account and settings administration in the browser: an admin creates a user with a role and a
 * password (a refused one is explained beside its field) and resets a password; an API token is
 * created, its secret shown once, and revoked; settings sections are saved and survive a reload; a
 * day of the calendar is made a holiday; a user changes their own password from the header menu.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  chooseOption,
  OPEN_SELECT,
  PASSWORD,
  RUN_BROWSER_TESTS,
  signIn,
  submitDialog,
  useHarness,
} from "./harness.js";

const VIEWPORT = { width: 1366, height: 768 };
const CJK = /[\u4e00-\u9fff]/;

/** Whether a sign-in with this password is refused (the login page stays, with its message). */
async function loginStatus(p: Page, user: string, password: string): Promise<number> {
  const r = await p.request.post("/api/v1/auth/login", { data: { username: user, password } });
  return r.status();
}

/** The error shown beside the form field whose control has `id`. */
const besideField = (scope: Page | Locator, id: string) =>
  scope.locator(`.ant-form-item:has(#${id}) .ant-form-item-explain-error`);

describe.skipIf(!RUN_BROWSER_TESTS)("account and settings administration", () => {
  const h = useHarness();

  it("creates a user with a role and a password (a refused one explained in Chinese), who then signs in", async () => {
    const p = await h.page("admin", VIEWPORT);
    await p.getByRole("menuitem", { name: /用户与权限/ }).click();
    await p.locator("tr", { hasText: "supervisor" }).first().waitFor();
    await h.shot(p, "admin-users");
    await p.getByRole("button", { name: /新增用户/ }).click();
    const dialog = p.getByRole("dialog", { name: "新增用户" });
    await dialog.locator("#username").fill("zhao.min");
    await dialog.locator("#personId").click();
    await p.locator(`${OPEN_SELECT} .ant-select-item-option`).first().click();
    await expect.poll(() => dialog.locator("#displayName").inputValue()).not.toBe("");
    // A multiple Select filtering by value: the role is clicked, not typed; the title closes the list.
    await dialog.locator("#roles").click();
    await p.locator(`${OPEN_SELECT} .ant-select-item-option`, { hasText: "专班牵头人" }).first().click();
    await dialog.locator(".ant-modal-title").click();
    await dialog.locator("#password").fill("short");
    await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
    await expect.poll(() => besideField(dialog, "password").textContent()).toBe("密码至少需要 8 个字符");
    await h.shot(p, "admin-users-refused-password");
    await dialog.locator("#password").fill("zhao-pass-2022");
    await submitDialog(dialog);
    const row = p.locator("tr", { hasText: "zhao.min" });
    await expect.poll(() => row.textContent()).toContain("专班牵头人");

    const q = await h.page(undefined, VIEWPORT);
    await signIn(q, "zhao.min", "zhao-pass-2022");
    expect(await q.getByTestId("whoami").textContent()).toContain("专班牵头人");
    await q.context().close();
    await p.context().close();
  }, 90_000);

  it("resets a user's password: the new one signs in, the old one no longer", async () => {
    const p = await h.open("admin", "/admin/users", VIEWPORT);
    await p.getByRole("button", { name: "重置密码：zhao.min" }).click();
    const dialog = p.getByRole("dialog", { name: /重置密码/ });
    await dialog.locator("#newPassword").fill("zhao-reset-2022");
    await dialog.locator("#repeatPassword").fill("zhao-reset-2022x");
    await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
    await expect.poll(() => besideField(dialog, "repeatPassword").textContent()).toBe("两次输入的密码不一致");
    await dialog.locator("#repeatPassword").fill("zhao-reset-2022");
    await submitDialog(dialog);
    expect(await loginStatus(p, "zhao.min", "zhao-pass-2022")).toBe(401);
    expect(await loginStatus(p, "zhao.min", "zhao-reset-2022")).toBe(200);
    await p.context().close();
  }, 60_000);

  it("creates an API token whose secret is shown once, and revokes it", async () => {
    const p = await h.open("admin", "/admin/users", VIEWPORT);
    await p.getByRole("tab", { name: "API 令牌" }).click();
    await p.getByRole("button", { name: /新建令牌/ }).click();
    const dialog = p.getByRole("dialog", { name: "新建 API 令牌" });
    await dialog.locator("#name").fill("大屏同步");
    await chooseOption(p, p.locator("#role"), "查阅人");
    await submitDialog(dialog);
    const secretDialog = p.getByRole("dialog", { name: /令牌已创建/ });
    const secret = await secretDialog.getByTestId("token-secret").inputValue();
    expect(secret).toMatch(/^gt_/);
    await secretDialog.getByText("只显示这一次").waitFor();
    await h.shot(p, "admin-token-secret");
    await secretDialog.getByRole("button", { name: "我已保存" }).click();
    await secretDialog.waitFor({ state: "hidden" });
    const auth = { headers: { authorization: `Bearer ${secret}` } };
    expect((await p.request.get("/api/v1/settings", auth)).status()).toBe(200);
    const row = p.locator("tr", { hasText: "大屏同步" });
    await expect.poll(() => row.textContent()).toContain("有效");
    // The secret is nowhere on the page once its dialog has closed.
    expect(await p.content()).not.toContain(secret);
    await row.getByRole("button", { name: "吊销令牌 大屏同步" }).click();
    await p.locator(".ant-popconfirm .ant-btn-dangerous").click();
    await expect.poll(() => row.textContent()).toContain("已吊销");
    expect((await p.request.get("/api/v1/settings", auth)).status()).toBe(401);
    await h.shot(p, "admin-tokens");
    await p.context().close();
  }, 60_000);

  it("saves a light threshold and the dispatch round, and they persist after a reload", async () => {
    const p = await h.page("admin", VIEWPORT);
    await p.getByRole("menuitem", { name: /系统设置/ }).click();
    const red = p.locator("#lights_thresholds_redBehindPoints");
    await red.fill("25");
    await chooseOption(p, p.locator("#lights_dispatchRound"), "每月");
    await p.getByRole("button", { name: "保存亮灯规则" }).click();
    await p.getByText("亮灯规则已保存").waitFor();
    await p.reload();
    await expect.poll(() => red.inputValue()).toBe("25");
    const round = p.locator(".ant-form-item", { has: p.locator("#lights_dispatchRound") });
    expect(await round.textContent()).toContain("每月");
    await h.shot(p, "admin-settings");
    await p.context().close();
  }, 60_000);

  it("marks a day of the calendar as the organisation's holiday and lists it", async () => {
    const p = await h.open("admin", "/admin/settings", VIEWPORT);
    const section = p.locator("#settings-calendar");
    await section.scrollIntoViewIfNeeded();
    const day = section.locator('.ant-picker-cell-inner[data-date="2022-08-19"]');
    expect(await day.getAttribute("data-kind")).toBe("workday");
    await day.click();
    await expect.poll(() => day.getAttribute("data-kind")).toBe("holiday");
    await section.getByTestId("calendar-overrides").getByText("2022-08-19").waitFor();
    // 国庆节 comes from the built-in calendar: a day off without any override.
    await section.getByRole("button", { name: "下个月" }).click();
    await section.getByRole("button", { name: "下个月" }).click();
    const national = section.locator('.ant-picker-cell-inner[data-date="2022-10-03"]');
    expect(await national.getAttribute("data-kind")).toBe("statutoryHoliday");
    await section.getByRole("button", { name: "上个月" }).click();
    await section.getByRole("button", { name: "上个月" }).click();
    await section.getByRole("button", { name: "保存工作日历" }).click();
    await p.getByText("工作日历已保存").waitFor();
    await section.scrollIntoViewIfNeeded();
    await h.shot(p, "admin-settings-calendar");
    await p.reload();
    await p.locator("#settings-calendar").getByTestId("calendar-overrides").getByText("2022-08-19").waitFor();
    const saved = await (await p.request.get("/api/v1/settings")).json();
    expect(saved.calendar.holidays).toEqual(["2022-08-19"]);
    await p.context().close();
  }, 60_000);

  it("shows a refused value beside its field in Chinese", async () => {
    const p = await h.open("admin", "/admin/settings", VIEWPORT);
    await p.locator("#lights_thresholds_redBehindPoints").fill("150");
    await p.getByRole("button", { name: "保存亮灯规则" }).click();
    const error = besideField(p, "lights_thresholds_redBehindPoints");
    await expect.poll(() => error.textContent()).toBe("不能大于 100");
    await p.locator("#settings-statusDate").getByText("每天取当天日期").click();
    await p.locator("#statusDate_timeZone").fill("Mars/Olympus");
    await p.keyboard.press("Escape");
    await p.getByRole("button", { name: "保存状态日" }).click();
    const zone = besideField(p, "statusDate_timeZone");
    await expect.poll(() => zone.textContent()).toMatch(CJK);
    await p.locator("#settings-lights").scrollIntoViewIfNeeded();
    await h.shot(p, "admin-settings-refused");
    await p.context().close();
  }, 60_000);

  it("lets a user change their own password from the header menu", async () => {
    const p = await h.page("viewer", VIEWPORT);
    await p.getByTestId("user-menu").click();
    await p.getByRole("menuitem", { name: "修改密码" }).click();
    const dialog = p.getByRole("dialog", { name: "修改密码" });
    await dialog.locator("#currentPassword").fill("not-the-password");
    await dialog.locator("#newPassword").fill("viewer-new-2022");
    await dialog.locator("#repeatPassword").fill("viewer-new-2022");
    await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
    await expect.poll(() => besideField(dialog, "currentPassword").textContent()).toBe("当前密码不正确");
    await h.shot(p, "own-password-refused");
    await dialog.locator("#currentPassword").fill(PASSWORD);
    await submitDialog(dialog);
    await p.getByTestId("user-menu").click();
    await p.getByRole("menuitem", { name: "退出登录" }).click();
    await p.locator("#username").waitFor();
    expect(await loginStatus(p, "viewer", PASSWORD)).toBe(401);
    await signIn(p, "viewer", "viewer-new-2022");
    await p.context().close();
  }, 60_000);

  it("keeps the header's sign-out button and whoami for everyone else", async () => {
    const p = await h.page(undefined, VIEWPORT);
    await signIn(p, "supervisor");
    expect(await p.getByTestId("whoami").textContent()).toContain("督查室");
    await p.getByRole("menuitem", { name: /系统设置/ }).click();
    await p.getByText("只有管理员可以修改系统设置").waitFor();
    expect(await p.getByRole("button", { name: "保存亮灯规则" }).count()).toBe(0);
    expect(await p.getByRole("menuitem", { name: /用户与权限/ }).count()).toBe(0);
    await p.getByRole("button", { name: /退出登录/ }).click();
    await p.locator("#username").waitFor();
    await p.context().close();
  }, 60_000);
});
