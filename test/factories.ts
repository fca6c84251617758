import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/http/app.js";
import type { TestDatabase } from "./db-harness.js";

/** An app over a test database. */
export function appFor(t: TestDatabase): Promise<FastifyInstance> {
  return buildApp({ database: t.database, version: "test" });
}

/** JSON request helper over `app.inject()`; returns status and parsed body. */
export async function call(app: FastifyInstance, method: string, url: string, body?: unknown) {
  const res = await app.inject({
    method: method as "GET",
    url,
    ...(body === undefined
      ? {}
      : { payload: body as object, headers: { "content-type": "application/json" } }),
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
}

let n = 0;
const seq = () => ++n;

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
export async function seedSmall(app: FastifyInstance) {
  const post = async (path: string, body: unknown) => {
    const r = await call(app, "POST", `/api/v1/${path}`, body);
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
