import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

interface TaskPage {
  items: { id: string }[];
  total: number;
  nextCursor?: string | null;
}

/**
 * Keyset paging of the task list (issue 18, "Lists"): following `nextCursor` visits the same tasks
 * in the same order as offset paging, for every sort the list pages in SQL, on both databases.
 */
describe.each(dialects)("task list by cursor on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const get = async (url: string): Promise<TaskPage> => {
    const r = await admin("GET", url);
    expect(r.status, `${url}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body as TaskPage;
  };

  it.each([
    "",
    "&sort=code",
    "&sort=-code",
    "&sort=deadline",
    "&sort=-deadline,title",
    "&sort=-percent",
    "&sort=status,-weight",
  ])("visits what offset paging visits (%s)", async (sort) => {
    const all = await get(`/api/v1/tasks?limit=1000${sort}`);
    expect(all.nextCursor).toBeUndefined();
    const seen: string[] = [];
    let cursor = "";
    for (let pages = 0; pages < 100; pages++) {
      const p = await get(`/api/v1/tasks?limit=7${sort}&cursor=${cursor}`);
      expect(p.total).toBe(all.total);
      seen.push(...p.items.map((i) => i.id));
      if (p.nextCursor === null) break;
      cursor = p.nextCursor!;
    }
    expect(seen).toEqual(all.items.map((i) => i.id));
  });

  it("refuses a cursor it did not give, one of another sort, and a cursor with an offset", async () => {
    const first = await get("/api/v1/tasks?limit=5&sort=code&cursor=");
    for (const url of [
      "/api/v1/tasks?cursor=bm90LWEtY3Vyc29y",
      "/api/v1/tasks?cursor=%7B%7D",
      `/api/v1/tasks?sort=title&cursor=${first.nextCursor}`,
      `/api/v1/tasks?sort=code&offset=5&cursor=${first.nextCursor}`,
      "/api/v1/tasks?sort=totalFloat&cursor=",
    ]) {
      const r = await admin("GET", url);
      expect([url, r.status, r.body.error?.code]).toEqual([url, 400, "VALIDATION"]);
    }
  });
});
