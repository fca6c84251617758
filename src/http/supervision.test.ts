import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

const item = {
  taskForceId: "tf-01",
  raisedOn: "2022-08-15",
  issue: "项目开工进度滞后",
  requiredAction: "一周内报送赶工计划",
  dueDate: "2022-08-22",
};

describe.each(dialects)("supervision items on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let supervisor: Client;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    supervisor = clientFor(app, await signIn(app, "supervisor", DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("numbers new items per year on the server, after the numbers in use, never twice", async () => {
    const codes = (await supervisor("GET", "/api/v1/supervision-items?limit=1000")).body.items.map(
      (i: { code: string }) => i.code,
    );
    const highest = Math.max(
      ...codes.filter((c: string) => c.startsWith("DB-2022-")).map((c: string) => Number(c.slice(8))),
    );
    const made = await Promise.all(
      Array.from({ length: 6 }, () => supervisor("POST", "/api/v1/supervision-items", item)),
    );
    expect(made.map((r) => r.status)).toEqual(Array(6).fill(201));
    const numbers = made.map((r) => r.body.code as string).sort();
    expect(numbers).toEqual(
      Array.from({ length: 6 }, (_, k) => `DB-2022-${String(highest + 1 + k).padStart(3, "0")}`),
    );
    const nextYear = await supervisor("POST", "/api/v1/supervision-items", {
      ...item,
      raisedOn: "2023-01-04",
      dueDate: "2023-01-11",
    });
    expect(nextYear.body.code).toBe("DB-2023-001");
  });

  it("refuses a rectification deadline that is not after the day the item is raised, and stores nothing", async () => {
    const before = await snapshot(t.database);
    for (const dueDate of ["2022-08-14", "2022-08-15"]) {
      const r = await supervisor("POST", "/api/v1/supervision-items", { ...item, dueDate });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe("SUPERVISION_RULE");
      expect(r.body.error.details[0].path).toBe("dueDate");
    }
    expect(await snapshot(t.database)).toBe(before);
    const made = (await supervisor("POST", "/api/v1/supervision-items", item)).body;
    const moved = await supervisor("PATCH", `/api/v1/supervision-items/${made.id}`, {
      dueDate: "2022-08-01",
      version: made.version,
    });
    expect(moved.status).toBe(422);
  });

  it("refuses a return (退回) without a reason, and the item stays submitted", async () => {
    let it = (await supervisor("POST", "/api/v1/supervision-items", item)).body;
    const admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
    for (const [action, body] of [
      ["start", {}],
      ["submit", { rectification: "已报送赶工计划" }],
    ] as const) {
      const r = await admin("POST", `/api/v1/supervision-items/${it.id}/${action}`, {
        version: it.version,
        date: "2022-08-16",
        ...body,
      });
      expect(r.status).toBe(200);
      it = r.body;
    }
    for (const note of [undefined, "  "]) {
      const refused = await supervisor("POST", `/api/v1/supervision-items/${it.id}/return`, {
        version: it.version,
        date: "2022-08-17",
        ...(note === undefined ? {} : { note }),
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details[0].path).toBe("note");
    }
    expect((await supervisor("GET", `/api/v1/supervision-items/${it.id}`)).body.state).toBe("submitted");
    const returned = await supervisor("POST", `/api/v1/supervision-items/${it.id}/return`, {
      version: it.version,
      date: "2022-08-17",
      note: "计划未列明责任人",
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      state: "rectifying",
      returnCount: 1,
      lastNote: "计划未列明责任人",
    });
  });
});
