import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../../test/db-harness.js";
import { buildTask } from "../../../test/factories.js";
import type { SearchResult } from "../../shared/api/search.js";
import type { Principal } from "../accounts/principal.js";
import { recordChanges } from "../audit/audit.repository.js";
import { type ServiceContext, serviceContext } from "../context.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import { createTask, deleteTask, updateTask } from "../tasks/task.service.js";
import { searchRecords } from "./search.service.js";
import { syncSearchIndex } from "./search-sync.js";

const at = () => "2022-08-15T01:00:00.000Z";

/** A caller: a member of task forces `own`, or an admin's API token limited to `scope`. */
const principal = (own: string[], scope: string | null = null): Principal => ({
  userId: "u-search",
  username: "search",
  displayName: "搜索",
  personId: "p-search",
  roles: scope ? ["admin"] : ["member"],
  via: scope ? "token" : "session",
  taskForceScope: scope,
  leadTaskForceIds: new Set(),
  ownTaskForceIds: new Set(own),
});

/** Hits as `kind code title`, best first. */
const hits = (r: SearchResult) =>
  r.groups.flatMap((g) => g.items.map((i) => `${i.kind} ${i.code ?? "-"} ${i.title}`));

describe.each(dialects)("the global search on %s", (dialect) => {
  let t: TestDatabase;
  let ctx: ServiceContext;
  const find = (q: string, c: ServiceContext = ctx, limit = 20) => searchRecords(c, { q, limit });
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    ctx = serviceContext(t.database, "search-test", at);
    await loadDemo(ctx, buildDemoDataset());
  });
  afterAll(async () => t?.drop());

  it("builds the index on the first search, then costs nothing until data changes", async () => {
    const first = await syncSearchIndex(t.database);
    expect(first.mode).toBe("rebuilt");
    // The demo: 234 tasks, 15 督办单, 79 indicators (5 district, 43 task forces' own, 31 streets' shares),
    // 166 people, 10 task forces.
    expect(first.entries).toBe(504);
    expect((await syncSearchIndex(t.database)).mode).toBe("current");
  });

  it("finds a task by its pinyin initials, whole or their start (建立招商项目线索库 → jlzsxmxsk)", async () => {
    expect(hits(await find("jlzsxmxsk"))).toEqual(["task 02.1.2 建立招商项目线索库"]);
    expect(hits(await find("JLZS"))).toContain("task 02.1.2 建立招商项目线索库");
    expect(hits(await find("jianlizhaoshang"))).toContain("task 02.1.2 建立招商项目线索库");
  });

  it("finds a task by part of its code, and puts an exact code first", async () => {
    expect(hits(await find("2.1"))).toContain("task 01.2.1 项目立项及可研批复");
    const exact = await find("01.2.1");
    expect(hits(exact)[0]).toBe("task 01.2.1 项目立项及可研批复");
    expect(exact.groups[0]!.items[0]).toMatchObject({
      taskForceId: "tf-01",
      taskForceName: "01 重大项目建设专班",
    });
  });

  it("answers one or two characters from prefixes of initials and codes, or Chinese from titles", async () => {
    const zs = await find("zs", ctx, 3);
    // 招商引资专班's initials start with zs: a task force ranks first among equals.
    expect(hits(zs)[0]).toBe("taskForce 02 招商引资专班");
    expect([hits(zs).length, zs.more]).toEqual([3, true]);
    expect(hits(await find("招商"))[0]).toBe("taskForce 02 招商引资专班");
    expect(hits(await find("zb01", ctx))).toEqual([
      "indicator ZB01-1 固定资产投资增速",
      "indicator ZB01-2 重点项目开复工率",
      "indicator ZB01-3 重大项目完成投资",
      "indicator ZB01-4 专项债券资金到位",
    ]);
  });

  it("finds 督办单 by number, people by name with their post, within the kinds asked", async () => {
    expect(hits(await find("DB-2022-001"))[0]).toMatch(/^supervisionItem DB-2022-001 /);
    const people = await searchRecords(ctx, { q: "王", kinds: "person", limit: 20 });
    expect(people.groups.map((g) => g.kind)).toEqual(["person"]);
    expect(people.groups[0]!.items[0]!.detail).toMatch(/ · /);
  });

  it("keeps a member and a limited token to the task forces they read", async () => {
    const member = { ...ctx, principal: principal(["tf-01", "tf-05"]) };
    expect(hits(await find("jlzsxmxsk", member))).toEqual([]);
    expect(hits(await find("xmlxjkypf", member))).toEqual(["task 01.2.1 项目立项及可研批复"]);
    const zs = hits(await find("zs", member, 50));
    expect(zs.filter((h) => / 02(\.|$| )/.test(h) || h.includes("招商引资专班"))).toEqual([]);
    const token = { ...ctx, principal: principal([], "tf-02") };
    expect(hits(await find("jlzsxmxsk", token))).toEqual(["task 02.1.2 建立招商项目线索库"]);
    expect(hits(await find("xmlxjkypf", token))).toEqual([]);
    // People belong to no task force: everyone signed in finds them, as everyone lists them.
    expect((await find("王", member)).groups.map((g) => g.kind)).toEqual(["person"]);
  });

  it("finds a task created, retitled or deleted since the last search right away", async () => {
    const created = await createTask(
      ctx,
      buildTask("tf-03", { code: "03.9.9", title: "数字人民币试点推广" }),
    );
    expect((await syncSearchIndex(t.database)).mode).toBe("replayed");
    expect(hits(await find("szrmbsdtg"))).toEqual(["task 03.9.9 数字人民币试点推广"]);
    const renamed = await updateTask(ctx, created.id, {
      version: created.version,
      title: "跨境电商综试区申报",
    });
    expect(hits(await find("szrmb"))).toEqual([]);
    expect(hits(await find("跨境电商"))).toEqual(["task 03.9.9 跨境电商综试区申报"]);
    await deleteTask(ctx, created.id, renamed.version);
    expect(hits(await find("跨境电商"))).toEqual([]);
  });

  it("rebuilds when the log cannot tell what changed (a whole reload)", async () => {
    await find("zs");
    await recordChanges(t.database.db, [{ entity: "*" }]);
    expect((await syncSearchIndex(t.database)).mode).toBe("rebuilt");
    expect(hits(await find("jlzsxmxsk"))).toEqual(["task 02.1.2 建立招商项目线索库"]);
  });
});
