/**
 * Building a cascade (层层衔接) in the browser, against the demo district: the admin adds a
 * district-level indicator for a goal on the overview (新增区级指标), opens its cascade and adds a
 * task force's share (新增分解) that falls short of the target — the cascade names the gap at once.
 * The lead of that task force adds a street's share below it (only their own task force is offered
 * below the district's indicator); a member sees no 新增分解 at all.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { buildDemoDataset } from "../../src/domain/demo/demo-data.js";
import type { CascadeView } from "../../src/shared/api/cascade.js";
import {
  OPEN_SELECT,
  pickOption,
  RUN_BROWSER_TESTS,
  submitDialog,
  useHarness,
  writeAwaiting,
} from "./harness.js";

const SCREEN = { width: 1366, height: 768 };
const data = buildDemoDataset();
const goal = data.goals[0]!;
const street = data.orgUnits.find((u) => u.id === "ou-jd-nh")!;

async function cascadeOf(p: Page, id: string): Promise<CascadeView> {
  const r = await p.request.get(`/api/v1/indicators/${id}/cascade`);
  expect(r.status()).toBe(200);
  return (await r.json()) as CascadeView;
}

const rowOf = (p: Page, id: string) => p.locator(`[data-testid=cascade-table] tr[data-row-key="${id}"]`);

describe.skipIf(!RUN_BROWSER_TESTS)("building a cascade in Chromium", () => {
  const h = useHarness();

  it("adds a district indicator, a task force's share (the gap shown at once) and a street's share below it", async () => {
    const admin = await h.open("admin", "/", SCREEN);
    await admin.getByTestId("add-district-indicator").click();
    const dialog = admin.getByRole("dialog", { name: "新增区级指标" });
    // The next district code is offered.
    await expect.poll(() => dialog.getByLabel("指标编号").inputValue()).toBe("QZB-6");
    await dialog.getByLabel("指标名称").fill("城镇新增就业人数");
    await pickOption(admin, dialog, "所属目标", `${goal.code} ${goal.title}`);
    await dialog.getByLabel("计量单位").fill("人");
    await dialog.getByLabel("目标值").fill("1000");
    const created = await writeAwaiting(admin, "POST", "/indicators", () => submitDialog(dialog));
    expect(created.status()).toBe(201);
    const top = (await created.json()) as { id: string; taskForceId: string | null; goalId: string };
    expect(top).toMatchObject({ taskForceId: null, goalId: goal.id });
    await dialog.waitFor({ state: "hidden" });
    // It joins the overview's tree under its goal.
    await admin.getByRole("link", { name: /QZB-6 城镇新增就业人数/ }).click();
    await rowOf(admin, top.id).waitFor();

    await rowOf(admin, top.id).locator(`[data-add-share="${top.id}"]`).click();
    const share = admin.getByRole("dialog", { name: /新增分解指标 · QZB-6/ });
    await expect.poll(() => share.getByLabel("指标编号").inputValue()).toBe("QZB-6-1");
    await share.getByLabel("指标名称").fill("城镇新增就业人数（重大项目）");
    await pickOption(admin, share, "分解到专班", "01 重大项目建设专班");
    await share.getByLabel("目标值").fill("600");
    const first = await writeAwaiting(admin, "POST", "/indicators", () => submitDialog(share));
    expect(first.status()).toBe(201);
    const tfShare = (await first.json()) as {
      id: string;
      taskForceId: string;
      parentId: string;
      kind: string;
    };
    expect(tfShare).toMatchObject({ taskForceId: "tf-01", parentId: top.id, kind: "cumulative" });
    // 600 of 1,000: the parent's row names the gap, as the check does.
    const finding = rowOf(admin, top.id).locator("[data-finding=CASCADE_SHARES]");
    await expect.poll(() => finding.textContent()).toContain("600");
    await h.shot(admin, "cascade-setup-district");

    // The lead of 01: below the district's indicator only 01 is offered; below 01's share, a street.
    const lead = await h.open("lead", `/indicators/${top.id}/cascade`, SCREEN);
    await rowOf(lead, top.id).locator(`[data-add-share="${top.id}"]`).click();
    const offered = lead.getByRole("dialog", { name: /新增分解指标 · QZB-6/ });
    await offered.getByLabel("分解到专班").click();
    const options = lead.locator(`${OPEN_SELECT} .ant-select-item-option`);
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual(["01 重大项目建设专班"]);
    await lead.keyboard.press("Escape");
    await offered.getByRole("button", { name: /取\s?消/ }).click();
    await offered.waitFor({ state: "hidden" });

    await rowOf(lead, tfShare.id).locator(`[data-add-share="${tfShare.id}"]`).click();
    const below = lead.getByRole("dialog", { name: /新增分解指标 · QZB-6-1/ });
    await expect.poll(() => below.getByLabel("指标编号").inputValue()).toBe("QZB-6-1-1");
    await below.getByLabel("指标名称").fill(`城镇新增就业人数（${street.name}）`);
    await pickOption(lead, below, "街道·单位", street.name);
    await below.getByLabel("目标值").fill("600");
    const second = await writeAwaiting(lead, "POST", "/indicators", () => submitDialog(below));
    expect(second.status()).toBe(201);
    const streetShare = (await second.json()) as { id: string };
    await rowOf(lead, streetShare.id).waitFor();
    const view = await cascadeOf(lead, top.id);
    expect(view.nodes.map((n) => [n.code, n.depth, n.orgUnitId])).toEqual([
      ["QZB-6", 0, null],
      ["QZB-6-1", 1, null],
      ["QZB-6-1-1", 2, street.id],
    ]);
    await h.shot(lead, "cascade-setup-street");

    // A member adds nothing.
    const member = await h.open("member", `/indicators/${top.id}/cascade`, SCREEN);
    await rowOf(member, tfShare.id).waitFor();
    expect(await member.locator("[data-add-share]").count()).toBe(0);
  }, 120_000);
});
