import type { FastifyInstance } from "fastify";
import { addUser } from "../src/domain/accounts/account.service.js";
import { serviceContext } from "../src/domain/context.js";
import { buildApp } from "../src/http/app.js";
import { loadTestDemo, type TestDatabase } from "./db-harness.js";

/** An app over a test database. */
export function appFor(t: TestDatabase): Promise<FastifyInstance> {
  return buildApp({ database: t.database, version: "test" });
}

/** Loads the demo district (as of its status date, 2022-08-15) into `t` and builds an app over it. */
export async function demoAppFor(t: TestDatabase): Promise<FastifyInstance> {
  await loadTestDemo(t.database);
  return appFor(t);
}

/** A 1×1 transparent PNG, for upload tests. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** How a test client authenticates: a Bearer token, a session cookie with its CSRF token, or nothing. */
export type Auth = { bearer: string } | { cookie: string; csrf: string | null } | null;

/** JSON request helper over `app.inject()`; returns status, parsed body and headers. */
export async function call(
  app: FastifyInstance,
  method: string,
  url: string,
  body?: unknown,
  auth: Auth = null,
) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (auth && "bearer" in auth) headers.authorization = `Bearer ${auth.bearer}`;
  if (auth && "cookie" in auth) {
    headers.cookie = `guatu_session=${auth.cookie}`;
    if (auth.csrf) headers["x-csrf-token"] = auth.csrf;
  }
  const res = await app.inject({
    method: method as "GET",
    url,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
  // A download (an xlsx, an attachment) answers bytes: only JSON is parsed.
  const json = String(res.headers["content-type"] ?? "").includes("json");
  return {
    status: res.statusCode,
    body: res.body && json ? JSON.parse(res.body) : res.body ? res.rawPayload : null,
    headers: res.headers,
  };
}

/** A request function bound to one authentication. */
export type Client = (method: string, url: string, body?: unknown) => ReturnType<typeof call>;
export const clientFor =
  (app: FastifyInstance, auth: Auth): Client =>
  (m, u, b) =>
    call(app, m, u, b, auth);

/** Signs in through the API; returns the cookie session or throws with the answer. */
export async function signIn(app: FastifyInstance, username: string, password: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "guatu_session")!.value;
  return { cookie, csrf: JSON.parse(res.body).csrfToken as string };
}

let n = 0;
const seq = () => ++n;

/** Creates an admin account and answers a client that uses an admin API token. */
export async function adminClient(
  app: FastifyInstance,
  t: TestDatabase,
): Promise<Client & { bearer: string }> {
  const username = `admin${seq()}`;
  const ctx = serviceContext(t.database, "test");
  await addUser(ctx, { username, displayName: "管理员", roles: ["admin"], password: "admin-password" });
  const session = await signIn(app, username, "admin-password");
  const res = await call(app, "POST", "/api/v1/api-tokens", { name: "tests", role: "admin" }, session);
  if (res.status !== 201) throw new Error(`token: ${res.status} ${JSON.stringify(res.body)}`);
  return Object.assign(clientFor(app, { bearer: res.body.token }), { bearer: res.body.token as string });
}

/** Create-inputs with sensible defaults; each call makes unique codes. */
export const buildOrgUnit = (o: Record<string, unknown> = {}) => ({
  code: `OU${seq()}`,
  name: "发改局",
  kind: "department",
  ...o,
});
export const buildPerson = (o: Record<string, unknown> = {}) => ({ name: "张伟", post: "科长", ...o });
export const buildTaskForce = (o: Record<string, unknown> = {}) => ({
  code: `TF${seq()}`,
  name: "重大项目建设专班",
  // A start before the tasks' deadlines: without one the plan starts at today's status date, and
  // deadlines in 2022 could not be scheduled.
  startDate: "2022-07-01",
  ...o,
});
export const buildTask = (taskForceId: string, o: Record<string, unknown> = {}) => ({
  taskForceId,
  code: `${seq()}`,
  title: "项目前期手续办理",
  duration: 10,
  deadline: "2022-09-30",
  ...o,
});

/** A small district through the API: a unit, a person, a goal, a task force with 3 tasks. */
export async function seedSmall(api: Client) {
  const post = async (path: string, body: unknown) => {
    const r = await api("POST", `/api/v1/${path}`, body);
    if (r.status !== 201) throw new Error(`seed ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Record<string, unknown> & { id: string; version: number };
  };
  const unit = await post("org-units", buildOrgUnit());
  const person = await post("persons", buildPerson({ orgUnitId: unit.id }));
  const goal = await post("goals", { code: `G${seq()}`, title: "经济要稳住", level: "annual" });
  const tf = await post(
    "task-forces",
    buildTaskForce({
      leadUnitId: unit.id,
      leadLeaderId: person.id,
      goalIds: [goal.id],
      coUnitIds: [unit.id],
    }),
  );
  const t1 = await post(
    "tasks",
    buildTask(tf.id, { responsibleUnitId: unit.id, responsiblePersonId: person.id }),
  );
  const t2 = await post("tasks", buildTask(tf.id));
  const t3 = await post("tasks", buildTask(tf.id, { duration: 0, title: "三季度集中开工" }));
  return { unit, person, goal, tf, t1, t2, t3, post };
}

/**
 * Over {@link seedSmall}: one record of every other kind the API writes (an indicator and its
 * reading, a member, a dependency, a progress report, a 督办单, a user, a comment), for tests that
 * aim requests at real ids of each kind.
 */
export async function seedOneOfEach(s: Awaited<ReturnType<typeof seedSmall>>) {
  const indicator = await s.post("indicators", {
    taskForceId: s.tf.id,
    code: "I1",
    name: "投资",
    kind: "cumulative",
    target: 10,
    year: 2022,
  });
  const reading = await s.post("indicator-readings", {
    indicatorId: indicator.id,
    period: "2022-01",
    actual: 1,
  });
  const member = await s.post("members", { taskForceId: s.tf.id, personId: s.person.id, post: "成员" });
  const dependency = await s.post("dependencies", { predecessorId: s.t1.id, successorId: s.t2.id });
  const report = await s.post("progress-reports", {
    taskId: s.t2.id,
    reportDate: "2022-08-01",
    percent: 0,
    narrative: "已开展前期调研",
  });
  const item = await s.post("supervision-items", {
    taskForceId: s.tf.id,
    code: "F1",
    raisedOn: "2022-08-01",
    issue: "问题",
    requiredAction: "整改",
    dueDate: "2022-08-20",
  });
  const user = await s.post("users", { username: "fuzz", displayName: "测试" });
  const comment = await s.post("comments", { taskForceId: s.tf.id, body: "批示" });
  return { indicator, reading, member, dependency, report, item, user, comment };
}
