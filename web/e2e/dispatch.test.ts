/**
 * The dispatch report page (调度报告) in Chromium: the supervisor reads the demo's round, with the
 * overdue task and counts matching the API; English works on it; a member has no way to it.
 */
import { describe, expect, it } from "vitest";
import { fillDate, navLabels, RUN_BROWSER_TESTS, useHarness } from "./harness.js";

/** Re-renders after a refetch can take seconds on a busy machine. */
const WAIT = { timeout: 15_000 };

describe.skipIf(!RUN_BROWSER_TESTS)("the dispatch report in Chromium", () => {
  const h = useHarness();

  it("shows the supervisor the round's overdue task and counts that match the API", async () => {
    const p = await h.page("supervisor");
    expect(await navLabels(p)).toContain("调度报告");
    await p.locator("nav .ant-menu-item", { hasText: "调度报告" }).click();
    await p.getByTestId("dispatch-report").waitFor();
    expect(new URL(p.url()).pathname).toBe("/dispatch");
    const api = await p.evaluate(async () => (await fetch("/api/v1/dispatch-report")).json());
    const total = (k: string) => p.getByTestId(`dispatch-total-${k}`).textContent();
    expect(await total("overdue")).toBe(String(api.total.overdue));
    expect(await total("noReport")).toBe(String(api.total.noReport));
    expect(await total("supOverdue")).toBe(String(api.total.supervision.overdue));
    expect(await total("red")).toBe(String(api.total.red));
    // 任务亮灯 counts summaries lit by their children, 红灯任务 only tasks with reasons of their own:
    // the page says so, once.
    expect(api.total.taskCounts.red).toBeGreaterThan(api.total.red);
    expect(await total("countsNote")).toContain("汇总任务随其子任务亮灯");
    expect(await p.locator("[data-testid$='-countsNote']").count()).toBe(1);
    expect(api.total).toMatchObject({ overdue: 1, noReport: 7, supervision: { overdue: 2 } });
    // The demo's overdue task: 01.2.5 节能审查, 11 working days past 2022-07-31.
    const overdue = p.getByTestId("dispatch-overdue-01");
    await expect.poll(() => overdue.textContent(), WAIT).toContain("01.2.5");
    expect(await overdue.textContent()).toContain("固定资产投资项目节能审查");
    expect(await overdue.locator("tbody tr").count()).toBe(1);
    // Columns: WBS, task, responsible, deadline, days overdue, percent.
    const cells = overdue.locator("tbody tr td");
    expect(await cells.nth(3).textContent()).toBe("2022-07-31");
    expect(await cells.nth(4).textContent()).toBe("11");
    expect(await p.getByTestId("dispatch-key-points").locator("li").first().textContent()).toContain(
      "01.2.5 固定资产投资项目节能审查 超期11个工作日",
    );
    expect(
      await p.getByTestId("dispatch-tf-01").locator("[data-light]").first().getAttribute("data-light"),
    ).toBe("red");
    expect(
      await p
        .locator("[data-testid^=dispatch-tf-]")
        .filter({ has: p.locator(".ant-card-head") })
        .count(),
    ).toBe(10);
    await h.shot(p, "dispatch-supervisor");
    await p.emulateMedia({ media: "print" });
    await h.shot(p, "dispatch-print");
    await p.emulateMedia({ media: "screen" });
    await p.context().close();
  }, 60_000);

  it("moves to the previous round and back, keeping the date in the address", async () => {
    const p = await h.open("supervisor", "/dispatch");
    await p.getByTestId("dispatch-report").waitFor();
    // The status date in ISO form, whatever the browser's language.
    const date = p.getByLabel("状态日", { exact: true });
    expect(await date.inputValue()).toBe("2022-08-15");
    await p.getByRole("button", { name: "上一轮" }).click();
    await expect
      .poll(() => p.getByTestId("dispatch-round").textContent(), WAIT)
      .toContain("本轮 2022-08-08 至 2022-08-14，统计截至 2022-08-14");
    expect(new URL(p.url()).searchParams.get("date")).toBe("2022-08-14");
    await expect.poll(() => date.inputValue()).toBe("2022-08-14");
    // At Sunday 2022-08-14, 01.2.5 is 10 working days late.
    await expect
      .poll(() => p.getByTestId("dispatch-overdue-01").locator("tbody tr td").nth(4).textContent(), WAIT)
      .toBe("10");
    // A typed date is a round of its own: Monday 2022-08-08 opens the week.
    await fillDate(p, date, "2022-08-08");
    await expect
      .poll(() => p.getByTestId("dispatch-round").textContent(), WAIT)
      .toContain("本轮 2022-08-08 至 2022-08-14，统计截至 2022-08-08");
    expect(new URL(p.url()).searchParams.get("date")).toBe("2022-08-08");
    await h.shot(p, "dispatch-date");
    await p.getByRole("button", { name: "回到当前状态日" }).click();
    await expect
      .poll(() => p.getByTestId("dispatch-round").textContent(), WAIT)
      .toContain("本轮 2022-08-15 至 2022-08-21，统计截至 2022-08-15");
    await expect.poll(() => date.inputValue()).toBe("2022-08-15");
    await p.context().close();
  }, 60_000);

  it("switches to English on the report", async () => {
    const p = await h.open("leader", "/dispatch");
    await p.getByTestId("dispatch-report").waitFor();
    await p.getByRole("combobox", { name: "语言" }).click();
    await p.locator(".ant-select-item-option", { hasText: "English" }).click();
    await p.getByText("Key points").waitFor();
    expect(await navLabels(p)).toContain("Dispatch report");
    expect(await p.getByTestId("dispatch-key-points").locator("li").first().textContent()).toContain(
      "01.2.5 固定资产投资项目节能审查 is 11 working days overdue",
    );
    expect(await p.getByTestId("dispatch-overdue-01").textContent()).toContain("Overdue tasks");
    await h.shot(p, "dispatch-english");
    await p.getByRole("combobox", { name: "Language" }).click();
    await p.locator(".ant-select-item-option", { hasText: "简体中文" }).click();
    await p.getByText("要点").first().waitFor();
    await p.context().close();
  }, 60_000);

  it("gives a lead their own task force only, and a member no way in", async () => {
    const lead = await h.open("lead", "/dispatch");
    await lead.getByTestId("dispatch-report").waitFor();
    expect(
      await lead
        .locator("[data-testid^=dispatch-tf-]")
        .filter({ has: lead.locator(".ant-card-head") })
        .count(),
    ).toBe(1);
    await lead.context().close();
    const p = await h.page("member");
    expect(await navLabels(p)).not.toContain("调度报告");
    await p.goto("/dispatch");
    await p.getByText("403").first().waitFor();
    expect(await p.getByTestId("dispatch-report").count()).toBe(0);
    await h.shot(p, "dispatch-member-403");
    await p.context().close();
  }, 60_000);
});
