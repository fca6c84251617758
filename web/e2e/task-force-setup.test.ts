/**
 * Setting up a task force in Chromium: the admin runs the 新建专班 wizard (basics, two members on
 * their posts, a goal, review) and lands on the new task force with its members; its lead edits the
 * task book's text and reads it on the 任务书 tab; a code already in use is refused in Chinese beside
 * the code field, with the wizard back on its first step.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  chooseMany,
  chooseOption,
  fillDate,
  RUN_BROWSER_TESTS,
  submitDialog,
  useHarness,
} from "./harness.js";

const WAIT = { timeout: 15_000 };
const SCREEN = { width: 1366, height: 768 };
const CODE = "21";
const NAME = "营商环境优化提升专班";

/** Opens the wizard from the task forces page. */
async function openWizard(p: Page) {
  await p.goto("/task-forces");
  await p.getByRole("button", { name: /新建专班/ }).click();
  const dialog = p.getByRole("dialog");
  await dialog.locator("#tfs_name").waitFor();
  return dialog;
}

const next = (p: Page) =>
  p
    .getByRole("dialog")
    .getByRole("button", { name: /下一步/ })
    .click();

describe.skipIf(!RUN_BROWSER_TESTS)("setting up a task force in Chromium", () => {
  const h = useHarness();
  let taskForceUrl = "";

  it("runs the wizard to a new task force with two members and a goal, and shows its members", async () => {
    const p = await h.page("admin", SCREEN);
    const dialog = await openWizard(p);
    await dialog.getByRole("textbox", { name: "专班名称" }).fill(NAME);
    await dialog.getByRole("textbox", { name: "专班编号" }).fill(CODE);
    await chooseOption(p, p.locator("#tfs_leadLeaderId"), "邹书文");
    await chooseOption(p, p.locator("#tfs_leadUnitId"), "区委区政府督查室");
    await chooseMany(p, "tfs_coUnitIds", ["区委办公室"]);
    await fillDate(p, p.locator("#tfs_startDate"), "2022-08-01");
    await fillDate(p, p.locator("#tfs_deadline"), "2022-12-31");
    await h.shot(p, "tfs-1-basics");
    await next(p);

    await p.locator("#tfs_members_0_personId").waitFor();
    await chooseOption(p, p.locator("#tfs_members_0_personId"), "郝志刚");
    await p.locator("#tfs_members_0_post").fill("专班组长");
    await dialog.getByRole("button", { name: /添加成员/ }).click();
    await chooseOption(p, p.locator("#tfs_members_1_personId"), "廖国庆");
    await p.locator("#tfs_members_1_post").fill("项目专员");
    await p.locator("#tfs_members_1_duties").fill("项目手续办理");
    await h.shot(p, "tfs-2-members");
    await next(p);

    await p.locator("#tfs_goalIds").waitFor();
    await chooseMany(p, "tfs_goalIds", ["经济要稳住"]);
    await h.shot(p, "tfs-3-goals");
    await next(p);

    const review = dialog.getByTestId("tfs-review");
    await review.waitFor();
    const text = await review.textContent();
    for (const s of [NAME, CODE, "邹书文", "区委区政府督查室", "郝志刚", "专班组长", "廖国庆", "经济要稳住"])
      expect(text).toContain(s);
    await h.shot(p, "tfs-4-review");
    await dialog.getByRole("button", { name: /创建专班/ }).click();

    await p.waitForURL(/\/task-forces\/[^/?]+$/, WAIT);
    taskForceUrl = new URL(p.url()).pathname;
    await p.getByRole("heading", { name: `${CODE} ${NAME}` }).waitFor();
    await p.getByRole("tab", { name: "成员", exact: true }).click();
    const members = p.getByRole("table", { name: "成员", exact: true });
    await members.getByText("廖国庆").waitFor();
    expect(await members.textContent()).toContain("郝志刚");
    expect(await members.textContent()).toContain("专班组长");
    await h.shot(p, "tfs-5-created");
  }, 90_000);

  it("lets the new task force's lead edit its task book and shows it on the 任务书 tab", async () => {
    expect(taskForceUrl).not.toBe("");
    const p = await h.open("lead", `${taskForceUrl}?tab=book`, SCREEN);
    await p.getByRole("button", { name: /编辑任务书/ }).click();
    const dialog = p.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "工作目标" }).fill("年内营商环境评价进入全省前十。");
    await dialog.getByRole("textbox", { name: "工作范围" }).fill("全区涉企审批服务事项");
    await dialog.getByRole("textbox", { name: "工作举措" }).fill("一、推行一网通办；\n二、压减审批时限。");
    await dialog.getByRole("textbox", { name: "保障措施" }).fill("专班集中办公，周调度、月通报。");
    await h.shot(p, "tfs-6-task-book-form");
    await submitDialog(dialog);
    const book = p.getByTestId("task-book");
    await book.getByText("年内营商环境评价进入全省前十。").waitFor(WAIT);
    for (const s of ["全区涉企审批服务事项", "二、压减审批时限。", "专班集中办公，周调度、月通报。"])
      await book.getByText(s).waitFor(WAIT);
    await h.shot(p, "tfs-7-task-book");
  }, 60_000);

  it("refuses a code in use in Chinese beside the code field, back on the first step", async () => {
    const p = await h.page("admin", SCREEN);
    const dialog = await openWizard(p);
    await p.locator("#tfs_name").fill("重复编号专班");
    await p.locator("#tfs_code").fill(CODE);
    await next(p);
    await dialog.getByRole("button", { name: "移除成员 1" }).click();
    await next(p);
    await next(p);
    await dialog.getByTestId("tfs-review").waitFor();
    await dialog.getByRole("button", { name: /创建专班/ }).click();
    const help = p.locator("#tfs_code_help");
    await expect
      .poll(async () => (await help.isVisible()) && (await help.textContent()), WAIT)
      .toBe(`${CODE} 已存在，不能重复`);
    expect(await p.locator("#tfs_code").isVisible()).toBe(true);
    // The help slides in: shoot it once it is fully shown.
    await expect
      .poll(
        () => help.evaluate((el) => el.getBoundingClientRect().height > 0 && getComputedStyle(el).opacity),
        WAIT,
      )
      .toBe("1");
    await h.shot(p, "tfs-8-duplicate-code");
  }, 60_000);
});
