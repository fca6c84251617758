import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { serviceContext } from "../domain/context.js";
import { loadDemo } from "../domain/demo/demo.service.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { buildDemoDataset } from "../domain/demo/demo-data.js";

interface Row {
  id: string;
  code: string;
  light: string;
  rank: number | null;
  redLights: number;
  counts: Record<string, number>;
}
interface Indicator {
  id: string;
  taskForceId: string | null;
  parentId: string | null;
}

/** The overview and the dispatch report answered summary first, the rest by page (issue 18). */
describe.each(dialects)("summary-first overview and dispatch report on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let supervisor: Client;
  let lead: Client;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await loadDemo(
      serviceContext(t.database, "demo", () => "2022-08-15T01:00:00.000Z"),
      buildDemoDataset(),
    );
    app = await appFor(t);
    supervisor = clientFor(app, await signIn(app, "supervisor", DEMO_PASSWORD));
    lead = clientFor(app, await signIn(app, "lead", DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("answers the overview's summary with the full overview's figures", async () => {
    const full = (await supervisor("GET", "/api/v1/overview")).body;
    const r = await supervisor("GET", "/api/v1/overview/summary?top=3");
    expect(r.status).toBe(200);
    const s = r.body;
    expect(s.statusDate).toBe(full.statusDate);
    expect(s.counts).toEqual(full.counts);
    expect(s.taskForceCount).toBe(full.taskForces.length);
    expect(s.indicatorCount).toBe(full.indicators.length);
    const items = { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 } as Record<string, number>;
    for (const tf of full.taskForces as Row[]) for (const k of Object.keys(items)) items[k]! += tf.counts[k]!;
    expect(s.itemCounts).toEqual(items);
    const byRank = (full.taskForces as Row[])
      .slice()
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.code.localeCompare(b.code));
    expect((s.ranking as Row[]).map((x) => x.id)).toEqual(byRank.slice(0, 3).map((x) => x.id));
    const red = byRank.filter((x) => x.light === "red");
    expect(red.length).toBeGreaterThan(0);
    expect((s.red as Row[]).every((x) => x.light === "red")).toBe(true);
    expect(s.red).toHaveLength(Math.min(3, red.length));
    expect(s.red[0].redLights).toBe(Math.max(...red.map((x) => x.redLights)));
    const district = (full.indicators as Indicator[]).filter((i) => i.taskForceId === null);
    expect(district.length).toBeGreaterThan(0);
    expect(s.districtIndicators).toEqual(district);
    expect(s.goals).toEqual(full.goals);
    expect(s.assessment.units).toEqual(full.assessment.units.slice(0, 3));
    expect(s.assessment.personCount).toBe(full.assessment.persons.length);
  });

  it("pages the overview's task forces by rank and by light, and its indicators by task force and parent", async () => {
    const full = (await supervisor("GET", "/api/v1/overview")).body;
    const first = (await supervisor("GET", "/api/v1/overview/task-forces?limit=4")).body;
    const rest = (await supervisor("GET", "/api/v1/overview/task-forces?limit=100&offset=4")).body;
    expect(first.total).toBe(full.taskForces.length);
    const paged = [...first.items, ...rest.items] as Row[];
    expect(paged.map((x) => x.id).sort()).toEqual((full.taskForces as Row[]).map((x) => x.id).sort());
    const ranks = paged.map((x) => x.rank ?? 1e9);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const red = (await supervisor("GET", "/api/v1/overview/task-forces?light=red")).body;
    expect(red.total).toBe((full.taskForces as Row[]).filter((x) => x.light === "red").length);
    expect((red.items as Row[]).every((x) => x.light === "red")).toBe(true);

    const own = (await supervisor("GET", "/api/v1/overview/indicators?taskForceId=tf-01")).body;
    expect(own.items).toEqual((full.indicators as Indicator[]).filter((i) => i.taskForceId === "tf-01"));
    const parent = (full.indicators as Indicator[]).find((p) =>
      (full.indicators as Indicator[]).some((c) => c.parentId === p.id),
    )!;
    const shares = (await supervisor("GET", `/api/v1/overview/indicators?parentId=${parent.id}`)).body;
    expect(shares.items).toEqual((full.indicators as Indicator[]).filter((i) => i.parentId === parent.id));
    expect(shares.total).toBeGreaterThan(0);
  });

  it("keeps a lead to their task force and refuses bad queries by name", async () => {
    const page = (await lead("GET", "/api/v1/overview/task-forces")).body;
    expect((page.items as Row[]).map((x) => x.id)).toEqual(["tf-01"]);
    expect((await lead("GET", "/api/v1/overview/indicators?taskForceId=tf-02")).status).toBe(403);
    const s = (await lead("GET", "/api/v1/overview/summary")).body;
    expect(s.taskForceCount).toBe(1);
    const bad = await supervisor("GET", "/api/v1/overview/task-forces?limit=0&light=purple");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION");
    const paths = (bad.body.error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(["querystring.light", "querystring.limit"]);
  });

  it("answers the dispatch report's summary: every task force's counts, no task lists", async () => {
    const full = (await supervisor("GET", "/api/v1/dispatch-report")).body;
    const r = await supervisor("GET", "/api/v1/dispatch-report/summary?limit=3&offset=2");
    expect(r.status).toBe(200);
    const s = r.body;
    expect(s.total).toEqual(full.total);
    expect(s.keyPoints).toEqual(full.keyPoints);
    expect(s.cut.taskForces).toBe(full.taskForces.length);
    expect(s.cut.cascade).toBe(full.cascade.length);
    expect(s.taskForces).toEqual(
      (full.taskForces as (Row & { taskForceId: string; name: string; color: string; summary: unknown })[])
        .slice(2, 5)
        .map((f) => ({
          taskForceId: f.taskForceId,
          code: f.code,
          name: f.name,
          color: f.color,
          summary: f.summary,
        })),
    );
    expect(
      Object.keys(s.chases.byTaskForce).every((id) =>
        s.taskForces.some((f: { taskForceId: string }) => f.taskForceId === id),
      ),
    ).toBe(true);
    expect(s.chases.total).toEqual(full.chases.total);
    // The district's split indicators come first in the cut cascade.
    const districtCount = (full.cascade as { taskForceId: string | null }[]).filter(
      (c) => c.taskForceId === null,
    ).length;
    expect(
      (s.cascade as { taskForceId: string | null }[])
        .slice(0, districtCount)
        .every((c) => c.taskForceId === null),
    ).toBe(true);
    expect((await lead("GET", "/api/v1/dispatch-report/summary")).body.cut.taskForces).toBe(1);
  });
});
