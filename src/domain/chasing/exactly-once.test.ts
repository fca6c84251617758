import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/db-harness.js";
import { startWebhookReceiver, type WebhookReceiver } from "../../../test/webhook-receiver.js";
import { type DatabaseHandle, openDatabase } from "../../db/connection.js";
import { serviceContext } from "../context.js";
import { deliverAllDue } from "../delivery/delivery.service.js";
import { webhookTransport } from "../delivery/webhook.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import { putSetting } from "../settings/settings.repository.js";
import { chaseDueReminders } from "./chase.service.js";

const SECRET = "exactly-once-test-secret";
// Two months around National Day (holidays and the 调休 weekend of Oct 8–9): the whole half-year runs
// on SQLite in half-year.test.ts.
const FROM = "2022-08-15";
const TO = "2022-10-14";

function* days(from: string, to: string) {
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000)
    yield new Date(d).toISOString().slice(0, 10);
}

/**
 * Two app instances (two connection pools) on one PostgreSQL run the simulation at once:
 * each day both record the day's 催办 and deliver the outbox to a webhook receiver. Every reminder
 * is recorded once and every notification reaches the receiver exactly once.
 */
describe.skipIf(!process.env.GUATU_TEST_PG)("two months of 催办 by two instances on PostgreSQL", () => {
  let t: TestDatabase;
  let second: DatabaseHandle;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    second = openDatabase({ kind: "postgres", url: t.url });
    receiver = await startWebhookReceiver(SECRET, false);
    await loadDemo(
      serviceContext(t.database, "demo", () => "2022-08-15T01:00:00.000Z"),
      buildDemoDataset(),
    );
    await putSetting(
      t.database.db,
      "notifications",
      { webhook: { enabled: true, url: receiver.url } },
      "2022-06-30T00:00:00.000Z",
    );
  }, 120_000);
  afterAll(async () => {
    await receiver?.close();
    await second?.close();
    await t?.drop();
  });

  it("records each reminder once and delivers each notification exactly once", async () => {
    const transports = {
      webhook: webhookTransport({ secret: { reveal: () => SECRET } }),
      email: async () => {},
    };
    const instance = async (database: DatabaseHandle) => {
      let recorded = 0;
      for (const day of days(FROM, TO)) {
        const now = () => new Date(`${day}T01:00:00.000Z`);
        recorded += (
          await chaseDueReminders(
            serviceContext(database, "worker", () => now().toISOString()),
            day,
          )
        ).sent;
        await deliverAllDue({ database, transports, now, options: { batchSize: 25, concurrency: 4 } });
      }
      return recorded;
    };
    const [a, b] = await Promise.all([instance(t.database), instance(second)]);
    const db = t.database.db;
    const count = async (table: "chases" | "outbox" | "messages") =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((e) => e.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const chases = await count("chases");
    const keys = await db.selectFrom("chases").select(["reminderKey", "day"]).execute();
    expect(new Set(keys.map((k) => k.reminderKey)).size).toBe(chases);
    // Both instances recorded some; together exactly the chases stored.
    expect({ a, b, sum: a + b }).toEqual({ a, b, sum: chases });
    expect(chases).toBeGreaterThan(3_000);
    const chaseMessages = await db
      .selectFrom("messages")
      .select("id")
      .where("chaseId", "is not", null)
      .execute();
    expect(chaseMessages.length).toBe(chases);
    expect(await count("outbox")).toBe(chases);
    const unsent = await db.selectFrom("outbox").select("id").where("state", "!=", "sent").execute();
    expect(unsent).toEqual([]);
    expect(receiver.accepted.size).toBe(chases);
    expect([...receiver.accepted.values()].every((n) => n === 1)).toBe(true);
  }, 600_000);
});
