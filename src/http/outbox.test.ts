import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, rowsWhere, type TestDatabase } from "../../test/db-harness.js";
import { adminClient, buildTaskForce, type Client, clientFor, signIn } from "../../test/factories.js";
import { postChases, setUpNotifications, type TestClock, testClock } from "../../test/outbox-fixtures.js";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/webhook-receiver.js";
import { Secret } from "../config/load-config.js";
import { addUser } from "../domain/accounts/account.service.js";
import { serviceContext } from "../domain/context.js";
import { deliverAllDue } from "../domain/delivery/delivery.service.js";
import { webhookTransport } from "../domain/delivery/webhook.js";
import { updateSettings } from "../domain/settings/settings.service.js";
import { buildApp } from "./app.js";

const SECRET = "outbox-route-secret-0123456789";

/** Dead letters seen and retried through the API; channel switches deciding what is queued. */
describe.each(dialects)("the outbox API on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let clock: TestClock;
  let receiver: WebhookReceiver;
  let admin: Client;
  let supervisor: Client;
  let scoped: Client;
  let fixture: Awaited<ReturnType<typeof setUpNotifications>>;
  /** Delivers what is due at the test clock: 3 attempts, 10 s then 20 s apart. */
  const deliver = () =>
    deliverAllDue({
      database: t.database,
      transports: {
        webhook: webhookTransport({ secret: new Secret(SECRET) }),
        email: async () => {},
      },
      now: clock.now,
      options: { maxAttempts: 3, backoffBaseMs: 10_000, backoffCapMs: 60_000 },
    });

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    clock = testClock();
    receiver = await startWebhookReceiver(SECRET);
    fixture = await setUpNotifications(t.database, clock, { webhook: receiver.url });
    app = await buildApp({ database: t.database, version: "test", clock: clock.now });
    admin = await adminClient(app, t);
    await addUser(serviceContext(t.database, "test"), {
      username: "office",
      displayName: "督查室",
      roles: ["supervisor"],
      password: "pass-word-1",
    });
    supervisor = clientFor(app, await signIn(app, "office", "pass-word-1"));
    const tf = await admin("POST", "/api/v1/task-forces", buildTaskForce());
    await addUser(serviceContext(t.database, "test"), {
      username: "root",
      displayName: "管理员",
      roles: ["admin"],
      password: "pass-word-1",
    });
    const session = clientFor(app, await signIn(app, "root", "pass-word-1"));
    const token = await session("POST", "/api/v1/api-tokens", {
      name: "one tf",
      role: "admin",
      taskForceId: tf.body.id,
    });
    scoped = clientFor(app, { bearer: token.body.token });
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
    await t?.drop();
  });

  it("shows a delivery that always failed as dead with its error, and an admin's retry sends it again", async () => {
    receiver.respond = () => 500;
    await postChases(fixture.ctx, fixture.personId, 1);
    expect((await deliver()).retrying).toBe(1);
    clock.advance(10_000);
    expect((await deliver()).retrying).toBe(1);
    clock.advance(20_000);
    expect((await deliver()).dead).toBe(1);
    clock.advance(3_600_000);
    expect((await deliver()).claimed).toBe(0);
    expect(receiver.requests.length).toBe(3);

    const dead = await admin("GET", "/api/v1/outbox?state=dead");
    expect(dead.status).toBe(200);
    expect(dead.body.total).toBe(1);
    const [entry] = dead.body.items;
    expect(entry).toMatchObject({
      channel: "webhook",
      target: receiver.url,
      attempts: 3,
      kind: "chase",
      personName: "张伟",
    });
    expect(entry.lastError).toContain("HTTP 500");
    expect((await supervisor("GET", "/api/v1/outbox?state=dead")).body.total).toBe(1);
    expect((await admin("GET", "/api/v1/outbox?state=pending")).body.total).toBe(0);

    expect((await supervisor("POST", `/api/v1/outbox/${entry.id}/retry`)).status).toBe(403);
    const retried = await admin("POST", `/api/v1/outbox/${entry.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: "pending", attempts: 0, nextAttemptAt: clock.iso() });
    const again = await admin("POST", `/api/v1/outbox/${entry.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("OUTBOX_NOT_DEAD");
    expect(again.body.error.details[0]).toMatchObject({ path: "state", key: "notFromState" });
    expect((await admin("POST", "/api/v1/outbox/no-such-row/retry")).status).toBe(404);
    expect(
      await rowsWhere(t.database, "audit_entries", { entity: "outbox", entityId: entry.id }),
    ).toHaveLength(1);

    receiver.respond = () => 200;
    expect((await deliver()).sent).toBe(1);
    expect([...receiver.accepted.values()]).toEqual([1]);
    const sent = await admin("GET", "/api/v1/outbox?state=sent");
    expect(sent.body.items.map((e: { id: string }) => e.id)).toEqual([entry.id]);
    expect((await admin("GET", "/api/v1/outbox?state=dead")).body.total).toBe(0);
  });

  it("refuses a token limited to one task force, and bad states", async () => {
    const r = await scoped("GET", "/api/v1/outbox?state=dead");
    expect(r.status).toBe(403);
    expect((await scoped("POST", "/api/v1/outbox/x/retry")).status).toBe(403);
    expect((await admin("GET", "/api/v1/outbox?state=lost")).status).toBe(400);
  });

  it("queues nothing for a channel switched off, and e-mail only for people with an address", async () => {
    const count = async () => (await rowsWhere(t.database, "outbox")).length;
    const before = await count();
    await updateSettings(fixture.ctx, {
      notifications: {
        webhook: { enabled: false, url: receiver.url },
        email: { enabled: false, from: "gt@example.cn" },
      },
    });
    const [quiet] = await postChases(fixture.ctx, fixture.personId, 1);
    expect(await count()).toBe(before);
    expect(await rowsWhere(t.database, "messages", { id: quiet! })).toHaveLength(1);

    await updateSettings(fixture.ctx, {
      notifications: {
        webhook: { enabled: false, url: receiver.url },
        email: { enabled: true, from: "gt@example.cn" },
      },
    });
    const [mailed] = await postChases(fixture.ctx, fixture.personId, 1);
    expect((await rowsWhere(t.database, "outbox", { messageId: mailed! })).map((r) => r.channel)).toEqual([
      "email",
    ]);
    const nobody = await admin("POST", "/api/v1/persons", { name: "无邮箱" });
    const [none] = await postChases(fixture.ctx, nobody.body.id, 1);
    expect(await rowsWhere(t.database, "outbox", { messageId: none! })).toHaveLength(0);
  });
});
