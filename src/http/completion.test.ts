import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { addUser } from "../domain/accounts/account.service.js";
import { serviceContext } from "../domain/context.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { ERRORS } from "../shared/errors.js";

type Task = {
  id: string;
  code: string;
  version: number;
  status: string;
  percent: number;
  actualFinish: string | null;
  completion: string | null;
  completionNote: string | null;
  responsiblePersonId: string | null;
};
type Light = { taskId: string; color: string; reasons: { code: string }[] };

const DAY = "2022-08-15";

/** Completion review (完成确认) through the API: claim on 100 %, confirm, send back, who may, versions, lights. */
describe.each(dialects)("completion review on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  let memberPerson: string;
  let leadPerson: string;

  const task = async (id: string): Promise<Task> => (await as.admin!("GET", `/api/v1/tasks/${id}`)).body;
  const report = (who: string, taskId: string, percent: number) =>
    as[who]!("POST", "/api/v1/progress-reports", {
      taskId,
      reportDate: DAY,
      percent,
      narrative: percent === 100 ? "已完成，成果材料已上传" : "继续推进",
    });
  const review = (who: string, id: string, action: "confirm" | "return", body: unknown) =>
    as[who]!("POST", `/api/v1/tasks/${id}/${action}-completion`, body);
  const lightOf = async (tf: string, id: string): Promise<Light> =>
    (await as.supervisor!("GET", `/api/v1/task-forces/${tf}/lights`)).body.tasks.find(
      (l: Light) => l.taskId === id,
    );
  const messages = (personId: string, kind: string) =>
    t.database.db
      .selectFrom("messages")
      .selectAll()
      .where("personId", "=", personId)
      .where("kind", "=", kind)
      .execute();
  const audits = (id: string) =>
    t.database.db
      .selectFrom("audit_entries")
      .selectAll()
      .where("entity", "=", "task")
      .where("entityId", "=", id)
      .where("action", "=", "transition")
      .execute();

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    for (const role of ["admin", "supervisor", "lead", "member", "viewer"])
      as[role] = clientFor(app, await signIn(app, role, DEMO_PASSWORD));
    memberPerson = (await as.member!("GET", "/api/v1/auth/me")).body.personId;
    leadPerson = (await as.lead!("GET", "/api/v1/auth/me")).body.personId;
    // A lead of task force 02 only.
    const tf02Lead = (await as.admin!("GET", "/api/v1/members?taskForceId=tf-02&role=lead&limit=1")).body
      .items[0];
    await addUser(serviceContext(t.database, "test"), {
      username: "lead02",
      displayName: "二号专班牵头人",
      roles: ["lead"],
      personId: tf02Lead.personId,
      password: "pass-word-1",
    });
    as.lead02 = clientFor(app, await signIn(app, "lead02", "pass-word-1"));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("has the demo's finished tasks confirmed and one claimed in task force 01, which its lead was told of", async () => {
    const all: Task[] = (await as.admin!("GET", "/api/v1/tasks?status=done&limit=1000")).body.items;
    expect(all.filter((x) => x.completion === "claimed").map((x) => x.code)).toEqual(["01.2.3"]);
    expect(all.filter((x) => x.completion === null)).toEqual([]);
    const told = await messages(leadPerson, "completionClaimed");
    expect(told.map((m) => JSON.parse(m.params).taskCode)).toEqual(["01.2.3"]);
    // Reported done on 07-27 and due on the status date: yellow (due today) until confirmed.
    expect((await lightOf("tf-01", "t-01-2.3")).reasons.map((r) => r.code)).toEqual([
      "DEADLINE_SOON",
      "AWAITING_CONFIRMATION",
    ]);
  });

  it("claims the completion of a task its owner reports at 100 %, and tells the task force's lead", async () => {
    expect((await task("t-01-4.1")).responsiblePersonId).toBe(memberPerson);
    const res = await report("member", "t-01-4.1", 100);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(await task("t-01-4.1")).toMatchObject({
      status: "done",
      percent: 100,
      actualFinish: DAY,
      completion: "claimed",
      completionNote: null,
    });
    const told = (await messages(leadPerson, "completionClaimed")).filter((m) => m.subjectId === "t-01-4.1");
    expect(told.map((m) => JSON.parse(m.params))).toEqual([
      {
        taskCode: "01.4.1",
        taskTitle: "重点项目“周调度、月通报”",
        ownerName: expect.any(String),
        percent: 100,
      },
    ]);
    expect(told[0]!.subjectId).toBe("t-01-4.1");
    // Awaiting review (待确认) on the task list's filter; still lit as work, not blue.
    const list = await as.lead!("GET", "/api/v1/tasks?taskForceId=tf-01&completion=claimed&limit=100");
    expect(list.body.items.map((x: Task) => x.code)).toContain("01.4.1");
    const light = await lightOf("tf-01", "t-01-4.1");
    expect(light.color).toBe("green");
    expect(light.reasons.map((r) => r.code)).toEqual(["AWAITING_CONFIRMATION"]);
  });

  it("refuses a review by a member or another task force's lead with a worded error, and a stale version", async () => {
    const claimed = await task("t-01-4.1");
    const byMember = await review("member", claimed.id, "confirm", { version: claimed.version });
    expect(byMember.status).toBe(403);
    expect(byMember.body.error.code).toBe("FORBIDDEN");
    const byOther = await review("lead02", claimed.id, "return", {
      version: claimed.version,
      reason: "不符",
    });
    expect(byOther.status).toBe(403);
    expect(byOther.body.error.code).toBe("COMPLETION_REVIEWER");
    expect(ERRORS.COMPLETION_REVIEWER.zh).toContain("牵头人");
    const stale = await review("lead", claimed.id, "confirm", { version: claimed.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("STALE_VERSION");
    // Read-only on the task itself: a plan edit cannot set it.
    const patched = await as.lead!("PATCH", `/api/v1/tasks/${claimed.id}`, {
      version: claimed.version,
      completion: "confirmed",
    });
    expect(patched.status).toBe(400);
    expect(await task(claimed.id)).toEqual(claimed);
  });

  it("sends a claimed completion back only with a reason: in progress again at the last percent before the claim", async () => {
    const claimed = await task("t-01-4.1");
    for (const body of [{ version: claimed.version }, { version: claimed.version, reason: "  " }]) {
      const refused = await review("lead", claimed.id, "return", body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details[0].path).toBe("body.reason");
    }
    const back = await review("lead", claimed.id, "return", {
      version: claimed.version,
      reason: "佐证材料缺少8月月通报，请补充后再报",
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    // The demo's report of 2022-08-15 said 22 %; the 100 % report came after it.
    expect(back.body).toMatchObject({
      status: "in_progress",
      percent: 22,
      actualFinish: null,
      completion: null,
      completionNote: "佐证材料缺少8月月通报，请补充后再报",
      version: claimed.version + 1,
    });
    const told = await messages(memberPerson, "completionReturned");
    expect(JSON.parse(told.at(-1)!.params)).toEqual({
      taskCode: "01.4.1",
      taskTitle: "重点项目“周调度、月通报”",
      reason: "佐证材料缺少8月月通报，请补充后再报",
      reviewerName: expect.any(String),
    });
    const [audit] = await audits(claimed.id);
    expect(audit?.reason).toBe("佐证材料缺少8月月通报，请补充后再报");
    expect(
      (await review("lead", claimed.id, "return", { version: back.body.version, reason: "再退" })).body.error
        .code,
    ).toBe("NOT_CLAIMED");
    // The owner reports again from where the task stands (below the 100 % report), then claims again.
    expect((await report("member", claimed.id, 95)).status).toBe(201);
    expect(await task(claimed.id)).toMatchObject({ status: "in_progress", percent: 95, completion: null });
    expect((await report("member", claimed.id, 100)).status).toBe(201);
    expect(await task(claimed.id)).toMatchObject({ completion: "claimed", completionNote: null });
  });

  it("confirms a claimed completion: done (blue) from then on, once", async () => {
    const claimed = await task("t-01-4.1");
    const ok = await review("lead", claimed.id, "confirm", { version: claimed.version, note: "材料齐全" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({
      status: "done",
      percent: 100,
      completion: "confirmed",
      completionNote: "材料齐全",
    });
    expect((await lightOf("tf-01", claimed.id)).color).toBe("blue");
    const again = await review("lead", claimed.id, "confirm", { version: ok.body.version });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("NOT_CLAIMED");
    expect((await audits(claimed.id)).map((a) => a.reason)).toContain("材料齐全");
  });

  it("lights a claimed task past its deadline red until confirmed, and sends one back without earlier reports to 90 %", async () => {
    // 01.2.5 was due 2022-07-31 and never reported on; its lead reports it done.
    expect((await report("lead", "t-01-2.5", 100)).status).toBe(201);
    const light = await lightOf("tf-01", "t-01-2.5");
    expect(light.color).toBe("red");
    expect(light.reasons.map((r) => r.code)).toEqual(["PAST_DEADLINE", "AWAITING_CONFIRMATION"]);
    const claimed = await task("t-01-2.5");
    const back = await review("supervisor", claimed.id, "return", {
      version: claimed.version,
      reason: "未见审查意见书",
    });
    expect(back.body).toMatchObject({ status: "in_progress", percent: 90, completion: null });
    expect((await lightOf("tf-01", claimed.id)).color).toBe("red");
  });

  it("lets exactly one of two reviews at the same version through", async () => {
    expect((await report("member", "t-01-3.4", 100)).status).toBe(201);
    const claimed = await task("t-01-3.4");
    const answers = await Promise.all([
      review("lead", claimed.id, "confirm", { version: claimed.version }),
      review("supervisor", claimed.id, "return", { version: claimed.version, reason: "同时退回" }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const after = await task(claimed.id);
    expect(after.version).toBe(claimed.version + 1);
    expect(after.completion === "confirmed" || after.status === "in_progress").toBe(true);
  });

  it("keeps the owner from confirming their own completion; the supervision office may", async () => {
    const t02 = await task("t-01-4.2");
    const owned = await as.admin!("PATCH", `/api/v1/tasks/${t02.id}`, {
      version: t02.version,
      responsiblePersonId: leadPerson,
    });
    expect(owned.status).toBe(200);
    expect((await report("lead", t02.id, 100)).status).toBe(201);
    const claimed = await task(t02.id);
    const self = await review("lead", t02.id, "confirm", { version: claimed.version });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe("SELF_CONFIRMATION");
    expect((await review("supervisor", t02.id, "confirm", { version: claimed.version })).status).toBe(200);
  });

  it("confirms a task its lead finishes by a plan edit (the lead's own record)", async () => {
    const before = await task("t-01-4.5");
    const done = await as.lead!("PATCH", `/api/v1/tasks/${before.id}`, {
      version: before.version,
      status: "done",
      percent: 100,
      actualFinish: DAY,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.completion).toBe("confirmed");
    const reopened = await as.lead!("PATCH", `/api/v1/tasks/${before.id}`, {
      version: done.body.version,
      status: "in_progress",
      percent: 50,
      actualFinish: null,
    });
    expect(reopened.body.completion).toBe(null);
  });
});
