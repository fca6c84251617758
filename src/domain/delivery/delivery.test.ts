import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, rowsWhere, type TestDatabase } from "../../../test/db-harness.js";
import { postChases, setUpNotifications, type TestClock, testClock } from "../../../test/outbox-fixtures.js";
import { startWebhookReceiver, type WebhookReceiver } from "../../../test/webhook-receiver.js";
import { Secret } from "../../config/load-config.js";
import { openDatabase } from "../../db/connection.js";
import { backoffMs, DEFAULT_DELIVERY_OPTIONS, type Transports } from "./delivery.js";
import { type DeliveryRun, deliverAllDue } from "./delivery.service.js";
import { webhookSignature, webhookTransport } from "./webhook.js";

const SECRET = "test-webhook-secret-0123456789";
const SEC = 1000;

const noEmail: Transports["email"] = async () => {
  throw new Error("no e-mail in this test");
};
const transports = (secret: string | null, timeoutMs?: number): Transports => ({
  webhook: webhookTransport({ secret: secret === null ? null : new Secret(secret), timeoutMs }),
  email: noEmail,
});

describe("back-off", () => {
  it("doubles from 30 s and stops at one hour", () => {
    const waits = [1, 2, 3, 4, 7, 8, 20].map((n) => backoffMs(n, DEFAULT_DELIVERY_OPTIONS) / SEC);
    expect(waits).toEqual([30, 60, 120, 240, 1920, 3600, 3600]);
  });
});

describe("webhook signature", () => {
  it("is sha256= and the hex HMAC-SHA256 of the exact UTF-8 body", () => {
    // printf '%s' '{"a":"催办"}' | openssl dgst -sha256 -hmac key
    expect(webhookSignature('{"a":"催办"}', "key")).toBe(
      "sha256=09cd0e038f3ef1aeb44de3708c3bbd48eb5c2afe1637320d04c9c5e13766657a",
    );
    expect(webhookSignature("x", "key")).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(webhookSignature("x", "key")).not.toBe(webhookSignature("x ", "key"));
  });
});

