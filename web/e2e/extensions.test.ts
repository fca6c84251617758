/**
 * 延期申请 in Chromium: an owner (the demo `member`) asks for a later deadline on 我的任务, the lead
 * approves it on 待审批延期, and the battle map shows the new deadline beside the old baseline.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fillDate, navLabels, RUN_BROWSER_TESTS, submitDialog, useHarness } from "./harness.js";

/** Re-renders after a refetch can take seconds on a busy machine. */
const WAIT = { timeout: 15_000 };

type Task = {
  id: string;
  code: string;
  title: string;
  deadline: string | null;
  status: string;
  baselineStart: string | null;
  baselineFinish: string | null;
  slippage: number | null;
};

/** The API's answer to a GET, read with the page's session. */
const api = <T>(p: Page, path: string): Promise<T> =>
  p.evaluate(async (url) => (await fetch(`/api/v1${url}`)).json(), path);

/** `days` calendar days after an ISO date. */
function later(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The battle map's tooltip of task `code`: the map is narrowed to the task's owner, then ↓ moves
 * the current row (the tooltip follows it) until the tooltip names the task.
 */
async function battleMapTooltip(p: Page, personId: string, code: string): Promise<string> {
  await p.goto(`/battle-map?tf=tf-01&person=${personId}`);
  const map = p.locator("[data-battle-map][data-ready=true]");
  await map.waitFor(WAIT);
  const rows = Number(await map.getAttribute("data-rows"));
  await p.locator("[data-battle-map] [role=application]").focus();
  const tip = p.getByRole("tooltip");
  for (let i = 0; i < rows; i++) {
    await p.keyboard.press("ArrowDown");
    await tip.waitFor();
    const text = (await tip.textContent()) ?? "";
    if (text.startsWith(`${code} `)) return text;
  }
  throw new Error(`no row of the battle map is task ${code}`);
}

describe.skipIf(!RUN_BROWSER_TESTS)("延期申请 in Chromium", () => {
  const h = useHarness();

  it("an owner files a 延期申请, the lead approves it, and the battle map shows the new deadline with the old baseline", async () => {
    const owner = await h.page("member");
    const me = await api<{ personId: string }>(owner, "/auth/me");
    const mine = await api<{ items: Task[] }>(
      owner,
      `/tasks?taskForceId=tf-01&responsiblePersonId=${me.personId}&limit=1000&sort=code`,
    );
    const task = mine.items.find((t) => t.deadline && t.status !== "done" && t.baselineFinish);
    if (!task?.deadline) throw new Error("the demo member owns no open task with a deadline and a baseline");
    const wanted = later(task.deadline, 30);

    // The owner asks on 我的任务.
    await owner.goto("/my");
    await owner.locator(`[data-extension-task="${task.code}"]`).click();
    const dialog = owner.getByRole("dialog");
    expect(await dialog.getByTestId("extension-current").textContent()).toBe(
      `当前截止日期：${task.deadline}`,
    );
    await dialog.getByLabel("延期理由").fill("征地拆迁未完成，需顺延一个月");
    // A date not after the current deadline is refused beside the field, in Chinese.
    await fillDate(owner, dialog.locator("#extension-deadline"), task.deadline, "Tab");
    await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
    await expect
      .poll(() => dialog.locator(".ant-form-item-explain-error").allTextContents(), WAIT)
      .toEqual([`须晚于当前截止日期 ${task.deadline}`]);
    await fillDate(owner, dialog.locator("#extension-deadline"), wanted, "Tab");
    await h.shot(owner, "extensions-request");
    await submitDialog(dialog);
    const pending = owner.locator(`[data-extension-pending="${task.code}"]`);
    await expect.poll(() => pending.textContent(), WAIT).toBe(`延期待审批 → ${wanted}`);

    // The battle map marks the pending request.
    const before = await battleMapTooltip(owner, me.personId, task.code);
    expect(before).toContain(`延期申请（待审批）${task.deadline} → ${wanted}`);
    expect(before).toContain(`截止日期${task.deadline}`);
    await h.shot(owner, "extensions-battle-map-pending");

    // The lead decides on 待审批延期.
    const lead = await h.page("lead");
    expect(await navLabels(lead)).toContain("待审批延期");
    await lead.locator("nav .ant-menu-item", { hasText: "待审批延期" }).click();
    const row = lead.locator("tr", { has: lead.locator(`[data-extension-request="${task.code}"]`) });
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain(`${task.deadline} → ${wanted}`);
    await row.getByRole("button", { name: /批\s?准/ }).click();
    const decision = lead.getByRole("dialog");
    await decision.getByLabel("审批意见").fill("同意顺延，请倒排工期确保完成");
    await h.shot(lead, "extensions-approve");
    await submitDialog(decision);
    await expect.poll(() => row.count(), WAIT).toBe(0);

    // The deadline moved; the first baseline, which slippage counts from, did not.
    const after = await api<Task>(lead, `/tasks/${task.id}`);
    expect(after.deadline).toBe(wanted);
    expect([after.baselineStart, after.baselineFinish, after.slippage]).toEqual([
      task.baselineStart,
      task.baselineFinish,
      task.slippage,
    ]);
    const baselines = await api<{ number: number; reason: string }[]>(lead, "/task-forces/tf-01/baselines");
    expect(baselines.at(-1)?.reason).toBe(`延期申请 ${task.code}: ${task.deadline} → ${wanted}`);

    const tip = await battleMapTooltip(lead, me.personId, task.code);
    const baseline =
      task.baselineStart === task.baselineFinish
        ? task.baselineFinish
        : `${task.baselineStart} → ${task.baselineFinish}`;
    expect(tip).toContain(`截止日期${wanted}`);
    expect(tip).toContain(`基准计划${baseline}`);
    expect(tip).not.toContain("延期申请");
    await h.shot(lead, "extensions-battle-map-approved");

    // The owner sees the decision: nothing pending any more.
    await owner.goto("/my");
    await owner.locator(`[data-extension-task="${task.code}"]`).waitFor(WAIT);
    expect(await pending.count()).toBe(0);
    await owner.context().close();
    await lead.context().close();
  }, 120_000);
});
