import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { en } from "../../i18n/en";
import { zhCN } from "../../i18n/zh-CN";
import { explainPlanError, KNOWN_REFERRERS, type PlanErrorContext, type Translate } from "./plan-errors";

const i18n = i18next.createInstance();
let zh: Translate;
let english: Translate;
beforeAll(async () => {
  await i18n.init({
    resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
    lng: "zh-CN",
    interpolation: { escapeValue: false },
  });
  zh = i18n.getFixedT("zh-CN") as unknown as Translate;
  english = i18n.getFixedT("en") as unknown as Translate;
});

const tasks: Record<string, string> = { "t-1": "01.1 立项", "t-2": "01.2 开工", "t-3": "01.3 验收" };
const ctx: PlanErrorContext = {
  taskLabel: (id) => tasks[id],
  examples: (path) => (path === "tasks.parentId" ? ["01.1.1 子任务"] : []),
};

describe("explainPlanError", () => {
  it("lists what still refers to a deleted task, counted and named, in zh and en", () => {
    const e = new ApiError(409, "STILL_REFERENCED", "task t-1 is still referenced", [
      { path: "dependencies.predecessorId", message: "2 dependency(s) refer to it by predecessorId" },
      { path: "tasks.parentId", message: "1 task(s) refer to it by parentId" },
    ]);
    expect(explainPlanError(e, ctx, zh)).toEqual({
      code: "STILL_REFERENCED",
      title: "无法删除：以下记录仍引用它，请先移除或改挂",
      items: ["2 项以它为前置任务的关系", "1 项子任务：01.1.1 子任务"],
    });
    expect(explainPlanError(e, ctx, english)?.items).toEqual([
      "2 dependency(ies) with it as predecessor",
      "1 sub-task(s): 01.1.1 子任务",
    ]);
  });

  it("names every referrer path the API can report in both languages", () => {
    for (const path of KNOWN_REFERRERS) {
      const e = new ApiError(409, "STILL_REFERENCED", "x", [{ path, message: `3 x(s) refer to it` }]);
      for (const t of [zh, english]) {
        const line = explainPlanError(e, { taskLabel: () => undefined }, t)?.items[0] ?? "";
        expect(line).toMatch(/^3 /);
        expect(line).not.toContain("plan.refs");
      }
    }
  });

  it("shows the tasks on a dependency cycle by WBS code and title", () => {
    const e = new ApiError(422, "DEPENDENCY_CYCLE", "predecessorId: would close a cycle", [
      { path: "predecessorId", message: "would close a cycle: t-3 → t-1 → t-2 → t-3" },
    ]);
    const v = explainPlanError(e, ctx, zh);
    expect(v?.title).toContain("循环");
    expect(v?.items).toEqual(["01.3 验收 → 01.1 立项 → 01.2 开工 → 01.3 验收"]);
  });

  it("replaces task ids in other rule messages, and titles duplicates by field", () => {
    const rule = new ApiError(422, "DEPENDENCY_RULE", "x", [
      {
        path: "predecessorId",
        message: "task t-1 belongs to another task force than t-9",
        key: "dependencyOtherTaskForce",
        params: { predecessor: "t-1", successor: "t-9" },
      },
    ]);
    // In the UI's language (Chinese here), the field by its label and the task by its code.
    expect(explainPlanError(rule, ctx, zh)?.items).toEqual([
      "前置任务：前置任务 01.1 立项 与后续任务 t-9 不在同一专班",
    ]);
    const dup = new ApiError(409, "DUPLICATE", "x", [{ path: "code", message: "already used by task t-2" }]);
    expect(explainPlanError(dup, ctx, zh)?.title).toBe("编号已被本专班其他记录使用");
    const dupOther = new ApiError(409, "DUPLICATE", "x", [{ path: "other", message: "taken" }]);
    expect(explainPlanError(dupOther, ctx, english)?.title).toBe("The same record already exists");
  });

  it("names the person and the task force of a refused lead change, in zh and en", () => {
    const member = { ...ctx, taskForce: "01 重大项目建设专班", person: "郝志刚" };
    const last = new ApiError(422, "LAST_LEAD", "郝志刚 is the last lead of task force 01 …", [
      { path: "role", message: "郝志刚 is the last lead" },
    ]);
    expect(explainPlanError(last, member, zh)).toEqual({
      code: "LAST_LEAD",
      title: "郝志刚是专班“01 重大项目建设专班”唯一的牵头人，不能移除或改为其他职务；请先指定另一名牵头人",
      items: [],
    });
    expect(explainPlanError(last, member, english)?.title).toBe(
      "郝志刚 is the only lead of task force 01 重大项目建设专班 and cannot be removed or given another role; make another member lead first",
    );
    const self = new ApiError(403, "SELF_DEMOTION", "you (郝志刚) cannot …", [
      { path: "role", message: "your own lead membership" },
    ]);
    expect(explainPlanError(self, member, zh)?.title).toContain("本人（郝志刚）在专班“01 重大项目建设专班”");
    expect(explainPlanError(self, member, english)?.title).toMatch(/^You \(郝志刚\) cannot remove/);
    // Without the names, the API's own message.
    expect(explainPlanError(self, ctx, zh)?.title).toBe("you (郝志刚) cannot …");
  });

  it("leaves a stale version to the reload-and-reapply alert, and passes other errors through", () => {
    expect(explainPlanError(new ApiError(409, "STALE_VERSION", "stale"), ctx, zh)).toBeNull();
    expect(explainPlanError(null, ctx, zh)).toBeNull();
    expect(explainPlanError(new Error("offline"), ctx, zh)?.title).toBe("offline");
    expect(explainPlanError(new ApiError(400, "SOMETHING_NEW", "bad thing"), ctx, zh)?.title).toBe(
      "bad thing",
    );
  });
});
