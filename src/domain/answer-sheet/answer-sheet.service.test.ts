import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../../test/db-harness.js";
import type { AnswerSheet, TaskForceAnswerSheet } from "../../shared/api/answer-sheet.js";
import { fileExtensionRequest } from "../chasing/extension.service.js";
import { approveExtensionRequest } from "../chasing/extension-decision.service.js";
import { overviewView } from "../closed-loop/overview-view.js";
import { type ServiceContext, serviceContext } from "../context.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import { answerSheet } from "./answer-sheet.service.js";

type OverviewView = Awaited<ReturnType<typeof overviewView>>;

/** Every figure of the sheet's indicators equals the overview's, and its score and rank the assessment's. */
function expectOverviewFigures(sheets: readonly TaskForceAnswerSheet[], o: OverviewView) {
  const indicators = new Map(o.indicators.map((i) => [i.id, i]));
  const forces = new Map(o.taskForces.map((f) => [f.id, f]));
  const scores = new Map(o.assessment.taskForces.map((s) => [s.id, s]));
  for (const s of sheets) {
    const f = forces.get(s.taskForceId)!;
    expect([s.light, s.assessment.score, s.assessment.rank], s.code).toEqual([f.light, f.score, f.rank]);
    const score = scores.get(s.taskForceId)!;
    expect(s.assessment.components.milestones).toEqual({
      ratio: score.components.milestones.ratio,
      met: score.components.milestones.met,
      counted: score.components.milestones.counted,
    });
    expect(s.assessment.of).toBe(o.taskForces.length);
    expect(s.indicators.map((i) => i.id).sort()).toEqual(
      o.indicators
        .filter((i) => i.taskForceId === s.taskForceId)
        .map((i) => i.id)
        .sort(),
    );
    for (const i of s.indicators) {
      const x = indicators.get(i.id)!;
      const p = x.progress;
      expect(
        [i.target, i.actual, i.actualPeriod, i.workProgress, i.timeProgress, i.gap, i.light, i.trend],
        `${s.code} ${i.code}`,
      ).toEqual([
        x.target,
        p.reading?.actual ?? null,
        p.reading?.period ?? null,
        p.workProgress,
        p.timeProgress,
        p.gap,
        p.light.color,
        x.trend,
      ]);
      expect(i.achievement).toBeCloseTo((p.achievement ?? Number.NaN) * 100, 6);
      // A turn happened in a month the indicator was reported, up to the status date.
      const months = new Set(x.series.map((r) => r.period));
      for (const turn of i.turns) {
        expect(months.has(turn.period)).toBe(true);
        expect(turn.period <= o.statusDate.slice(0, 7)).toBe(true);
      }
    }
  }
}

/** Milestone and supervision counts add up, and agree with the assessment's components. */
function expectCountsAddUp(s: TaskForceAnswerSheet) {
  const m = s.milestones;
  expect(m.onTime + m.late + m.overdue + m.open).toBe(m.total);
  expect(m.items).toHaveLength(m.total);
  // Every demo milestone has a deadline: the assessment counts the met and the missed ones.
  expect(m.onTime).toBe(s.assessment.components.milestones.met);
  expect(m.onTime + m.late + m.overdue).toBe(s.assessment.components.milestones.counted);
  const v = s.supervision;
  expect(v.items).toHaveLength(v.raised);
  expect(v.closedOnTime).toBeLessThanOrEqual(v.closed);
  expect(v.closedOnTime).toBe(s.assessment.components.supervision.met);
  expect(v.closed + v.overdue).toBe(s.assessment.components.supervision.counted);
}

