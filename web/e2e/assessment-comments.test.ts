/**
 * Assessment snapshots (考核排名) and leaders' comments (批示) / escalation (提级督办) in headless
 * Chromium against the demo district.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { compareRankings, roundTenth } from "../src/features/assessment/compare.js";
import { fillDate, RUN_BROWSER_TESTS, rowAction, useHarness } from "./harness.js";

type Snapshot = {
  id: string;
  statusDate: string;
  taskForces: { id: string; name: string; score: number | null; rank: number | null }[];
};

/** JSON of a GET through the page's session. */
async function apiGet<T>(p: Page, path: string): Promise<T> {
  const res = await p.request.get(`/api/v1${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** The cells' texts of the visible ranking table's rows. */
async function rankingRows(p: Page): Promise<string[][]> {
  // The snapshot's ranking, not the live ranking above it.
  const rows = p.locator('[data-testid="snapshot-ranking"] .ant-tabs-content-active tbody tr.ant-table-row');
  const out: string[][] = [];
  for (const r of await rows.all()) out.push((await r.locator("td").allInnerTexts()).map((s) => s.trim()));
  return out;
}

describe.skipIf(!RUN_BROWSER_TESTS)("assessment snapshots and leaders' comments in Chromium", () => {
  const h = useHarness();

  it("lets a supervisor take a snapshot whose ranking matches the overview, and compare it with an earlier one", async () => {
    const p = await h.page("supervisor");
    // An earlier snapshot, taken through the API.
    const me = await apiGet<{ csrfToken: string }>(p, "/auth/me");
    const early = await p.request.post("/api/v1/assessments?statusDate=2022-07-15", {
      data: {},
      headers: { "x-csrf-token": me.csrfToken },
    });
    expect(early.status()).toBe(201);
    const earlier = (await early.json()) as Snapshot;

    await p.goto("/assessments");
    await p.locator('tr[data-snapshot="2022-07-15"]').waitFor();
    expect(await p.locator('tr[data-snapshot="2022-08-15"]').count()).toBe(0);
    await p.getByTestId("take-assessment").click();
    await p.getByText("已生成 2022-08-15 的考核快照").waitFor();
    await p.locator('tr[data-snapshot="2022-08-15"]').waitFor();
    await p.getByText("2022-08-15 考核排名").waitFor();
    await p.locator('[role="img"][aria-label="专班得分柱状图"] canvas').waitFor();

    // All ten task forces, with the overview's scores and ranks.
    const overview = await apiGet<{
      taskForces: { name: string; score: number | null; rank: number | null }[];
    }>(p, "/overview");
    expect(overview.taskForces).toHaveLength(10);
    await expect.poll(async () => (await rankingRows(p)).length).toBe(10);
    const shown = (await rankingRows(p)).map(([rank, name, score]) => ({ rank, name, score }));
    const expected = overview.taskForces.map((t) => ({
      rank: String(t.rank ?? "—"),
      name: t.name,
      score: t.score === null ? "—" : String(roundTenth(t.score)),
    }));
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
    expect([...shown].sort(byName)).toEqual([...expected].sort(byName));
    await h.shot(p, "assessment-snapshot");

    // Compare with the earlier snapshot: each row's movement is what the two snapshots say.
    const list = await apiGet<{ items: Snapshot[] }>(p, "/assessments");
    const latest = list.items.find((s) => s.statusDate === "2022-08-15");
    expect(latest).toBeDefined();
    const want = compareRankings(latest!.taskForces, earlier.taskForces);
    expect(want.some((r) => r.movement === "up" || r.movement === "down")).toBe(true);
    await p.getByTestId("compare-select").click();
    await p.locator(".ant-select-item-option", { hasText: "2022-07-15" }).click();
    await p.getByRole("columnheader", { name: "名次变化" }).waitFor();
    const rows = p.locator(
      '[data-testid="snapshot-ranking"] .ant-tabs-content-active tbody tr.ant-table-row',
    );
    await expect.poll(() => rows.count()).toBe(10);
    const movements = await rows.evaluateAll((trs) =>
      trs.map((tr) => [
        tr.querySelectorAll("td")[2]?.textContent?.trim() ?? "",
        tr.querySelector("[data-movement]")?.getAttribute("data-movement") ?? "",
        tr.querySelector("[data-delta]")?.getAttribute("data-delta") ?? "",
      ]),
    );
    expect(movements.sort()).toEqual(
      want.map((r) => [r.name, r.movement, r.scoreDelta === null ? "" : String(r.scoreDelta)]).sort(),
    );
    expect(await p.locator('[data-movement="up"]').count()).toBe(
      want.filter((r) => r.movement === "up").length,
    );
    expect(new URL(p.url()).searchParams.get("compare")).toBe(earlier.id);
    await h.shot(p, "assessment-compare");

    // Units and persons are ranked too.
    await p.getByTestId("snapshot-ranking").getByRole("tab", { name: "责任单位" }).click();
    await expect.poll(async () => (await rankingRows(p)).length).toBeGreaterThan(0);

    // A snapshot at another status date, typed as an ISO date.
    const at = p.getByLabel("快照状态日（留空为当前状态日）", { exact: true });
    expect(await at.getAttribute("placeholder")).toBe("2022-08-15");
    await fillDate(p, at, "2022-08-01", "Tab");
    await p.getByTestId("take-assessment").click();
    await p.getByText("已生成 2022-08-01 的考核快照").waitFor();
    await p.locator('tr[data-snapshot="2022-08-01"]').waitFor();
    await p.context().close();
  }, 90_000);

  it("shows no snapshot button to a viewer, who still reads the ranking", async () => {
    const p = await h.open("viewer", "/assessments");
    await p.getByText("考核快照", { exact: true }).first().waitFor();
    expect(await p.locator("nav .ant-menu-item", { hasText: "考核排名" }).count()).toBe(1);
    expect(await p.getByTestId("take-assessment").count()).toBe(0);
    await p.context().close();
  }, 60_000);

  it("lets a leader comment on a task force, and shows the comment with the leader's name", async () => {
    const p = await h.page("leader");
    const me = await apiGet<{ user: { displayName: string } }>(p, "/auth/me");
    await p.goto("/task-forces/tf-01?tab=comments");
    const form = p.getByTestId("comment-form");
    await form.getByLabel("填写批示意见").fill("请倒排工期，8月底前完成项目签约");
    await form.getByRole("button", { name: "提交批示" }).click();
    const comment = p.locator("[data-comment]", { hasText: "请倒排工期，8月底前完成项目签约" });
    await comment.waitFor();
    expect(await comment.getByTestId("comment-author").textContent()).toBe(me.user.displayName);
    await expect.poll(() => form.getByLabel("填写批示意见").inputValue()).toBe("");
    const stored = await apiGet<{ items: { body: string; author: string; authorName: string }[] }>(
      p,
      "/comments?taskForceId=tf-01",
    );
    expect(stored.items).toContainEqual(
      expect.objectContaining({
        body: "请倒排工期，8月底前完成项目签约",
        author: "leader",
        authorName: me.user.displayName,
      }),
    );
    await h.shot(p, "comments-leader");

    // On a task's row: the 批示 button opens the task's thread, and then counts its comment.
    await p.goto("/task-forces/tf-01?tab=tasks");
    const row = p.locator('tr[data-task-code="01.5.3"]');
    await rowAction(p, row, /批示/);
    const drawer = p.getByRole("dialog");
    await drawer.getByLabel("填写批示意见").fill("交卷报告请提前一周送审");
    await drawer.getByRole("button", { name: "提交批示" }).click();
    await drawer.locator("[data-comment]", { hasText: "交卷报告请提前一周送审" }).waitFor();
    expect(await drawer.locator("[data-comment]").count()).toBe(1);
    await p.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });
    await expect.poll(() => row.locator('[data-comments-task="01.5.3"]').textContent()).toBe("1");
    await p.goto("/task-forces/tf-01?tab=comments");
    await p
      .locator("[data-comment]", { hasText: "交卷报告请提前一周送审" })
      .getByText(/任务 01\.5\.3/)
      .waitFor();
    await p.context().close();
  }, 90_000);

  it("lets a leader escalate a supervision item with a reason, and its level changes", async () => {
    const p = await h.open("leader", "/task-forces/tf-01?tab=supervision");
    const row = p.locator("tr", { has: p.locator('[data-item-comments="DB-2022-001"]') });
    expect(await row.locator("[data-escalated]").count()).toBe(0);
    await row.locator('[data-item-comments="DB-2022-001"]').click();
    const drawer = p.getByRole("dialog");
    await expect.poll(() => drawer.getByTestId("drawer-level").textContent()).toBe("常规督办");
    const stateBefore = await drawer.getByTestId("drawer-state").textContent();
    // The reason is required: the button stays disabled until one is written.
    expect(await drawer.getByTestId("escalate").isDisabled()).toBe(true);
    await drawer.getByLabel("提级督办理由（必填）").fill("整改进度滞后，请区政府分管领导督办");
    await drawer.getByTestId("escalate").click();
    await expect
      .poll(() => drawer.getByTestId("drawer-level").textContent(), { timeout: 10_000 })
      .toContain("已提级督办（2022-08-15");
    expect(await drawer.getByTestId("drawer-state").textContent()).toBe(stateBefore);
    await row.locator('[data-escalated="DB-2022-001"]').waitFor();
    const items = await apiGet<{ items: { code: string; state: string; escalatedOn: string | null }[] }>(
      p,
      "/supervision-items?taskForceId=tf-01",
    );
    const item = items.items.find((i) => i.code === "DB-2022-001");
    expect(item).toMatchObject({
      escalatedOn: "2022-08-15",
      escalatedBy: "leader",
      lastNote: "整改进度滞后，请区政府分管领导督办",
    });
    // A comment on the item itself.
    await drawer.getByLabel("填写批示意见").fill("督查室每周通报进展");
    await drawer.getByRole("button", { name: "提交批示" }).click();
    await drawer.locator("[data-comment]", { hasText: "督查室每周通报进展" }).waitFor();
    await h.shot(p, "escalate-leader");
    await p.context().close();
  }, 90_000);

  it("shows a member no escalate button, and a viewer no comment box", async () => {
    const member = await h.open("member", "/task-forces/tf-01?tab=supervision");
    await member.locator('[data-item-comments="DB-2022-001"]').click();
    const drawer = member.getByRole("dialog");
    await drawer.getByTestId("drawer-level").waitFor();
    expect(await drawer.getByTestId("escalate").count()).toBe(0);
    expect(await drawer.getByTestId("escalate-form").count()).toBe(0);
    await h.shot(member, "item-member");
    await member.context().close();

    const viewer = await h.open("viewer", "/task-forces/tf-01?tab=comments");
    // The viewer reads the leader's comment but gets no box to write one.
    await viewer.locator("[data-comment]", { hasText: "请倒排工期" }).waitFor();
    expect(await viewer.getByTestId("comment-form").count()).toBe(0);
    await h.shot(viewer, "comments-viewer");
    await viewer.context().close();
  }, 90_000);
});
