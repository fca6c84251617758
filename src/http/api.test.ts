import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { adminClient, appFor, type Client, seedSmall } from "../../test/factories.js";

describe.each(dialects)("REST API on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: Client & { bearer: string };
  let s: Awaited<ReturnType<typeof seedSmall>>;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    app = await appFor(t);
    api = await adminClient(app, t);
    s = await seedSmall(api);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("answers health with the database kind", async () => {
    const r = await api("GET", "/api/v1/health");
    expect(r).toMatchObject({ status: 200, body: { status: "ok", db: dialect } });
  });

  it("creates a record with id, version 1 and defaults, and reads it back", async () => {
    const r = await api("GET", `/api/v1/tasks/${s.t1.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: s.t1.id,
      version: 1,
      status: "not_started",
      percent: 0,
      coUnitIds: [],
      // Computed on read: its task force's plan can be scheduled.
      critical: expect.any(Boolean),
    });
  });

  it("keeps link fields in order", async () => {
    const r = await api("GET", `/api/v1/task-forces/${s.tf.id}`);
    expect(r.body.goalIds).toEqual([s.goal.id]);
    expect(r.body.coUnitIds).toEqual([s.unit.id]);
  });

  it("answers 400 naming every bad field", async () => {
    const r = await api("POST", "/api/v1/tasks", {
      taskForceId: s.tf.id,
      code: 7,
      title: "",
      duration: -1,
      extra: 1,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("VALIDATION");
    const paths = r.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["body.code", "body.title", "body.duration", "body"]));
  });

  it("answers 400 for broken JSON and 404 for an unknown id or route", async () => {
    const broken = await app.inject({
      method: "POST",
      url: "/api/v1/tasks",
      payload: "{bad",
      headers: { "content-type": "application/json", authorization: `Bearer ${api.bearer}` },
    });
    expect(broken.statusCode).toBe(400);
    expect(JSON.parse(broken.body).error.code).toBe("VALIDATION");
    expect((await api("GET", "/api/v1/tasks/nope")).status).toBe(404);
    expect((await api("GET", "/api/v1/nothing-here")).body.error.code).toBe("NOT_FOUND");
  });

  it("answers 422 naming the field that refers to a missing record", async () => {
    const r = await api("POST", "/api/v1/tasks", {
      taskForceId: s.tf.id,
      code: "X1",
      title: "t",
      responsibleUnitId: "ghost",
    });
    expect(r.status).toBe(422);
    expect(r.body.error.details).toEqual([
      {
        path: "responsibleUnitId",
        message: 'no org unit with id "ghost"',
        key: "missingRecord",
        params: { what: "org unit", id: "ghost" },
      },
    ]);
  });

  it("answers 409 for a duplicate WBS code in the same task force", async () => {
    const r = await api("POST", "/api/v1/tasks", {
      taskForceId: s.tf.id,
      code: s.t1.code,
      title: "dup",
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("DUPLICATE");
  });

  it("updates with the current version and refuses a stale one with 409, changing nothing", async () => {
    const ok = await api("PATCH", `/api/v1/tasks/${s.t2.id}`, { title: "专项债券申报", version: 1 });
    expect(ok).toMatchObject({ status: 200, body: { title: "专项债券申报", version: 2 } });
    const stale = await api("PATCH", `/api/v1/tasks/${s.t2.id}`, { title: "lost", version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("STALE_VERSION");
    expect((await api("GET", `/api/v1/tasks/${s.t2.id}`)).body.title).toBe("专项债券申报");
  });

  it("lets exactly one of two concurrent updates with the same version win, and audits one change", async () => {
    const { body: task } = await api("POST", "/api/v1/tasks", {
      taskForceId: s.tf.id,
      code: "C1",
      title: "并发",
    });
    const [a, b] = await Promise.all([
      api("PATCH", `/api/v1/tasks/${task.id}`, { title: "A", version: task.version }),
      api("PATCH", `/api/v1/tasks/${task.id}`, { title: "B", version: task.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const audit = await api("GET", `/api/v1/audit-entries?entity=task&entityId=${task.id}`);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions.sort()).toEqual(["create", "update"]);
    const update = audit.body.items.find((e: { action: string }) => e.action === "update");
    expect(update.after.title).toBe(a.status === 200 ? "A" : "B");
  });

  it("refuses to delete a record still referenced, naming what refers to it", async () => {
    const r = await api("DELETE", `/api/v1/org-units/${s.unit.id}`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("STILL_REFERENCED");
    const paths = r.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "persons.orgUnitId",
        "task-forces.leadUnitId",
        "task-forces.coUnitIds",
        "tasks.responsibleUnitId",
      ]),
    );
  });

  it("deletes an unreferenced record and audits it", async () => {
    const { body: unit } = await api("POST", "/api/v1/org-units", {
      code: "TMP",
      name: "临时",
      kind: "other",
    });
    expect((await api("DELETE", `/api/v1/org-units/${unit.id}?version=1`)).status).toBe(204);
    expect((await api("GET", `/api/v1/org-units/${unit.id}`)).status).toBe(404);
    const audit = await api("GET", `/api/v1/audit-entries?entityId=${unit.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(["delete", "create"]);
    expect(audit.body.items[0].before.code).toBe("TMP");
  });

  it("filters, sorts and pages lists with a total", async () => {
    const all = await api("GET", `/api/v1/tasks?taskForceId=${s.tf.id}&limit=2&sort=-code`);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    const codes = all.body.items.map((x: { code: string }) => x.code);
    expect([...codes].sort().reverse()).toEqual(codes);
    const next = await api("GET", `/api/v1/tasks?taskForceId=${s.tf.id}&limit=2&offset=2&sort=-code`);
    expect(next.body.items[0].code < codes[1]).toBe(true);
    const byPerson = await api("GET", `/api/v1/tasks?responsiblePersonId=${s.person.id}`);
    expect(byPerson.body.items.map((x: { id: string }) => x.id)).toEqual([s.t1.id]);
    expect((await api("GET", "/api/v1/tasks?sort=nonsense")).status).toBe(400);
    expect((await api("GET", "/api/v1/tasks?bogus=1")).status).toBe(400);
  });

  it("refuses a dependency that would close a cycle, naming the tasks", async () => {
    const d1 = await api("POST", "/api/v1/dependencies", {
      predecessorId: s.t1.id,
      successorId: s.t2.id,
    });
    expect(d1.status).toBe(201);
    expect(d1.body.taskForceId).toBe(s.tf.id);
    await api("POST", "/api/v1/dependencies", {
      predecessorId: s.t2.id,
      successorId: s.t3.id,
      type: "SS",
      lag: -2,
    });
    const cyc = await api("POST", "/api/v1/dependencies", {
      predecessorId: s.t3.id,
      successorId: s.t1.id,
    });
    expect(cyc.status).toBe(422);
    expect(cyc.body.error.code).toBe("DEPENDENCY_CYCLE");
    expect(cyc.body.error.message).toContain(`${s.t3.id} → ${s.t1.id} → ${s.t2.id} → ${s.t3.id}`);
  });

  it("reads a task force with tasks, dependencies, members and indicators with readings in one call", async () => {
    const ind = await s.post("indicators", {
      taskForceId: s.tf.id,
      code: "I1",
      name: "固定资产投资增速",
      unit: "%",
      kind: "rate",
      target: 8,
      year: 2022,
    });
    await s.post("indicator-readings", { indicatorId: ind.id, period: "2022-05", actual: -3.1 });
    await s.post("members", {
      taskForceId: s.tf.id,
      personId: s.person.id,
      post: "专班联络员",
      role: "liaison",
    });
    const r = await api("GET", `/api/v1/task-forces/${s.tf.id}/full`);
    expect(r.status).toBe(200);
    expect(r.body.taskForce.id).toBe(s.tf.id);
    expect(r.body.tasks.length).toBeGreaterThanOrEqual(3);
    expect(r.body.dependencies.length).toBe(2);
    expect(r.body.members).toHaveLength(1);
    expect(r.body.indicators[0].readings.map((x: { actual: number }) => x.actual)).toEqual([-3.1]);
  });

  it("serves a fresh nested read after any change (the cache follows the data revision)", async () => {
    const url = `/api/v1/task-forces/${s.tf.id}/full`;
    const first = (await api("GET", url)).body;
    const task = first.tasks.find((x: { id: string }) => x.id === s.t3.id);
    await api("PATCH", `/api/v1/tasks/${task.id}`, { title: "改过的标题", version: task.version });
    const second = (await api("GET", url)).body;
    expect(second.tasks.find((x: { id: string }) => x.id === s.t3.id).title).toBe("改过的标题");
    expect((await api("GET", "/api/v1/task-forces/nope/full")).status).toBe(404);
  });

  it("answers 304 to a conditional nested read of an unchanged task force", async () => {
    const url = `/api/v1/task-forces/${s.tf.id}/full`;
    const first = await app.inject({
      method: "GET",
      url,
      headers: { authorization: `Bearer ${api.bearer}` },
    });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await app.inject({
      method: "GET",
      url,
      headers: { authorization: `Bearer ${api.bearer}`, "if-none-match": etag },
    });
    expect(again.statusCode).toBe(304);
    await api("POST", "/api/v1/tasks", { taskForceId: s.tf.id, code: "E1", title: "新任务" });
    const changed = await app.inject({
      method: "GET",
      url,
      headers: { authorization: `Bearer ${api.bearer}`, "if-none-match": etag },
    });
    expect(changed.statusCode).toBe(200);
  });

  it("moves a task by its latest progress report, audited", async () => {
    await s.post("progress-reports", {
      taskId: s.t1.id,
      reportDate: "2022-08-01",
      percent: 30,
      narrative: "已完成可研",
    });
    let task = (await api("GET", `/api/v1/tasks/${s.t1.id}`)).body;
    expect(task).toMatchObject({ percent: 30, status: "in_progress", actualStart: "2022-08-01" });
    await s.post("progress-reports", {
      taskId: s.t1.id,
      reportDate: "2022-07-20",
      percent: 10,
      narrative: "older",
    });
    task = (await api("GET", `/api/v1/tasks/${s.t1.id}`)).body;
    expect(task).toMatchObject({ percent: 30, actualStart: "2022-07-20" });
    await s.post("progress-reports", {
      taskId: s.t1.id,
      reportDate: "2022-08-12",
      percent: 100,
      narrative: "完成",
    });
    task = (await api("GET", `/api/v1/tasks/${s.t1.id}`)).body;
    expect(task).toMatchObject({ percent: 100, status: "done", actualFinish: "2022-08-12" });
  });

  it("runs the supervision state machine and refuses illegal moves and self sign-off", async () => {
    const item = await s.post("supervision-items", {
      taskForceId: s.tf.id,
      taskId: s.t2.id,
      code: `DB-${dialect}`,
      raisedOn: "2022-08-01",
      issue: "进度滞后",
      requiredAction: "8月20日前完成",
      dueDate: "2022-08-20",
      responsiblePersonId: s.person.id,
    });
    expect(item.state).toBe("open");
    const go = (action: string, body: Record<string, unknown>) =>
      api("POST", `/api/v1/supervision-items/${item.id}/${action}`, body);
    expect((await go("verify", { version: 1, date: "2022-08-02" })).body.error.code).toBe("BAD_TRANSITION");
    const started = await go("start", { version: 1, date: "2022-08-02" });
    expect(started.body.state).toBe("rectifying");
    const submitted = await go("submit", { version: 2, date: "2022-08-10", rectification: "已整改" });
    const returned = await go("return", {
      version: submitted.body.version,
      date: "2022-08-11",
      note: "材料不全",
    });
    expect(returned.body).toMatchObject({ state: "rectifying", returnCount: 1, lastNote: "材料不全" });
    const again = await go("submit", { version: returned.body.version, date: "2022-08-12" });
    const verified = await go("verify", { version: again.body.version, date: "2022-08-13" });
    expect(verified.body).toMatchObject({ state: "verified", verifiedOn: "2022-08-13" });
    const patchState = await api("PATCH", `/api/v1/supervision-items/${item.id}`, {
      state: "open",
      version: verified.body.version,
    });
    expect(patchState.status).toBe(400);
  });

  it("answers a browser's deep link with the app page and an unknown asset with 404", async () => {
    const page = await app.inject({
      method: "GET",
      url: "/task-forces/tf-01?tab=history&task=t-01-1.4",
      headers: { accept: "text/html,*/*" },
    });
    const hasWebBuild = page.statusCode === 200;
    if (hasWebBuild) expect(page.headers["content-type"]).toContain("text/html");
    const asset = await app.inject({
      method: "GET",
      url: "/assets/missing-1234.js",
      headers: { accept: "*/*" },
    });
    expect(asset.statusCode).toBe(404);
    expect(JSON.parse(asset.body).error.code).toBe("NOT_FOUND");
  });

  it("serves the OpenAPI document and the docs page", async () => {
    const doc = await api("GET", "/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(["/api/v1/tasks", "/api/v1/tasks/{id}", "/api/v1/task-forces/{id}/full"]),
    );
    const ui = await app.inject({ method: "GET", url: "/api/docs/" });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain("swagger");
  });
});
