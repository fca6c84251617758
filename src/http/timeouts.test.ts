import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db-harness.js";
import { buildApp } from "./app.js";

/**
 * Timeouts and health (hostile-input issue, item 11): a connection that sends part of a body and
 * then nothing is closed; `/health/live` answers without the database, `/health/ready` only when
 * the database answers.
 */
describe("timeouts and health", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("closes a connection that stops sending its body", async () => {
    const app = await buildApp({ database: t.database, version: "test", idleTimeout: 500 });
    const url = new URL(await app.listen({ host: "127.0.0.1", port: 0 }));
    try {
      const started = Date.now();
      const closed = await new Promise<number>((resolve, reject) => {
        const socket = connect(Number(url.port), "127.0.0.1", () => {
          socket.write(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
          );
        });
        socket.on("close", () => resolve(Date.now() - started));
        socket.on("error", () => {});
        setTimeout(() => reject(new Error("still open after 10 s")), 10_000);
      });
      expect(closed).toBeLessThan(5_000);
    } finally {
      await app.close();
    }
  });

  it("answers live without the database and ready only while the database answers", async () => {
    const own = await createTestDatabase("sqlite");
    const app = await buildApp({ database: own.database, version: "test" });
    try {
      expect((await app.inject({ url: "/api/v1/health/live" })).json()).toEqual({ status: "ok" });
      const ready = await app.inject({ url: "/api/v1/health/ready" });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toMatchObject({ status: "ok", db: "sqlite" });
      await own.database.close();
      const down = await app.inject({ url: "/api/v1/health/ready" });
      expect(down.statusCode).toBe(503);
      expect(down.json().error.code).toBe("UNAVAILABLE");
      expect((await app.inject({ url: "/api/v1/health/live" })).statusCode).toBe(200);
    } finally {
      await app.close();
      await own.drop().catch(() => {});
    }
  });
});
