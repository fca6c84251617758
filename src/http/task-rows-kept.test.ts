import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

interface TaskJson {
  id: string;
  taskForceId: string;
  version: number;
  duration: number;
  lateStart: string | null;
  [k: string]: unknown;
}
interface TaskPage {
  items: TaskJson[];
  total: number;
  limit: number;
  offset: number;
  nextCursor?: string | null;
}

/**
 * The task list and the read by id answer from tasks kept encoded per data revision (issue 18,
 * "Lists"): the same tasks as the task force's nested read, whether first read or kept; a change
 * through another app instance is seen at once (every task of the changed plan rescheduled); and a
 * task kept for one reader is never shown to a reader outside its task force.
 */
describe.each(dialects)("tasks kept encoded on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let other: FastifyInstance;
  let admin: Client;
  let adminElsewhere: Client;
  let lead: Client;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    // A second app instance on the same database (its own kept rows), as two servers behind a proxy.
    other = await appFor(t);
    admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
    adminElsewhere = clientFor(other, await signIn(other, "admin", DEMO_PASSWORD));
    lead = clientFor(app, await signIn(app, "lead", DEMO_PASSWORD));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await other?.close();
    await t?.drop();
  });

  const ok = async <T>(client: Client, url: string): Promise<T> => {
    const r = await client("GET", url);
    expect(r.status, `${url}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body as T;
  };
  const nestedTasks = async (client: Client, taskForceId: string) =>
    new Map(
      (await ok<{ tasks: TaskJson[] }>(client, `/api/v1/task-forces/${taskForceId}/full`)).tasks.map((x) => [
        x.id,
        x,
      ]),
    );

  it("answers the nested read's tasks, first read and kept, in lists and by id", async () => {
    const nested = await nestedTasks(admin, "tf-01");
    const url = "/api/v1/tasks?taskForceId=tf-01&limit=500&sort=code";
    const first = await ok<TaskPage>(admin, url);
    const kept = await ok<TaskPage>(admin, url);
    expect(kept).toEqual(first);
    expect(first.items.length).toBe(nested.size);
    for (const task of first.items) expect(task).toEqual(nested.get(task.id));
    const one = first.items[3]!;
    expect(await ok<TaskJson>(admin, `/api/v1/tasks/${one.id}`)).toEqual(one);
    expect(await ok<TaskJson>(admin, `/api/v1/tasks/${one.id}`)).toEqual(one);
  });

  it("pages the same tasks, in order, whatever of them is kept", async () => {
    const all = await ok<TaskPage>(admin, "/api/v1/tasks?limit=1000&sort=-deadline,code");
    // Keep a scattering of tasks first (reads by id), then page through the whole list.
    for (const task of all.items.filter((_, i) => i % 7 === 0))
      await ok<TaskJson>(admin, `/api/v1/tasks/${task.id}`);
    const seen: TaskJson[] = [];
    for (let offset = 0; offset < all.total; offset += 37)
      seen.push(
        ...(await ok<TaskPage>(admin, `/api/v1/tasks?limit=37&offset=${offset}&sort=-deadline,code`)).items,
      );
    expect(seen).toEqual(all.items);
    const page = await ok<TaskPage>(admin, "/api/v1/tasks?limit=5&sort=code&cursor=");
    expect(page).toMatchObject({ limit: 5, offset: 0, total: all.total });
    expect(typeof page.nextCursor).toBe("string");
  });

  it("shows a change made through another app instance at once, the whole plan rescheduled", async () => {
    const url = "/api/v1/tasks?taskForceId=tf-01&limit=500&sort=code";
    const before = await ok<TaskPage>(admin, url);
    // A leaf not yet started: its own late start moves when its duration does.
    const target = before.items.find(
      (x) =>
        x.duration > 0 &&
        x.lateStart !== null &&
        x.actualStart === null &&
        !before.items.some((y) => y.parentId === x.id),
    )!;
    await ok<TaskJson>(admin, `/api/v1/tasks/${target.id}`);
    const r = await adminElsewhere("PATCH", `/api/v1/tasks/${target.id}`, {
      version: target.version,
      duration: target.duration + 30,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const after = await ok<TaskPage>(admin, url);
    const changed = after.items.find((x) => x.id === target.id)!;
    expect(changed.duration).toBe(target.duration + 30);
    expect(changed.version).toBe(target.version + 1);
    expect(await ok<TaskJson>(admin, `/api/v1/tasks/${target.id}`)).toEqual(changed);
    // Every task equals a fresh nested read (which is scheduled anew), not the kept copy.
    const nested = await nestedTasks(admin, "tf-01");
    for (const task of after.items) expect(task).toEqual(nested.get(task.id));
    expect(changed.lateStart).not.toBe(target.lateStart);
  });

  it("reads during concurrent writes through the other instance never end on a stale task", async () => {
    const url = "/api/v1/tasks?taskForceId=tf-01&limit=500&sort=code";
    const start = await ok<TaskPage>(admin, url);
    const leaves = start.items.filter((x) => x.actualStart === null && x.duration > 0).slice(0, 6);
    // Each leaf changed 3 times through the other instance while this one reads the list and the task.
    const writes = leaves.map(async (leaf) => {
      let version = leaf.version;
      for (let k = 1; k <= 3; k++) {
        const r = await adminElsewhere("PATCH", `/api/v1/tasks/${leaf.id}`, {
          version,
          duration: leaf.duration + k,
        });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        version = (r.body as TaskJson).version;
      }
    });
    const reads = Array.from({ length: 30 }, (_, i) =>
      i % 2
        ? ok<TaskPage>(admin, url)
        : ok<TaskJson>(admin, `/api/v1/tasks/${leaves[i % leaves.length]!.id}`),
    );
    await Promise.all([...writes, ...reads]);
    const after = await ok<TaskPage>(admin, url);
    const nested = await nestedTasks(admin, "tf-01");
    for (const task of after.items) expect(task).toEqual(nested.get(task.id));
    for (const leaf of leaves) {
      const now = await ok<TaskJson>(admin, `/api/v1/tasks/${leaf.id}`);
      expect(now.duration).toBe(leaf.duration + 3);
      expect(now).toEqual(nested.get(leaf.id));
    }
  });

  it("never shows a task kept for the admin to a lead outside its task force", async () => {
    const others = await ok<TaskPage>(admin, "/api/v1/tasks?taskForceId=tf-02&limit=20");
    expect(others.items.length).toBeGreaterThan(0);
    const foreign = others.items[0]!;
    await ok<TaskJson>(admin, `/api/v1/tasks/${foreign.id}`);
    const byId = await lead("GET", `/api/v1/tasks/${foreign.id}`);
    expect(byId.status).toBe(403);
    const list = await ok<TaskPage>(lead, "/api/v1/tasks?limit=1000");
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((x) => x.taskForceId === "tf-01")).toBe(true);
    const asked = await ok<TaskPage>(lead, "/api/v1/tasks?taskForceId=tf-02&limit=1000");
    expect(asked.items).toEqual([]);
    expect((await lead("GET", "/api/v1/tasks/no-such-task")).status).toBe(404);
  });
});
