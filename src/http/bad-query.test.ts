import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";

/**
 * Bad filter and sort values (hostile-input issue, item 6): every one answers 400 `VALIDATION` naming
 * the parameter, never a 500, on both databases; a good boolean or number filter still filters.
 */
describe.each(dialects)("bad list parameters on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    admin = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  /** GET list routes (no path parameter) that take `sort`. */
  const sortedLists = () =>
    app.routeTable
      .filter((r) => r.method === "GET" && !r.url.includes(":"))
      .map((r) => r.url)
      .filter((u) =>
        /\/(tasks|dependencies|indicators|indicator-readings|org-units|persons|users|goals|task-forces|members|supervision-items|progress-reports|comments|extension-requests)$/.test(
          u,
        ),
      );

  it("refuses an inherited name as a sort field on every list (constructor, toString, -valueOf)", async () => {
    const lists = sortedLists();
    expect(lists.length).toBeGreaterThanOrEqual(13);
    const wrong: string[] = [];
    for (const url of lists)
      for (const sort of ["constructor", "toString", "-valueOf", "__proto__", "hasOwnProperty"]) {
        const r = await admin("GET", `${url}?sort=${encodeURIComponent(sort)}`);
        if (r.status !== 400 || r.body.error.code !== "VALIDATION")
          wrong.push(`${url}?sort=${sort} → ${r.status}`);
      }
    expect(wrong).toEqual([]);
  });

  it("refuses typed filters that are not of their type, naming the parameter; good ones filter", async () => {
    const bad = {
      "/api/v1/tasks?critical=maybe": "critical",
      "/api/v1/users?disabled=nope": "disabled",
      "/api/v1/indicators?year=x": "year",
      "/api/v1/audit-entries?from=%00": "from",
      "/api/v1/progress-reports?reportDate=2022-13-45": "reportDate",
      "/api/v1/indicator-readings?period=2022-8": "period",
    };
    const wrong: string[] = [];
    for (const [url, param] of Object.entries(bad)) {
      const r = await admin("GET", url);
      const paths = (r.body?.error?.details ?? []).map((d: { path: string }) => d.path).join(",");
      if (r.status !== 400 || !paths.includes(param)) wrong.push(`${url} → ${r.status} ${paths}`);
    }
    expect(wrong).toEqual([]);
    const critical = await admin("GET", "/api/v1/tasks?critical=true&taskForceId=tf-01&limit=1000");
    expect(critical.status).toBe(200);
    expect(critical.body.items.length).toBeGreaterThan(0);
    expect(critical.body.items.every((x: { critical: boolean }) => x.critical)).toBe(true);
    const notCritical = await admin("GET", "/api/v1/tasks?critical=0&taskForceId=tf-01&limit=1000");
    expect(notCritical.body.items.every((x: { critical: boolean }) => !x.critical)).toBe(true);
    const enabled = await admin("GET", "/api/v1/users?disabled=false&limit=1000");
    expect(enabled.status).toBe(200);
    expect(enabled.body.items.length).toBeGreaterThan(0);
    const year = await admin("GET", "/api/v1/indicators?year=2022&limit=1");
    expect(year.status).toBe(200);
    expect(year.body.total).toBeGreaterThan(0);
  });

  it("refuses a date outside 1900–2999 (a far-future status date answered 500)", async () => {
    for (const url of [
      "/api/v1/dispatch-report?statusDate=9999-12-20",
      "/api/v1/overview?statusDate=9999-12-20",
      "/api/v1/battle-map?statusDate=0001-01-01",
    ]) {
      const r = await admin("GET", url);
      expect(r.status, url).toBe(400);
      expect(r.body.error.details[0], url).toMatchObject({ key: "dateRange" });
    }
    expect((await admin("GET", "/api/v1/dispatch-report?statusDate=2999-12-20")).status).toBe(200);
  });

  it("answers a status date late in 2999 without a 500: a plan that would end after it has no dates, a round that would is refused", async () => {
    const map = await admin("GET", "/api/v1/battle-map?statusDate=2999-12-31&taskForceId=tf-01");
    expect(map.status).toBe(200);
    expect(map.body.taskForces[0].scheduleProblems[0]).toMatchObject({ key: "scheduledOutOfRange" });
    expect(map.body.tasks.every((x: { earlyFinish: string | null }) => x.earlyFinish === null)).toBe(true);
    const report = await admin("GET", "/api/v1/dispatch-report?statusDate=2999-12-31");
    expect(report.status).toBe(400);
    expect(report.body.error.details[0]).toMatchObject({ path: "statusDate", key: "roundOutOfRange" });
  });

  it("reads `null` given twice as a missing value (`taskForceId=null,null` answered 500 on PostgreSQL)", async () => {
    for (const [list, field] of [
      ["indicators", "taskForceId"],
      ["tasks", "parentId"],
      ["goals", "parentId"],
    ]) {
      const once = await admin("GET", `/api/v1/${list}?${field}=null&limit=1000`);
      const twice = await admin("GET", `/api/v1/${list}?${field}=null,null&limit=1000`);
      expect([twice.status, twice.body.total], list).toEqual([200, once.body.total]);
    }
  });

  it("refuses NUL in a ledger's task-force code, naming the parameter (answered 500 on PostgreSQL)", async () => {
    const r = await admin("GET", "/api/v1/ledger?taskForceCode=01%00");
    expect(r.status).toBe(400);
    expect(r.body.error.details[0]).toMatchObject({ path: "querystring.taskForceCode", key: "wellFormed" });
  });
});
