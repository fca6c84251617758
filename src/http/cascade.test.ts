import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

const API = "/api/v1";
let n = 0;
const code = (p: string) => `${p}${++n}`;

/**
 * A cascade built through the API over the demo district: a district indicator 招商引资到位资金
 * 160 亿元 split among three task forces (60 + 50 + 40: 10 short, planted), tf-01's share split
 * among two streets' indicators; readings at the leaves.
 */
describe.each(dialects)("indicator cascade (层层衔接) on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let as: (user: string) => Promise<Client>;
  let admin: Client;
  let office: Client;
  const ids: Record<string, string> = {};

  const create = async (body: Record<string, unknown>) => {
    const res = await admin("POST", `${API}/indicators`, {
      kind: "cumulative",
      unit: "亿元",
      direction: "up",
      year: 2022,
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: number };
  };
  const cascade = async (c: Client = admin, id = ids.district!) => {
    const res = await c("GET", `${API}/indicators/${id}/cascade?statusDate=2022-08-15`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { nodes: Record<string, unknown>[] };
  };
  const node = (view: { nodes: Record<string, unknown>[] }, id: string) =>
    view.nodes.find((x) => x.indicatorId === id) as Record<string, unknown>;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    as = async (user) => clientFor(app, await signIn(app, user, DEMO_PASSWORD));
    admin = await as("admin");
    office = await as("supervisor");
    const goal = (await admin("GET", `${API}/goals?limit=1`)).body.items[0].id as string;
    const district = await office("POST", `${API}/indicators`, {
      taskForceId: null,
      goalId: goal,
      code: code("QZB"),
      name: "招商引资到位资金",
      kind: "cumulative",
      unit: "亿元",
      year: 2022,
      target: 160,
      ownerPersonId: null,
    });
    expect(district.status, JSON.stringify(district.body)).toBe(201);
    ids.district = district.body.id;
    const shares = [
      ["tf-01", 60],
      ["tf-02", 50],
      ["tf-03", 40],
    ] as const;
    for (const [tf, target] of shares)
      ids[tf] = (
        await create({
          taskForceId: tf,
          parentId: ids.district,
          code: code("ZS"),
          name: "招商引资到位资金",
          target,
          ownerPersonId: "p-fgj-1",
        })
      ).id;
    for (const [k, target] of [
      ["s1", 35],
      ["s2", 25],
    ] as const)
      ids[k] = (
        await create({
          taskForceId: "tf-01",
          parentId: ids["tf-01"],
          code: code("JD"),
          name: "招商引资到位资金",
          target,
          ownerPersonId: "p-fgj-1",
        })
      ).id;
    const read = async (id: string, period: string, actual: number) => {
      const res = await admin("POST", `${API}/indicator-readings`, { indicatorId: id, period, actual });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    await read(ids.s1!, "2022-06", 12);
    await read(ids.s2!, "2022-06", 8);
    await read(ids.s1!, "2022-07", 20);
    await read(ids.s2!, "2022-07", 10);
    await read(ids["tf-02"]!, "2022-07", 30);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("rolls leaf actuals up every level, and names the share that does not add up", async () => {
    const view = await cascade();
    expect(view.nodes.map((x) => x.indicatorId)).toEqual([
      ids.district,
      ids["tf-01"],
      ids.s1,
      ids.s2,
      ids["tf-02"],
      ids["tf-03"],
    ]);
    expect(view.nodes.map((x) => x.depth)).toEqual([0, 1, 2, 2, 1, 1]);
    const tf01 = node(view, ids["tf-01"]!);
    expect(tf01).toMatchObject({ period: "2022-07", actual: 30, source: "computed", computed: 30 });
    const top = node(view, ids.district!);
    // tf-03 reported nothing: the district's 60 is incomplete, and says which share is missing.
    expect(top).toMatchObject({ actual: 60, source: "computed", missing: [ids["tf-03"]] });
    expect(top.findings).toContainEqual({
      code: "CASCADE_SHARES",
      indicatorId: ids.district,
      expected: 160,
      actual: 150,
    });
  });

  it("lets a reported figure win over the shares' sum and shows the difference", async () => {
    const res = await office("POST", `${API}/indicator-readings`, {
      indicatorId: ids.district,
      period: "2022-07",
      actual: 62.5,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const top = node(await cascade(), ids.district!);
    expect(top).toMatchObject({ actual: 62.5, source: "reported", computed: 60, difference: 2.5 });
  });

  it("measures a parent's light on the rolled-up actual in the overview", async () => {
    const overview = (await admin("GET", `${API}/overview?statusDate=2022-08-15`)).body;
    const of = (id: string) => overview.indicators.find((i: { id: string }) => i.id === id);
    expect(of(ids["tf-01"]!).progress.reading).toEqual({ period: "2022-07", actual: 30 });
    expect(of(ids["tf-01"]!).series).toEqual([
      { period: "2022-06", actual: 20 },
      { period: "2022-07", actual: 30 },
    ]);
    // The district's own July figure wins over its shares' sum; June is the shares' (20 + 0 reported).
    expect(of(ids.district!).series.at(-1)).toEqual({ period: "2022-07", actual: 62.5 });
    expect(of(ids.district!)).toMatchObject({ taskForceId: null, parentId: null });
  });

  it("names in the dispatch report the share that pulls its parent down", async () => {
    const res = await admin("GET", `${API}/dispatch-report?statusDate=2022-08-15`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const drag = res.body.cascade.find((d: { indicatorId: string }) => d.indicatorId === ids["tf-01"]);
    // s2: 10 of 25 (40 %) against tf-01's 30 of 60 (50 %); s1 at 57 % is ahead of its parent.
    expect(drag.laggards.map((l: { indicatorId: string }) => l.indicatorId)).toEqual([ids.s2]);
    expect(drag.text.zh).toContain("拉低");
  });

  it("previews a split without writing, then saves every share at its version", async () => {
    const lead = await as("lead");
    const before = await snapshot(t.database);
    const kids = (await cascade()).nodes.filter((x) => x.parentId === ids.district);
    const body = {
      method: "shares",
      dryRun: true,
      children: kids.map((k, i) => ({ id: k.indicatorId, version: k.version, share: [60, 50, 50][i] })),
    };
    const preview = await office("POST", `${API}/indicators/${ids.district}/split`, body);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ saved: false, total: 160 });
    expect(preview.body.lines.map((l: { after: { target: number } }) => l.after.target)).toEqual([
      60, 50, 50,
    ]);
    expect(await snapshot(t.database)).toBe(before);

    // A lead of one task force may not split the district's target.
    const refused = await lead("POST", `${API}/indicators/${ids.district}/split`, { ...body, dryRun: false });
    expect(refused.status).toBe(403);
    expect(await snapshot(t.database)).toBe(before);

    const saved = await office("POST", `${API}/indicators/${ids.district}/split`, { ...body, dryRun: false });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.saved).toBe(true);
    const after = await cascade();
    expect(node(after, ids["tf-03"]!).target).toBe(50);
    expect((node(after, ids.district!).findings as { code: string }[]).map((f) => f.code)).not.toContain(
      "CASCADE_SHARES",
    );

    // The preview's versions are stale now: nothing is written.
    const again = await office("POST", `${API}/indicators/${ids.district}/split`, { ...body, dryRun: false });
    expect(again.status).toBe(409);
  });

  it("splits evenly with exact sums, and by last year's actuals only when every share has one", async () => {
    const kids = (await cascade()).nodes.filter((x) => x.parentId === ids["tf-01"]);
    const children = kids.map((k) => ({ id: k.indicatorId, version: k.version }));
    const even = await admin("POST", `${API}/indicators/${ids["tf-01"]}/split`, {
      method: "even",
      dryRun: true,
      children,
    });
    expect(even.body.lines.map((l: { after: { target: number } }) => l.after.target)).toEqual([30, 30]);
    const lastYear = await admin("POST", `${API}/indicators/${ids["tf-01"]}/split`, {
      method: "last-year",
      dryRun: true,
      children,
    });
    expect(lastYear.status).toBe(422);
    expect(lastYear.body.error.details[0]).toMatchObject({ path: "children.0.id", key: "noLastYear" });
    const missing = await admin("POST", `${API}/indicators/${ids["tf-01"]}/split`, {
      method: "even",
      dryRun: true,
      children: children.slice(0, 1),
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.details[0]).toMatchObject({ path: "children", key: "splitLength" });
  });

  it("refuses to split a rate by last year's actuals (rates are not bases)", async () => {
    const view = await cascade(admin, "ind-qzb-1");
    const top = view.nodes[0]!;
    expect(top).toMatchObject({ kind: "rate", taskForceId: null });
    const children = view.nodes
      .filter((x) => x.parentId === top.indicatorId)
      .map((x) => ({ id: x.indicatorId, version: x.version }));
    const res = await office("POST", `${API}/indicators/${top.indicatorId}/split`, {
      method: "last-year",
      dryRun: true,
      children,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ path: "method", key: "lastYearNotForRates" });
  });

  it("spreads a target over the months by working days, December exactly the target", async () => {
    const leaf = node(await cascade(), ids.s1!);
    const preview = await admin("POST", `${API}/indicators/${ids.s1}/monthly-split`, {
      method: "working-days",
      version: leaf.version,
      decimals: 2,
      dryRun: true,
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const plan = preview.body.after as Record<string, number>;
    expect(Object.keys(plan)).toHaveLength(12);
    expect(plan["2022-12"]).toBe(35);
    const values = Object.values(plan);
    expect(values.every((v, i) => i === 0 || v >= values[i - 1]!)).toBe(true);
    // October has the National Day week: fewer working days, a smaller step than September's.
    expect(plan["2022-10"]! - plan["2022-09"]!).toBeLessThan(plan["2022-09"]! - plan["2022-08"]!);
    const saved = await admin("POST", `${API}/indicators/${ids.s1}/monthly-split`, {
      method: "working-days",
      version: leaf.version,
      decimals: 2,
    });
    expect(saved.body.saved).toBe(true);
    expect(node(await cascade(), ids.s1!).monthlyPlan).toEqual(plan);
    const noProfile = await admin("POST", `${API}/indicators/${ids.s2}/monthly-split`, {
      method: "last-year",
      version: 1,
      dryRun: true,
    });
    expect(noProfile.status).toBe(422);
    expect(noProfile.body.error.details[0]).toMatchObject({ path: "method", key: "noLastYearMonths" });
  });

  it("refuses shares unlike their parent, a district indicator without a goal, and a cycle", async () => {
    const before = await snapshot(t.database);
    const unlike = await admin("POST", `${API}/indicators`, {
      taskForceId: "tf-01",
      parentId: ids["tf-01"],
      code: code("X"),
      name: "x",
      kind: "rate",
      unit: "%",
      year: 2022,
      target: 5,
    });
    expect(unlike.status).toBe(422);
    expect(unlike.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["kind", "unit"]);
    const otherForce = await admin("POST", `${API}/indicators`, {
      taskForceId: "tf-02",
      parentId: ids["tf-01"],
      code: code("X"),
      name: "x",
      kind: "cumulative",
      unit: "亿元",
      year: 2022,
      target: 5,
    });
    expect(otherForce.status).toBe(422);
    expect(otherForce.body.error.details[0]).toMatchObject({ path: "parentId" });
    const noGoal = await office("POST", `${API}/indicators`, {
      taskForceId: null,
      code: code("X"),
      name: "x",
      kind: "cumulative",
      year: 2022,
      target: 5,
    });
    expect(noGoal.status).toBe(422);
    expect(noGoal.body.error.details[0]).toMatchObject({ path: "goalId", key: "districtNeedsGoal" });
    const tf01 = (await admin("GET", `${API}/indicators/${ids["tf-01"]}`)).body;
    const s1 = (await admin("GET", `${API}/indicators/${ids.s1}`)).body;
    // Moving tf-01's share under its own street would close a loop (and cross the district level).
    const cycle = await office("PATCH", `${API}/indicators/${ids.district}`, {
      version: (await admin("GET", `${API}/indicators/${ids.district}`)).body.version,
      parentId: ids.s1,
    });
    expect(cycle.status).toBe(422);
    expect(tf01.parentId).toBe(ids.district);
    expect(s1.parentId).toBe(ids["tf-01"]);
    expect(await snapshot(t.database)).toBe(before);
  });

  it("shows a member their own task force's share and not the others'", async () => {
    const member = await as("member");
    const mine = (await member("GET", `${API}/auth/me`)).body;
    const view = await cascade(member);
    const forces = new Set(view.nodes.map((x) => x.taskForceId));
    for (const tf of forces) expect(tf === null || mine.taskForceIds?.includes?.(tf) !== false).toBe(true);
    const text = JSON.stringify(view);
    const unreadable = ["tf-01", "tf-02", "tf-03"].filter((tf) => !forces.has(tf));
    for (const tf of unreadable) expect(text).not.toContain(ids[tf]);
    expect(view.nodes[0]!.indicatorId).toBe(ids.district);
  });

  it("keeps the cascades per revision, apart for callers who may edit different indicators", async () => {
    const url = `${API}/indicator-cascades?statusDate=2022-08-15`;
    const editable = async (c: Client) => node((await c("GET", url)).body, ids.s1!).editable as boolean;
    // The admin's answer is rendered first; the office may read every node but not edit a task
    // force's own share below its task-force indicator.
    expect(await editable(admin)).toBe(true);
    expect(await editable(office)).toBe(false);
    expect(await editable(admin)).toBe(true);
    const cookie = (await signIn(app, "supervisor", DEMO_PASSWORD)).cookie;
    const first = await app.inject({
      url,
      cookies: { guatu_session: cookie },
      headers: { "accept-encoding": "gzip" },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-encoding"]).toBe("gzip");
    const again = await app.inject({
      url,
      cookies: { guatu_session: cookie },
      headers: { "if-none-match": String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    const member = await as("member");
    const mine = new Set(
      (await member("GET", url)).body.nodes.map((x: { taskForceId: string }) => x.taskForceId),
    );
    const other = ["tf-01", "tf-02", "tf-03"].find((tf) => !mine.has(tf))!;
    expect((await member("GET", `${url}&taskForceId=${other}`)).status).toBe(403);
  });

  it("links tasks to the indicators they advance", async () => {
    const task = (await admin("GET", `${API}/tasks?taskForceId=tf-01&limit=1`)).body.items[0];
    const res = await admin("PATCH", `${API}/tasks/${task.id}`, {
      version: task.version,
      indicatorIds: [ids["tf-01"], ids.district],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.indicatorIds).toEqual([ids["tf-01"], ids.district]);
    expect(node(await cascade(), ids["tf-01"]!).taskIds).toContain(task.id);
    const other = await admin("PATCH", `${API}/tasks/${task.id}`, {
      version: res.body.version,
      indicatorIds: [ids["tf-02"]],
    });
    expect(other.status).toBe(422);
    expect(other.body.error.details[0]).toMatchObject({ path: "indicatorIds.0" });
  });
});
