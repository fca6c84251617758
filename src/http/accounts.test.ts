import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, call, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { detailText } from "../shared/messages.js";

describe.each(dialects)("accounts and passwords through the API on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it("creates an account with its first password in one request, and the user signs in", async () => {
    const r = await admin("POST", "/api/v1/users", {
      username: "zhang.wei",
      displayName: "张伟",
      roles: ["member"],
      password: "first-password",
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ username: "zhang.wei", roles: ["member"], disabled: false });
    expect(JSON.stringify(r.body)).not.toContain("first-password");
    await signIn(app, "zhang.wei", "first-password");
  });

  it("creates nothing when the first password breaks the rule, naming the field in Chinese", async () => {
    const r = await admin("POST", "/api/v1/users", {
      username: "li.na",
      displayName: "李娜",
      password: "short",
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0]).toMatchObject({ path: "password", key: "passwordTooShort" });
    expect(detailText(r.body.error.details[0], "zh")).toBe("密码至少需要 8 个字符");
    const users = (await admin("GET", "/api/v1/users?q=li.na")).body;
    expect(users.total).toBe(0);
  });

  it("still creates an account without a password", async () => {
    const r = await admin("POST", "/api/v1/users", { username: "wang.fang", displayName: "王芳" });
    expect(r.status).toBe(201);
    const login = await call(app, "POST", "/api/v1/auth/login", { username: "wang.fang", password: "" });
    expect(login.status).toBe(401);
  });

  it("names newPassword when a set or changed password breaks the rule", async () => {
    const user = (await admin("GET", "/api/v1/users?q=zhang.wei")).body.items[0];
    const set = await admin("POST", `/api/v1/users/${user.id}/password`, { newPassword: "short" });
    expect(set.status).toBe(400);
    expect(set.body.error.details[0]).toMatchObject({ path: "newPassword", key: "passwordTooShort" });
    const own = clientFor(app, await signIn(app, "zhang.wei", "first-password"));
    const changed = await own("POST", "/api/v1/auth/password", {
      currentPassword: "first-password",
      newPassword: "x",
    });
    expect(changed.body.error.details[0]).toMatchObject({ path: "newPassword", key: "passwordTooShort" });
    const wrong = await own("POST", "/api/v1/auth/password", {
      currentPassword: "not-it-at-all",
      newPassword: "long-enough-now",
    });
    expect(wrong.body.error).toMatchObject({ code: "BAD_PASSWORD" });
    expect(wrong.body.error.details[0]).toMatchObject({ path: "currentPassword", key: "wrongPassword" });
  });
});
