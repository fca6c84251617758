import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { type Auth, type Client, call, clientFor, signIn } from "../../test/factories.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { buildDemoDataset } from "../domain/demo/demo-data.js";
import type { Role } from "../shared/api/org.js";
import { buildApp } from "./app.js";
import { authorize, ruleName } from "./policy.js";

describe.each(dialects)("access control on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const logLines: string[] = [];
  const bodies: string[] = [];
  const as: Record<string, Client> = {};
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    const stream = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    app = await buildApp({ database: t.database, version: "test", logger: { level: "trace", stream } });
    app.addHook("onSend", async (_req, _reply, payload) => {
      if (typeof payload === "string") bodies.push(payload);
      return payload;
    });
    for (const role of DEMO_ACCOUNTS) {
      sessions[role] = await signIn(app, role, DEMO_PASSWORD);
      as[role] = clientFor(app, sessions[role]!);
    }
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("gives every route × role the status its rule promises (generated from the route table)", async () => {
    const routes = app.routeTable;
    expect(routes.length).toBeGreaterThan(60);
    const failures: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:id/g, "zz-missing");
      const body = route.method === "GET" || route.method === "DELETE" ? undefined : {};
      const anon = await call(app, route.method, url, body, null);
      const anonOk = route.rule.kind === "public" ? ![401, 403].includes(anon.status) : anon.status === 401;
      if (!anonOk) failures.push(`anonymous ${route.method} ${route.url} → ${anon.status}`);
      for (const role of DEMO_ACCOUNTS) {
        // Logout ends the session it is called with, so it gets a session of its own.
        const session = route.url.endsWith("/logout")
          ? await signIn(app, role, DEMO_PASSWORD)
          : sessions[role]!;
        const r = await call(app, route.method, url, body, session as Auth);
        const allowed = authorize(route.rule, [role as Role]);
        const ok = allowed ? ![401, 403].includes(r.status) && r.status < 500 : r.status === 403;
        if (!ok)
          failures.push(
            `${role} ${route.method} ${route.url} (${ruleName(route.rule)}) → ${r.status} ${JSON.stringify(r.body)}`,
          );
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("refuses an owner's sign-off of their own rectification", async () => {
    const supervisorPerson = (await as.supervisor!("GET", "/api/v1/auth/me")).body.personId;
    const item = await as.supervisor!("POST", "/api/v1/supervision-items", {
      taskForceId: "tf-02",
      code: "SELF-1",
      raisedOn: "2022-08-10",
      issue: "自查",
      requiredAction: "整改",
      dueDate: "2022-08-30",
      responsiblePersonId: supervisorPerson,
    });
    expect(item.status).toBe(201);
    const go = (who: Client, action: string, version: number) =>
      who("POST", `/api/v1/supervision-items/${item.body.id}/${action}`, { version, date: "2022-08-12" });
    const admin = as.admin!;
    const started = await go(admin, "start", 1);
    const submitted = await go(admin, "submit", started.body.version);
    const self = await go(as.supervisor!, "verify", submitted.body.version);
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe("SELF_VERIFICATION");
    expect((await go(as.member!, "verify", submitted.body.version)).status).toBe(403);
  });

  it("refuses a lead's edit to another task force and allows it in their own", async () => {
    const other = (await as.admin!("GET", "/api/v1/tasks?taskForceId=tf-02&limit=1")).body.items[0];
    const denied = await as.lead!("PATCH", `/api/v1/tasks/${other.id}`, {
      title: "改",
      version: other.version,
    });
    expect(denied.status).toBe(403);
    const own = (await as.admin!("GET", "/api/v1/tasks?taskForceId=tf-01&limit=1")).body.items[0];
    const ok = await as.lead!("PATCH", `/api/v1/tasks/${own.id}`, {
      acceptance: "完成不少于3项",
      version: own.version,
    });
    expect(ok.status).toBe(200);
  });

  it("follows a change of membership at once: a lead gains and loses another task force", async () => {
    const me = (await as.lead!("GET", "/api/v1/auth/me")).body;
    const task = (await as.admin!("GET", "/api/v1/tasks?taskForceId=tf-03&limit=1")).body.items[0];
    const edit = async () => {
      const fresh = (await as.admin!("GET", `/api/v1/tasks/${task.id}`)).body;
      return as.lead!("PATCH", `/api/v1/tasks/${task.id}`, { acceptance: "完成2项", version: fresh.version });
    };
    expect((await edit()).status).toBe(403);
    const member = await as.admin!("POST", "/api/v1/members", {
      taskForceId: "tf-03",
      personId: me.personId,
      post: "副组长",
      role: "lead",
    });
    expect(member.status).toBe(201);
    expect((await edit()).status).toBe(200);
    expect((await as.admin!("DELETE", `/api/v1/members/${member.body.id}`)).status).toBe(204);
    expect((await edit()).status).toBe(403);
  });

  it("lets a member report only on tasks they own", async () => {
    const me = (await as.member!("GET", "/api/v1/auth/me")).body;
    const tasks = (await as.admin!("GET", "/api/v1/tasks?taskForceId=tf-01&limit=1000")).body.items;
    const mine = tasks.find(
      (x: { responsiblePersonId: string; status: string }) =>
        x.responsiblePersonId === me.personId && x.status !== "done",
    );
    const notMine = tasks.find((x: { responsiblePersonId: string }) => x.responsiblePersonId !== me.personId);
    const report = (taskId: string) =>
      as.member!("POST", "/api/v1/progress-reports", {
        taskId,
        reportDate: "2022-08-15",
        percent: 50,
        narrative: "推进中",
      });
    expect((await report(notMine.id)).status).toBe(403);
    expect((await report(mine.id)).status).toBe(201);
  });

  it("keeps a viewer inside their task force", async () => {
    const list = await as.viewer!("GET", "/api/v1/tasks?limit=1000");
    expect(list.status).toBe(200);
    expect(new Set(list.body.items.map((x: { taskForceId: string }) => x.taskForceId))).toEqual(
      new Set(["tf-01"]),
    );
    const other = (await as.admin!("GET", "/api/v1/tasks?taskForceId=tf-03&limit=1")).body.items[0];
    expect((await as.viewer!("GET", `/api/v1/tasks/${other.id}`)).status).toBe(403);
    expect((await as.viewer!("GET", "/api/v1/task-forces")).body.total).toBe(1);
    expect((await as.leader!("GET", "/api/v1/task-forces")).body.total).toBe(10);
  });

  it("lets a leader comment and escalate, and keeps comments editable by their author only", async () => {
    const comment = await as.leader!("POST", "/api/v1/comments", {
      taskForceId: "tf-02",
      body: "请加快进度，月底前见成效",
    });
    expect(comment.status).toBe(201);
    expect(comment.body.author).toBe("leader");
    expect(comment.body.authorName).toBe(
      buildDemoDataset().users.find((u) => u.username === "leader")?.displayName,
    );
    expect((await as.viewer!("POST", "/api/v1/comments", { taskForceId: "tf-01", body: "x" })).status).toBe(
      403,
    );
    const edit = await as.supervisor!("PATCH", `/api/v1/comments/${comment.body.id}`, {
      body: "改",
      version: 1,
    });
    expect(edit.status).toBe(403);
    expect(
      (await as.leader!("PATCH", `/api/v1/comments/${comment.body.id}`, { body: "请加快进度", version: 1 }))
        .status,
    ).toBe(200);
    const item = (await as.admin!("GET", "/api/v1/supervision-items?state=open,rectifying,submitted&limit=1"))
      .body.items[0];
    const escalated = await as.leader!("POST", `/api/v1/supervision-items/${item.id}/escalate`, {
      version: item.version,
      date: "2022-08-15",
      note: "请区政府督查室跟进",
    });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({
      escalatedBy: "leader",
      escalatedOn: "2022-08-15",
      state: item.state,
    });
    expect(
      (
        await as.member!("POST", `/api/v1/supervision-items/${item.id}/escalate`, {
          version: escalated.body.version,
          date: "2022-08-15",
          note: "x",
        })
      ).status,
    ).toBe(403);
  });

  it("lets an owner file a 延期申请 and only a lead of its task force or the office decide it", async () => {
    const me = (await as.member!("GET", "/api/v1/auth/me")).body;
    const tasks = (
      await as.admin!("GET", `/api/v1/tasks?taskForceId=tf-01&responsiblePersonId=${me.personId}&limit=1000`)
    ).body.items;
    const mine = tasks.find(
      (x: { deadline: string | null; status: string }) => x.deadline && x.status !== "done",
    );
    const filed = await as.member!("POST", `/api/v1/tasks/${mine.id}/extension-requests`, {
      requestedDeadline: "2022-12-30",
      reason: "施工受汛期影响",
    });
    expect(filed.status).toBe(201);
    const url = `/api/v1/extension-requests/${filed.body.id}`;
    expect((await as.viewer!("GET", url)).status).toBe(200);
    for (const role of ["leader", "member", "viewer"])
      expect((await as[role]!("POST", `${url}/approve`, { version: 1 })).status, role).toBe(403);
    expect((await as.supervisor!("POST", `${url}/reject`, { version: 1, note: "请按期完成" })).status).toBe(
      200,
    );
  });

  it("refuses a cookie-authenticated write without the CSRF token", async () => {
    const { cookie } = sessions.admin!;
    const body = { code: "CSRF1", name: "无令牌", kind: "other" };
    const without = await call(app, "POST", "/api/v1/org-units", body, { cookie, csrf: null });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe("CSRF");
    const wrong = await call(app, "POST", "/api/v1/org-units", body, { cookie, csrf: "nope" });
    expect(wrong.status).toBe(403);
    expect((await as.admin!("POST", "/api/v1/org-units", body)).status).toBe(201);
  });

  it("answers 401 at once for a revoked API token", async () => {
    const created = await as.lead!("POST", "/api/v1/api-tokens", {
      name: "集成",
      role: "lead",
      taskForceId: "tf-01",
    });
    expect(created.status).toBe(201);
    const token = clientFor(app, { bearer: created.body.token });
    expect((await token("GET", "/api/v1/tasks?limit=1")).status).toBe(200);
    const other = (await as.admin!("GET", "/api/v1/tasks?taskForceId=tf-02&limit=1")).body.items[0];
    expect((await token("GET", `/api/v1/tasks/${other.id}`)).status).toBe(403);
    expect((await as.lead!("DELETE", `/api/v1/api-tokens/${created.body.id}`)).status).toBe(200);
    expect((await token("GET", "/api/v1/tasks?limit=1")).status).toBe(401);
    expect((await as.lead!("POST", "/api/v1/api-tokens", { name: "x", role: "admin" })).status).toBe(403);
  });

  it("rotates the session at login, ends it at logout and after idling", async () => {
    const first = await signIn(app, "viewer", DEMO_PASSWORD);
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "viewer", password: DEMO_PASSWORD },
      headers: { cookie: `guatu_session=${first.cookie}` },
    });
    const second = res.cookies.find((c) => c.name === "guatu_session")!;
    expect(second.value).not.toBe(first.cookie);
    expect(second).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect((await call(app, "GET", "/api/v1/auth/me", undefined, first)).status).toBe(401);
    const s2 = { cookie: second.value, csrf: JSON.parse(res.body).csrfToken };
    expect((await call(app, "GET", "/api/v1/auth/me", undefined, s2)).status).toBe(200);
    await t.database.db.updateTable("sessions").set({ lastSeenAt: "2000-01-01T00:00:00.000Z" }).execute();
    expect((await call(app, "GET", "/api/v1/auth/me", undefined, s2)).status).toBe(401);
    const s3 = await signIn(app, "viewer", DEMO_PASSWORD);
    expect((await call(app, "POST", "/api/v1/auth/logout", undefined, s3)).status).toBe(204);
    expect((await call(app, "GET", "/api/v1/auth/me", undefined, s3)).status).toBe(401);
    for (const role of DEMO_ACCOUNTS) sessions[role] = await signIn(app, role, DEMO_PASSWORD);
    for (const role of DEMO_ACCOUNTS) as[role] = clientFor(app, sessions[role]!);
  });

  it("answers 429 after 10 failed logins for an account, with a clear message", async () => {
    for (let i = 0; i < 10; i++) {
      const r = await call(app, "POST", "/api/v1/auth/login", { username: "leader", password: `wrong-${i}` });
      expect(r.status).toBe(401);
    }
    const locked = await call(app, "POST", "/api/v1/auth/login", {
      username: "leader",
      password: DEMO_PASSWORD,
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toContain("too many failed logins");
  });

  it("changes a password, disables a user, and never shows passwords or hashes in logs or answers", async () => {
    const secret = "a-new-secret-password";
    const s = await signIn(app, "member", DEMO_PASSWORD);
    const changed = await call(
      app,
      "POST",
      "/api/v1/auth/password",
      { currentPassword: DEMO_PASSWORD, newPassword: secret },
      s,
    );
    expect(changed.status).toBe(204);
    await signIn(app, "member", secret);
    const user = (await as.admin!("GET", "/api/v1/users?limit=100")).body.items.find(
      (u: { username: string }) => u.username === "member",
    );
    expect(
      (await as.admin!("PATCH", `/api/v1/users/${user.id}`, { disabled: true, version: user.version }))
        .status,
    ).toBe(200);
    expect(
      (await call(app, "POST", "/api/v1/auth/login", { username: "member", password: secret })).status,
    ).toBe(401);
    expect((await call(app, "GET", "/api/v1/auth/me", undefined, s)).status).toBe(401);
    const hashes = await t.database.db.selectFrom("users").select("passwordHash").execute();
    const logs = logLines.join("\n");
    const answers = bodies.join("\n");
    expect(logLines.length).toBeGreaterThan(100);
    const secrets = [
      secret,
      "scrypt$",
      "passwordHash",
      "password_hash",
      ...hashes.map((h) => String(h.passwordHash)),
    ];
    for (const needle of secrets) {
      expect(logs.includes(needle), `log shows ${needle}`).toBe(false);
      expect(answers.includes(needle), `an answer shows ${needle}`).toBe(false);
    }
    // The demo password is shown by GET /auth/demo on purpose (demo databases only), never logged.
    expect(logs.includes(DEMO_PASSWORD)).toBe(false);
  });

  it("writes exactly one audit entry with before and after per mutation", async () => {
    const count = async () => (await as.admin!("GET", "/api/v1/audit-entries?limit=1")).body.total;
    const start = await count();
    const unit = await as.admin!("POST", "/api/v1/org-units", { code: "AUD1", name: "审计", kind: "other" });
    const upd = await as.admin!("PATCH", `/api/v1/org-units/${unit.body.id}`, { name: "审计2", version: 1 });
    await as.admin!("DELETE", `/api/v1/org-units/${unit.body.id}?version=${upd.body.version}`);
    expect((await count()) - start).toBe(3);
    const trail = (await as.supervisor!("GET", `/api/v1/audit-entries?entityId=${unit.body.id}`)).body.items;
    expect(trail.map((e: { action: string }) => e.action)).toEqual(["delete", "update", "create"]);
    expect(trail[1]).toMatchObject({ actor: "admin", before: { name: "审计" }, after: { name: "审计2" } });
    expect((await as.viewer!("GET", "/api/v1/audit-entries")).status).toBe(403);
  });
});

describe("the route table", () => {
  it("refuses to start an app with an API route that declares no rule", async () => {
    const t = await createTestDatabase("sqlite");
    try {
      const app = await buildApp({ database: t.database, version: "test" });
      expect(() => app.get("/api/v1/unruled", async () => "x")).toThrow(/declares no access rule/);
      await app.close();
    } finally {
      await t.drop();
    }
  });
});
