import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { dataRevision, recordChanges } from "./audit/audit.repository.js";
import { ReadCache, RevisionMemo } from "./read-cache.js";

describe.each(dialects)("ReadCache on %s", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("renders once per revision, and again after an audited change", async () => {
    const db = t.database.db;
    const cache = new ReadCache();
    let renders = 0;
    const render = async () => JSON.stringify({ n: ++renders });
    const a = await cache.get(db, "k", render);
    const b = await cache.get(db, "k", render);
    expect(b).toBe(a);
    expect(renders).toBe(1);
    await recordChanges(db, [{ entity: "test" }]);
    const c = await cache.get(db, "k", render);
    expect(JSON.parse(c.body.toString())).toEqual({ n: 2 });
    expect(c.etag).not.toBe(a.etag);
  });

  it("shares one render among callers that miss together", async () => {
    const db = t.database.db;
    const cache = new ReadCache();
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 20));
      return "[]";
    };
    const all = await Promise.all(Array.from({ length: 20 }, () => cache.get(db, "same", render)));
    expect(renders).toBe(1);
    expect(new Set(all).size).toBe(1);
    // A failed render reaches every waiter and is not remembered.
    const failing = async () => {
      throw new Error("boom");
    };
    await recordChanges(db, [{ entity: "test" }]);
    const outcomes = await Promise.allSettled([
      cache.get(db, "same", failing),
      cache.get(db, "same", failing),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected"]);
    expect((await cache.get(db, "same", render)).body.toString()).toBe("[]");
  });

  it("does not keep a body rendered while a change committed", async () => {
    const db = t.database.db;
    const cache = new ReadCache();
    let renders = 0;
    const racing = async () => {
      renders++;
      if (renders === 1) await recordChanges(db, [{ entity: "test" }]);
      return String(renders);
    };
    expect((await cache.get(db, "r", racing)).body.toString()).toBe("1");
    expect((await cache.get(db, "r", racing)).body.toString()).toBe("2");
    expect((await cache.get(db, "r", racing)).body.toString()).toBe("2");
  });

  it("trusts a revision the caller already read, without reading it again", async () => {
    const db = t.database.db;
    const cache = new ReadCache();
    const now = await dataRevision(db);
    await cache.get(db, "known", async () => "old", now);
    await recordChanges(db, [{ entity: "test" }]);
    // The request that read `now` with its session still gets the body of that revision.
    expect((await cache.get(db, "known", async () => "new", now)).body.toString()).toBe("old");
    expect((await cache.get(db, "known", async () => "new")).body.toString()).toBe("new");
  });

  it("keeps a computed value per revision, shares it while it computes, forgets failures and moved data", async () => {
    const db = t.database.db;
    const memo = new RevisionMemo<{ n: number }>(2);
    let computes = 0;
    const compute = async () => {
      computes++;
      await new Promise((r) => setTimeout(r, 10));
      return { n: computes };
    };
    const [a, b] = await Promise.all([memo.get(db, "k", compute), memo.get(db, "k", compute)]);
    expect(b).toBe(a);
    expect(computes).toBe(1);
    await recordChanges(db, [{ entity: "test" }]);
    expect(await memo.get(db, "k", compute)).toEqual({ n: 2 });
    await expect(memo.get(db, "k", async () => Promise.reject(new Error("boom")))).resolves.toEqual({ n: 2 });
    await recordChanges(db, [{ entity: "test" }]);
    await expect(memo.get(db, "k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await memo.get(db, "k", compute)).toEqual({ n: 3 });
    // Data that moved on while the value was computed is not kept under the older revision.
    await recordChanges(db, [{ entity: "test" }]);
    const moving = async () => {
      await recordChanges(db, [{ entity: "test" }]);
      return { n: -1 };
    };
    const before = await dataRevision(db);
    expect(await memo.get(db, "m", moving, before)).toEqual({ n: -1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(await memo.get(db, "m", compute, before)).toEqual({ n: 4 });
  });
});
