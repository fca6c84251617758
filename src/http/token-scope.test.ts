import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

/**
 * API tokens limited to one task force (issue: hostile input, items 2, 7 and 13). Such a token may
 * work on its task force and nothing else: not the account (passwords, tokens), not the
 * organisation's settings, users, audit trail or assessment snapshots, not another task force. A
 * password change ends its owner's tokens.
 */
describe.each(dialects)("API tokens limited to one task force on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Client;
  const tokens: Record<string, Client> = {};

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
    for (const role of ["admin", "supervisor", "leader"]) {
      const made = await admin("POST", "/api/v1/api-tokens", {
        name: `限 01 ${role}`,
        role,
        taskForceId: "tf-01",
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      tokens[role] = clientFor(app, { bearer: made.body.token });
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const firstOf = async (path: string) => (await admin("GET", `/api/v1/${path}`)).body.items[0];

  it("lets an admin token limited to 01 change 01's plan, and nothing of the account or the organisation", async () => {
    const token = tokens.admin!;
    const own = await firstOf("tasks?taskForceId=tf-01&sort=code&limit=1");
    const other = await firstOf("tasks?taskForceId=tf-02&sort=code&limit=1");
    expect(
      (await token("PATCH", `/api/v1/tasks/${own.id}`, { title: `${own.title}`, version: own.version }))
        .status,
    ).toBe(200);
    const refused = {
      "PATCH another task force's task": await token("PATCH", `/api/v1/tasks/${other.id}`, {
        title: other.title,
        version: other.version,
      }),
      "set the admin's password": await token("POST", "/api/v1/users/u-admin/password", {
        newPassword: "taken-over-password",
      }),
      "change the settings": await token("PUT", "/api/v1/settings", { plan: { slippageAgainst: "latest" } }),
      "list the users": await token("GET", "/api/v1/users?limit=10"),
      "read the audit trail": await token("GET", "/api/v1/audit-entries?limit=10"),
      "take an assessment snapshot": await token("POST", "/api/v1/assessments"),
      "make another token": await token("POST", "/api/v1/api-tokens", { name: "更大的", role: "admin" }),
      "list the tokens": await token("GET", "/api/v1/api-tokens"),
      "change its owner's password": await token("POST", "/api/v1/auth/password", {
        currentPassword: DEMO_PASSWORD,
        newPassword: "taken-over-password",
      }),
      "create a unit": await token("POST", "/api/v1/org-units", {
        code: "X1",
        name: "冒名单位",
        kind: "other",
      }),
      "create a task force": await token("POST", "/api/v1/task-forces", { code: "99", name: "冒名专班" }),
    };
    const statuses = Object.fromEntries(Object.entries(refused).map(([k, r]) => [k, r.status]));
    expect(statuses).toEqual(Object.fromEntries(Object.keys(refused).map((k) => [k, 403])));
    for (const r of Object.values(refused)) expect(r.body.error.code).toBe("FORBIDDEN");
    // The admin's password is as it was.
    expect((await signIn(app, "admin", DEMO_PASSWORD)).cookie).toBeTruthy();
  });

  it("refuses a supervisor's and a leader's token limited to 01 the organisation's records and 02's items", async () => {
    const item = await firstOf("supervision-items?taskForceId=tf-02&limit=1");
    expect(item).toBeDefined();
    const answers = {
      "supervisor: audit trail": await tokens.supervisor!("GET", "/api/v1/audit-entries?limit=1"),
      "supervisor: assessment snapshot": await tokens.supervisor!("POST", "/api/v1/assessments"),
      "leader: audit trail": await tokens.leader!("GET", "/api/v1/audit-entries?limit=1"),
      "leader: escalate 02's item": await tokens.leader!(
        "POST",
        `/api/v1/supervision-items/${item.id}/escalate`,
        {
          version: item.version,
          date: "2022-08-15",
          note: "越权提级",
        },
      ),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]))).toEqual(
      Object.fromEntries(Object.keys(answers).map((k) => [k, 403])),
    );
    expect((await tokens.leader!("GET", "/api/v1/tasks?taskForceId=tf-01&limit=1")).status).toBe(200);
  });

  it("ends a user's API tokens when their password changes", async () => {
    const s = await signIn(app, "lead", DEMO_PASSWORD);
    const lead = clientFor(app, s);
    const made = await lead("POST", "/api/v1/api-tokens", {
      name: "集成",
      role: "lead",
      taskForceId: "tf-01",
    });
    expect(made.status).toBe(201);
    const token = clientFor(app, { bearer: made.body.token });
    expect((await token("GET", "/api/v1/tasks?taskForceId=tf-01&limit=1")).status).toBe(200);
    const changed = await lead("POST", "/api/v1/auth/password", {
      currentPassword: DEMO_PASSWORD,
      newPassword: "a-new-lead-password",
    });
    expect(changed.status).toBe(204);
    expect((await token("GET", "/api/v1/tasks?taskForceId=tf-01&limit=1")).status).toBe(401);
    const list = await clientFor(app, await signIn(app, "lead", "a-new-lead-password"))(
      "GET",
      "/api/v1/api-tokens",
    );
    expect(list.body.filter((x: { revokedAt: string | null }) => !x.revokedAt)).toEqual([]);
  });
});
