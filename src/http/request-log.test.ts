import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { adminClient, type Client, seedSmall } from "../../test/factories.js";
import { buildApp } from "./app.js";
import { AccessSummary, requestIdOf } from "./plugins/request-log.js";
import { publicRule } from "./policy.js";

type Line = Record<string, unknown> & { msg: string; level: number; reqId?: string };

/** A pino destination that keeps each JSON line. */
function captured() {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const text of String(chunk).split("\n")) if (text) lines.push(JSON.parse(text));
      done();
    },
  });
  return { lines, stream };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("requestIdOf", () => {
  const of = (id: string | string[] | undefined) =>
    requestIdOf({ headers: { "x-request-id": id } } as unknown as Parameters<typeof requestIdOf>[0]);

  it("keeps a short token of safe characters and replaces anything else with a UUID", () => {
    expect(of("abc-123_x.y")).toBe("abc-123_x.y");
    expect(of("a".repeat(64))).toBe("a".repeat(64));
    for (const bad of ["a".repeat(65), "has space", "line\nbreak", "引号", "", ["a", "b"], undefined])
      expect(of(bad)).toMatch(UUID);
  });
});

describe("AccessSummary", () => {
  it("counts by status class and takes p50 and p99 by nearest rank, then starts afresh", () => {
    const s = new AccessSummary();
    expect(s.take()).toBeNull();
    for (let ms = 1; ms <= 100; ms++) s.record(ms === 100 ? 503 : ms % 10 === 0 ? 404 : 200, ms);
    expect(s.take()).toEqual({
      requests: 100,
      status: { "2xx": 90, "4xx": 9, "5xx": 1 },
      p50Ms: 50,
      p99Ms: 99,
    });
    expect(s.take()).toBeNull();
  });
});

/**
 * The access log (issue 18 item 5) and request ids: one line per API request with method, route
 * pattern, path, status, ms and the request id the answer's `x-request-id` names; none for health
 * checks and static files; a 5xx at error level with its error, its body naming the request id.
 */
