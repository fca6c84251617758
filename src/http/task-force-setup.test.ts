import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  dialects,
  rowsWhere,
  snapshot,
  type TestDatabase,
} from "../../test/db-harness.js";
import { appFor, type Client, call, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { fieldLabel } from "../shared/field-labels.js";
import { detailText } from "../shared/messages.js";
import type { ErrorDetail } from "../vocabulary/index.js";

const SETUP = "/api/v1/task-forces/setup";
const bookOf = (id: string) => `/api/v1/task-forces/${id}/task-book`;
/** Demo people: the `lead` account's person (郝志刚) and the `member` account's (廖国庆). */
const LEAD = "p-fgj-1";
const MEMBER = "p-fgj-3";

let n = 0;
/** A setup body with a fresh code, two members and a goal. */
const buildSetup = (o: { taskForce?: Record<string, unknown>; members?: unknown[] } = {}) => ({
  taskForce: {
    code: `S${++n}`,
    name: "营商环境优化专班",
    leadLeaderId: "p-ldr-qz",
    leadUnitId: "ou-dcs",
    coUnitIds: ["ou-qwb"],
    goalIds: ["g-2022-jj"],
    startDate: "2022-08-01",
    deadline: "2022-12-31",
    objective: "打造一流营商环境。",
    ...o.taskForce,
  },
  members: o.members ?? [
    { personId: LEAD, post: "专班组长", role: "lead", duties: "统筹推进" },
    { personId: MEMBER, post: "项目专员", role: "member" },
  ],
});

describe.each(dialects)("setting up a task force with its members on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Client;
  let as: (user: string) => Promise<Client>;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    as = async (user) => clientFor(app, await signIn(app, user, DEMO_PASSWORD));
    admin = await as("admin");
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  /** Sends `body` and expects it refused with `status` and `code`, the database left as it was. */
  const refused = async (who: Client, body: unknown, status: number, code: string) => {
    const before = await snapshot(t.database);
    const r = await who("POST", SETUP, body);
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(await snapshot(t.database)).toBe(before);
    return r.body.error as { details?: ErrorDetail[] };
  };

  it("creates the task force, its goals and co-units, and every member in one request", async () => {
    const body = buildSetup();
    const r = await admin("POST", SETUP, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const { taskForce, members } = r.body;
    expect(taskForce).toMatchObject({ ...body.taskForce, version: 1, status: "active" });
    expect(members.map((m: { personId: string; role: string }) => [m.personId, m.role])).toEqual([
      [LEAD, "lead"],
      [MEMBER, "member"],
    ]);
    const full = (await admin("GET", `/api/v1/task-forces/${taskForce.id}/full`)).body;
    expect(full.members).toHaveLength(2);
    const audit = await rowsWhere(t.database, "audit_entries", { entity: "task_force_member" });
    expect(audit.filter((a) => members.some((m: { id: string }) => m.id === a.entityId))).toHaveLength(2);
    // The lead's plan rights follow at once (their next request).
    const lead = await as("lead");
    expect((await lead("GET", "/api/v1/auth/me")).body.leadTaskForceIds).toContain(taskForce.id);
  });

  it("refuses a member naming an unknown person with 422 naming members.1.personId, writing nothing", async () => {
    const body = buildSetup({
      members: [
        { personId: LEAD, post: "专班组长", role: "lead" },
        { personId: "p-nobody", post: "项目专员" },
      ],
    });
    const error = await refused(admin, body, 422, "MISSING_REFERENCE");
    const d = error.details![0]!;
    expect(d.path).toBe("members.1.personId");
    expect(fieldLabel(d.path, "zh")).toBe("成员 第 2 项 · 人员");
    expect(fieldLabel(d.path, "en")).toBe("Member 2 · Person");
    expect(detailText(d, "zh")).toBe("所选记录不存在（可能已被删除）");
  });

  it("refuses a code in use (taskForce.code) and a person twice on one post (members.1.post)", async () => {
    const taken = (await admin("POST", SETUP, buildSetup())).body.taskForce.code;
    const dup = await refused(admin, buildSetup({ taskForce: { code: taken } }), 409, "DUPLICATE");
    expect(dup.details![0]).toMatchObject({ path: "taskForce.code", key: "alreadyUsed" });
    expect(detailText(dup.details![0]!, "zh")).toBe(`${taken} 已存在，不能重复`);
    const twice = buildSetup({
      members: [
        { personId: LEAD, post: "专班组长", role: "lead" },
        { personId: LEAD, post: "专班组长", role: "member" },
      ],
    });
    const again = await refused(admin, twice, 409, "DUPLICATE");
    expect(again.details![0]!.path).toBe("members.1.post");
  });

  it("refuses malformed members with 400 naming each field", async () => {
    const body = buildSetup({ members: [{ personId: LEAD, post: " ", role: "boss" }] });
    const error = await refused(admin, body, 400, "VALIDATION");
    expect(error.details!.map((d) => d.path).sort()).toEqual(["body.members.0.post", "body.members.0.role"]);
    expect(fieldLabel("body.members.0.post", "zh")).toBe("成员 第 1 项 · 岗位");
  });

  it("lets the supervision office set one up; refuses members, leads and task-force tokens (403)", async () => {
    const supervisor = await as("supervisor");
    expect((await supervisor("POST", SETUP, buildSetup())).status).toBe(201);
    for (const user of ["member", "lead", "leader", "viewer"])
      await refused(await as(user), buildSetup(), 403, "FORBIDDEN");
    const token = await call(
      app,
      "POST",
      "/api/v1/api-tokens",
      { name: "tf-01 only", role: "admin", taskForceId: "tf-01" },
      await signIn(app, "admin", DEMO_PASSWORD),
    );
    expect(token.status).toBe(201);
    await refused(clientFor(app, { bearer: token.body.token }), buildSetup(), 403, "FORBIDDEN");
  });
});

describe.each(dialects)("editing a task book on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let as: (user: string) => Promise<Client>;
  const versionOf = async (id: string) =>
    Number((await rowsWhere(t.database, "task_forces", { id }))[0]!.version);

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    as = async (user) => clientFor(app, await signIn(app, user, DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("lets the task force's lead change its task book text, goals and period at its version", async () => {
    const lead = await as("lead");
    const change = {
      objective: "年内完成全部重大项目开工。",
      scope: "全区重大项目",
      measures: "一、周调度；二、月通报。",
      guarantees: "专班集中办公。",
      coUnitIds: ["ou-qwb"],
      goalIds: ["g-2022-jj"],
    };
    const r = await lead("PATCH", bookOf("tf-01"), { ...change, version: await versionOf("tf-01") });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject(change);
    const stale = await lead("PATCH", bookOf("tf-01"), { scope: "x", version: r.body.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("STALE_VERSION");
  });

  it("keeps code and name out of the task book, and other task forces out of a lead's reach", async () => {
    const lead = await as("lead");
    const version = await versionOf("tf-01");
    const code = await lead("PATCH", bookOf("tf-01"), { code: "99", version });
    expect(code.status).toBe(400);
    expect(code.body.error.details[0].path).toBe("body");
    const other = await lead("PATCH", bookOf("tf-02"), { scope: "x", version: await versionOf("tf-02") });
    expect(other.status).toBe(403);
    for (const user of ["member", "leader", "viewer"]) {
      const r = await (await as(user))("PATCH", bookOf("tf-01"), { scope: "x", version });
      expect(r.status, user).toBe(403);
    }
    expect(await versionOf("tf-01")).toBe(version);
  });

  it("lets the supervision office and admins edit any task book", async () => {
    for (const user of ["supervisor", "admin"]) {
      const r = await (await as(user))("PATCH", bookOf("tf-02"), {
        guarantees: `${user} 保障`,
        version: await versionOf("tf-02"),
      });
      expect(r.status, user).toBe(200);
    }
  });
});
