/**
 * The organisation screens (组织与人员) in headless Chromium against the demo district: an admin adds
 * a department under 示范区 (a taken code refused beside its field first), renames it, adds a person
 * with a post in it (an empty name refused beside the field), changes the person while someone else
 * does (stale, reapplied), adds a goal under A2, is refused deleting the department while the person
 * is in it (named), then deletes both. Every write is checked through the API. A viewer sees the
 * three tabs without edit controls; the supervision office edits goals only.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { navLabels, pickOption, RUN_BROWSER_TESTS, submitDialog, useHarness } from "./harness.js";

const SCREEN = { width: 1366, height: 768 };

/** The messages beside a dialog's field (found by its label), once there are any. */
async function besideField(dialog: Locator, label: string): Promise<string> {
  const item = dialog
    .locator(".ant-form-item")
    .filter({ has: dialog.page().getByLabel(label, { exact: true }) });
  const error = item.locator(".ant-form-item-explain-error");
  await error.first().waitFor();
  return (await error.allTextContents()).join(" ");
}

async function api<T>(p: Page, path: string): Promise<T> {
  const r = await p.request.get(`/api/v1${path}`);
  expect(r.status()).toBe(200);
  return (await r.json()) as T;
}

type Rec = { id: string; version: number; [k: string]: unknown };
const find = async (p: Page, resource: string, q: string) =>
  (await api<{ items: Rec[] }>(p, `/${resource}?q=${encodeURIComponent(q)}&limit=10`)).items;

const button = (p: Page, name: string) => p.getByRole("button", { name, exact: true });

