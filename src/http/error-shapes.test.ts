import { connect } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db-harness.js";
import { buildApp } from "./app.js";

/** Sends `raw` over a socket and answers everything the server sent until it closed. */
function rawRequest(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const socket = connect(port, "127.0.0.1", () => socket.write(raw));
    socket.on("data", (d) => {
      out += d;
    });
    socket.on("close", () => resolve(out));
    socket.on("error", reject);
  });
}

/**
 * Refusals made below the routes (hostile-input issue, item 10) carry the API's error shape and the
 * security headers: a path parameter over 100 characters (Fastify's router) and a request Node cannot
 * parse (a malformed Content-Length).
 */
describe("errors below the routes", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    app = await buildApp({ database: t.database, version: "test" });
    port = Number(new URL(await app.listen({ host: "127.0.0.1", port: 0 })).port);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("answers a path parameter over 100 characters with 400 MALFORMED_REQUEST, not echoing the URL", async () => {
    const long = "a".repeat(120);
    const r = await app.inject({ url: `/api/v1/tasks/${long}` });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({
      error: { code: "MALFORMED_REQUEST", message: "a path parameter is longer than 100 characters" },
    });
    expect(r.body).not.toContain(long);
    expect(r.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("answers a malformed Content-Length in the API's error shape with the security headers", async () => {
    const answer = await rawRequest(
      port,
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
    );
    const [head = "", body = ""] = answer.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(head.toLowerCase()).toContain("content-security-policy: default-src 'self'");
    expect(head.toLowerCase()).toContain("x-content-type-options: nosniff");
    expect(JSON.parse(body)).toMatchObject({ error: { code: "MALFORMED_REQUEST" } });
  });
});
