import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { adminClient, type Client, call, seedSmall, signIn } from "../../test/factories.js";
import { key, parseMetrics } from "../../test/metrics.js";
import { Secret } from "../config/load-config.js";
import { addUser } from "../domain/accounts/account.service.js";
import { serviceContext } from "../domain/context.js";
import { buildApp } from "./app.js";

const SCRAPE_TOKEN = "scrape-secret-0123456789";

/**
 * `GET /api/v1/metrics` (issue 17 item 9): Prometheus text with requests by route pattern, errors by
 * code, the database's connections and the read caches' hits and misses; admins and the scrape
 * token read it, nobody else.
 */
describe.each(dialects)("GET /api/v1/metrics on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Client & { bearer: string };
  let seeded: Awaited<ReturnType<typeof seedSmall>>;

  const scrape = async () => {
    const res = await app.inject({
      url: "/api/v1/metrics",
      headers: { authorization: `Bearer ${SCRAPE_TOKEN}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseMetrics(res.body);
  };

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    app = await buildApp({ database: t.database, version: "test", metricsToken: new Secret(SCRAPE_TOKEN) });
    admin = await adminClient(app, t);
    seeded = await seedSmall(admin);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("counts requests by route pattern (never the URL) and error answers by code", async () => {
    for (const task of [seeded.t1, seeded.t2, seeded.t3])
      expect((await admin("GET", `/api/v1/tasks/${task.id}`)).status).toBe(200);
    const missing = await admin("GET", "/api/v1/tasks/no-such-task");
    expect(missing.body.error.code).toBe("NOT_FOUND");
    const invalid = await admin("POST", "/api/v1/org-units", {});
    expect(invalid.body.error.code).toBe("VALIDATION");
    expect((await admin("GET", "/api/v1/no/such/route")).status).toBe(404);

    const m = await scrape();
    const tasks = { method: "GET", route: "/api/v1/tasks/:id" };
    expect(m.get(key("guatu_http_requests_total", { ...tasks, status: "200" }))).toBe(3);
    expect(m.get(key("guatu_http_requests_total", { ...tasks, status: "404" }))).toBe(1);
    expect(m.get(key("guatu_http_request_duration_seconds_count", tasks))).toBe(4);
    expect(
      m.get(key("guatu_http_requests_total", { method: "GET", route: "unmatched", status: "404" })),
    ).toBe(1);
    expect(
      m.get(key("guatu_http_requests_total", { method: "POST", route: "/api/v1/org-units", status: "400" })),
    ).toBe(1);
    // Two NOT_FOUND: the unknown task and the unknown route.
    expect(m.get(key("guatu_http_errors_total", { code: "NOT_FOUND" }))).toBe(2);
    expect(m.get(key("guatu_http_errors_total", { code: "VALIDATION" }))).toBe(1);
    const labels = [...m.keys()].filter((k) => k.startsWith("guatu_http_requests_total")).join("\n");
    expect(labels).not.toContain(seeded.t1.id);
    expect(labels).not.toContain("no/such");
  });

  it("counts cache hits and misses of the read models and the closed-loop snapshot", async () => {
    const full = `/api/v1/task-forces/${seeded.tf.id}/full`;
    for (let i = 0; i < 3; i++) expect((await admin("GET", full)).status).toBe(200);
    expect((await admin("GET", "/api/v1/overview")).status).toBe(200);
    const m = await scrape();
    expect(m.get(key("guatu_cache_misses_total", { cache: "task-force-full" }))).toBe(1);
    expect(m.get(key("guatu_cache_hits_total", { cache: "task-force-full" }))).toBe(2);
    expect(m.get(key("guatu_cache_misses_total", { cache: "overview" }))).toBe(1);
    const snapshot = { cache: "closed-loop-snapshot" };
    expect(
      (m.get(key("guatu_cache_hits_total", snapshot)) ?? 0) +
        (m.get(key("guatu_cache_misses_total", snapshot)) ?? 0),
    ).toBeGreaterThan(0);
  });

  it("reports the database's connections as far as the dialect can tell", async () => {
    const m = await scrape();
    if (dialect === "sqlite") {
      expect(m.get(key("guatu_db_pool_max_connections"))).toBe(1);
      expect(m.get(key("guatu_db_pool_open_connections"))).toBe(1);
      // SQLite's one connection has no pool to be idle in, and its queue is Kysely's, out of sight.
      expect(m.has(key("guatu_db_pool_idle_connections"))).toBe(false);
      expect(m.has(key("guatu_db_pool_waiting_queries"))).toBe(false);
    } else {
      expect(m.get(key("guatu_db_pool_max_connections"))).toBe(10);
      expect(m.get(key("guatu_db_pool_open_connections"))).toBeGreaterThanOrEqual(1);
      expect(m.get(key("guatu_db_pool_idle_connections"))).toBeGreaterThanOrEqual(0);
      expect(m.get(key("guatu_db_pool_waiting_queries"))).toBe(0);
    }
    expect(m.get(key("guatu_info", { version: "test", db: dialect }))).toBe(1);
    expect(m.has(key("process_cpu_user_seconds_total"))).toBe(true);
  });

  it("lets admins and the scrape token in, and refuses everyone else", async () => {
    const metrics = (auth: Parameters<typeof call>[4]) =>
      call(app, "GET", "/api/v1/metrics", undefined, auth);
    expect((await metrics(null)).status).toBe(401);
    expect((await metrics({ bearer: "not-the-scrape-token-at-all" })).status).toBe(401);
    expect((await metrics({ bearer: admin.bearer })).status).toBe(200);
    const ctx = serviceContext(t.database, "test");
    for (const role of ["viewer", "admin"] as const)
      await addUser(ctx, {
        username: `metrics-${role}`,
        displayName: role,
        roles: [role],
        password: "a-password",
      });
    const refused = await metrics(await signIn(app, "metrics-viewer", "a-password"));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("FORBIDDEN");
    const session = await signIn(app, "metrics-admin", "a-password");
    expect((await metrics(session)).status).toBe(200);
    // An admin's token limited to a task force reads nothing of the whole server.
    const scoped = await call(
      app,
      "POST",
      "/api/v1/api-tokens",
      { name: "limited", role: "admin", taskForceId: seeded.tf.id },
      session,
    );
    expect(scoped.status).toBe(201);
    expect((await metrics({ bearer: scoped.body.token })).status).toBe(403);
    expect((await scrape()).get(key("guatu_http_errors_total", { code: "FORBIDDEN" }))).toBe(2);
  });
});