describe.skipIf(!RUN_BROWSER_TESTS)("the organisation screens in Chromium", () => {
  const h = useHarness();

  it("lets an admin add, change and delete a unit, a person with a post and a goal", async () => {
    const p = await h.page("admin", SCREEN);
    expect(await navLabels(p)).toContain("组织与人员");
    await p.locator("nav .ant-menu-item", { hasText: "组织与人员" }).click();
    const units = p.getByTestId("org-units-table");
    await units.getByText("发展和改革局").waitFor();
    await h.shot(p, "admin-org-units");

    // A department under 示范区: the code after its 32 units is proposed; a taken code is refused.
    await button(p, "在 示范区 下新增下级单位").click();
    const dialog = p.getByRole("dialog");
    await expect.poll(() => dialog.getByLabel("编号", { exact: true }).inputValue()).toBe("SF-01-02-33");
    expect(await dialog.getByLabel("上级单位").locator("xpath=..").textContent()).toContain(
      "示范区（SF-01-02）",
    );
    await dialog.getByLabel("编号", { exact: true }).fill("SF-01-02-04");
    await dialog.getByLabel("名称", { exact: true }).fill("数据资源中心");
    await pickOption(p, dialog, "负责人", "发展和改革局 局长");
    await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
    expect(await besideField(dialog, "编号")).toBe("SF-01-02-04 已存在，不能重复");
    await dialog.getByLabel("编号", { exact: true }).fill("SF-01-02-33");
    await submitDialog(dialog);
    await units.getByText("数据资源中心").waitFor();
    const [unit] = await find(p, "org-units", "SF-01-02-33");
    expect(unit).toMatchObject({
      name: "数据资源中心",
      kind: "department",
      parentId: "ou-district",
      sort: 33,
    });
    expect(unit!.headPersonId).toBe("p-fgj-1");

    // Renamed: a versioned PATCH of the name alone.
    await button(p, "编辑单位 数据资源中心").click();
    await dialog.getByLabel("名称", { exact: true }).fill("区数据资源中心");
    await submitDialog(dialog);
    await units.getByText("区数据资源中心").waitFor();
    expect(await api<Rec>(p, `/org-units/${unit!.id}`)).toMatchObject({ name: "区数据资源中心", version: 2 });

    // A person in it with a post; the unit filter proposes the unit; an empty name is refused.
    await p.getByRole("tab", { name: "人员" }).click();
    await pickOption(p, p, "按单位筛选（含下级）", "区数据资源中心");
    const people = p.getByTestId("org-people-table");
    await people.getByText("没有符合条件的人员").waitFor();
    await p.getByRole("button", { name: /新增人员/ }).click();
    expect(await dialog.getByLabel("所属单位").locator("xpath=..").textContent()).toContain("区数据资源中心");
    await dialog.getByLabel("岗位").fill("数据资源科科长");
    await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
    expect(await besideField(dialog, "姓名")).toBe("必填");
    await dialog.getByLabel("姓名").fill("周明远");
    await dialog.getByLabel("电话").fill("0000-88609999");
    await submitDialog(dialog);
    await people.getByText("周明远").waitFor();
    const [person] = await find(p, "persons", "周明远");
    expect(person).toMatchObject({ orgUnitId: unit!.id, post: "数据资源科科长", phone: "0000-88609999" });
    await h.shot(p, "admin-org-people");

    // Someone else changes the person meanwhile: the edit is refused as stale, then reapplied.
    await button(p, "编辑人员 周明远").click();
    await dialog.getByLabel("岗位").fill("数据资源科副科长");
    const me = await api<{ csrfToken: string }>(p, "/auth/me");
    const other = await p.request.patch(`/api/v1/persons/${person!.id}`, {
      data: { version: 1, email: "zhou@example.org" },
      headers: { "x-csrf-token": me.csrfToken },
    });
    expect(other.status()).toBe(200);
    await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
    await dialog.getByText("数据已被他人修改").waitFor();
    await dialog.getByRole("button", { name: "重新加载并应用我的修改" }).click();
    await dialog.waitFor({ state: "hidden" });
    await people.getByText("数据资源科副科长").waitFor();
    expect(await api<Rec>(p, `/persons/${person!.id}`)).toMatchObject({
      post: "数据资源科副科长",
      email: "zhou@example.org",
      version: 3,
    });

    // A goal under A2: its code, level, year and unit follow the parent's.
    await p.getByRole("tab", { name: "目标" }).click();
    await button(p, "在 A2 经济要稳住 下新增下级目标").click();
    await expect.poll(() => dialog.getByLabel("编号", { exact: true }).inputValue()).toBe("A2.6");
    await dialog.getByLabel("名称", { exact: true }).fill("培育数据要素市场");
    await submitDialog(dialog);
    const goals = p.getByTestId("org-goals-table");
    await goals.getByText("培育数据要素市场").waitFor();
    const [goal] = await find(p, "goals", "培育数据要素市场");
    expect(goal).toMatchObject({
      code: "A2.6",
      level: "annual",
      parentId: "g-2022-jj",
      orgUnitId: "ou-district",
      year: 2022,
    });
    await h.shot(p, "admin-org-goals");

    // The unit still has its person: the delete is refused, naming who.
    await p.getByRole("tab", { name: "单位" }).click();
    await button(p, "删除单位 区数据资源中心").click();
    await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
    const refusal = dialog.getByTestId("org-delete-refusal");
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain("无法删除：以下记录仍引用它");
    expect(await refusal.textContent()).toContain("1 名人员属于该单位：周明远");
    await h.shot(p, "admin-org-delete-refused");
    await dialog.getByRole("button", { name: /取\s?消/ }).click();
    await dialog.waitFor({ state: "hidden" });

    // Without the person (and the goal), both go.
    await p.getByRole("tab", { name: "目标" }).click();
    await button(p, "删除目标 A2.6 培育数据要素市场").click();
    await submitDialog(dialog);
    await goals.getByText("培育数据要素市场").waitFor({ state: "detached" });
    await p.getByRole("tab", { name: "人员" }).click();
    await p.getByLabel("搜索姓名或岗位").fill("周明远");
    await p.getByLabel("搜索姓名或岗位").press("Enter");
    await button(p, "删除人员 周明远").click();
    await submitDialog(dialog);
    await p.getByTestId("org-people-table").getByText("没有符合条件的人员").waitFor();
    await p.getByRole("tab", { name: "单位" }).click();
    await button(p, "删除单位 区数据资源中心").click();
    await submitDialog(dialog);
    await units.getByText("区数据资源中心").waitFor({ state: "detached" });
    expect(await find(p, "org-units", "SF-01-02-33")).toEqual([]);
    await p.context().close();
  }, 120_000);

  it("speaks English when chosen, the API's refusal beside its field included", async () => {
    const p = await h.open("admin", "/admin/org", SCREEN);
    await p.getByRole("combobox", { name: "语言" }).click();
    await p.locator(".ant-select-item-option", { hasText: "English" }).click();
    await p.getByRole("tab", { name: "Units" }).waitFor();
    expect(await navLabels(p)).toContain("Organisation and people");
    await button(p, "Add a unit below 示范区").click();
    const dialog = p.getByRole("dialog");
    await dialog.getByLabel("Code", { exact: true }).fill("SF-01-02-04");
    await dialog.getByLabel("Name", { exact: true }).fill("Data centre");
    await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
    expect(await besideField(dialog, "Code")).toBe("SF-01-02-04 already exists and cannot be entered twice");
    await h.shot(p, "admin-org-english");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await find(p, "org-units", "Data centre")).toEqual([]);
    await p.context().close();
  }, 60_000);

  it("shows a viewer the organisation without edit controls, and the supervision office goals only", async () => {
    const p = await h.page("viewer", SCREEN);
    expect(await navLabels(p)).toContain("组织与人员");
    const edits = (q: Page) => q.getByRole("button", { name: /编\s?辑|删\s?除|新增/ }).count();
    await p.goto("/admin/org");
    await p.getByTestId("org-units-table").getByText("发展和改革局").waitFor();
    await p.getByText("仅可查看").first().waitFor();
    expect(await edits(p)).toBe(0);
    await p.getByRole("tab", { name: "人员" }).click();
    await p.getByTestId("org-people-table").locator(".ant-table-row").first().waitFor();
    expect(await edits(p)).toBe(0);
    await p.getByRole("tab", { name: "目标" }).click();
    await p.getByTestId("org-goals-table").getByText("经济要稳住").waitFor();
    expect(await edits(p)).toBe(0);
    await p.context().close();

    const s = await h.open("supervisor", "/admin/org?tab=goals", SCREEN);
    await button(s, "编辑目标 A2 经济要稳住").waitFor();
    await s.getByRole("tab", { name: "单位" }).click();
    await s.getByTestId("org-units-table").getByText("发展和改革局").waitFor();
    expect(await edits(s)).toBe(0);
    await s.context().close();
  }, 60_000);
});
