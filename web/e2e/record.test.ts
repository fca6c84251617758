/**
 * The trustworthy record in Chromium: refusals beside their field in the UI's language (Chinese,
 * then English), nothing stored on a refusal, plan approval as baseline versions (a lead may not
 * re-baseline), corrections with a reason kept in the history, the live ranking, and an owner's
 * indicators with their latest actual and this month's reading.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RUN_BROWSER_TESTS, submitDialog, useHarness } from "./harness.js";

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

async function json<T>(p: Page, path: string): Promise<T> {
  const r = await p.request.get(`/api/v1${path}`);
  expect(r.status(), path).toBe(200);
  return (await r.json()) as T;
}

async function english(p: Page, landmark: string): Promise<void> {
  await p.getByRole("combobox", { name: "语言" }).click();
  await p.locator(".ant-select-item-option", { hasText: "English" }).click();
  await p.getByText(landmark).first().waitFor();
}

/** The refusal shown in a dialog: its text, once the answer has come. */
async function refusal(dialog: Locator): Promise<string> {
  const alert = dialog.locator(".ant-alert-error");
  await alert.waitFor();
  return (await alert.textContent()) ?? "";
}

describe.skipIf(!RUN_BROWSER_TESTS)("the trustworthy record in Chromium", () => {
  const h = useHarness();
  type Report = { id: string; percent: number };
  const reportsOf = (p: Page) =>
    json<{ items: Report[] }>(p, "/progress-reports?taskId=t-01-4.1&limit=100").then((x) => x.items);

  it("refuses less progress than reported before, in Chinese beside the field, then in English; nothing is stored", async () => {
    const p = await h.open("member", "/my");
    const before = await reportsOf(p);
    const dialog = p.getByRole("dialog");
    const attempt = async (percent: string, narrative: string) => {
      await p.locator('[data-report-task="01.4.1"]').click();
      await dialog.getByLabel(/完成率|Percent/).fill(percent);
      await dialog.getByLabel(/进展情况|^Progress$/).fill(narrative);
      await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
      return refusal(dialog);
    };
    const zh = await attempt("0", "本周无进展");
    expect(zh).toContain("进展报告不合常理");
    expect(zh).toMatch(/完成率（%）|完成率：低于/);
    expect(zh).not.toMatch(/is below|percent|must/);
    await h.shot(p, "record-refusal-zh");
    await dialog.locator(".ant-modal-footer .ant-btn").first().click();
    await dialog.waitFor({ state: "hidden" });

    await english(p, "My tasks");
    const en = await attempt("0", "Nothing this week");
    expect(en).toContain("The progress report is not plausible");
    expect(en).toContain("Percent complete: is below the");
    expect(en).not.toMatch(/[\u4e00-\u9fff]{4}/);
    await h.shot(p, "record-refusal-en");
    expect(await reportsOf(p)).toEqual(before);
    await p.context().close();
  }, 90_000);

  it("shows a form field's refusal in the UI's language, not clamped (a percent over 100)", async () => {
    const p = await h.open("member", "/my");
    const dialog = p.getByRole("dialog");
    await p.locator('[data-report-task="01.4.1"]').click();
    await dialog.getByLabel(/完成率/).fill("150");
    await dialog.getByLabel(/完成率/).blur();
    await poll(() => dialog.locator(".ant-form-item-explain-error").allTextContents()).toContain(
      "不能大于 100",
    );
    await p.context().close();
  }, 60_000);

  it("approves a plan as a new baseline: the lead may not re-baseline, the supervision office may, and slippage still counts from the first", async () => {
    const lead = await h.open("lead", "/task-forces/tf-01");
    await lead.getByTestId("approve-plan").click();
    const dialog = lead.getByRole("dialog");
    await dialog.getByTestId("plan-approval").waitFor();
    expect(await dialog.textContent()).toContain("计划已有基线，重新确定基线须由督查室批准");
    expect(await dialog.getByTestId("baseline-version").count()).toBe(1);
    expect(await dialog.locator(".ant-modal-footer .ant-btn-primary").isDisabled()).toBe(true);
    await h.shot(lead, "record-approval-lead");
    await lead.context().close();

    const sup = await h.open("supervisor", "/task-forces/tf-01");
    type T = { id: string; slippage: number | null; baselineFinish: string | null };
    const tasksBefore = (await json<{ items: T[] }>(sup, "/tasks?taskForceId=tf-01&limit=1000")).items;
    await sup.getByTestId("approve-plan").click();
    const d = sup.getByRole("dialog");
    await d.getByTestId("plan-approval").waitFor();
    expect(await d.locator(".ant-modal-title").textContent()).toBe("批准计划 · 第 2 版基线");
    // The reason is required, and said so in Chinese.
    await d.locator(".ant-modal-footer .ant-btn-primary").click();
    await poll(() => d.locator(".ant-form-item-explain-error").allTextContents()).toEqual(["必填"]);
    await d.getByLabel("批准理由").fill("督查室同意按调整后的计划推进");
    await h.shot(sup, "record-approval-supervisor");
    await submitDialog(d);
    const baselines = await json<{ number: number; reason: string }[]>(sup, "/task-forces/tf-01/baselines");
    expect(baselines.map((b) => [b.number, b.reason])).toEqual([
      [1, "专班成立时批准的初始计划"],
      [2, "督查室同意按调整后的计划推进"],
    ]);
    const tasksAfter = (await json<{ items: T[] }>(sup, "/tasks?taskForceId=tf-01&limit=1000")).items;
    expect(tasksAfter.map((t) => [t.id, t.baselineFinish, t.slippage])).toEqual(
      tasksBefore.map((t) => [t.id, t.baselineFinish, t.slippage]),
    );

    await english(sup, "Task forces");
    await sup.getByTestId("approve-plan").click();
    await d.getByTestId("plan-approval").waitFor();
    expect(await d.locator(".ant-modal-title").textContent()).toBe("Approve plan · baseline 3");
    expect(await d.textContent()).toContain("Slippage measured against");
    await sup.context().close();
  }, 90_000);

  it("draws two chosen baselines on the battle map, with their legend", async () => {
    const p = await h.open("supervisor", "/battle-map");
    await p.locator("[data-battle-map]").waitFor();
    const both = p.waitForResponse((r) =>
      decodeURIComponent(r.url()).includes("/api/v1/battle-map?baselines=1,2"),
    );
    const select = p.getByRole("combobox", { name: "对比基线（至多两版）" });
    for (const n of [1, 2]) {
      await select.click();
      await p.locator(".ant-select-item-option", { hasText: `第 ${n} 版基线` }).click();
    }
    type Compared = { number: number; tasks: Record<string, { start: string; finish: string }> };
    const body = (await (await both).json()) as { compared: Compared[]; baselineNumbers: number[] };
    expect(body.baselineNumbers).toEqual([1, 2]);
    expect(body.compared.map((c) => c.number)).toEqual([1, 2]);
    expect(Object.keys(body.compared[0]!.tasks).length).toBeGreaterThan(200);
    // tf-01's second baseline holds only its own tasks.
    expect(Object.keys(body.compared[1]!.tasks).every((id) => id.startsWith("t-01-"))).toBe(true);
    await p.getByText("第 2 版基线").last().waitFor();
    await h.shot(p, "record-battle-map-baselines");
    await p.context().close();
  }, 60_000);

  it("corrects a report with a reason: the history keeps the old value and the reason", async () => {
    const p = await h.open("lead", "/task-forces/tf-01?tab=reports");
    const item = p.locator("[data-report]").first();
    const id = await item.getAttribute("data-report");
    await item.locator('[data-action="correct"]').click();
    const dialog = p.getByRole("dialog");
    await dialog.getByLabel(/完成率/).waitFor();
    const old = await dialog.getByLabel(/完成率/).inputValue();
    await dialog.getByLabel("进展情况").fill("按监理核定的工程量更正");
    await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
    await poll(() => dialog.locator(".ant-form-item-explain-error").allTextContents()).toEqual(["不能为空"]);
    await dialog.getByLabel("更正或撤回理由").fill("监理核定后更正");
    await submitDialog(dialog);
    type Entry = { action: string; reason: string | null; before: { narrative: string } };
    // The audit trail is read by the supervision office (a lead may not read it).
    const sup = await h.page("supervisor");
    const trail = await json<{ items: Entry[] }>(sup, `/audit-entries?entity=progress_report&entityId=${id}`);
    await sup.context().close();
    expect(trail.items[0]).toMatchObject({ action: "update", reason: "监理核定后更正" });
    expect(trail.items[0]?.before.narrative).not.toBe("按监理核定的工程量更正");
    expect(old).not.toBe("");
    await p.context().close();
  }, 60_000);

  it("refuses a return (退回) without a reason beside the field, in Chinese and English; the item stays submitted", async () => {
    const p = await h.page("admin");
    type Item = { id: string; code: string; version: number; state: string };
    const item = async () =>
      (await json<{ items: Item[] }>(p, "/supervision-items?limit=1000")).items.find(
        (i) => i.code === "DB-2022-002",
      )!;
    const me = await json<{ csrfToken: string }>(p, "/auth/me");
    for (const [action, body] of [
      ["start", {}],
      ["submit", { rectification: "已完成整改，附整改报告" }],
    ] as const) {
      const it = await item();
      const r = await p.request.post(`/api/v1/supervision-items/${it.id}/${action}`, {
        data: { version: it.version, date: "2022-08-15", ...body },
        headers: { "x-csrf-token": me.csrfToken },
      });
      expect(r.status(), await r.text()).toBe(200);
    }
    await p.goto("/supervision");
    await p.getByText("全部", { exact: true }).click();
    const dialog = p.getByRole("dialog");
    const row = p.locator("tr", { hasText: "DB-2022-002" });
    // The list refetches after the filter changes: act on the row once it shows the submitted item.
    await poll(() => row.locator("[data-state]").getAttribute("data-state")).toBe("submitted");
    const errors = dialog.locator(".ant-form-item-explain-error");
    /** Opens 退回 and presses OK without a reason; a refetch may re-render the dialog, so it retries. */
    const tryReturn = async (label: RegExp) => {
      for (let attempt = 1; ; attempt++) {
        try {
          if (!(await dialog.getByLabel(label).isVisible()))
            await row.locator('[data-action="return"]').click({ timeout: 5_000 });
          await dialog.getByLabel(label).waitFor({ timeout: 5_000 });
          await dialog.locator(".ant-modal-footer .ant-btn-primary").click({ timeout: 5_000 });
          await errors.first().waitFor({ timeout: 5_000 });
          break;
        } catch (e) {
          if (attempt === 3) throw e;
        }
      }
      const text = (await errors.allTextContents()).join(" ");
      await dialog.locator(".ant-modal-footer .ant-btn").first().click();
      await dialog.waitFor({ state: "hidden" });
      return text;
    };
    expect(await tryReturn(/退回原因/)).toContain("退回原因");
    await english(p, "Supervision");
    await poll(() => row.locator("[data-state]").getAttribute("data-state")).toBe("submitted");
    expect(await tryReturn(/Reason for returning/)).toMatch(/Reason for returning/i);
    expect((await item()).state).toBe("submitted");
    await p.context().close();
  }, 60_000);

  it("shows the live ranking on the assessment page without any snapshot", async () => {
    const p = await h.open("supervisor", "/assessments");
    const live = p.getByTestId("live-ranking");
    await live.waitFor();
    await poll(() => live.locator(".ant-card-head-title").textContent()).toBe(
      "实时排名（状态日期 2022-08-15）",
    );
    await poll(() => live.locator("tbody tr.ant-table-row").count()).toBe(10);
    await h.shot(p, "record-live-ranking");
    await p.context().close();
  }, 60_000);

  it("shows an owner's indicators with their latest actual, light, trend and this month's reading; says what was saved", async () => {
    type View = {
      code: string;
      unit: string;
      progress: { reading: { period: string; actual: number } | null };
    };
    const p = await h.open("member", "/my");
    const table = p.getByTestId("my-indicators");
    await table.waitFor();
    const heads = await table.locator("thead th").allTextContents();
    for (const head of ["最新实际值", "完成情况", "本月"]) expect(heads).toContain(head);
    // Every indicator the overview judges shows its light, trend stage and month tag.
    await poll(() => table.locator("[data-month-reported]").count()).toBeGreaterThan(0);
    const rows = await table.locator("tbody tr.ant-table-row").count();
    expect(await table.locator("[data-light]").count()).toBe(rows);
    expect(await table.locator("[data-trend]").count()).toBe(rows);
    const overview = await json<{ statusDate: string; indicators: View[] }>(p, "/overview");
    const month = overview.statusDate.slice(0, 7);
    const codes = await table.locator("tbody tr.ant-table-row td:first-child").allTextContents();
    const mine = overview.indicators.filter((i) => codes.includes(i.code));
    const reported = mine.find((i) => i.progress.reading)!;
    const shown = table.locator("tr", { has: p.locator(`td:text-is("${reported.code}")`) });
    const last = reported.progress.reading!;
    expect(await shown.locator("[data-latest]").textContent()).toContain(`${last.actual}`);
    expect(await shown.locator("[data-latest]").getAttribute("data-latest")).toBe(last.period);

    // An indicator still missing this month's actual: reported in English, the tag turns.
    // One with last month's actual, which is entered again: a plausible value for any kind.
    const row = table.locator("tr:has([data-latest]):has([data-month-reported='no'])").first();
    const code = (await row.locator("td").first().textContent())!;
    const ind = mine.find((i) => i.code === code)!;
    await english(p, "Indicators I own");
    expect(await row.locator("[data-month-reported]").textContent()).toBe("Not reported this month");
    await row.locator("[data-report-indicator]").click();
    const dialog = p.getByRole("dialog");
    const value = String(ind.progress.reading!.actual);
    await dialog.getByLabel(/^Actual/).fill(value);
    await submitDialog(dialog);
    const unit = ["%", "‰", ""].includes(ind.unit) ? ind.unit : ` ${ind.unit}`;
    await p.getByText(`Reported ${month}: ${value}${unit}`, { exact: true }).waitFor();
    const done = table.locator("tr", { has: p.locator(`td:text-is("${code}")`) });
    await poll(() => done.locator("[data-month-reported]").getAttribute("data-month-reported")).toBe("yes");
    await poll(() => done.locator("[data-latest]").getAttribute("data-latest")).toBe(month);
    await h.shot(p, "record-my-indicators");
    await p.context().close();
  }, 60_000);
});
