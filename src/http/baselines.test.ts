import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { adminClient, appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { addUser } from "../domain/accounts/account.service.js";
import { serviceContext } from "../domain/context.js";
import { putSetting } from "../domain/settings/settings.repository.js";

/** Plan baselines as versions: approval adds N+1, a delay cannot be approved away. */
describe.each(dialects)("plan baselines on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Client;
  let lead: Client;
  let supervisor: Client;
  const ids: Record<string, string> = {};
  const post = async (path: string, body: unknown) => {
    const r = await admin("POST", `/api/v1/${path}`, body);
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const task = async (key: string) => (await admin("GET", `/api/v1/tasks/${ids[key]}`)).body;
  /** Approves the plan as baseline `number` (the one a preview showed). */
  const approve = (c: Client, reason: string, number: number) =>
    c("POST", `/api/v1/task-forces/${ids.tf}/approve-plan`, { reason, number });
  const userFor = async (username: string, roles: ("lead" | "supervisor")[], personId?: string) => {
    await addUser(serviceContext(t.database, "test"), {
      username,
      displayName: username === "lead1" ? "牵头人甲" : "督查员乙",
      roles,
      personId: personId ?? null,
      password: "pass-word-1",
    });
    return clientFor(app, await signIn(app, username, "pass-word-1"));
  };

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await putSetting(
      t.database.db,
      "statusDate",
      { rule: "fixed", date: "2022-08-15" },
      "2022-08-15T00:00:00Z",
    );
    app = await appFor(t);
    admin = await adminClient(app, t);
    const person = await post("persons", { name: "牵头人甲" });
    const tf = await post("task-forces", { code: "B1", name: "基线专班", startDate: "2022-09-01" });
    ids.tf = tf.id;
    await post("members", { taskForceId: tf.id, personId: person.id, post: "牵头人", role: "lead" });
    lead = await userFor("lead1", ["lead"], person.id);
    supervisor = await userFor("sup1", ["supervisor"]);
    ids.A = (await post("tasks", { taskForceId: tf.id, code: "1", title: "A", duration: 5 })).id;
    ids.B = (await post("tasks", { taskForceId: tf.id, code: "2", title: "B", duration: 3 })).id;
    await post("dependencies", { predecessorId: ids.A, successorId: ids.B });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("refuses baseline dates through task writes: only an approval sets them", async () => {
    const a = await task("A");
    const r = await admin("PATCH", `/api/v1/tasks/${ids.A}`, {
      version: a.version,
      baselineFinish: "2022-12-31",
    });
    expect(r.status).toBe(400);
    expect((await task("A")).baselineFinish).toBeNull();
    expect((await approve(lead, "", 1)).status).toBe(400);
    expect((await admin("GET", `/api/v1/task-forces/${ids.tf}/baselines`)).body).toEqual([]);
  });

  it("previews the first approval, which the lead may make: baseline 1 with who, when and why", async () => {
    const preview = (await lead("GET", `/api/v1/task-forces/${ids.tf}/plan-approval`)).body;
    expect(preview).toMatchObject({ number: 1, latest: null, needsSupervisor: false, mayApprove: true });
    expect(preview.changes.map((c: { code: string; from: unknown }) => [c.code, c.from])).toEqual([
      ["1", null],
      ["2", null],
    ]);
    const r = await approve(lead, "专班成立，批准初始计划", 1);
    expect(r.status).toBe(200);
    expect(r.body.baseline).toMatchObject({
      number: 1,
      approvedByName: "牵头人甲",
      reason: "专班成立，批准初始计划",
      statusDate: "2022-08-15",
      taskCount: 2,
    });
    expect(await task("A")).toMatchObject({
      baselineStart: "2022-09-01",
      baselineFinish: "2022-09-07",
      slippage: 0,
    });
  });

  it("keeps slippage against the first baseline when a later one is approved, and refuses the lead a re-baseline", async () => {
    const a = await task("A");
    // 8 working days from Sep 1 cross the Mid-Autumn holiday (Mon Sep 12): finish Sep 13.
    expect((await admin("PATCH", `/api/v1/tasks/${ids.A}`, { duration: 8, version: a.version })).status).toBe(
      200,
    );
    expect(await task("A")).toMatchObject({ earlyFinish: "2022-09-13", slippage: 3 });
    const before = { A: await task("A"), B: await task("B") };

    const preview = (await lead("GET", `/api/v1/task-forces/${ids.tf}/plan-approval`)).body;
    expect(preview).toMatchObject({
      number: 2,
      needsSupervisor: true,
      mayApprove: false,
      slippageAgainst: "first",
    });
    expect(preview.changes.find((c: { code: string }) => c.code === "1")).toMatchObject({
      from: { start: "2022-09-01", finish: "2022-09-07" },
      to: { start: "2022-09-01", finish: "2022-09-13" },
      shift: 3,
    });
    const refused = await approve(lead, "顺延", 2);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("REBASELINE_NEEDS_SUPERVISOR");
    expect((await admin("GET", `/api/v1/task-forces/${ids.tf}/baselines`)).body).toHaveLength(1);

    const second = await approve(supervisor, "督查室同意顺延", 2);
    expect(second.status).toBe(200);
    // A second approval from the same preview (baseline 2) finds baseline 2 taken: nothing written.
    const again = await approve(admin, "重复批准", 2);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("BASELINE_APPROVED_MEANWHILE");
    expect(second.body).toMatchObject({ approved: 0, baseline: { number: 2, approvedByName: "督查员乙" } });
    // The delay stays visible: slippage still counts from baseline 1.
    expect(await task("A")).toMatchObject({ baselineFinish: "2022-09-07", slippage: before.A.slippage });
    expect((await task("B")).slippage).toBe(before.B.slippage);
    const list = (await admin("GET", `/api/v1/task-forces/${ids.tf}/baselines`)).body;
    expect(list.map((b: { number: number; reason: string }) => [b.number, b.reason])).toEqual([
      [1, "专班成立，批准初始计划"],
      [2, "督查室同意顺延"],
    ]);
    const first = (await admin("GET", `/api/v1/task-forces/${ids.tf}/baselines/1`)).body;
    expect(first.tasks.find((x: { code: string }) => x.code === "1")).toMatchObject({ finish: "2022-09-07" });
    const latest = (await admin("GET", `/api/v1/task-forces/${ids.tf}/baselines/2`)).body;
    expect(latest.tasks.find((x: { code: string }) => x.code === "1")).toMatchObject({
      finish: "2022-09-13",
    });
    expect((await admin("GET", `/api/v1/task-forces/${ids.tf}/baselines/3`)).status).toBe(404);
    const audit = await admin("GET", `/api/v1/audit-entries?entity=plan_baseline&limit=10`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(["approve", "approve"]);
  });

  it("measures slippage against the latest baseline when the organisation chooses it, audited per task", async () => {
    const put = await admin("PUT", "/api/v1/settings", { plan: { slippageAgainst: "latest" } });
    expect(put.status).toBe(200);
    expect(await task("A")).toMatchObject({ baselineFinish: "2022-09-13", slippage: 0 });
    const trail = await admin("GET", `/api/v1/audit-entries?entity=task&entityId=${ids.A}&limit=1`);
    expect(trail.body.items[0]).toMatchObject({
      action: "update",
      before: { baselineFinish: "2022-09-07" },
      after: { baselineFinish: "2022-09-13" },
    });
    await admin("PUT", "/api/v1/settings", { plan: { slippageAgainst: "first" } });
    expect(await task("A")).toMatchObject({ baselineFinish: "2022-09-07", slippage: 3 });
  });
});
