import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, call } from "../../test/factories.js";
import { THROTTLE } from "../domain/accounts/login-throttle.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

/**
 * The login throttle under a race (hostile-input issue, item 5): however many wrong passwords for
 * one account arrive at once, at most `THROTTLE.perAccount` of them are checked (401), the rest are
 * refused (429), none answers anything else, and the stored count is exact.
 */
describe.each(dialects)("the login throttle under concurrency on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("checks at most 10 of 300 concurrent wrong passwords for one account and refuses the rest", async () => {
    const n = 300;
    // Each attempt from its own address: from one address, past `perAddress` failures the
    // address rule (3 per account) would also refuse some of the first 10, depending on how the
    // two counts interleave, and the count of 401s would be a matter of timing.
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { username: "viewer", password: `wrong-${i}` },
          remoteAddress: `10.20.${i >> 8}.${i & 255}`,
        }),
      ),
    );
    const counts: Record<string, number> = {};
    for (const a of answers) counts[a.statusCode] = (counts[a.statusCode] ?? 0) + 1;
    expect(counts).toEqual({ 401: THROTTLE.perAccount, 429: n - THROTTLE.perAccount });
    const row = await t.database.db
      .selectFrom("auth_failures")
      .select("count")
      .where("key", "=", "user:viewer")
      .executeTakeFirstOrThrow();
    expect(Number(row.count)).toBe(n);
    // The right password is refused too until the window ends.
    const right = await call(app, "POST", "/api/v1/auth/login", {
      username: "viewer",
      password: DEMO_PASSWORD,
    });
    expect(right.status).toBe(429);
  });

  it("does not count good logins against the address (one office behind one address)", async () => {
    for (let i = 0; i < THROTTLE.perAddress + 5; i++) {
      const r = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "leader", password: DEMO_PASSWORD },
        remoteAddress: "10.0.0.7",
      });
      expect(r.statusCode, `login ${i + 1}`).toBe(200);
    }
  });

  it("after many failures from one address (an office behind NAT) still lets others in, but sprayed accounts get only 3 guesses", async () => {
    const office = "10.0.0.9";
    const login = (username: string, password: string) =>
      app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username, password },
        remoteAddress: office,
      });
    // Someone behind the address sprays wrong passwords over unknown names past the address's allowance.
    for (let i = 0; i < THROTTLE.perAddress + 10; i++)
      expect((await login(`nobody-${i % 20}`, "wrong")).statusCode).toBe(401);
    // A colleague behind the same address signs in (before the fix: 429 for everyone).
    expect((await login("supervisor", DEMO_PASSWORD)).statusCode).toBe(200);
    // A sprayed account: 3 wrong guesses checked from this address, then refused.
    const guesses = [];
    for (let i = 0; i < 5; i++) guesses.push((await login("member", `wrong-${i}`)).statusCode);
    expect(guesses).toEqual([401, 401, 401, 429, 429]);
    // From another address the account still has the rest of its own allowance.
    const elsewhere = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "member", password: DEMO_PASSWORD },
      remoteAddress: "10.0.0.10",
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});
