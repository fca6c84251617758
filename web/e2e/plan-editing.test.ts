/**
 * Plan editing in the task-force workspace, in headless Chromium against the demo district: the
 * lead of 01 adds a sub-task under 01.3 and a predecessor to it, sees its 倒排 dates, is refused a
 * cycle and a delete that is still referenced (both explained), removes both; adds, edits and
 * removes a member (a stale remove reapplied; members already in are not offered) and is refused
 * removing or demoting themselves; changes a predecessor's lag and type in place and a deadline
 * inline from the keyboard; adds an indicator and is refused deleting one with readings. Every
 * write is checked through the API. A member sees none of these controls.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  fillDate,
  pickOption,
  RUN_BROWSER_TESTS,
  rowAction,
  rowMenuActions,
  useHarness,
  writeAwaiting,
} from "./harness.js";

const TITLE = "重点项目观摩推进会";
const submitBtn = /^提\s?交$/;

/** Clicks `button` and waits for the API answer to the write it sends (`method` on `path`). */
const submitAwaiting = (p: Page, button: Locator, method: string, path: string) =>
  writeAwaiting(p, method, path, () => button.click());

/**
 * Opens a Popconfirm with `trigger` and confirms it about `about` with its button named `ok`.
 * Earlier Popconfirms stay in the page, hidden; under load the open one can still be moving into
 * place when the click comes, or a refetch can re-render the row and close it. A click that did not
 * land changed nothing, so the trigger is clicked again when the confirmation is not open and the
 * confirmation is tried again.
 */
