import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { RECORD_KINDS } from "../../test/record-kinds.js";
import { serviceContext } from "../domain/context.js";
import { loadDemo } from "../domain/demo/demo.service.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { buildDemoDataset } from "../domain/demo/demo-data.js";

const fixedClock = () => "2022-08-15T01:00:00.000Z";

async function loaded(kind: "sqlite" | "postgres") {
  const t = await createTestDatabase(kind);
  await loadDemo(serviceContext(t.database, "demo", fixedClock), buildDemoDataset());
  const app = await appFor(t);
  const admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
  return { t, app, admin };
}

/** Every page of every list endpoint, as the API answers it. */
async function everyList(api: Client): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const def of RECORD_KINDS) {
    const items: unknown[] = [];
    for (let offset = 0; ; offset += 1000) {
      const r = await api("GET", `/api/v1/${def.path}?limit=1000&offset=${offset}`);
      expect(r.status).toBe(200);
      items.push(...r.body.items);
      if (items.length >= r.body.total) break;
    }
    out[def.path] = items;
  }
  return out;
}

describe.each(dialects)("the demo district on %s", (dialect) => {
  let s: Awaited<ReturnType<typeof loaded>>;
  beforeAll(async () => {
    s = await loaded(dialect);
  });
  afterAll(async () => {
    await s?.app.close();
    await s?.t.drop();
  });

  it("lists 10 task forces", async () => {
    const r = await s.admin("GET", "/api/v1/task-forces");
    expect(r.body.total).toBe(10);
    expect(r.body.items.map((x: { code: string }) => x.code)).toEqual([
      "01",
      "02",
      "03",
      "04",
      "05",
      "06",
      "07",
      "08",
      "09",
      "10",
    ]);
  });

  it("lets each demo account sign in with the demo password", async () => {
    for (const username of DEMO_ACCOUNTS) {
      const session = await signIn(s.app, username, DEMO_PASSWORD);
      const me = await clientFor(s.app, session)("GET", "/api/v1/auth/me");
      expect(me.body.roles).toEqual([username]);
      if (username === "member") {
        expect(me.body.permissions).toContain("write:progress-reports");
        expect(me.body.permissions).not.toContain("write:tasks");
      }
    }
    const demo = await clientFor(s.app, null)("GET", "/api/v1/auth/demo");
    expect(demo.body).toMatchObject({ demo: true, password: DEMO_PASSWORD });
  });

  it("is idempotent: a second load changes nothing", async () => {
    const before = await snapshot(s.t.database);
    const again = await loadDemo(serviceContext(s.t.database, "demo", fixedClock), buildDemoDataset());
    expect(again.loaded).toBe(false);
    expect(await snapshot(s.t.database)).toBe(before);
  });
});

describe.skipIf(!process.env.GUATU_TEST_PG)("the demo district on SQLite and PostgreSQL", () => {
  it("answers every list endpoint with the same JSON on both databases", async () => {
    const a = await loaded("sqlite");
    const b = await loaded("postgres");
    try {
      const [onSqlite, onPostgres] = [await everyList(a.admin), await everyList(b.admin)];
      expect(onSqlite.tasks!.length).toBeGreaterThan(100);
      for (const path of Object.keys(onSqlite)) expect(onPostgres[path], path).toEqual(onSqlite[path]);
      const full = async (c: Client) => (await c("GET", "/api/v1/task-forces/tf-01/full")).body;
      expect(await full(b.admin)).toEqual(await full(a.admin));
    } finally {
      await Promise.all([a.app.close(), b.app.close()]);
      await Promise.all([a.t.drop(), b.t.drop()]);
    }
  }, 120_000);
});
