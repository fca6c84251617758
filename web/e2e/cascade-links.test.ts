/**
 * The indicator cascade (层层衔接) on the overview and the links between tasks and indicators, in
 * Chromium against the demo district: the overview's tree drills from a goal to a district-level
 * indicator, its task force's share and that share's street share, each with the light, actual
 * against plan and owner the API computes; the lead of 01 links a task to two indicators in its
 * 支撑指标 form, the battle map's tooltip of that (red, late) task then lists them as 可能受影响的指标
 * with their lights, and the indicators panel lists the task behind the red indicator with its
 * light; a link the server refuses (another task force's indicator, left by an old import) is named
 * beside the field, and removing it saves. Figures and lights are compared with the API's.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { CascadeNode, CascadeView } from "../../src/shared/api/cascade.js";
import {
  chooseMany,
  RUN_BROWSER_TESTS,
  rowAction,
  submitDialog,
  useHarness,
  writeAwaiting,
} from "./harness.js";

const WAIT = { timeout: 30_000 };
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000 });
/** The task 01.5.3 carries a link to 02's indicator ZB02-1, as an old import could have left it. */
const STALE_TASK = "t-01-5.3";
const OTHER_INDICATOR = "ind-02-1";

async function api<T>(p: Page, path: string): Promise<T> {
  const r = await p.request.get(`/api/v1${path}`);
  expect(r.status(), path).toBe(200);
  return (await r.json()) as T;
}

/** "42.6 / 计划 62 亿元" as the tree words it, from the API's figures. */
function actualAgainstPlan(n: CascadeNode): string {
  const f = (v: number | null) => (v === null ? "—" : String(Math.round(v * 100) / 100));
  const unit = (v: number) => (n.unit === "%" ? `${f(v)}%` : `${f(v)} ${n.unit}`);
  return `${f(n.actual)} / ${n.plan !== null ? `计划 ${unit(n.plan)}` : `目标 ${unit(n.target)}`}`;
}

/** The tree row (antd treenode) of an indicator, by id. */
const treeNode = (p: Page, id: string) =>
  p.locator(".ant-tree-treenode", { has: p.locator(`[data-indicator="${id}"]`) });

/** Opens a tree row's children with its switcher and waits until `child` shows. */
async function drill(p: Page, id: string, child: string): Promise<void> {
  await treeNode(p, id).locator(".ant-tree-switcher").click();
  await p.locator(`[data-indicator="${child}"]`).waitFor(WAIT);
}

/** What a tree row shows of an indicator: its light, figures, owner, depth in the tree and cascade link. */
async function shown(row: Locator) {
  const node = row.locator("[data-cascade-node]");
  return {
    light: await node.getAttribute("data-node-light"),
    tag: (await node.locator("[data-light]").first().textContent())?.trim(),
    figures: await node.locator("[data-actual-plan]").textContent(),
    text: (await node.textContent()) ?? "",
    depth: await row.locator(".ant-tree-indent-unit").count(),
    link: await node.locator("a").getAttribute("href"),
  };
}

/** The battle map's tooltip of task `code` (↓ moves the current row; the tooltip follows it). */
async function battleMapTooltip(p: Page, code: string): Promise<Locator> {
  await p.goto("/battle-map?tf=tf-01");
  const map = p.locator("[data-battle-map][data-ready=true]");
  await map.waitFor(WAIT);
  const rows = Number(await map.getAttribute("data-rows"));
  await p.locator("[data-battle-map] [role=application]").focus();
  const tip = p.getByRole("tooltip");
  for (let i = 0; i < rows; i++) {
    await p.keyboard.press("ArrowDown");
    await tip.waitFor();
    if (((await tip.textContent()) ?? "").startsWith(`${code} `)) return tip;
  }
  throw new Error(`no row of the battle map is task ${code}`);
}

