/**
 * The installable web app as the server delivers it: the Content-Security-Policy lets the page
 * load its manifest and register its service worker from its own origin, and the static files
 * come with the types and caching a browser needs (a worker script must be JavaScript and is
 * revalidated, so a new one is found; hashed assets are immutable).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db-harness.js";
import { buildApp } from "./app.js";
import { registerWebApp } from "./plugins/web-app.js";

describe("the installable web app", () => {
  it("allows the service worker and the manifest from the app's own origin only", async () => {
    const t = await createTestDatabase("sqlite");
    const app = await buildApp({ database: t.database, version: "test", logger: false });
    try {
      const csp = (await app.inject({ url: "/api/v1/health" })).headers["content-security-policy"];
      expect(csp).toContain("worker-src 'self'");
      expect(csp).toContain("manifest-src 'self'");
      expect(csp).toContain("script-src 'self'");
    } finally {
      await app.close();
      await t.drop();
    }
  });

  it("serves the worker as JavaScript and the manifest as a manifest, both revalidated", async () => {
    const root = mkdtempSync(join(tmpdir(), "guatu-web-"));
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "index.html"), "<!doctype html>");
    writeFileSync(join(root, "sw.js"), "self.addEventListener('fetch', () => {});");
    writeFileSync(join(root, "manifest.webmanifest"), '{"name":"挂图"}');
    writeFileSync(join(root, "assets", "index-a1.js"), "export {};");
    const app = Fastify();
    try {
      expect(await registerWebApp(app, root)).toBe(true);
      const sw = await app.inject({ url: "/sw.js" });
      expect(sw.statusCode).toBe(200);
      expect(sw.headers["content-type"]).toMatch(/^(application|text)\/javascript/);
      expect(sw.headers["cache-control"]).toBe("no-cache");
      expect(sw.headers["service-worker-allowed"]).toBeUndefined();
      const manifest = await app.inject({ url: "/manifest.webmanifest" });
      expect(manifest.headers["content-type"]).toMatch(/^application\/manifest\+json/);
      expect(manifest.headers["cache-control"]).toBe("no-cache");
      expect(manifest.json()).toEqual({ name: "挂图" });
      const asset = await app.inject({ url: "/assets/index-a1.js" });
      expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    } finally {
      await app.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
