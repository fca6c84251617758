import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./load-config.js";

describe("loadConfig's delivery secrets", () => {
  it("reads GUATU_WEBHOOK_SECRET and GUATU_SMTP_URL, showing neither when printed or serialised", () => {
    const config = loadConfig({
      GUATU_WEBHOOK_SECRET: "a-long-webhook-key-123",
      GUATU_SMTP_URL: "smtp://mailer:p4ss-w0rd@mail.example.cn:587",
    });
    expect(config.delivery.webhookSecret?.reveal()).toBe("a-long-webhook-key-123");
    expect(config.delivery.smtpUrl?.reveal()).toBe("smtp://mailer:p4ss-w0rd@mail.example.cn:587");
    for (const shown of [
      JSON.stringify(config),
      inspect(config, { depth: 5 }),
      `${config.delivery.smtpUrl}`,
    ]) {
      expect(shown).not.toContain("p4ss-w0rd");
      expect(shown).not.toContain("a-long-webhook-key");
    }
  });

  it("leaves both unset when absent, and reports bad values with the other problems, never quoting them", () => {
    expect(loadConfig({}).delivery).toEqual({ webhookSecret: null, smtpUrl: null });
    expect(() =>
      loadConfig({ GUATU_WEBHOOK_SECRET: "short", GUATU_SMTP_URL: "mail.example.cn", GUATU_PORT: "x" }),
    ).toThrow(
      /--port x: must be a whole number 0–65535; GUATU_WEBHOOK_SECRET: must be at least 16 characters; GUATU_SMTP_URL: expected smtp:/,
    );
  });
});