describe.skipIf(!RUN_BROWSER_TESTS)("the indicator cascade and task ↔ indicator links in Chromium", () => {
  const h = useHarness({
    prepare: async (database) => {
      await database.db
        .insertInto("task_indicators")
        .values({ taskId: STALE_TASK, indicatorId: OTHER_INDICATOR, sort: 0 })
        .execute();
    },
  });

  it("drills the overview's tree from a goal to a district indicator, a task force's share and a street's, with their lights", async () => {
    const p = await h.page("leader");
    const started = Date.now();
    await p.goto("/");
    const tree = p.getByTestId("indicator-cascade-tree");
    await tree.locator('[data-indicator="ind-qzb-3"]').waitFor(WAIT);
    const ms = Date.now() - started;
    const { nodes } = await api<CascadeView>(p, "/indicator-cascades");
    const node = (id: string) => {
      const n = nodes.find((x) => x.indicatorId === id);
      if (!n) throw new Error(`the demo has no indicator ${id}`);
      return n;
    };
    const LIGHT = { red: "红灯", yellow: "黄灯", green: "绿灯", grey: "未到期", blue: "已完成" } as const;
    // The district's 重点项目完成投资, split among 01 and 06, 01's share among three streets.
    const district = node("ind-qzb-3");
    const shares = nodes.filter((n) => n.parentId === district.indicatorId);
    const share = node("ind-01-3");
    const streets = nodes.filter((n) => n.parentId === share.indicatorId);
    expect(share.parentId).toBe(district.indicatorId);
    expect(streets.length).toBeGreaterThanOrEqual(2);

    // The goals are open, the indicators closed: the goal 扩大有效投资 lists its district indicator.
    const goal = p.locator(".ant-tree-treenode", {
      has: p.locator(`[data-cascade-goal="${district.goalId}"]`),
    });
    expect(await goal.textContent()).toContain("扩大有效投资");
    const goalDepth = await goal.locator(".ant-tree-indent-unit").count();
    expect(await p.locator('[data-indicator="ind-01-3"]').count()).toBe(0);

    const top = await shown(treeNode(p, district.indicatorId));
    expect(top).toMatchObject({
      light: district.light,
      tag: LIGHT[district.light],
      figures: actualAgainstPlan(district),
      link: `/indicators/${district.indicatorId}/cascade`,
    });
    expect(top.text).toContain(`${district.code} ${district.name}`);
    expect(top.text).toContain("汇总"); // rolled up from its shares
    expect(top.depth).toBe(goalDepth + 1);

    // District → 01's share → a street's share, one level deeper each, every sibling shown.
    await drill(p, district.indicatorId, share.indicatorId);
    for (const s of shares) expect((await shown(treeNode(p, s.indicatorId))).light).toBe(s.light);
    const mid = await shown(treeNode(p, share.indicatorId));
    expect(mid).toMatchObject({
      light: share.light,
      tag: LIGHT[share.light],
      figures: actualAgainstPlan(share),
    });
    expect(mid.text).toContain(share.taskForceName ?? "?");
    expect(mid.depth).toBe(top.depth + 1);
    const street = streets[0]!;
    await drill(p, share.indicatorId, street.indicatorId);
    for (const s of streets) {
      const row = await shown(treeNode(p, s.indicatorId));
      expect(row, s.code).toMatchObject({
        light: s.light,
        tag: LIGHT[s.light],
        figures: actualAgainstPlan(s),
      });
      expect(row.text).toContain(s.orgUnitName ?? "?");
      expect(row.text).toContain(s.ownerName ?? "?");
      expect(row.depth).toBe(mid.depth + 1);
    }
    await h.shot(p, "cascade-overview-tree");
    console.log(`overview → cascade tree shown in ${ms} ms (${nodes.length} indicators)`);
  }, 90_000);

  it("a lead links a task to indicators; the battle map lists them at risk and the indicator panel lists the task", async () => {
    const p = await h.open("lead", "/task-forces/tf-01");
    const row = p.locator('tr[data-task-code="01.2.5"]');
    const dialog = p.locator(".ant-modal:visible");
    await rowAction(p, row, /支撑指标/, dialog.getByText("支撑指标 · 01.2.5"));
    // The choices: 01's own indicators and the district's, never another task force's.
    const input = p.locator("#indicatorIds");
    await input.click();
    const open = p.locator(".ant-select-dropdown:visible");
    await open.getByText("本专班指标").waitFor();
    await input.fill("ZB02-1");
    await open.locator(".ant-select-item-empty").waitFor();
    await input.fill("QZB-");
    await open.getByText("区级指标").waitFor();
    expect(await open.locator(".ant-select-item-option").allTextContents()).toEqual(
      expect.arrayContaining(["QZB-3 重点项目完成投资"]),
    );
    await input.fill("");
    await input.press("Escape");
    await open.waitFor({ state: "hidden" });
    await chooseMany(p, "indicatorIds", ["ZB01-3 重大项目完成投资", "QZB-3 重点项目完成投资"]);
    const answer = await writeAwaiting(p, "PATCH", "/tasks/", () => submitDialog(dialog));
    expect(answer.status()).toBe(200);
    const task = await api<{ indicatorIds: string[] }>(p, "/tasks/t-01-2.5");
    expect(task.indicatorIds).toEqual(["ind-01-3", "ind-qzb-3"]);

    // 01.2.5 is red and late: its tooltip lists the two as indicators at risk, each with its light.
    const { nodes } = await api<CascadeView>(p, "/indicator-cascades");
    const colour = (id: string) => nodes.find((n) => n.indicatorId === id)?.light;
    const tip = await battleMapTooltip(p, "01.2.5");
    const listed = tip.locator("[data-tooltip-indicators]");
    expect(await listed.getAttribute("data-tooltip-indicators")).toBe("at-risk");
    const text = (await listed.textContent()) ?? "";
    expect(text).toContain("可能受影响的指标");
    const word = { red: "红灯", yellow: "黄灯", green: "绿灯", grey: "未到期", blue: "已完成" } as const;
    for (const [id, label] of [
      ["ind-01-3", "ZB01-3 重大项目完成投资"],
      ["ind-qzb-3", "QZB-3 重点项目完成投资"],
    ] as const)
      expect(await listed.locator("li", { hasText: label }).textContent()).toContain(
        word[colour(id) as keyof typeof word],
      );
    await h.shot(p, "cascade-battle-map-at-risk");

    // The indicators panel: ZB01-3 is red, so the tasks behind it stand out with their lights.
    await p.goto("/task-forces/tf-01?tab=indicators");
    const behind = p.locator('[data-supporting-tasks="ind-01-3"]');
    await behind.locator('[data-task="01.2.5"]').waitFor(WAIT);
    expect(colour("ind-01-3")).toBe("red");
    // (the indicator's light arrives with the overview, the task's with the task force's lights)
    await poll(() => behind.getAttribute("data-highlight")).toBe("red");
    await poll(() => behind.locator('[data-task="01.2.5"] [data-light]').getAttribute("data-light")).toBe(
      "red",
    );
    // ZB01-4 (not red) lists 01.1.2, which it names itself, plainly.
    const plain = p.locator('[data-supporting-tasks="ind-01-4"]');
    await plain.locator('[data-task="01.1.2"]').waitFor(WAIT);
    expect(await plain.getAttribute("data-highlight")).toBeNull();
    await behind.scrollIntoViewIfNeeded();
    await h.shot(p, "cascade-indicator-panel-tasks");
  }, 120_000);

  it("names a refused link beside the field, and saves once it is removed", async () => {
    const p = await h.open("lead", "/task-forces/tf-01");
    await rowAction(p, p.locator('tr[data-task-code="01.5.3"]'), /支撑指标/);
    const dialog = p.locator(".ant-modal:visible");
    const field = dialog.locator(".ant-form-item", { has: p.locator("#indicatorIds") });
    // The old link shows (by its id: the lead of 01 cannot read 02's indicators); adding one of
    // 01's own and saving is refused because of it, named beside the field.
    await poll(() => field.textContent()).toContain(`指标 ${OTHER_INDICATOR}`);
    await chooseMany(p, "indicatorIds", ["ZB01-4 专项债券资金到位"]);
    const refused = await writeAwaiting(p, "PATCH", "/tasks/", () =>
      dialog.locator(".ant-modal-footer .ant-btn-primary").click(),
    );
    expect(refused.status()).toBe(422);
    await poll(() => field.locator(".ant-form-item-explain-error").textContent()).toBe(
      `指标 ${OTHER_INDICATOR}：属于其他专班`,
    );
    await poll(() => field.getAttribute("class")).toContain("ant-form-item-has-error");
    await h.shot(p, "cascade-task-link-refused");
    await field
      .locator(".ant-select-selection-item", { hasText: OTHER_INDICATOR })
      .locator(".ant-select-selection-item-remove")
      .click();
    const saved = await writeAwaiting(p, "PATCH", "/tasks/", () => submitDialog(dialog));
    expect(saved.status()).toBe(200);
    expect((await api<{ indicatorIds: string[] }>(p, `/tasks/${STALE_TASK}`)).indicatorIds).toEqual([
      "ind-01-4",
    ]);
  }, 90_000);
});
