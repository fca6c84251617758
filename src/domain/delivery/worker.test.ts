import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, rowsWhere, type TestDatabase } from "../../../test/db-harness.js";
import { postChases, setUpNotifications, type TestClock, testClock } from "../../../test/outbox-fixtures.js";
import type { DeliveryLog, Transports } from "./delivery.js";
import { startWorker } from "./worker.js";

describe.each(dialects)("the background worker on %s", (dialect) => {
  let t: TestDatabase;
  let clock: TestClock;
  let fixture: Awaited<ReturnType<typeof setUpNotifications>>;
  const logged: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const log: DeliveryLog = {
    info: (fields, message) => logged.push({ level: "info", fields, message }),
    warn: (fields, message) => logged.push({ level: "warn", fields, message }),
    error: (fields, message) => logged.push({ level: "error", fields, message }),
  };

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    clock = testClock();
    fixture = await setUpNotifications(t.database, clock, { webhook: "http://127.0.0.1:9/hook" });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("runs the hook, then delivers until nothing is due, round after round, and keeps going after errors", async () => {
    const sent: string[] = [];
    const hookCalls: Date[] = [];
    const transports: Transports = {
      webhook: async (d) => {
        sent.push(d.id);
      },
      email: async () => {},
    };
    await postChases(fixture.ctx, fixture.personId, 70);
    const worker = startWorker({
      database: t.database,
      transports,
      now: clock.now,
      intervalMs: 20,
      log,
      options: { batchSize: 16 },
      beforeDeliver: async (now) => {
        hookCalls.push(now);
        if (hookCalls.length === 2) throw new Error("the tick failed");
      },
    });
    try {
      await expect.poll(() => sent.length).toBe(70);
      // Rows queued later go out in a later round.
      await postChases(fixture.ctx, fixture.personId, 5);
      await expect.poll(() => sent.length).toBe(75);
      await expect.poll(() => hookCalls.length).toBeGreaterThan(2);
    } finally {
      await worker.stop();
    }
    expect(new Set(sent).size).toBe(75);
    expect(hookCalls[0]?.toISOString()).toBe(clock.iso());
    expect(logged.some((l) => l.level === "error" && l.fields.err === "the tick failed")).toBe(true);
    expect((await rowsWhere(t.database, "outbox", { state: "sent" })).length).toBe(75);
  });

  it("stops only after the delivery in flight is marked, and starts no new round", async () => {
    let release: () => void = () => {};
    let started = 0;
    const transports: Transports = {
      webhook: () => {
        started++;
        return new Promise<void>((r) => {
          release = r;
        });
      },
      email: async () => {},
    };
    const [messageId] = await postChases(fixture.ctx, fixture.personId, 1);
    const worker = startWorker({ database: t.database, transports, now: clock.now, intervalMs: 10, log });
    await expect.poll(() => started).toBe(1);
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await rowsWhere(t.database, "outbox", { messageId: messageId! }))[0]?.state).toBe("sent");
    await postChases(fixture.ctx, fixture.personId, 1);
    await new Promise((r) => setTimeout(r, 60));
    expect(started).toBe(1);
  });

  it("logs a failed round and carries on", async () => {
    const broken = startWorker({
      database: t.database,
      transports: {
        webhook: async () => {
          throw new Error("unreachable");
        },
        email: async () => {},
      },
      // An invalid clock makes every round throw (as a lost database connection would).
      now: () => new Date(Number.NaN),
      intervalMs: 10,
      log,
    });
    await expect
      .poll(() => logged.filter((l) => l.message.includes("delivering the outbox failed")).length)
      .toBeGreaterThan(1);
    await broken.stop();
  });
});