async function confirm(p: Page, trigger: Locator, ok: RegExp, about: string): Promise<void> {
  const open = p.locator(".ant-popconfirm:not(.ant-popover-hidden)", { hasText: about });
  const button = open.getByRole("button", { name: ok }).filter({ visible: true });
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await button.isVisible())) await trigger.click({ timeout: 5_000 });
      await button.click({ timeout: 5_000 });
      // A click that landed closes the confirmation; one lost while it moved into place (CI) did not.
      await open.waitFor({ state: "hidden", timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}

/** Deletes a WBS row from its menu, confirming in the dialog that names it. */
async function confirmDelete(p: Page, row: Locator, code: string): Promise<void> {
  await rowAction(p, row, /删除/);
  const dialog = p.locator(".ant-modal-confirm", { hasText: code });
  await dialog.getByRole("button", { name: /删\s?除/ }).click();
  await dialog.waitFor({ state: "hidden" });
}

async function api<T>(p: Page, path: string): Promise<{ status: number; body: T }> {
  const r = await p.request.get(`/api/v1${path}`);
  return { status: r.status(), body: (r.status() === 200 ? await r.json() : null) as T };
}

type Row = { id: string; code: string; title: string; lateStart: string | null; [k: string]: unknown };

describe.skipIf(!RUN_BROWSER_TESTS)("plan editing by a task force's lead", () => {
  const h = useHarness();

  it("adds a sub-task and a predecessor, explains a cycle and a referenced delete, then removes both", async () => {
    const p = await h.open("lead", "/task-forces/tf-01");
    await rowAction(p, p.locator('tr[data-task-code="01.3"]'), /新增子任务/);
    const modal = p.locator(".ant-modal:visible");
    await expect.poll(() => modal.getByLabel("WBS 编号").inputValue()).toBe("01.3.6");
    await modal.getByLabel("任务名称").fill(TITLE);
    await modal.getByLabel(/^工期/).fill("5");
    await fillDate(p, modal.getByLabel("截止日期"), "2022-11-15");
    await pickOption(p, modal, "责任人", "廖国庆");
    // Choosing the person proposes their post and unit.
    await expect.poll(() => modal.getByLabel("责任岗位").inputValue()).toBe("项目科长");
    await modal.getByLabel("考核权重").fill("2");
    await modal.getByLabel("验收标准").fill("召开重点项目观摩推进会1次");
    await h.shot(p, "plan-add-task");
    expect(
      (await submitAwaiting(p, modal.getByRole("button", { name: submitBtn }), "POST", "/tasks")).status(),
    ).toBe(201);
    await modal.waitFor({ state: "hidden" });

    const row = p.locator("tr", { hasText: "01.3.6" });
    await row.getByText(TITLE).waitFor();
    // Scheduled backwards from its deadline: 5 working days ending Tue 2022-11-15.
    await expect.poll(() => row.textContent()).toContain("2022-11-09");
    const tasks = (await api<{ items: Row[] }>(p, "/tasks?taskForceId=tf-01&limit=1000")).body.items;
    const created = tasks.find((t) => t.code === "01.3.6");
    expect(created).toMatchObject({
      title: TITLE,
      parentId: "t-01-3",
      duration: 5,
      deadline: "2022-11-15",
      responsiblePersonId: "p-fgj-3",
      responsiblePost: "项目科长",
      weight: 2,
      lateStart: "2022-11-09",
    });
    const id = created!.id;

    // 01.3.5 (10 days, due 11-30) becomes its predecessor (FS): it must now finish by 11-08.
    const drawer = p.locator(".ant-drawer:visible");
    await rowAction(p, row, /前置任务/, drawer.getByText("暂无前置任务"));
    await pickOption(p, drawer, "前置任务", "01.3.5");
    const addDep = drawer.getByRole("button", { name: "添加前置任务" });
    expect((await submitAwaiting(p, addDep, "POST", "/dependencies")).status()).toBe(201);
    await drawer
      .locator(".ant-table-row", { hasText: "01.3.5 开工项目“回头看”核查" })
      .waitFor({ timeout: 30_000 });
    await h.shot(p, "plan-dependency-added");
    const deps = await api<{ items: { id: string; predecessorId: string; type: string }[] }>(
      p,
      `/dependencies?successorId=${id}`,
    );
    expect(deps.body.items).toMatchObject([{ predecessorId: "t-01-3.5", type: "FS" }]);
    await drawer.locator(".ant-drawer-close").click();
    // Wait until it has closed: a drawer still animating out matches `:visible` too.
    await drawer.waitFor({ state: "hidden" });
    await expect
      .poll(() => p.locator("tr", { hasText: "01.3.5" }).first().textContent())
      .toContain("2022-10-26");
    expect((await api<Row>(p, "/tasks/t-01-3.5")).body.lateStart).toBe("2022-10-26");

    // The reverse link would close a cycle: refused, and the tasks on the cycle are named.
    await rowAction(p, p.locator('tr[data-task-code="01.3.5"]'), /前置任务/);
    await pickOption(p, drawer, "前置任务", "01.3.6");
    expect((await submitAwaiting(p, addDep, "POST", "/dependencies")).status()).toBe(422);
    const cycle = drawer.getByTestId("plan-error");
    await cycle.waitFor();
    expect(await cycle.getAttribute("data-code")).toBe("DEPENDENCY_CYCLE");
    const cycleText = await cycle.textContent();
    expect(cycleText).toContain("循环");
    expect(cycleText).toContain(`01.3.6 ${TITLE} → 01.3.5 开工项目“回头看”核查 → 01.3.6 ${TITLE}`);
    await h.shot(p, "plan-dependency-cycle");
    expect((await api<{ total: number }>(p, `/dependencies?predecessorId=${id}`)).body.total).toBe(0);
    await drawer.locator(".ant-drawer-close").click();
    // Wait until it has closed: a drawer still animating out matches `:visible` too.
    await drawer.waitFor({ state: "hidden" });

    // Deleting the task while 01.3.5 still leads to it is refused, with what refers to it.
    await confirmDelete(p, row, "01.3.6");
    const refused = p.getByTestId("plan-error");
    await refused.waitFor();
    expect(await refused.getAttribute("data-code")).toBe("STILL_REFERENCED");
    expect(await refused.textContent()).toContain("1 项它的前置任务关系：01.3.5 开工项目“回头看”核查");
    await h.shot(p, "plan-delete-refused");
    expect((await api<Row>(p, `/tasks/${id}`)).status).toBe(200);

    // Remove the dependency, then the task.
    const remove = drawer.getByRole("button", { name: /移除 01\.3\.5/ });
    await rowAction(p, row, /前置任务/, remove);
    await confirm(p, remove, /移\s?除/, "01.3.5");
    await drawer.getByText("暂无前置任务").waitFor();
    expect((await api<{ total: number }>(p, `/dependencies?successorId=${id}`)).body.total).toBe(0);
    await drawer.locator(".ant-drawer-close").click();
    // Wait until it has closed: a drawer still animating out matches `:visible` too.
    await drawer.waitFor({ state: "hidden" });
    await confirmDelete(p, row, "01.3.6");
    await row.waitFor({ state: "detached" });
    expect((await api<Row>(p, `/tasks/${id}`)).status).toBe(404);
    // The predecessor's late dates are its own again.
    await expect.poll(async () => (await api<Row>(p, "/tasks/t-01-3.5")).body.lateStart).toBe("2022-11-17");
    await p.context().close();
  }, 240_000);

  it("adds a member (only people not yet in), edits the member's role and removes the member; the lead cannot remove or demote themselves", async () => {
    const p = await h.open("lead", "/task-forces/tf-01?tab=members");
    await p.getByTestId("add-member").click();
    const modal = p.locator(".ant-modal:visible");
    // 郝志刚 is a member already: the person picker does not offer him.
    const person = modal.getByLabel("人员", { exact: true });
    await person.click();
    await person.fill("郝志刚");
    await p.locator(".ant-select-dropdown:visible .ant-empty").waitFor();
    await pickOption(p, modal, "人员", "白宁");
    await expect.poll(() => modal.getByLabel("岗位").inputValue()).toBe("经济建设科长");
    await modal.getByLabel("岗位").fill("专班成员（经济建设科长）");
    await modal.getByLabel("职责").fill("负责项目资金保障。");
    await modal.getByRole("button", { name: /^保\s?存$/ }).click();
    await modal.waitFor({ state: "hidden" });
    const row = p.locator("tr", { hasText: "白宁" });
    await row.getByText("专班成员（经济建设科长）").waitFor();
    type M = { id: string; role: string; post: string; version: number };
    const added = (await api<{ items: M[] }>(p, "/members?taskForceId=tf-01&personId=p-czj-4")).body.items;
    expect(added).toMatchObject([{ post: "专班成员（经济建设科长）", role: "member" }]);

    await row.getByRole("button", { name: "编辑 白宁" }).click();
    // The person of a membership stays; only post, role and duties change.
    expect(await modal.getByLabel("人员", { exact: true }).isDisabled()).toBe(true);
    expect(await modal.locator(".ant-select-disabled").first().textContent()).toContain("白宁");
    await pickOption(p, modal, "专班职务", "联络员");
    await modal.getByRole("button", { name: /^保\s?存$/ }).click();
    await modal.waitFor({ state: "hidden" });
    await row.getByText("联络员").waitFor();
    expect((await api<M>(p, `/members/${added[0]!.id}`)).body).toMatchObject({ role: "liaison", version: 2 });
    await h.shot(p, "plan-members");

    // Someone else changes the member meanwhile: the remove is refused as stale, then reapplied.
    const me = await (await p.request.get("/api/v1/auth/me")).json();
    const other = await p.request.patch(`/api/v1/members/${added[0]!.id}`, {
      data: { version: 2, duties: "负责项目资金保障和专项债券对接。" },
      headers: { "x-csrf-token": me.csrfToken },
    });
    expect(other.status()).toBe(200);
    await confirm(p, row.getByRole("button", { name: "移除 白宁" }), /移\s?除/, "白宁");
    await p.getByText("数据已被他人修改").waitFor();
    expect((await api<M>(p, `/members/${added[0]!.id}`)).body.version).toBe(3);
    await p.getByRole("button", { name: "重新加载并应用我的修改" }).click();
    await row.waitFor({ state: "detached" });
    expect((await api<M>(p, `/members/${added[0]!.id}`)).status).toBe(404);

    // The lead is 01's only lead: removing themselves is refused, naming them and the task force.
    const name = (await api<{ name: string }>(p, `/persons/${me.personId}`)).body.name;
    // The refusal is drawn once the server's answer is in: waited for first (a loaded machine is slow).
    const removal = await writeAwaiting(p, "DELETE", "/members/", () =>
      confirm(p, p.getByRole("button", { name: `移除 ${name}` }), /移\s?除/, name),
    );
    expect(removal.status()).toBe(422);
    const refused = p.getByTestId("plan-error");
    await refused.waitFor();
    expect(await refused.getAttribute("data-code")).toBe("LAST_LEAD");
    expect(await refused.textContent()).toContain(`${name}是专班“01 重大项目建设专班”唯一的牵头人`);
    await h.shot(p, "plan-last-lead");
    await refused.locator(".ant-alert-close-icon").click();
    // With a second lead, the lead still may not demote themselves (they would lose the plan).
    const second = await p.request.post("/api/v1/members", {
      data: { taskForceId: "tf-01", personId: "p-czj-4", post: "专班副组长（轮值）", role: "lead" },
      headers: { "x-csrf-token": me.csrfToken },
    });
    expect(second.status()).toBe(201);
    await p.getByRole("button", { name: `编辑 ${name}` }).click();
    await pickOption(p, modal, "专班职务", "成员");
    const demote = modal.getByRole("button", { name: /^保\s?存$/ });
    expect((await submitAwaiting(p, demote, "PATCH", "/members")).status()).toBe(403);
    const self = modal.getByTestId("plan-error");
    expect(await self.getAttribute("data-code")).toBe("SELF_DEMOTION");
    expect(await self.textContent()).toContain(`本人（${name}）在专班“01 重大项目建设专班”`);
    await h.shot(p, "plan-self-demotion");
    expect(
      (await api<{ items: M[] }>(p, `/members?taskForceId=tf-01&personId=${me.personId}`)).body.items,
    ).toMatchObject([{ role: "lead" }]);
    const removeSecond = await p.request.delete(`/api/v1/members/${(await second.json()).id}`, {
      headers: { "x-csrf-token": me.csrfToken },
    });
    expect(removeSecond.status()).toBe(204);
    await p.context().close();
  }, 120_000);

  it("changes a predecessor's lag and type in place (a stale change reapplied), and a deadline inline from the keyboard", async () => {
    const p = await h.open("lead", "/task-forces/tf-01");
    type D = { id: string; type: string; lag: number; version: number };
    const dep = (await api<D>(p, "/dependencies/dep-01-4.4-5.1")).body;
    expect(dep).toMatchObject({ type: "FS", lag: 0 });
    const pred = p.locator("tr", { hasText: "01.4.4" }).first();
    await expect.poll(() => pred.textContent()).toContain("2022-09-14");

    // 01.4.4 must now end 5 working days before 01.5.1 starts (10-20): its late dates move earlier.
    await rowAction(p, p.locator('tr[data-task-code="01.5.1"]'), /前置任务/);
    const drawer = p.locator(".ant-drawer:visible");
    const lag = drawer.getByLabel("01.4.4 固定资产投资项目入统 的间隔（工作日）", { exact: true });
    await lag.fill("5");
    expect((await writeAwaiting(p, "PATCH", "/dependencies", () => lag.press("Enter"))).status()).toBe(200);
    expect((await api<D>(p, `/dependencies/${dep.id}`)).body).toMatchObject({ lag: 5, version: 2 });
    await expect.poll(() => pred.textContent()).toContain("2022-09-09");
    expect((await api<Row>(p, "/tasks/t-01-4.4")).body).toMatchObject({
      lateStart: "2022-09-09",
      lateFinish: "2022-10-12",
    });
    await h.shot(p, "plan-dependency-lag");

    // Someone else saves the dependency meanwhile: the type change is refused as stale, then reapplied.
    const me = await (await p.request.get("/api/v1/auth/me")).json();
    const other = await p.request.patch(`/api/v1/dependencies/${dep.id}`, {
      data: { version: 2, lag: 5 },
      headers: { "x-csrf-token": me.csrfToken },
    });
    expect(other.status()).toBe(200);
    const stale = await writeAwaiting(p, "PATCH", "/dependencies", () =>
      pickOption(p, drawer, "01.4.4 固定资产投资项目入统 的关系类型", "FF"),
    );
    expect(stale.status()).toBe(409);
    await drawer.getByText("数据已被他人修改").waitFor();
    const reapply = drawer.getByRole("button", { name: "重新加载并应用我的修改" });
    expect((await submitAwaiting(p, reapply, "PATCH", "/dependencies")).status()).toBe(200);
    expect((await api<D>(p, `/dependencies/${dep.id}`)).body).toMatchObject({
      type: "FF",
      lag: 5,
      version: 4,
    });
    // Finish-to-finish with 01.5.1's late finish (10-31) leaves 01.4.4 its own deadline again.
    await expect.poll(() => pred.textContent()).toContain("2022-09-14");
    await drawer.locator(".ant-drawer-close").click();
    await drawer.waitFor({ state: "hidden" });

    // Inline: Enter in the deadline saves the row; Escape first closes the picker, then cancels.
    const row = p.locator("tr", { hasText: "01.5.1" }).first();
    await rowAction(p, row, /编辑/);
    const deadline = row.getByLabel("截止日期");
    await deadline.fill("2022-10-25");
    expect((await writeAwaiting(p, "PATCH", "/tasks", () => deadline.press("Enter"))).status()).toBe(200);
    await deadline.waitFor({ state: "detached" });
    expect((await api<Row>(p, "/tasks/t-01-5.1")).body).toMatchObject({
      deadline: "2022-10-25",
      lateFinish: "2022-10-25",
    });
    await expect.poll(() => row.textContent()).toContain("2022-10-25");
    await rowAction(p, row, /编辑/);
    // The duration sits behind the horizontal scroll; tabbing back from it to the deadline brings
    // the deadline out from under the fixed WBS column.
    await row.getByLabel("工期").focus();
    for (let i = 0; i < 8 && !(await deadline.evaluate((el) => el === document.activeElement)); i++)
      await p.keyboard.press("Shift+Tab");
    await expect.poll(() => deadline.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect
      .poll(() =>
        deadline.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return !!hit && el.closest(".ant-picker")!.contains(hit);
        }),
      )
      .toBe(true);
    await deadline.click();
    await deadline.fill("2022-10-28");
    const popup = p.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)");
    await popup.locator('td.ant-picker-cell-selected[title="2022-10-28"]').waitFor();
    await expect.poll(() => popup.evaluate((e) => getComputedStyle(e).opacity)).toBe("1");
    await h.shot(p, "plan-inline-deadline");
    await deadline.press("Escape");
    await popup.waitFor({ state: "hidden" });
    expect(await deadline.isVisible()).toBe(true);
    await deadline.press("Escape");
    await deadline.waitFor({ state: "detached" });
    expect((await api<Row>(p, "/tasks/t-01-5.1")).body.deadline).toBe("2022-10-25");
    await p.context().close();
  }, 120_000);

  it("adds an indicator with a monthly plan, and is told why one with readings cannot be deleted", async () => {
    const p = await h.open("lead", "/task-forces/tf-01?tab=indicators");
    await p.getByTestId("add-indicator").click();
    const modal = p.locator(".ant-modal:visible");
    await expect.poll(() => modal.getByLabel("指标编号").inputValue()).toBe("ZB01-5");
    await modal.getByLabel("指标名称").fill("重点项目观摩点位");
    await modal.getByLabel("计量单位").fill("个");
    await modal.getByLabel("基期值").fill("0");
    await modal.getByLabel("目标值").fill("12");
    await pickOption(p, modal, "责任人", "廖国庆");
    await modal.getByLabel(/^月度计划/).fill("2022-09 4\n2022-13 8");
    await modal.getByRole("button", { name: submitBtn }).click();
    await modal.getByText("第 2 行应为“YYYY-MM 数值”").waitFor();
    await modal.getByLabel(/^月度计划/).fill("2022-09 4\n2022-12 12");
    await modal.getByRole("button", { name: submitBtn }).click();
    await modal.waitFor({ state: "hidden" });
    const card = p.locator(".ant-card", { hasText: "ZB01-5 重点项目观摩点位" });
    await card.waitFor();
    type I = { id: string; [k: string]: unknown };
    const made = (await api<{ items: I[] }>(p, "/indicators?taskForceId=tf-01&limit=100")).body.items.find(
      (i) => i.code === "ZB01-5",
    );
    expect(made).toMatchObject({
      name: "重点项目观摩点位",
      kind: "cumulative",
      direction: "up",
      unit: "个",
      baseline: 0,
      target: 12,
      year: 2022,
      ownerPersonId: "p-fgj-3",
      monthlyPlan: { "2022-09": 4, "2022-12": 12 },
    });
    await h.shot(p, "plan-indicator-added");

    // ZB01-4 has monthly actuals: the delete is refused and the readings are named.
    await confirm(p, p.locator('[data-delete-indicator="ZB01-4"]'), /删\s?除/, "ZB01-4");
    const refused = p.getByTestId("plan-error");
    await refused.waitFor();
    expect(await refused.getAttribute("data-code")).toBe("STILL_REFERENCED");
    expect(await refused.textContent()).toMatch(/\d+ 条已填报的实际值/);
    await h.shot(p, "plan-indicator-delete-refused");
    expect((await api<I>(p, "/indicators/ind-01-4")).status).toBe(200);

    await confirm(p, p.locator('[data-delete-indicator="ZB01-5"]'), /删\s?除/, "ZB01-5");
    await card.waitFor({ state: "detached" });
    expect((await api<I>(p, `/indicators/${made!.id}`)).status).toBe(404);
    await p.context().close();
  }, 120_000);

  it("shows a member none of the plan-editing controls", async () => {
    const p = await h.open("member", "/task-forces/tf-01");
    await p.locator('[data-report-task="01.4.1"]').waitFor();
    expect(await p.getByTestId("add-task").count()).toBe(0);
    const actions = await rowMenuActions(p, "01.4.1");
    for (const plan of ["edit", "indicators", "predecessors", "addChild", "delete"])
      expect(actions, plan).not.toContain(plan);
    await p.goto("/task-forces/tf-01?tab=members");
    await p.locator("tr", { hasText: "郝志刚" }).waitFor();
    expect(await p.getByTestId("add-member").count()).toBe(0);
    expect(await p.getByRole("button", { name: /移除|编辑/ }).count()).toBe(0);
    await p.goto("/task-forces/tf-01?tab=indicators");
    await p.locator(".ant-card", { hasText: "ZB01-1" }).waitFor();
    expect(await p.getByTestId("add-indicator").count()).toBe(0);
    expect(await p.locator("[data-delete-indicator]").count()).toBe(0);
    await h.shot(p, "plan-member-no-controls");
    await p.context().close();
  }, 90_000);
});
