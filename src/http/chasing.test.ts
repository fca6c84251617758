import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { chaseDueReminders } from "../domain/chasing/chase.service.js";
import { serviceContext } from "../domain/context.js";
import { loadDemo } from "../domain/demo/demo.service.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { buildDemoDataset } from "../domain/demo/demo-data.js";

interface ChaseBody {
  id: string;
  rule: string;
  level: string;
  recipientId: string;
  subjectId: string;
  subjectCode: string;
  day: string;
  readAt: string | null;
  answeredDay: string | null;
}

/** 催办 records: the daily tick (once per reminder), the inbox, answering, and 催办 by hand. */
describe.each(dialects)("the chasing loop's records on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let supervisor: Client;
  let lead: Client;
  let member: Client;
  const at = (day: string) => () => `${day}T01:00:00.000Z`;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await loadDemo(serviceContext(t.database, "demo", at("2022-08-15")), buildDemoDataset());
    app = await appFor(t);
    supervisor = clientFor(app, await signIn(app, "supervisor", DEMO_PASSWORD));
    lead = clientFor(app, await signIn(app, "lead", DEMO_PASSWORD));
    member = clientFor(app, await signIn(app, "member", DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("records each reminder due once: a second tick the same day, as a second instance would, sends nothing", async () => {
    const ctx = serviceContext(t.database, "worker", at("2022-08-15"));
    const first = await chaseDueReminders(ctx);
    expect(first.day).toBe("2022-08-15");
    expect(first.due).toBeGreaterThan(3);
    expect(first.sent).toBe(first.due);
    const [again, other] = await Promise.all([chaseDueReminders(ctx), chaseDueReminders(ctx)]);
    expect([again.sent, other.sent]).toEqual([0, 0]);
    const all = (await supervisor("GET", "/api/v1/chases?limit=500")).body;
    expect(all.total).toBe(first.sent);
    // A weekend day: no reminders at all.
    expect((await chaseDueReminders(ctx, "2022-08-13")).due).toBe(0);
  });

  it("puts a chase in the recipient's inbox; reading it marks the chase read", async () => {
    const inbox = (await lead("GET", "/api/v1/inbox?unread=true")).body;
    expect(inbox.unread).toBeGreaterThan(0);
    const message = inbox.items.find((m: { kind: string }) => m.kind === "chase");
    expect(message.params).toMatchObject({ rule: expect.any(String), code: expect.any(String) });
    const marked = await lead("POST", "/api/v1/inbox/read", { ids: [message.id] });
    expect(marked.body).toEqual({ marked: 1 });
    const after = (await lead("GET", "/api/v1/inbox")).body;
    expect(after.unread).toBe(inbox.unread - 1);
    const chases = (await supervisor("GET", "/api/v1/chases?limit=500")).body.items as ChaseBody[];
    expect(chases.find((c) => c.id === message.chaseId)?.readAt).not.toBeNull();
  });

  it("answers a task's chases with its next report", async () => {
    const chases = (await supervisor("GET", "/api/v1/chases?limit=500")).body.items as ChaseBody[];
    const taskId = chases.find((c) => c.subjectId.startsWith("t-01-"))?.subjectId;
    expect(taskId).toBeDefined();
    const open = chases.filter((c) => c.subjectId === taskId && c.answeredDay === null);
    expect(open.length).toBeGreaterThan(0);
    const task = (await lead("GET", `/api/v1/tasks/${taskId}`)).body;
    const r = await lead("POST", "/api/v1/progress-reports", {
      taskId,
      reportDate: "2022-08-15",
      percent: Math.min(99, task.percent + 1),
      narrative: "已按催办要求补报进展",
    });
    expect(r.status).toBe(201);
    const now = (await supervisor("GET", `/api/v1/chases?subjectId=${taskId}`)).body.items as ChaseBody[];
    expect(now.every((c) => c.answeredDay === "2022-08-15")).toBe(true);
    expect((await supervisor("GET", "/api/v1/chases?answered=true&limit=1")).body.total).toBeGreaterThan(0);
  });

  it("counts the round's 催办 in the dispatch report: sent, unanswered, unanswered past grace", async () => {
    await chaseDueReminders(serviceContext(t.database, "worker", at("2022-08-19")), "2022-08-19");
    const report = (await supervisor("GET", "/api/v1/dispatch-report?statusDate=2022-08-19")).body;
    const all = (await supervisor("GET", "/api/v1/chases?from=2022-08-15&to=2022-08-19&limit=500")).body;
    expect(report.chases.total.sent).toBe(all.total);
    const open = (all.items as ChaseBody[]).filter((c) => c.answeredDay === null).length;
    expect(report.chases.total.unanswered).toBe(open);
    // Sent on Monday 08-15, unanswered by Friday: past the owner's one working day.
    expect(report.chases.total.pastGrace).toBeGreaterThan(0);
    expect(report.chases.unanswered[0]).toMatchObject({
      day: expect.any(String),
      workdaysUnanswered: expect.any(Number),
    });
    const tf = report.taskForces[0].taskForceId;
    expect(report.chases.byTaskForce[tf].sent).toBe(
      (all.items as (ChaseBody & { taskForceId: string })[]).filter((c) => c.taskForceId === tf).length,
    );
  });

  it("lets a task force's lead change its own reminder settings, which the rules then use", async () => {
    const before = (await lead("GET", "/api/v1/task-forces/tf-01/reminder-settings")).body;
    expect(before).toMatchObject({ own: {}, effective: { daysBefore: 3, grace: { lead: 5 } } });
    const dueBefore = (
      await chaseDueReminders(serviceContext(t.database, "w", at("2022-08-16")), "2022-08-16")
    ).due;
    const put = await lead("PUT", "/api/v1/task-forces/tf-01/reminder-settings", { grace: { lead: 1 } });
    expect(put.status).toBe(200);
    expect(put.body.effective.grace).toEqual({ owner: 1, unitHead: 3, lead: 1, leadLeader: 10 });
    const dueAfter = (
      await chaseDueReminders(serviceContext(t.database, "w", at("2022-08-17")), "2022-08-16")
    ).due;
    expect(dueAfter).toBeGreaterThanOrEqual(dueBefore);
    const bad = await lead("PUT", "/api/v1/task-forces/tf-01/reminder-settings", { overdueEvery: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("body.overdueEvery");
    expect((await member("PUT", "/api/v1/task-forces/tf-01/reminder-settings", {})).status).toBe(403);
    expect((await lead("PUT", "/api/v1/task-forces/tf-02/reminder-settings", {})).status).toBe(403);
    expect((await lead("PUT", "/api/v1/task-forces/tf-01/reminder-settings", {})).body.own).toEqual({});
  });

  it("lets a lead chase an owner by hand once a day, and refuses people outside the chain in their language", async () => {
    const tasks = (await lead("GET", "/api/v1/tasks?taskForceId=tf-01&limit=200")).body.items as {
      id: string;
      percent: number;
      status: string;
      responsiblePersonId: string | null;
    }[];
    const open = tasks.find((x) => x.percent < 100 && x.status !== "done" && x.responsiblePersonId);
    expect(open).toBeDefined();
    const body = { subjectKind: "task", subjectId: open?.id, reason: "请于本周五前补报进展" };
    const sent = await lead("POST", "/api/v1/chases", body);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ rule: "manual", level: "owner", sender: "lead", reason: body.reason });
    const twice = await lead("POST", "/api/v1/chases", body);
    expect(twice.status).toBe(422);
    expect(twice.body.error.details[0]).toMatchObject({ path: "recipientId", key: "chasedToday" });
    const stranger = await lead("POST", "/api/v1/chases", { ...body, recipientId: "p-ldr-sj" });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.details[0].key).toBe("notInChain");
    expect((await member("POST", "/api/v1/chases", body)).status).toBe(403);
    const other = (await supervisor("GET", "/api/v1/tasks?taskForceId=tf-02&limit=1")).body.items[0];
    expect((await lead("POST", "/api/v1/chases", { ...body, subjectId: other.id })).status).toBe(403);
  });
});