describe.each(dialects)("outbox delivery on %s", (dialect) => {
  let t: TestDatabase;
  let clock: TestClock;
  let receiver: WebhookReceiver;
  let personId: string;
  let ctx: Awaited<ReturnType<typeof setUpNotifications>>["ctx"];
  const run = (o: Partial<DeliveryRun> = {}): DeliveryRun => ({
    database: t.database,
    transports: transports(SECRET),
    now: clock.now,
    ...o,
  });

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    clock = testClock();
    receiver = await startWebhookReceiver(SECRET);
    ({ ctx, personId } = await setUpNotifications(t.database, clock, { webhook: receiver.url }));
  });
  afterEach(async () => {
    receiver.respond = () => 204;
    receiver.requests.length = 0;
    receiver.accepted.clear();
    // Nothing left due for the next test.
    await t.database.db.deleteFrom("outbox").execute();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.drop();
  });

  it("signs each delivery so the receiver verifies the raw body, and names it for de-duplication", async () => {
    const [messageId] = await postChases(ctx, personId, 1);
    const tally = await deliverAllDue(run());
    expect(tally).toMatchObject({ claimed: 1, sent: 1 });
    const [got] = receiver.requests;
    const [row] = await rowsWhere(t.database, "outbox", { messageId: messageId! });
    expect(got).toMatchObject({
      verified: true,
      delivery: row!.id,
      contentType: "application/json; charset=utf-8",
    });
    expect(got!.timestamp).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    expect(JSON.parse(got!.body)).toMatchObject({ messageId, kind: "chase", personName: "张伟" });
    expect(got!.body).toBe(row!.payload);
    expect(row).toMatchObject({ state: "sent", attempts: 1, sentAt: clock.iso(), lastError: null });
  });

  it("retries after the back-off: a receiver failing 3 times then accepting gets the message once", async () => {
    let calls = 0;
    receiver.respond = () => (++calls <= 3 ? 503 : 200);
    await postChases(ctx, personId, 1);
    const start = clock.now().getTime();
    const at = (s: number) => clock.set(new Date(start + s * SEC).toISOString());
    const state = async () => (await rowsWhere(t.database, "outbox"))[0]!;

    expect(await deliverAllDue(run())).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await state()).toMatchObject({
      attempts: 1,
      nextAttemptAt: new Date(start + 30 * SEC).toISOString(),
    });
    expect((await state()).lastError).toContain("HTTP 503");
    // Not before the back-off has passed: 30 s, then 60 s, then 120 s.
    for (const [early, due] of [
      [29, 30],
      [89, 90],
      [209, 210],
    ] as const) {
      at(early);
      expect((await deliverAllDue(run())).claimed).toBe(0);
      at(due);
      expect((await deliverAllDue(run())).claimed).toBe(1);
    }
    expect(receiver.requests.map((r) => r.status)).toEqual([503, 503, 503, 200]);
    expect(new Set(receiver.requests.map((r) => r.delivery)).size).toBe(1);
    expect([...receiver.accepted.values()]).toEqual([1]);
    expect(await state()).toMatchObject({ state: "sent", attempts: 4, sentAt: clock.iso() });
    at(10_000);
    expect((await deliverAllDue(run())).claimed).toBe(0);
  });

  it("fails with a clear error when GUATU_WEBHOOK_SECRET is not set, sending nothing", async () => {
    await postChases(ctx, personId, 1);
    await deliverAllDue(run({ transports: transports(null) }));
    expect(receiver.requests).toEqual([]);
    expect((await rowsWhere(t.database, "outbox"))[0]).toMatchObject({
      state: "pending",
      attempts: 1,
      lastError: "GUATU_WEBHOOK_SECRET is not set",
    });
  });

  it("counts a receiver that does not answer in time as a failed attempt", async () => {
    receiver.respond = () => new Promise((r) => setTimeout(() => r(504), 600));
    await postChases(ctx, personId, 1);
    await deliverAllDue(run({ transports: transports(SECRET, 200) }));
    expect((await rowsWhere(t.database, "outbox"))[0]!.lastError).toMatch(/no answer .* within 0.2 s/);
    // The late answer lands before the next test starts counting.
    await expect.poll(() => receiver.requests.length).toBe(1);
  });

  it("leaves a lease alone until it runs out (a crashed worker's rows are taken again later)", async () => {
    await postChases(ctx, personId, 1);
    const until = new Date(clock.now().getTime() + 60 * SEC).toISOString();
    await t.database.db.updateTable("outbox").set({ lockedUntil: until, attempts: 1 }).execute();
    expect((await deliverAllDue(run())).claimed).toBe(0);
    clock.advance(60 * SEC);
    expect(await deliverAllDue(run())).toMatchObject({ claimed: 1, sent: 1 });
    expect((await rowsWhere(t.database, "outbox"))[0]).toMatchObject({ attempts: 2, state: "sent" });
  });

  it(`delivers 320 rows exactly once with ${dialect === "postgres" ? "two workers on two connection pools" : "one worker"}`, async () => {
    await postChases(ctx, personId, 320);
    // A few milliseconds per answer, so the workers' claims overlap in time.
    receiver.respond = () => new Promise((r) => setTimeout(() => r(204), 1 + Math.random() * 3));
    const second = dialect === "postgres" ? openDatabase({ kind: "postgres", url: t.url }) : null;
    try {
      const options = { batchSize: 16, concurrency: 4 };
      const tallies = await Promise.all([
        deliverAllDue(run({ options })),
        ...(second ? [deliverAllDue(run({ database: second, options }))] : []),
      ]);
      expect(tallies.reduce((n, x) => n + x.sent, 0)).toBe(320);
      if (second) for (const x of tallies) expect(x.sent).toBeGreaterThan(0);
    } finally {
      await second?.close();
    }
    expect(receiver.accepted.size).toBe(320);
    expect([...receiver.accepted.values()].every((n) => n === 1)).toBe(true);
    expect(receiver.requests.length).toBe(320);
    const rows = await rowsWhere(t.database, "outbox");
    expect(rows.length).toBe(320);
    expect(rows.every((r) => r.state === "sent" && r.attempts === 1)).toBe(true);
  });
});
