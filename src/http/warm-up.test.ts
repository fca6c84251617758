import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { type Client, clientFor, signIn } from "../../test/factories.js";
import { key, parseMetrics } from "../../test/metrics.js";
import { loadConfig, Secret } from "../config/load-config.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { buildApp } from "./app.js";
import { startServer } from "./server.js";
import { warmUp } from "./warm-up.js";

const SCRAPE_TOKEN = "scrape-secret-0123456789";
const PAGES: readonly (readonly [string, string])[] = [
  ["overview-summary", "/api/v1/overview/summary"],
  ["check", "/api/v1/check"],
  ["battle-map-outline", "/api/v1/battle-map?outline=true"],
  ["dispatch-summary", "/api/v1/dispatch-report/summary"],
];

/** Hits and misses of the read caches, by read name, from `/api/v1/metrics`. */
async function cacheLookups(app: FastifyInstance, name: string): Promise<{ hits: number; misses: number }> {
  const res = await app.inject({
    url: "/api/v1/metrics",
    headers: { authorization: `Bearer ${SCRAPE_TOKEN}` },
  });
  const samples = parseMetrics(res.body);
  const count = (kind: string) => samples.get(key(`guatu_cache_${kind}_total`, { cache: name })) ?? 0;
  return { hits: count("hits"), misses: count("misses") };
}

/**
 * The first pages rendered ahead after a start (issue 18, "Province-size reads"): the first admin
 * to open them is answered from the cache, with the answer a server without the warm-up gives.
 */
describe.each(dialects)("warm-up after a start on %s", (dialect) => {
  let warm: { t: TestDatabase; app: FastifyInstance; admin: Client };
  let cold: { t: TestDatabase; app: FastifyInstance; admin: Client };
  const start = async () => {
    const t = await createTestDatabase(dialect, { demo: true });
    const app = await buildApp({
      database: t.database,
      version: "test",
      metricsToken: new Secret(SCRAPE_TOKEN),
    });
    return { t, app, admin: clientFor(app, await signIn(app, "admin", DEMO_PASSWORD)) };
  };
  beforeAll(async () => {
    warm = await start();
    cold = await start();
  });
  afterAll(async () => {
    for (const s of [warm, cold]) {
      await s?.app.close();
      await s?.t.drop();
    }
  });

  it("says it is warming while it renders, renders each page once, and then says ready", async () => {
    const health = async () => (await warm.app.inject({ url: "/api/v1/health" })).json().readModels;
    expect(await health()).toBe("ready");
    // Warming from the call on, while the records are read in (`before`) too.
    let preloaded = () => {};
    const running = warmUp(warm.app, warm.t.database, () => new Promise<void>((r) => (preloaded = r)));
    expect(await health()).toBe("warming");
    preloaded();
    const report = await running;
    expect(report.failed).toEqual([]);
    expect(report.rendered.map((r) => r.name).sort()).toEqual(
      ["battle-map outline", "check", "dispatch summary", "overview summary"].sort(),
    );
    expect(await health()).toBe("ready");
  });

  it("answers the first admin from the cache, as a server that did not warm up answers", async () => {
    for (const [, url] of PAGES) {
      const [a, b] = [await warm.admin("GET", url), await cold.admin("GET", url)];
      expect(a.status, url).toBe(200);
      expect(a.body, url).toEqual(b.body);
    }
    for (const [name] of PAGES)
      expect(await cacheLookups(warm.app, name), name).toEqual({ hits: 1, misses: 0 });
    // The control: without the warm-up, each first answer is rendered.
    for (const [name] of PAGES)
      expect(await cacheLookups(cold.app, name), name).toEqual({ hits: 0, misses: 1 });
  });

  it("runs after `guatu serve` starts listening: the server says when the pages are ready", async () => {
    const t = await createTestDatabase(dialect, { demo: true });
    const config = loadConfig({ GUATU_LOG_LEVEL: "silent" }, { db: t.url, host: "127.0.0.1", port: "0" });
    const server = await startServer(config, { worker: false });
    try {
      const report = await server.warmed;
      expect(report.failed).toEqual([]);
      expect(report.rendered).toHaveLength(4);
      const health = await (await fetch(`${server.url}/api/v1/health`)).json();
      expect(health).toMatchObject({ status: "ok", db: dialect, readModels: "ready" });
    } finally {
      await server.close();
      await t.drop();
    }
  });
});