describe.each(dialects)("the answer sheet (交卷) of the demo district on %s", (dialect) => {
  let t: TestDatabase;
  let ctx: ServiceContext;
  let district: AnswerSheet;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    const at = () => "2022-08-15T01:00:00.000Z";
    await loadDemo(serviceContext(t.database, "demo", at), buildDemoDataset());
    ctx = serviceContext(t.database, "test", at);
    // One extension granted on a task force 01 task (filed and approved by the system).
    const task = await t.database.db
      .selectFrom("tasks")
      .select("id")
      .where("taskForceId", "=", "tf-01")
      .where("code", "=", "01.3.3")
      .executeTakeFirstOrThrow();
    const filed = await fileExtensionRequest(ctx, task.id, {
      requestedDeadline: "2022-10-15",
      reason: "征地手续延后",
    });
    await approveExtensionRequest(ctx, filed.id, { version: filed.version, note: "同意" });
    district = await answerSheet(ctx);
  }, 120_000);
  afterAll(() => t?.drop());

  it("is a draft at the demo's status date, with every task force's line and the ranking", () => {
    expect([district.statusDate, district.year, district.draft]).toEqual(["2022-08-15", 2022, true]);
    expect(district.organisation).toBe("示范区");
    expect(district.taskForce).toBeNull();
    const d = district.district!;
    expect(d.rows.map((r) => r.code)).toEqual(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"]);
    expect(d.ranking.map((r) => r.rank)).toEqual([...d.ranking.map((r) => r.rank)].sort((a, b) => a! - b!));
    expect(d.totals.milestones.total).toBe(d.rows.reduce((n, r) => n + r.milestones.total, 0));
    expect(d.totals.supervision.raised).toBe(d.rows.reduce((n, r) => n + r.supervision.raised, 0));
    expect(d.totals.extensions).toBe(1);
  });

  it("carries every district indicator's cascade with the overview's figures", async () => {
    const o = await overviewView(ctx);
    const cascade = district.district!.cascade;
    const roots = cascade.filter((r) => r.depth === 0);
    // The demo district cascades five district indicators to task forces, then to streets.
    expect(roots.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...cascade.map((r) => r.depth))).toBe(2);
    const byId = new Map(o.indicators.map((i) => [i.id, i]));
    for (const r of cascade) {
      const x = byId.get(r.indicatorId)!;
      expect(r.light, r.code).toBe(x.progress.light.color);
      expect(r.trend, r.code).toBe(x.trend);
      expect(r.actual, r.code).toBe(x.progress.reading?.actual ?? null);
      expect(r.target, r.code).toBe(x.target);
    }
  });

  it("shows the overview's figures, score and rank for every task force", async () => {
    const o = await overviewView(ctx);
    const sheets = await Promise.all(
      o.taskForces.map(async (f) => (await answerSheet(ctx, { taskForceId: f.id })).taskForce!),
    );
    expectOverviewFigures(sheets, o);
    for (const s of sheets) expectCountsAddUp(s);
    const lights = { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 };
    for (const i of o.indicators) lights[i.progress.light.color]++;
    expect(district.district!.totals.lights).toEqual(lights);
    expect(district.district!.totals.indicators).toBe(o.indicators.length);
  });

  it("reports where trend stages turned, and the lead leader who signs", async () => {
    const s = (await answerSheet(ctx, { taskForceCode: "01" })).taskForce!;
    expect(s.indicators.flatMap((i) => i.turns).length).toBeGreaterThan(0);
    for (const i of s.indicators)
      for (const turn of i.turns)
        expect(["stopped-falling", "rebounding", "turned-positive"]).toContain(turn.stage);
    expect(s.signature.name).toMatch(/\S/);
    expect(s.goals.length).toBeGreaterThan(0);
    expect(s.extensions).toMatchObject({
      granted: 1,
      items: [{ taskCode: "01.3.3", from: "2022-09-30", to: "2022-10-15", grantedOn: "2022-08-15" }],
    });
  });

  it("is final at Dec 31, with the overview's figures of that date", async () => {
    const o = await overviewView(ctx, { statusDate: "2022-12-31" });
    const sheet = await answerSheet(ctx, { statusDate: "2022-12-31", taskForceId: "tf-02" });
    expect(sheet.draft).toBe(false);
    expectOverviewFigures([sheet.taskForce!], o);
    expectCountsAddUp(sheet.taskForce!);
    // A draft earlier in the year leaves out what was granted after it.
    const july = await answerSheet(ctx, { statusDate: "2022-07-31", taskForceId: "tf-01" });
    expect(july.draft).toBe(true);
    expect(july.taskForce!.extensions.granted).toBe(0);
  });

  it("names an unknown task force code", async () => {
    await expect(answerSheet(ctx, { taskForceCode: "99" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: 'no task force with code "99"',
    });
  });
});
