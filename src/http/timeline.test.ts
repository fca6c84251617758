import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { buildTask, type Client, clientFor, signIn, TINY_PNG } from "../../test/factories.js";
import type { DatabaseHandle } from "../db/connection.js";
import { serviceContext } from "../domain/context.js";
import { loadDemo } from "../domain/demo/demo.service.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { buildDemoDataset } from "../domain/demo/demo-data.js";
import { supervisionItemTimeline, taskTimeline } from "../domain/timeline/timeline.service.js";
import type { Timeline } from "../shared/api/timeline.js";
import { buildApp } from "./app.js";

const DAY = "2022-08-15";
const ROLES = ["supervisor", "leader", "lead", "member"] as const;
type Who = (typeof ROLES)[number];

/**
 * Timelines built through the API: a 督办单 raised on a new task goes round its loop (chased,
 * started, evidence, submitted, returned, commented, submitted again, verified) while the task is
 * reported on, commented, chased, asked to be extended and claimed done; both timelines then tell
 * it all in order, by name, with the notes.
 */
describe.each(dialects)("timelines of a task and a 督办单 on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const as = {} as Record<Who, Client>;
  const name = {} as Record<Who, string>;
  let task: { id: string; code: string };
  let item: { id: string; code: string };
  let attachment: string;

  /** A POST that must succeed: its body. */
  const ok = async (who: Who, url: string, body: unknown) => {
    const res = await as[who]("POST", url, body);
    expect(res.status, `${who} POST ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  let itemVersion = 1;
  const step = async (who: Who, action: string, extra: Record<string, string> = {}) => {
    const body = { version: itemVersion, date: DAY, ...extra };
    itemVersion = (await ok(who, `/api/v1/supervision-items/${item.id}/${action}`, body)).version;
  };
  const taskVersion = async () => (await as.lead("GET", `/api/v1/tasks/${task.id}`)).body.version;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await loadDemo(
      serviceContext(t.database, "demo", () => `${DAY}T01:00:00.000Z`),
      buildDemoDataset(),
    );
    // Every instant a service reads is a second after the last: the order of the steps is theirs.
    let tick = 0;
    const clock = () => new Date(Date.parse(`${DAY}T02:00:00.000Z`) + ++tick * 1000);
    app = await buildApp({ database: t.database, version: "test", clock });
    for (const who of ROLES) {
      as[who] = clientFor(app, await signIn(app, who, DEMO_PASSWORD));
      name[who] = (await as[who]("GET", "/api/v1/auth/me")).body.user.displayName;
    }
    const owner = (await as.member("GET", "/api/v1/auth/me")).body.personId;
    task = await ok("lead", "/api/v1/tasks", buildTask("tf-01", { responsiblePersonId: owner }));
    item = await ok("supervisor", "/api/v1/supervision-items", {
      taskForceId: "tf-01",
      taskId: task.id,
      raisedOn: DAY,
      dueDate: "2022-08-31",
      issue: "项目储备不足，前期手续滞后",
      requiredAction: "补齐储备项目清单",
      responsiblePersonId: owner,
    });
    await ok("lead", "/api/v1/chases", {
      subjectKind: "supervisionItem",
      subjectId: item.id,
      reason: "请尽快整改",
    });
    await step("member", "start");
    attachment = (
      await uploadAs(
        "member",
        `/api/v1/attachments?taskId=${task.id}&name=${encodeURIComponent("整改照片.png")}`,
      )
    ).id;
    await step("member", "submit", { rectification: "已补齐 12 个储备项目" });
    await step("supervisor", "return", { note: "证据不足，请补充现场照片" });
    await ok("leader", "/api/v1/comments", {
      taskForceId: "tf-01",
      supervisionItemId: item.id,
      body: "要举一反三",
    });
    await step("member", "submit", { rectification: "已补充现场照片" });
    await step("supervisor", "verify", { note: "同意销号" });
    await ok("member", "/api/v1/progress-reports", {
      taskId: task.id,
      reportDate: DAY,
      percent: 50,
      narrative: "已完成前期手续的一半",
      evidence: [`attachment:${attachment}:整改照片.png`, "会议纪要（纸质）"],
    });
    await ok("leader", "/api/v1/comments", { taskForceId: "tf-01", taskId: task.id, body: "加快进度" });
    await ok("lead", "/api/v1/chases", {
      subjectKind: "task",
      subjectId: task.id,
      reason: "请本周内报送进展",
    });
    const ext = await ok("member", `/api/v1/tasks/${task.id}/extension-requests`, {
      requestedDeadline: "2022-10-31",
      reason: "设备到货延迟",
    });
    await ok("lead", `/api/v1/extension-requests/${ext.id}/reject`, {
      version: ext.version,
      note: "请按原计划推进",
    });
    await ok("member", "/api/v1/progress-reports", {
      taskId: task.id,
      reportDate: DAY,
      percent: 100,
      narrative: "全部完成",
    });
    await ok("lead", `/api/v1/tasks/${task.id}/return-completion`, {
      version: await taskVersion(),
      reason: "缺少验收材料",
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  /** Uploads the tiny PNG with the caller's session. */
  async function uploadAs(who: Who, url: string) {
    const session = await signIn(app, who, DEMO_PASSWORD);
    const res = await app.inject({
      method: "POST",
      url,
      headers: {
        cookie: `guatu_session=${session.cookie}`,
        "x-csrf-token": session.csrf,
        "content-type": "image/png",
      },
      payload: TINY_PNG,
    });
    expect(res.statusCode, res.body).toBe(201);
    return JSON.parse(res.body) as { id: string };
  }

  const rows = (tl: Timeline) => tl.events.map((e) => [e.kind, e.actorName, e.text]);

  it("tells a 督办单's loop in order: who did each step, by name, with its note and evidence", async () => {
    const res = await as.member("GET", `/api/v1/supervision-items/${item.id}/timeline`);
    expect(res.status).toBe(200);
    const tl: Timeline = res.body;
    expect(tl.subject).toMatchObject({
      kind: "supervisionItem",
      code: item.code,
      title: "项目储备不足，前期手续滞后",
      ownerName: name.member,
      deadline: "2022-08-31",
      state: "verified",
      taskLabel: `${task.code} 项目前期手续办理`,
    });
    expect(tl.statusDate).toBe(DAY);
    expect(rows(tl)).toEqual([
      ["raised", name.supervisor, "项目储备不足，前期手续滞后"],
      ["chased", name.lead, "请尽快整改"],
      ["started", name.member, null],
      ["attached", name.member, null],
      ["submitted", name.member, "已补齐 12 个储备项目"],
      ["returned", name.supervisor, "证据不足，请补充现场照片"],
      ["commented", name.leader, "要举一反三"],
      ["submitted", name.member, "已补充现场照片"],
      ["verified", name.supervisor, "同意销号"],
    ]);
    expect(tl.events.every((e) => e.day === DAY && e.itemCode === null)).toBe(true);
    const chased = tl.events.find((e) => e.kind === "chased");
    expect(chased).toMatchObject({ recipientName: name.member, chaseRule: "manual" });
    const file = tl.events.find((e) => e.kind === "attached");
    expect(file?.evidence).toEqual([
      { name: "整改照片.png", attachmentId: attachment, url: `/api/v1/attachments/${attachment}` },
    ]);
    // The link downloads the file for a reader of the item.
    expect((await as.member("GET", file!.evidence[0]!.url!)).status).toBe(200);
  });

  it("tells a task's story: its 督办单's steps by number, reports, comments, 催办, 延期申请 and completion review", async () => {
    const res = await as.lead("GET", `/api/v1/tasks/${task.id}/timeline`);
    expect(res.status).toBe(200);
    const tl: Timeline = res.body;
    expect(tl.subject).toMatchObject({
      kind: "task",
      code: task.code,
      ownerName: name.member,
      state: "in_progress",
    });
    expect(rows(tl)).toEqual([
      ["created", name.lead, null],
      ["raised", name.supervisor, "项目储备不足，前期手续滞后"],
      ["started", name.member, null],
      ["attached", name.member, null],
      ["submitted", name.member, "已补齐 12 个储备项目"],
      ["returned", name.supervisor, "证据不足，请补充现场照片"],
      ["submitted", name.member, "已补充现场照片"],
      ["verified", name.supervisor, "同意销号"],
      ["reported", name.member, "已完成前期手续的一半"],
      ["commented", name.leader, "加快进度"],
      ["chased", name.lead, "请本周内报送进展"],
      ["extensionRequested", name.member, "设备到货延迟"],
      ["extensionRejected", name.lead, "请按原计划推进"],
      ["reported", name.member, "全部完成"],
      ["claimed", name.member, null],
      ["completionReturned", name.lead, "缺少验收材料"],
    ]);
    const itemSteps = tl.events.filter((e) => e.itemCode !== null);
    expect(itemSteps.map((e) => e.kind)).toEqual([
      "raised",
      "started",
      "submitted",
      "returned",
      "submitted",
      "verified",
    ]);
    expect(new Set(itemSteps.map((e) => e.itemCode))).toEqual(new Set([item.code]));
    const reports = tl.events.filter((e) => e.kind === "reported");
    expect(reports.map((e) => e.percent)).toEqual([50, 100]);
    expect(reports[0]?.evidence).toEqual([
      { name: "整改照片.png", attachmentId: attachment, url: `/api/v1/attachments/${attachment}` },
      { name: "会议纪要（纸质）", attachmentId: null, url: null },
    ]);
    expect(tl.events.find((e) => e.kind === "extensionRequested")?.deadline).toBe("2022-10-31");
    // No raw username reaches the reader where a name exists.
    for (const e of tl.events) expect(ROLES).not.toContain(e.actorName);
  });

  it("refuses a lead another task force's timelines, and answers 404 for none", async () => {
    const other = (await as.supervisor("GET", "/api/v1/tasks?taskForceId=tf-02&limit=1")).body.items[0];
    const otherItem = (await as.supervisor("GET", "/api/v1/supervision-items?taskForceId=tf-02&limit=1")).body
      .items[0];
    expect((await as.supervisor("GET", `/api/v1/tasks/${other.id}/timeline`)).status).toBe(200);
    for (const url of [
      `/api/v1/tasks/${other.id}/timeline`,
      `/api/v1/supervision-items/${otherItem.id}/timeline`,
    ]) {
      const res = await as.lead("GET", url);
      expect(res.status, url).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
    const none = await as.lead("GET", "/api/v1/tasks/no-such-task/timeline");
    expect(none.status).toBe(404);
    expect((await as.lead("GET", "/api/v1/supervision-items/bad%20id/timeline")).status).toBe(400);
  });

  it("reads a timeline in the same few queries however many events it has (no query per event)", async () => {
    let queries = 0;
    const counted: DatabaseHandle = {
      ...t.database,
      db: t.database.db.withPlugin({
        transformQuery: (args) => {
          queries++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      }),
    };
    const ctx = serviceContext(counted, "system", () => `${DAY}T09:00:00.000Z`);
    const count = async (read: () => Promise<unknown>) => {
      await read(); // warms the settings cache
      queries = 0;
      await read();
      return queries;
    };
    const before = await count(() => taskTimeline(ctx, task.id));
    const itemBefore = await count(() => supervisionItemTimeline(ctx, item.id));
    for (const body of ["一", "二", "三"]) {
      await ok("leader", "/api/v1/comments", { taskForceId: "tf-01", taskId: task.id, body });
      await ok("leader", "/api/v1/comments", { taskForceId: "tf-01", supervisionItemId: item.id, body });
    }
    expect(await count(() => taskTimeline(ctx, task.id))).toBe(before);
    expect(await count(() => supervisionItemTimeline(ctx, item.id))).toBe(itemBefore);
    // About half are the scope read (getTask schedules the task); the sources take one query each.
    expect(before).toBeLessThanOrEqual(25);
  });

  it("names a demo item's steps replayed by the loader after the people it records", async () => {
    const verified = (await as.supervisor("GET", "/api/v1/supervision-items?state=verified&limit=1")).body
      .items[0];
    const tl: Timeline = (await as.supervisor("GET", `/api/v1/supervision-items/${verified.id}/timeline`))
      .body;
    expect(tl.events[0]?.kind).toBe("raised");
    expect(tl.events.at(-1)?.kind).toBe("verified");
    // Steps are in day order even where the loader recorded them after the dates they name.
    const days = tl.events.map((e) => e.day);
    expect([...days].sort()).toEqual(days);
    expect(tl.events.find((e) => e.kind === "raised")?.actorName).not.toBe("demo");
  });
});
