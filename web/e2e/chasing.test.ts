/**
 * The chasing loop in Chromium: a week of the rules' 催办 reaches the lead's inbox (badge, list,
 * marking read); the lead chases an owner by hand with a reason; the supervision office sees the
 * round's unanswered 催办 on the dispatch report.
 */
import { describe, expect, it } from "vitest";
import { chaseDueReminders } from "../../src/domain/chasing/chase.service.js";
import { serviceContext } from "../../src/domain/context.js";
import { RUN_BROWSER_TESTS, rowAction, useHarness } from "./harness.js";

const WAIT = { timeout: 15_000 };
const WEEK = ["2022-08-08", "2022-08-09", "2022-08-10", "2022-08-11", "2022-08-12", "2022-08-15"];

describe.skipIf(!RUN_BROWSER_TESTS)("催办 in Chromium", () => {
  const h = useHarness({
    prepare: async (database) => {
      for (const day of WEEK)
        await chaseDueReminders(
          serviceContext(database, "worker", () => `${day}T01:00:00.000Z`),
          day,
        );
    },
  });

  it("shows the lead's unread 催办 on the badge, lists them, and marks them read", async () => {
    const p = await h.page("lead");
    const bell = p.getByTestId("inbox-bell");
    await expect.poll(async () => Number(await bell.getAttribute("data-unread")), WAIT).toBeGreaterThan(0);
    await bell.click();
    const list = p.getByTestId("inbox-list");
    await list.locator("[data-message-kind=chase]").first().waitFor();
    expect(await list.textContent()).toMatch(/已超期|尚未报送进展|临近截止|今日到期/);
    await p.getByTestId("mark-all-read").click();
    await expect.poll(async () => list.locator("[data-read=no]").count(), WAIT).toBe(0);
    await expect.poll(async () => bell.getAttribute("data-unread"), WAIT).toBe("0");
    await h.shot(p, "inbox-lead");
  });

  it("lets the lead chase an owner by hand, and shows it among the task force's 催办 records", async () => {
    const p = await h.open("lead", "/task-forces/tf-01?tab=tasks");
    // 01.1.4 is under way (58 %): its row menu offers 催办.
    const code = "01.1.4";
    await rowAction(p, p.locator(`tr[data-task-code="${code}"]`), /催\s?办/);
    const dialog = p.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "催办事由" }).fill("请于本周五前报送最新进展和佐证材料");
    await dialog.getByRole("button", { name: /^催\s?办$/ }).click();
    await dialog.waitFor({ state: "hidden" });
    await p.goto("/task-forces/tf-01?tab=chases");
    const table = p.getByTestId("chases-table");
    const row = table.locator("tr", { hasText: "请于本周五前报送最新进展和佐证材料" });
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain(code ?? "");
    expect(await row.textContent()).toContain("未回应");
  });

  it("shows the supervision office the round's unanswered 催办 on the dispatch report", async () => {
    const p = await h.open("supervisor", "/dispatch");
    await p.getByTestId("dispatch-report").waitFor();
    const api = await p.evaluate(async () => (await fetch("/api/v1/dispatch-report")).json());
    expect(api.chases.total.sent).toBeGreaterThan(0);
    const tf = api.taskForces.find(
      (s: { taskForceId: string }) => (api.chases.byTaskForce[s.taskForceId]?.unanswered ?? 0) > 0,
    );
    expect(tf).toBeDefined();
    const section = p.getByTestId(`dispatch-chases-${tf.code}`);
    await section.waitFor(WAIT);
    const c = api.chases.byTaskForce[tf.taskForceId];
    expect(await section.textContent()).toContain(`本轮催办 ${c.sent} 次，未回应 ${c.unanswered} 次`);
    const first = api.chases.unanswered.find(
      (u: { taskForceId: string }) => u.taskForceId === tf.taskForceId,
    );
    if (first) expect(await section.textContent()).toContain(first.subjectCode);
    await h.shot(p, "dispatch-chases");
  });
});
