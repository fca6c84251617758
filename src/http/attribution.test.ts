import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

/**
 * Attribution comes from the session, never the body (hostile-input issue, item 13): a report or an
 * actual in another person's name is refused, and nobody — an admin included — rewords another
 * person's comment.
 */
describe.each(dialects)("who a record names on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  const me: Record<string, { personId: string }> = {};

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    for (const role of ["admin", "member", "lead"]) {
      as[role] = clientFor(app, await signIn(app, role, DEMO_PASSWORD));
      me[role] = (await as[role]!("GET", "/api/v1/auth/me")).body;
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("refuses a member's report in another person's name, and names the member when the body names none", async () => {
    const member = as.member!;
    const tasks = (await member("GET", "/api/v1/tasks?limit=1000")).body.items as {
      id: string;
      responsiblePersonId: string | null;
      duration: number | null;
      percent: number;
    }[];
    const task = tasks.find((x) => x.responsiblePersonId === me.member!.personId && x.percent < 100)!;
    expect(task).toBeDefined();
    const body = {
      taskId: task.id,
      reportDate: "2022-08-15",
      percent: Math.min(100, task.percent + 1),
      narrative: "推进中",
    };
    const forged = await member("POST", "/api/v1/progress-reports", {
      ...body,
      reportedById: me.lead!.personId,
    });
    expect(forged.status).toBe(403);
    expect(forged.body.error.details[0]).toMatchObject({ path: "reportedById", key: "notYourself" });
    const own = await member("POST", "/api/v1/progress-reports", body);
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.reportedById).toBe(me.member!.personId);
  });

  it("lets only a comment's author reword it; an admin may remove it", async () => {
    const made = await as.lead!("POST", "/api/v1/comments", { taskForceId: "tf-01", body: "请加快进度。" });
    expect(made.status).toBe(201);
    const reworded = await as.admin!("PATCH", `/api/v1/comments/${made.body.id}`, {
      body: "进度很好，不必加快。",
      version: made.body.version,
    });
    expect(reworded.status).toBe(403);
    const own = await as.lead!("PATCH", `/api/v1/comments/${made.body.id}`, {
      body: "请务必加快进度。",
      version: made.body.version,
    });
    expect(own.status).toBe(200);
    expect(
      (await as.admin!("DELETE", `/api/v1/comments/${made.body.id}?version=${own.body.version}`)).status,
    ).toBe(204);
  });
});
