import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, rowsWhere, type TestDatabase } from "../../../test/db-harness.js";
import { postChases, setUpNotifications, type TestClock, testClock } from "../../../test/outbox-fixtures.js";
import { Secret } from "../../config/load-config.js";
import { deliverAllDue } from "./delivery.service.js";
import { type EmailChannel, emailChannel } from "./email.js";

const USER = "guatu-mailer";
const PASSWORD = "s3cret-smtp-pass";

/** A local SMTP sink (smtp-server on a free port) that checks the login and keeps each raw message. */
async function startSink() {
  const raw: Buffer[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === USER && auth.password === PASSWORD) done(null, { user: USER });
      else done(new Error("535 bad login"));
    },
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        raw.push(Buffer.concat(chunks));
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { raw, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(dialects)("e-mail delivery on %s", (dialect) => {
  let t: TestDatabase;
  let clock: TestClock;
  let sink: Awaited<ReturnType<typeof startSink>>;
  let fixture: Awaited<ReturnType<typeof setUpNotifications>>;
  let channel: EmailChannel | null = null;
  const deliver = (password: string) => {
    channel = emailChannel({ smtpUrl: new Secret(`smtp://${USER}:${password}@127.0.0.1:${sink.port}`) });
    return deliverAllDue({
      database: t.database,
      transports: { webhook: async () => {}, email: channel.send },
      now: clock.now,
    });
  };

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    clock = testClock();
    sink = await startSink();
    fixture = await setUpNotifications(t.database, clock, { emailFrom: "guatu@dcz.example.cn" });
  });
  afterEach(async () => {
    channel?.close();
    await t.database.db.deleteFrom("outbox").execute();
  });
  afterAll(async () => {
    await sink?.close();
    await t?.drop();
  });

  it("sends a chase worded in Chinese, correctly encoded, over SMTP with the URL's login", async () => {
    const [messageId] = await postChases(fixture.ctx, fixture.personId, 1);
    expect(await deliver(PASSWORD)).toMatchObject({ claimed: 1, sent: 1 });
    expect(sink.raw).toHaveLength(1);
    const source = sink.raw[0]!.toString("latin1");
    // On the wire the Chinese is MIME-encoded (RFC 2047 subject, a transfer-encoded body) …
    expect(source).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(source).not.toContain("催办");
    // … and decodes to the words.
    const mail = await simpleParser(sink.raw[0]!);
    expect(mail.subject).toBe("【挂图】催办：01.1 开展入户摸底调查");
    expect(mail.from?.text).toBe("guatu@dcz.example.cn");
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe("zhangwei@example.cn");
    expect(mail.text).toContain("张伟，您好：");
    expect(mail.text).toContain("事项已超期，请尽快推进");
    expect(mail.text).toContain("截止日期：2026-11-30（已超期 3 个工作日）");
    expect(mail.text).toContain("催办人：李娜");
    const [row] = await rowsWhere(t.database, "outbox", { messageId: messageId! });
    expect(mail.headers.get("x-guatu-delivery")).toBe(row!.id);
    expect(mail.messageId).toBe(`<${row!.id}@dcz.example.cn>`);
  });

  it("records a refused login as a failed attempt without the password", async () => {
    await postChases(fixture.ctx, fixture.personId, 1);
    expect((await deliver("wrong-password-123")).retrying).toBe(1);
    const [row] = await rowsWhere(t.database, "outbox");
    expect(row!.lastError).toContain("535");
    expect(row!.lastError).not.toContain("wrong-password-123");
  });

  it("fails clearly without GUATU_SMTP_URL", async () => {
    await postChases(fixture.ctx, fixture.personId, 1);
    channel = emailChannel({ smtpUrl: null });
    await deliverAllDue({
      database: t.database,
      transports: { webhook: async () => {}, email: channel.send },
      now: clock.now,
    });
    expect((await rowsWhere(t.database, "outbox"))[0]!.lastError).toBe("GUATU_SMTP_URL is not set");
  });
});
