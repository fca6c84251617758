/**
 * The web app in headless Chromium against the demo district: roles, the closed loop (report →
 * light, return → verify), language, big screen, hidden controls, and no request off the origin.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  navLabels,
  RUN_BROWSER_TESTS,
  rowAction,
  rowMenuActions,
  SHOTS,
  signIn,
  submitDialog,
  useHarness,
} from "./harness.js";

const ROLES = ["admin", "supervisor", "leader", "lead", "member", "viewer"] as const;
const submitBtn = /^提\s?交$/;

describe.skipIf(!RUN_BROWSER_TESTS)("the web app in Chromium", () => {
  const h = useHarness();

  it("signs in as each role and shows the navigation that role may use", async () => {
    const seen: Record<string, string[]> = {};
    const p = await h.page();
    for (const role of ROLES) {
      await signIn(p, role);
      await p.getByText("层层衔接").first().waitFor();
      seen[role] = await navLabels(p);
      await h.shot(p, `overview-${role}`);
      await p.getByRole("button", { name: /退出登录/ }).click();
      await p.locator("#username").waitFor();
    }
    expect(seen.supervisor).toContain("督查督办");
    expect(seen.member).toContain("我的任务");
    expect(seen.member).not.toContain("督查督办");
    expect(seen.viewer).not.toContain("我的任务");
    expect(seen.leader).not.toContain("督查督办");
    await p.context().close();
  }, 90_000);

  it("sends a signed-out visitor to the login page and back after signing in", async () => {
    const p = await h.page();
    await p.goto("/check");
    await p.locator("#username").waitFor();
    expect(new URL(p.url()).searchParams.get("next")).toBe("/check");
    await p.getByRole("button", { name: "使用 lead 登录" }).click();
    await p.locator("button[type=submit]").click();
    await p.getByText("五化检查").first().waitFor();
    expect(new URL(p.url()).pathname).toBe("/check");
    await p.context().close();
  }, 30_000);

  it("lets an owner report progress, and the task's light changes", async () => {
    const p = await h.open("member", "/my");
    const row = p.locator("tr", { has: p.locator('[data-report-task="01.4.1"]') });
    await expect.poll(() => row.locator("[data-light]").getAttribute("data-light")).toBe("yellow");
    await h.shot(p, "my-tasks-before");
    await row.locator('[data-report-task="01.4.1"]').click();
    const dialog = p.getByRole("dialog");
    await dialog.getByLabel("完成率（%）").fill("100");
    await dialog.getByLabel("进展情况").fill("全部完成，已通过验收");
    await dialog.getByLabel(/佐证材料/).fill("验收报告-0815.pdf");
    await dialog.getByRole("button", { name: submitBtn }).click();
    // 100 % claims the completion (待确认): lit as work on track until the lead confirms it.
    await expect
      .poll(() => row.locator("[data-light]").getAttribute("data-light"), { timeout: 10_000 })
      .toBe("green");
    await row.locator('[data-completion="claimed"]').waitFor();
    await dialog.waitFor({ state: "hidden" });
    await h.shot(p, "my-tasks-after");
    await p.context().close();
  }, 45_000);

  it("lets an owner report an indicator's actual, and the indicator's light changes", async () => {
    const p = await h.open("member", "/task-forces/tf-01?tab=indicators");
    const card = p.locator(".ant-card", { hasText: "ZB01-1 固定资产投资增速" });
    const light = () => card.locator(".ant-card-extra [data-light]").getAttribute("data-light");
    await expect.poll(light).toBe("red");
    await card.getByTestId("report-reading").click();
    const dialog = p.getByRole("dialog");
    await dialog.getByLabel(/^实际/).fill("8.6");
    await dialog.getByLabel("备注").fill("8月快报数");
    await dialog.getByRole("button", { name: submitBtn }).click();
    await expect.poll(light, { timeout: 10_000 }).toBe("green");
    await dialog.waitFor({ state: "hidden" });
    await h.shot(p, "indicator-reported");
    await p.context().close();
  }, 30_000);

  it("lets a supervisor return and then verify (销号) a rectification", async () => {
    const admin = await h.page("admin");
    const act = async (p: Page, code: string, action: string, text?: string) => {
      const row = p.locator("tr", { hasText: code });
      await row.locator(`[data-action="${action}"]`).click();
      const dialog = p.getByRole("dialog");
      if (text) await dialog.getByLabel(action === "return" ? "退回原因" : "整改情况").fill(text);
      await submitDialog(dialog);
    };
    const state = (p: Page, code: string) =>
      p.locator("tr", { hasText: code }).locator("[data-state]").getAttribute("data-state");
    await admin.goto("/supervision");
    await admin.getByText("全部", { exact: true }).click();
    await act(admin, "DB-2022-002", "start");
    // Each action sends the version the page shows: wait until the list has refetched it.
    await expect.poll(() => state(admin, "DB-2022-002")).toBe("rectifying");
    await act(admin, "DB-2022-002", "submit", "已完成整改，附整改报告");
    await expect.poll(() => state(admin, "DB-2022-002")).toBe("submitted");

    const sup = await h.open("supervisor", "/supervision");
    await act(sup, "DB-2022-002", "return", "整改报告缺少附件");
    await sup.getByText("全部", { exact: true }).click();
    await expect.poll(() => state(sup, "DB-2022-002")).toBe("rectifying");
    await expect(sup.locator("tr", { hasText: "DB-2022-002" }).textContent()).resolves.toContain(
      "退回次数 1",
    );

    await admin.reload();
    await admin.getByText("全部", { exact: true }).click();
    await expect.poll(() => state(admin, "DB-2022-002")).toBe("rectifying");
    await act(admin, "DB-2022-002", "submit", "补充整改材料后再次提交");
    await sup.reload();
    await sup.getByText("全部", { exact: true }).click();
    await expect.poll(() => state(sup, "DB-2022-002")).toBe("submitted");
    await act(sup, "DB-2022-002", "verify");
    await sup.getByText("已销号", { exact: true }).first().click();
    await expect.poll(() => state(sup, "DB-2022-002")).toBe("verified");
    await h.shot(sup, "supervision-verified");
    await admin.context().close();
    await sup.context().close();
  }, 60_000);

  it("lets a supervisor raise a supervision item (下发督办单)", async () => {
    const p = await h.open("supervisor", "/supervision");
    await p.getByRole("button", { name: /下发督办单/ }).click();
    const dialog = p.getByRole("dialog");
    await dialog.getByLabel("专班").click();
    await p.locator(".ant-select-item-option", { hasText: "01 重大项目建设专班" }).click();
    await dialog.getByLabel("存在问题").fill("项目入统进度滞后，8月入统数不足计划一半。");
    await dialog.getByLabel("整改要求").fill("8月31日前完成在库项目核查并补报入统。");
    await dialog.getByLabel("整改期限").fill("2022-08-31");
    await submitDialog(dialog);
    await p.getByText("待整改", { exact: true }).click();
    await p.getByText("项目入统进度滞后").waitFor();
    await h.shot(p, "supervision-raised");
    await p.context().close();
  }, 30_000);

  it("switches to English, remembers it, and switches back", async () => {
    const p = await h.page("leader");
    await p.getByRole("combobox", { name: "语言" }).click();
    await p.locator(".ant-select-item-option", { hasText: "English" }).click();
    await p.getByText("Cascade (strategy").waitFor();
    await p.reload();
    await p.getByText("Cascade (strategy").waitFor();
    expect(await navLabels(p)).toContain("Battle map");
    await h.shot(p, "overview-english");
    await p.getByRole("combobox", { name: "Language" }).click();
    await p.locator(".ant-select-item-option", { hasText: "简体中文" }).click();
    await p.getByText("层层衔接").first().waitFor();
    await p.context().close();
  }, 30_000);

  it("renders the big screen at 1920×1080 and 3840×2160 with every task force", async () => {
    for (const [w, hgt] of [
      [1920, 1080],
      [3840, 2160],
    ] as const) {
      const p = await h.open("leader", "/big-screen", { width: w, height: hgt });
      await p.getByTestId("big-screen").waitFor();
      await expect.poll(() => p.locator("[data-tf]").count()).toBe(10);
      await p.waitForTimeout(500);
      await h.shot(p, `big-screen-${w}`);
      await p.getByText("作战图", { exact: true }).click();
      await p.locator("[data-battle-map] canvas").first().waitFor();
      await p.waitForTimeout(500);
      await h.shot(p, `big-screen-battle-map-${w}`);
      await p.context().close();
    }
  }, 45_000);

  it("hides the edit controls a member may not use, and shows them to the task force's lead", async () => {
    const member = await h.open("member", "/task-forces/tf-01");
    await member.locator('[data-report-task="01.4.1"]').waitFor();
    expect(await rowMenuActions(member, "01.4.1")).not.toContain("edit");
    expect(await member.locator('[data-report-task="01.2.2"]').count()).toBe(0);
    await h.shot(member, "workspace-member");
    await member.goto("/supervision");
    expect(await member.getByRole("button", { name: /下发督办单/ }).count()).toBe(0);
    await member.context().close();

    const lead = await h.open("lead", "/task-forces/tf-01");
    // Wait for the table itself: expect.poll gives up after 1 s, less than a loaded machine needs.
    await lead.locator('[data-row-actions="01.4.1"]').waitFor();
    expect(await rowMenuActions(lead, "01.4.1")).toContain("edit");
    await h.shot(lead, "workspace-lead");
    await lead.context().close();

    const sup = await h.open("supervisor", "/task-forces/tf-01");
    await sup.locator("[data-light]").first().waitFor();
    expect(await rowMenuActions(sup, "01.4.1")).not.toContain("edit");
    expect(await sup.locator("[data-report-task]").count()).toBe(0);
    await sup.context().close();
  }, 45_000);

  it("explains a stale version (409) and reapplies the change after reloading", async () => {
    const p = await h.open("lead", "/task-forces/tf-01");
    const row = p.locator("tr", { hasText: "01.5.3" });
    await rowAction(p, row, /编辑/);
    // Someone else saves the same task while the lead is editing it.
    const me = await (await p.request.get("/api/v1/auth/me")).json();
    const task = await (await p.request.get("/api/v1/tasks/t-01-5.3")).json();
    const other = await p.request.patch("/api/v1/tasks/t-01-5.3", {
      data: { version: task.version, acceptance: "形成年度交卷报告并通过评审（1份）" },
      headers: { "x-csrf-token": me.csrfToken },
    });
    expect(other.status()).toBe(200);
    await row.getByLabel("任务").fill("年度交卷总结（修订）");
    await row.getByRole("button", { name: /^保\s?存$/ }).click();
    await p.getByText("数据已被他人修改").waitFor();
    await h.shot(p, "conflict-409");
    await p.getByRole("button", { name: "重新加载并应用我的修改" }).click();
    await expect
      .poll(async () => (await (await p.request.get("/api/v1/tasks/t-01-5.3")).json()).title, {
        timeout: 10_000,
      })
      .toBe("年度交卷总结（修订）");
    const after = await (await p.request.get("/api/v1/tasks/t-01-5.3")).json();
    expect(after.acceptance).toBe("形成年度交卷报告并通过评审（1份）");
    await p.context().close();
  }, 45_000);

  it("shows the task book, the responsibility matrix and the indicators of a task force", async () => {
    const p = await h.open("lead", "/task-forces/tf-01?tab=book");
    await p.getByTestId("task-book").waitFor();
    await h.shot(p, "task-book");
    await p.emulateMedia({ media: "print" });
    await p.screenshot({ path: `${SHOTS}/task-book-print.png`, fullPage: true });
    await p.emulateMedia({ media: "screen" });
    await p.goto("/task-forces/tf-01?tab=matrix");
    await p.locator("table.matrix").waitFor();
    await h.shot(p, "matrix");
    await p.goto("/task-forces/tf-01?tab=indicators");
    await p.locator('[role="img"] canvas').first().waitFor();
    await h.shot(p, "indicators");
    await p.context().close();
    const admin = await h.open("admin", "/check");
    await admin.locator(".ant-alert").first().waitFor();
    await h.shot(admin, "check");
    await admin.context().close();
  }, 45_000);

  it("shows a record's audit trail (变更记录) to a supervisor, deep-linked by task id", async () => {
    const p = await h.open("supervisor", "/task-forces/tf-01?tab=history&task=t-01-1.4");
    await p.getByText("变更内容").first().waitFor();
    await p.getByText("新建").first().waitFor();
    // Fields by their labels, never their wire names.
    expect(await p.locator('[data-field="title"]').first().textContent()).toMatch(/^名称：/);
    expect(await p.getByText("title", { exact: true }).count()).toBe(0);
    await h.shot(p, "history-supervisor");
    const member = await h.open("member", "/task-forces/tf-01");
    await member.getByText("任务书").first().waitFor();
    expect(await member.getByRole("tab", { name: "变更记录" }).count()).toBe(0);
    await p.context().close();
    await member.context().close();
  }, 30_000);

  it("sends no request outside the app's origin", async () => {
    // Its own visits, so it holds when run alone; the requests of every earlier test count too.
    const p = await h.open("admin", "/task-forces/tf-01?tab=indicators");
    await p.locator('[role="img"] canvas').first().waitFor();
    await p.goto("/big-screen");
    await p.getByTestId("big-screen").waitFor();
    await p.context().close();
    const origin = new URL(h.url).origin;
    const outside = h.requests.filter(
      (u) => !u.startsWith("data:") && !u.startsWith("blob:") && new URL(u).origin !== origin,
    );
    expect(h.requests.length).toBeGreaterThan(20);
    expect(outside).toEqual([]);
  });
});
