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

describe("loadConfig's GUATU_TRUST_PROXY", () => {
  it("trusts no proxy by default, any with true, or the addresses listed; refuses anything else", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ GUATU_TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(loadConfig({ GUATU_TRUST_PROXY: "0" }).trustProxy).toBe(false);
    expect(loadConfig({ GUATU_TRUST_PROXY: "127.0.0.1, 10.0.0.0/8" }).trustProxy).toBe(
      "127.0.0.1,10.0.0.0/8",
    );
    expect(() => loadConfig({ GUATU_TRUST_PROXY: "nginx.intranet" })).toThrow(
      /GUATU_TRUST_PROXY nginx.intranet: expected true, false or proxy addresses/,
    );
  });
});

describe("loadConfig's GUATU_METRICS_TOKEN and GUATU_ACCESS_SUMMARY", () => {
  it("keeps the scrape token secret, turns the summary on with 1, and refuses a short token or a bad flag", () => {
    const config = loadConfig({ GUATU_METRICS_TOKEN: "prometheus-scrape-key", GUATU_ACCESS_SUMMARY: "1" });
    expect(config.metricsToken?.reveal()).toBe("prometheus-scrape-key");
    expect(JSON.stringify(config)).not.toContain("prometheus-scrape-key");
    expect(config.accessSummary).toBe(true);
    expect(loadConfig({})).toMatchObject({ metricsToken: null, accessSummary: false });
    expect(() => loadConfig({ GUATU_METRICS_TOKEN: "short", GUATU_ACCESS_SUMMARY: "often" })).toThrow(
      /GUATU_METRICS_TOKEN: must be at least 16 characters; GUATU_ACCESS_SUMMARY often: expected 1 or 0/,
    );
  });
});
