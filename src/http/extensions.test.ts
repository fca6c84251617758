import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { addUser } from "../domain/accounts/account.service.js";
import { serviceContext } from "../domain/context.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { fieldLabel } from "../shared/field-labels.js";
import { detailText, type Lang } from "../shared/messages.js";

type Task = {
  id: string;
  code: string;
  version: number;
  deadline: string | null;
  duration: number | null;
  lateFinish: string | null;
  status: string;
  baselineFinish: string | null;
  slippage: number | null;
  responsiblePersonId: string | null;
};
type Detail = { path: string; key?: string; message: string; params?: Record<string, string | number> };

/** A refusal as the person reads it: "field：message" in their language. */
const said = (d: Detail, lang: Lang) =>
  `${fieldLabel(d.path, lang)}${lang === "zh" ? "：" : ": "}${detailText(d, lang)}`;

/** 延期申请 through the API: filing rules, who decides, versions, and what an approval changes. */
describe.each(dialects)("extension requests on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  let memberPerson: string;
  let leadPerson: string;
  let mine: Task[];

  const task = async (id: string): Promise<Task> => (await as.admin!("GET", `/api/v1/tasks/${id}`)).body;
  const file = (who: string, taskId: string, body: unknown) =>
    as[who]!("POST", `/api/v1/tasks/${taskId}/extension-requests`, body);
  const act = (who: string, id: string, action: string, body: unknown) =>
    as[who]!("POST", `/api/v1/extension-requests/${id}/${action}`, body);
  const messages = (personId: string, kind: string) =>
    t.database.db
      .selectFrom("messages")
      .selectAll()
      .where("personId", "=", personId)
      .where("kind", "=", kind)
      .execute();
  /** One day later than `d` (ISO dates). */
  const later = (d: string, days: number) => {
    const x = new Date(`${d}T00:00:00Z`);
    x.setUTCDate(x.getUTCDate() + days);
    return x.toISOString().slice(0, 10);
  };

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
    const list = await as.admin!(
      "GET",
      `/api/v1/tasks?taskForceId=tf-01&responsiblePersonId=${memberPerson}&limit=1000`,
    );
    mine = list.body.items.filter((x: Task) => x.deadline && x.status !== "done" && x.baselineFinish);
    expect(mine.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("refuses in the owner's words, naming the field: a date not after the deadline, not a date, no reason, a done task", async () => {
    const x = mine[0]!;
    const early = await file("member", x.id, { requestedDeadline: x.deadline, reason: "施工延误" });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe("EXTENSION_RULE");
    const d = early.body.error.details[0];
    expect(said(d, "zh")).toBe(`申请延期至：须晚于当前截止日期 ${x.deadline}`);
    expect(said(d, "en")).toBe(`Requested deadline: must be after the current deadline ${x.deadline}`);

    const bad = await file("member", x.id, { requestedDeadline: "2022-02-30", reason: "施工延误" });
    expect(bad.status).toBe(400);
    expect(said(bad.body.error.details[0], "zh")).toBe("申请延期至：不是有效的日期");
    expect(said(bad.body.error.details[0], "en")).toBe("Requested deadline: must be a real calendar date");

    const blank = await file("member", x.id, { requestedDeadline: later(x.deadline!, 30), reason: "  " });
    expect(blank.status).toBe(400);
    expect(said(blank.body.error.details[0], "zh")).toBe("理由：不能为空");
    expect(said(blank.body.error.details[0], "en")).toBe("Reason: must not be empty");

    const done = await as.admin!("POST", "/api/v1/tasks", {
      taskForceId: "tf-01",
      code: "EXT-DONE",
      title: "已完成的任务",
      duration: 3,
      deadline: "2022-08-31",
      status: "done",
      percent: 100,
      responsiblePersonId: memberPerson,
    });
    expect(done.status).toBe(201);
    const doneTask = done.body as Task;
    const finished = await file("member", doneTask.id, { requestedDeadline: "2022-12-30", reason: "再延" });
    expect(finished.status).toBe(422);
    expect(said(finished.body.error.details[0], "zh")).toBe("状态：任务已完成，无需延期");
    expect(said(finished.body.error.details[0], "en")).toBe(
      "Status: the task is done; it needs no extension",
    );
    expect((await as.admin!("GET", "/api/v1/extension-requests")).body.total).toBe(0);
  });

  it("measures a task without a deadline against its late finish", async () => {
    const created = await as.admin!("POST", "/api/v1/tasks", {
      taskForceId: "tf-01",
      code: "EXT-1",
      title: "无截止日期的任务",
      duration: 5,
      responsiblePersonId: memberPerson,
    });
    expect(created.status).toBe(201);
    const open = await task(created.body.id);
    expect(open.deadline).toBeNull();
    expect(open.lateFinish).not.toBeNull();
    const r = await file("member", open.id, { requestedDeadline: open.lateFinish, reason: "等待审批" });
    expect(r.status).toBe(422);
    expect(said(r.body.error.details[0], "zh")).toBe(
      `申请延期至：须晚于任务的最迟完成日期 ${open.lateFinish}（任务未设截止日期）`,
    );
    expect(said(r.body.error.details[0], "en")).toContain(
      `must be after the task's late finish ${open.lateFinish}`,
    );
  });

  it("lets only the owner or the task force file: a member elsewhere and a viewer are refused", async () => {
    const other = (await as.admin!("GET", "/api/v1/tasks?taskForceId=tf-02&limit=1")).body.items[0] as Task;
    const body = { requestedDeadline: "2022-12-30", reason: "不是我的任务" };
    expect((await file("member", other.id, body)).status).toBe(403);
    expect((await file("viewer", mine[0]!.id, body)).status).toBe(403);
    expect((await file("member", "no-such-task", body)).status).toBe(404);
  });

  it("files a pending request, one per task, and tells the task force's leads", async () => {
    const x = mine[0]!;
    const wanted = later(x.deadline!, 31);
    const r = await file("member", x.id, { requestedDeadline: wanted, reason: "征地拆迁延误，需顺延一个月" });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      taskId: x.id,
      taskCode: x.code,
      taskForceId: "tf-01",
      requestedBy: "member",
      currentDeadline: x.deadline,
      requestedDeadline: wanted,
      state: "pending",
      version: 1,
      baselineId: null,
    });
    const again = await file("member", x.id, { requestedDeadline: later(wanted, 10), reason: "再延" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("EXTENSION_PENDING");
    expect(said(again.body.error.details[0], "zh")).toBe(
      `任务：已有一份待审批的延期申请（申请延至 ${wanted}），请等待审批或先撤回`,
    );
    const told = await messages(leadPerson, "extensionRequested");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      taskForceId: "tf-01",
      subjectKind: "task",
      subjectId: x.id,
      readAt: null,
    });
    expect(JSON.parse(told[0]!.params)).toMatchObject({
      taskCode: x.code,
      requestedDeadline: wanted,
      currentDeadline: x.deadline,
      reason: "征地拆迁延误，需顺延一个月",
    });
    const map = (await as.lead!("GET", "/api/v1/battle-map?taskForceId=tf-01")).body;
    expect(map.pendingExtensions[x.id]).toMatchObject({ id: r.body.id, requestedDeadline: wanted });
    const queue = await as.lead!("GET", "/api/v1/extension-requests?state=pending&taskForceId=tf-01");
    expect(queue.body.items.map((i: { id: string }) => i.id)).toEqual([r.body.id]);
    expect((await as.lead02!("GET", "/api/v1/extension-requests")).body.total).toBe(0);
    expect((await as.lead02!("GET", `/api/v1/extension-requests/${r.body.id}`)).status).toBe(403);
  });

  it("lets no lead of another task force, nor whoever filed it, decide; a stale version gets 409", async () => {
    const pending = (await as.lead!("GET", "/api/v1/extension-requests?state=pending")).body.items[0];
    const before = await task(pending.taskId);
    expect((await act("lead02", pending.id, "approve", { version: 1 })).status).toBe(403);
    expect((await act("member", pending.id, "approve", { version: 1 })).status).toBe(403);
    const stale = await act("lead", pending.id, "approve", { version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("STALE_VERSION");
    expect(await task(pending.taskId)).toEqual(before);

    const y = mine[1]!;
    const own = await file("lead", y.id, {
      requestedDeadline: later(y.deadline!, 7),
      reason: "牵头人代为申请",
    });
    expect(own.status).toBe(201);
    const self = await act("lead", own.body.id, "approve", { version: 1 });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe("SELF_DECISION");
    expect((await act("member", own.body.id, "withdraw", { version: 1 })).status).toBe(403);
    const back = await act("lead", own.body.id, "withdraw", { version: 1 });
    expect(back.body).toMatchObject({ state: "withdrawn", version: 2 });
    expect((await act("lead", own.body.id, "withdraw", { version: 2 })).body.error.code).toBe(
      "EXTENSION_DECIDED",
    );
  });

  it("approves: the deadline moves, baseline N+1 records the change, and the first baseline's slippage stays", async () => {
    const pending = (await as.supervisor!("GET", "/api/v1/extension-requests?state=pending")).body.items[0];
    const before = await task(pending.taskId);
    const baselinesBefore = (await as.lead!("GET", "/api/v1/task-forces/tf-01/baselines")).body;
    const n = baselinesBefore.at(-1).number;
    const latest = (await as.lead!("GET", `/api/v1/task-forces/tf-01/baselines/${n}`)).body;
    const ok = await act("lead", pending.id, "approve", { version: 1, note: "同意顺延" });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      state: "approved",
      decidedBy: "lead",
      decisionNote: "同意顺延",
      version: 2,
    });
    expect(ok.body.baselineId).toBeTruthy();

    const after = await task(pending.taskId);
    expect(after.deadline).toBe(pending.requestedDeadline);
    expect(after.version).toBe(before.version + 1);
    expect([after.baselineFinish, after.slippage]).toEqual([before.baselineFinish, before.slippage]);
    expect(after.slippage).not.toBeNull();

    const baselines = (await as.lead!("GET", "/api/v1/task-forces/tf-01/baselines")).body;
    expect(baselines).toHaveLength(baselinesBefore.length + 1);
    expect(baselines.at(-1)).toMatchObject({
      id: ok.body.baselineId,
      number: n + 1,
      reason: `延期申请 ${before.code}: ${before.deadline} → ${pending.requestedDeadline}`,
      taskCount: latest.taskCount,
    });
    const next = (await as.lead!("GET", `/api/v1/task-forces/tf-01/baselines/${n + 1}`)).body;
    const span = (b: { tasks: { taskId: string; start: string; finish: string }[] }, id: string) =>
      b.tasks.find((x) => x.taskId === id);
    expect(span(next, before.id)?.finish).toBe(pending.requestedDeadline);
    // A milestone stays a point in time; a task keeps its planned start.
    const start = before.duration === 0 ? pending.requestedDeadline : span(latest, before.id)?.start;
    expect(span(next, before.id)?.start).toBe(start);
    const unrelated = latest.tasks.filter(
      (x: { taskId: string; code: string }) =>
        x.taskId !== before.id && !before.code.startsWith(`${x.code}.`),
    );
    for (const u of unrelated) expect(span(next, u.taskId)).toEqual(u);

    const told = await messages(memberPerson, "extensionDecided");
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]!.params)).toMatchObject({
      state: "approved",
      note: "同意顺延",
      taskCode: before.code,
    });
    const map = (await as.lead!("GET", `/api/v1/battle-map?taskForceId=tf-01&baselines=1,${n + 1}`)).body;
    expect(map.pendingExtensions[before.id]).toBeUndefined();
    expect(map.compared[1].tasks[before.id].finish).toBe(pending.requestedDeadline);
    const trail = (await as.supervisor!("GET", `/api/v1/audit-entries?entityId=${pending.id}`)).body.items;
    expect(trail.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ["approve", "lead"],
      ["create", "member"],
    ]);
    const again = await act("lead", pending.id, "approve", { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("EXTENSION_DECIDED");
  });

  it("rejects only with a note, leaving the deadline; the office may decide any task force's request", async () => {
    const z = mine[2]!;
    const r = await file("member", z.id, { requestedDeadline: later(z.deadline!, 14), reason: "资金未到位" });
    expect(r.status).toBe(201);
    const bare = await act("supervisor", r.body.id, "reject", { version: 1, note: " " });
    expect(bare.status).toBe(400);
    expect(said(bare.body.error.details[0], "zh")).toBe("备注：不能为空");
    const no = await act("supervisor", r.body.id, "reject", { version: 1, note: "请按原计划推进" });
    expect(no.body).toMatchObject({
      state: "rejected",
      decidedBy: "supervisor",
      decisionNote: "请按原计划推进",
      baselineId: null,
    });
    expect((await task(z.id)).deadline).toBe(z.deadline);
    const told = (await messages(memberPerson, "extensionDecided")).map((m) => JSON.parse(m.params));
    expect(told).toContainEqual(expect.objectContaining({ state: "rejected", note: "请按原计划推进" }));
  });

  it("keeps a task with requests from being deleted (409 naming them)", async () => {
    const x = mine[0]!;
    const r = await as.admin!("DELETE", `/api/v1/tasks/${x.id}?version=${(await task(x.id)).version}`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("STILL_REFERENCED");
    expect(r.body.error.details.map((d: Detail) => d.path)).toContain("extension-requests.taskId");
  });

  it("lets two approvals of one request land once", async () => {
    const w = mine[1]!;
    const r = await file("member", w.id, {
      requestedDeadline: later(w.deadline!, 21),
      reason: "设备到货推迟",
    });
    expect(r.status).toBe(201);
    const [a, b] = await Promise.all([
      act("lead", r.body.id, "approve", { version: 1 }),
      act("supervisor", r.body.id, "approve", { version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const baselines = (await as.lead!("GET", "/api/v1/task-forces/tf-01/baselines")).body;
    expect(
      baselines.filter((x: { reason: string }) => x.reason.startsWith(`延期申请 ${w.code}:`)),
    ).toHaveLength(1);
    // A task (not a milestone) keeps its planned start in the new baseline; only its finish moves.
    type Detail = { tasks: { taskId: string; start: string; finish: string }[] };
    const detail = async (n: number): Promise<Detail> =>
      (await as.lead!("GET", `/api/v1/task-forces/tf-01/baselines/${n}`)).body;
    const first = (await detail(1)).tasks.find((x) => x.taskId === w.id);
    const last = (await detail(baselines.at(-1).number)).tasks.find((x) => x.taskId === w.id);
    expect(w.duration).toBeGreaterThan(0);
    expect(last).toEqual({ ...first, finish: later(w.deadline!, 21) });
  });
});
