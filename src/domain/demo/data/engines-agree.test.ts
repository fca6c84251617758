import { describe, expect, it } from "vitest";
import { buildWorkCalendar } from "../../../engines/calendar/index.js";
import { type CascadeIndicator, checkCascade, rollUp } from "../../../engines/cascade/index.js";
import { checkFiveIzation } from "../../../engines/check/index.js";
import { lightsFor } from "../../../engines/lights/index.js";
import { buildDemoDataset } from "../demo-data.js";

const data = buildDemoDataset();
const gapKey = (tf: string, code: string | null, check: string) => `${tf}|${code}|${check}`;
const planted = new Set(data.plantedGaps.map((g) => gapKey(g.taskForceCode, g.taskCode, g.check)));

/** The demo seen through the engines: what the check finds and how the lights come out. */
describe("the demo dataset under the engines", () => {
  it("gives the five-ization check engine exactly the planted gaps to find", () => {
    const result = checkFiveIzation({
      taskForces: data.taskForces.map((f) => ({
        id: f.id,
        code: f.code,
        name: f.name,
        goalIds: f.goalIds ?? [],
        leadLeaderId: f.leadLeaderId ?? null,
        leadUnitId: f.leadUnitId ?? null,
        tasks: data.tasks
          .filter((t) => t.taskForceId === f.id)
          .map((t) => ({
            id: t.id,
            code: t.code,
            parentId: t.parentId ?? null,
            duration: t.duration ?? null,
            deadline: t.deadline ?? null,
            responsibleUnitId: t.responsibleUnitId ?? null,
            responsiblePersonId: t.responsiblePersonId ?? null,
            responsiblePost: t.responsiblePost ?? null,
            weight: t.weight ?? null,
            acceptanceCriterion: t.acceptance ?? null,
          })),
      })),
      indicators: data.indicators.map((i) => ({ id: i.id, taskId: i.taskId ?? null, target: i.target })),
    });
    const found = new Set(result.findings.map((f) => gapKey(f.taskForceCode ?? "", f.wbs, f.check)));
    expect([...found].sort()).toEqual([...planted].sort());
    expect(result.findings.map((f) => `${f.wbs ?? f.taskForceCode} ${f.code}`)).toEqual([
      "02.3.3 NO_POST",
      "03.2.4 NO_RESPONSIBLE_PERSON",
      "03.2.4 NO_POST",
      "04.2.3 NO_DURATION",
      "05.2.5 NO_MEASURE",
      "06.3.4 NO_WEIGHT",
      "07 WEIGHT_SUM",
      "10.1.4 NO_DATE",
    ]);
  });

  it("lights tasks in all five colours and task forces red, yellow and green (without schedule dates)", () => {
    const after = {
      start: "rectifying",
      submit: "submitted",
      return: "rectifying",
      verify: "verified",
    } as const;
    const supervision = data.supervisionItems.map((s) => ({
      id: s.id,
      taskId: s.taskId,
      dueDate: s.dueDate,
      state: s.transitions.reduce<"open" | (typeof after)[keyof typeof after]>(
        (_, t) => after[t.action],
        "open",
      ),
    }));
    const tasks = data.tasks.map((t) => ({
      id: t.id,
      taskForceId: t.taskForceId,
      parentId: t.parentId ?? null,
      code: t.code,
      status: t.status ?? "not_started",
      percent: t.percent ?? 0,
      deadline: t.deadline ?? null,
      baselineStart: t.baselineStart ?? null,
      baselineFinish: t.baselineFinish ?? null,
      actualStart: t.actualStart ?? null,
      actualFinish: t.actualFinish ?? null,
      lastReportDate:
        data.progressReports
          .filter((r) => r.taskId === t.id)
          .map((r) => r.reportDate)
          .sort()
          .at(-1) ?? null,
      supervision: supervision.filter((s) => s.taskId === t.id),
    }));
    const indicators = data.indicators.map((i) => ({
      indicator: {
        id: i.id,
        name: i.name,
        unit: i.unit ?? "",
        kind: i.kind,
        direction: i.direction ?? "up",
        baseline: i.baseline ?? 0,
        target: i.target,
        year: i.year,
        taskForceId: i.taskForceId,
        ...(i.monthlyPlan ? { monthlyPlan: i.monthlyPlan } : {}),
      },
      readings: data.readings
        .filter((r) => r.indicatorId === i.id)
        .map((r) => ({ period: r.period, actual: r.actual })),
    }));
    const calendar = buildWorkCalendar({ builtin: "CN" }, { origin: "2022-01-01" });
    const lights = lightsFor({ calendar, taskForces: data.taskForces, tasks, indicators }, data.statusDate);
    const leafColours = new Set(lights.tasks.filter((l) => !l.summary).map((l) => l.color));
    expect(leafColours).toEqual(new Set(["blue", "red", "yellow", "grey", "green"]));
    expect(new Set(lights.taskForces.map((f) => f.color))).toEqual(new Set(["red", "yellow", "green"]));
  });
  it("gives the cascade check engine exactly the planted cascade gaps, and rolls up to one difference", () => {
    const indicators: CascadeIndicator[] = data.indicators.map((i) => ({
      id: i.id,
      parentId: i.parentId ?? null,
      kind: i.kind,
      direction: i.direction ?? "up",
      target: i.target,
      monthlyPlan: i.monthlyPlan ?? null,
      weight: i.weight ?? null,
      ownerPersonId: i.ownerPersonId ?? null,
    }));
    // A task advances an indicator by listing it, or the indicator names its task.
    const linked = new Set([
      ...data.tasks.flatMap((t) => t.indicatorIds ?? []),
      ...data.indicators.flatMap((i) => (i.taskId ? [i.id] : [])),
    ]);
    const findings = checkCascade(indicators, { linkedIndicatorIds: linked });
    const key = (f: {
      code: string;
      indicatorId: string;
      expected?: number;
      actual?: number;
      period?: string;
    }) => [f.code, f.indicatorId, f.expected, f.actual, f.period].join(" ");
    expect(findings.map(key).sort()).toEqual(data.plantedCascadeGaps.map(key).sort());

    const periods = ["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06", "2022-07"];
    const rolled = rollUp(indicators, data.readings, periods);
    const differences = [...rolled.values()].flatMap((r) =>
      r.months.filter((m) => m.difference).map((m) => `${r.indicatorId} ${m.period} ${m.difference}`),
    );
    expect(differences).toEqual(["ind-01-3 2022-07 0.3"]);
    // Every district figure is computed from its shares, down to the streets, for every month.
    for (const d of data.indicators.filter((i) => i.taskForceId === null))
      expect(
        rolled.get(d.id)?.months.map((m) => `${m.source} ${m.missing.length}`),
        d.id,
      ).toEqual(periods.map(() => "computed 0"));
    expect(rolled.get("ind-qzb-4")?.latest?.actual).toBe(118.1);
  });
});
