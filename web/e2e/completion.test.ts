/**
 * Completion review (完成确认) in Chromium: an owner's 100 % report claims the task's completion, the
 * battle map shows it awaiting confirmation, the lead sends it back with a reason (after seeing the
 * acceptance criterion and the evidence), and the owner sees it returned with that reason.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RUN_BROWSER_TESTS, submitDialog, useHarness } from "./harness.js";

const WAIT = { timeout: 30_000 };
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000 });
const REASON = "佐证材料缺少8月月通报，请补充后再报";

type Task = {
  id: string;
  code: string;
  percent: number;
  completion: string | null;
  completionNote: string | null;
};

async function api<T>(p: Page, path: string): Promise<T> {
  const r = await p.request.get(`/api/v1${path}`);
  expect(r.status(), path).toBe(200);
  return (await r.json()) as T;
}

/** The battle map's tooltip of task `code`: ↓ moves the current row (the tooltip follows it) until it names the task. */
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

describe.skipIf(!RUN_BROWSER_TESTS)("completion review in Chromium", () => {
  const h = useHarness();

  it("a lead sends a claimed completion back with a reason, and the owner sees it returned", async () => {
    // The owner reports 01.4.1 complete on 我的任务: its completion is claimed, not done.
    const owner = await h.page("member");
    const me = await api<{ personId: string }>(owner, "/auth/me");
    await owner.goto("/my");
    const mine = owner.locator("tr", { has: owner.locator('[data-report-task="01.4.1"]') });
    await mine.locator('[data-report-task="01.4.1"]').click();
    const report = owner.getByRole("dialog");
    await report.getByLabel("完成率（%）").fill("100");
    await report.getByLabel("进展情况").fill("全年周调度、月通报任务已完成");
    await report.getByLabel(/佐证材料/).fill("周调度会议纪要汇编.pdf");
    await submitDialog(report);
    await mine.locator('[data-completion="claimed"]').waitFor(WAIT);
    expect(await mine.locator("[data-light]").getAttribute("data-light")).not.toBe("blue");

    // The battle map shows it awaiting confirmation.
    const tip = await battleMapTooltip(owner, me.personId, "01.4.1");
    expect(tip).toContain("完成确认");
    expect(tip).toContain("待确认");
    await owner.getByText("完成待确认").first().waitFor(WAIT); // the legend's entry
    await h.shot(owner, "completion-battle-map-claimed");

    // The lead reviews it from the task force's queue: acceptance criterion and evidence side by side.
    const lead = await h.open("lead", "/task-forces/tf-01");
    const queue = lead.getByTestId("claimed-queue");
    await queue.locator('[data-review-task="01.4.1"]').click();
    const review = lead.getByRole("dialog");
    await poll(() => review.getByTestId("completion-acceptance").textContent()).toContain(
      "召开周调度会不少于24次",
    );
    await poll(() => review.getByTestId("completion-evidence").textContent()).toContain(
      "周调度会议纪要汇编.pdf",
    );
    // Sending back needs a reason: nothing is sent without one.
    await review.locator('[data-action="return-completion"]').click();
    await review.getByText("退回须写明原因").waitFor();
    await h.shot(lead, "completion-review");
    expect((await api<Task>(lead, "/tasks/t-01-4.1")).completion).toBe("claimed");
    await review.locator("#completion-note").fill(REASON);
    await review.locator('[data-action="return-completion"]').click();
    await review.waitFor({ state: "hidden", ...WAIT });
    await queue.locator('[data-review-task="01.4.1"]').waitFor({ state: "detached", ...WAIT });
    const row = lead.locator("tr.ant-table-row", { hasText: "重点项目“周调度、月通报”" }).last();
    await row.locator('[data-completion="returned"]').waitFor(WAIT);
    expect(await api<Task>(lead, "/tasks/t-01-4.1")).toMatchObject({
      completion: null,
      completionNote: REASON,
      percent: 22,
    });
    await lead.context().close();

    // The owner sees it returned, with the reason, back at the percent reported before.
    await owner.goto("/my");
    const returned = mine.locator('[data-completion="returned"]');
    await returned.waitFor(WAIT);
    expect(await mine.textContent()).toContain("22%");
    await returned.hover();
    await poll(() => owner.getByRole("tooltip").textContent()).toContain(REASON);
    await h.shot(owner, "completion-returned");
    await owner.context().close();
  }, 150_000);
});