describe.each(dialects)("the request log on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Client & { bearer: string };
  let webRoot: string;
  const log = captured();

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    webRoot = mkdtempSync(join(tmpdir(), "guatu-web-"));
    mkdirSync(join(webRoot, "assets"));
    writeFileSync(join(webRoot, "index.html"), "<!doctype html>");
    writeFileSync(join(webRoot, "assets", "index-a1.js"), "export {};");
    app = await buildApp({
      database: t.database,
      version: "test",
      webRoot,
      logger: { level: "info", stream: log.stream },
    });
    app.get("/api/v1/test-boom", { config: { rule: publicRule } }, async () => {
      throw new Error("boom in a handler");
    });
    admin = await adminClient(app, t);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it("writes exactly one line per API request, with its fields and the id of x-request-id", async () => {
    const { tf } = await seedSmall(admin);
    const from = log.lines.length;
    const sent = [
      { url: `/api/v1/task-forces/${tf.id}`, id: "trace-1", status: 200 },
      { url: `/api/v1/tasks?taskForceId=${tf.id}&limit=5`, id: "trace-2", status: 200 },
      { url: "/api/v1/tasks/no-such-task", id: "trace-3", status: 404 },
    ];
    for (const s of sent) {
      const res = await app.inject({
        url: s.url,
        headers: { authorization: `Bearer ${admin.bearer}`, "x-request-id": s.id },
      });
      expect(res.statusCode).toBe(s.status);
      expect(res.headers["x-request-id"]).toBe(s.id);
    }
    const lines = log.lines.slice(from);
    expect(lines.map((l) => [l.msg, l.reqId, l.level])).toEqual(sent.map((s) => ["request", s.id, 30]));
    expect(lines[0]).toMatchObject({
      method: "GET",
      route: "/api/v1/task-forces/:id",
      path: `/api/v1/task-forces/${tf.id}`,
      status: 200,
    });
    expect(typeof lines[0]!.ms).toBe("number");
    // The query stays out of the log (a client could put a secret there); so does the token.
    expect(lines[1]).toMatchObject({ route: "/api/v1/tasks", path: "/api/v1/tasks", status: 200 });
    expect(lines[2]).toMatchObject({ route: "/api/v1/tasks/:id", status: 404 });
    expect(JSON.stringify(lines)).not.toContain("limit=5");
    expect(JSON.stringify(log.lines)).not.toContain(admin.bearer);
  });

  it("replaces an unusable incoming id, and echoes the id on refusals and unknown routes", async () => {
    const from = log.lines.length;
    const bad = await app.inject({
      url: "/api/v1/auth/me",
      headers: { "x-request-id": "no spaces, please" },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.headers["x-request-id"]).toMatch(UUID);
    const unknown = await app.inject({ url: "/api/v1/nothing/here" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers["x-request-id"]).toMatch(UUID);
    const lines = log.lines.slice(from);
    expect(lines.map((l) => l.reqId)).toEqual([bad.headers["x-request-id"], unknown.headers["x-request-id"]]);
    expect(lines[1]).toMatchObject({ route: "unmatched", path: "/api/v1/nothing/here", status: 404 });
  });

  it("writes nothing for health checks and the web app's files", async () => {
    const from = log.lines.length;
    for (const url of [
      "/api/v1/health",
      "/api/v1/health/live",
      "/api/v1/health/ready",
      "/assets/index-a1.js",
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["x-request-id"]).toMatch(UUID);
    }
    const page = await app.inject({ url: "/battle-map", headers: { accept: "text/html" } });
    expect(page.statusCode).toBe(200);
    expect(log.lines.slice(from)).toEqual([]);
  });

  it("logs a 5xx once at error level with its error, and names the request in the answer", async () => {
    const from = log.lines.length;
    const res = await app.inject({ url: "/api/v1/test-boom", headers: { "x-request-id": "boom-1" } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: {
        code: "INTERNAL",
        message: "internal error; the server log has the details",
        requestId: "boom-1",
      },
    });
    expect(res.headers["x-request-id"]).toBe("boom-1");
    const lines = log.lines.slice(from);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: "request failed",
      reqId: "boom-1",
      route: "/api/v1/test-boom",
      status: 500,
      err: { message: "boom in a handler" },
    });
  });
});

describe("the access summary (GUATU_ACCESS_SUMMARY)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("writes one summary line a period instead of a line per request, and 5xx lines still", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    const log = captured();
    const app = await buildApp({
      database: t.database,
      version: "test",
      accessSummaryMs: 60_000,
      logger: { level: "info", stream: log.stream },
    });
    app.get("/api/v1/test-boom", { config: { rule: publicRule } }, async () => {
      throw new Error("boom");
    });
    try {
      for (let i = 0; i < 3; i++)
        expect((await app.inject({ url: "/api/v1/auth/demo" })).statusCode).toBe(200);
      expect((await app.inject({ url: "/api/v1/nothing" })).statusCode).toBe(404);
      expect((await app.inject({ url: "/api/v1/test-boom" })).statusCode).toBe(500);
      await app.inject({ url: "/api/v1/health/live" });
      expect(log.lines.map((l) => l.msg)).toEqual(["request failed"]);
      vi.advanceTimersByTime(60_000);
      const summary = log.lines.at(-1)!;
      expect(summary).toMatchObject({
        level: 30,
        msg: "access summary",
        periodS: 60,
        requests: 5,
        status: { "2xx": 3, "4xx": 1, "5xx": 1 },
      });
      expect(summary.p50Ms).toBeGreaterThanOrEqual(0);
      expect(summary.p99Ms).toBeGreaterThanOrEqual(summary.p50Ms as number);
      // A quiet period writes nothing.
      vi.advanceTimersByTime(60_000);
      expect(log.lines).toHaveLength(2);
    } finally {
      await app.close();
    }
  });
});
