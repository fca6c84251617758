import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db-harness.js";
import { buildApp } from "../app.js";
import { securityHeaders } from "./security-headers.js";

describe("securityHeaders", () => {
  it("computes helmet's headers once, with our directives", () => {
    const h = securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'"] } } });
    expect(h["content-security-policy"]).toContain("script-src 'self'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(h["x-frame-options"]).toBe("SAMEORIGIN");
    expect(Object.keys(h).every((k) => k === k.toLowerCase())).toBe(true);
  });

  it("refuses directives that would depend on the request", () => {
    expect(() =>
      securityHeaders({
        contentSecurityPolicy: { directives: { scriptSrc: ["'self'", () => "'nonce-x'"] } },
      }),
    ).toThrow(/script-src|scriptSrc/);
  });
});

describe("the app's security headers", () => {
  it("send HSTS and upgrade-insecure-requests over HTTPS only (plain HTTP on an intranet host works)", async () => {
    const t = await createTestDatabase("sqlite");
    const direct = await buildApp({ database: t.database, version: "test", logger: false });
    const proxied = await buildApp({
      database: t.database,
      version: "test",
      logger: false,
      trustProxy: true,
    });
    try {
      const plain = await direct.inject({ url: "/", headers: { host: "guatu.intranet:8080" } });
      expect(plain.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
      expect(plain.headers["strict-transport-security"]).toBeUndefined();
      // Not trusted: a client's X-Forwarded-Proto changes nothing.
      const forged = await direct.inject({ url: "/", headers: { "x-forwarded-proto": "https" } });
      expect(forged.headers["strict-transport-security"]).toBeUndefined();
      // Behind a trusted TLS proxy the browser is told to stay on https.
      const tls = await proxied.inject({ url: "/", headers: { "x-forwarded-proto": "https" } });
      expect(tls.headers["content-security-policy"]).toContain("upgrade-insecure-requests");
      expect(tls.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    } finally {
      await direct.close();
      await proxied.close();
      await t.drop();
    }
  });

  it("are on API answers, errors and the web app alike", async () => {
    const t = await createTestDatabase("sqlite");
    const app = await buildApp({ database: t.database, version: "test", logger: false });
    try {
      for (const url of ["/api/v1/health", "/api/v1/no-such-route", "/api/v1/tasks", "/"]) {
        const res = await app.inject({ url, headers: { accept: "text/html" } });
        expect(res.headers["content-security-policy"], url).toContain("script-src 'self'");
        expect(res.headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
        expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      }
    } finally {
      await app.close();
      await t.drop();
    }
  });
});
