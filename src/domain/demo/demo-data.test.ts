import { describe, expect, it } from "vitest";
import { buildWorkCalendar } from "../../engines/calendar/index.js";
import { classifyTrend } from "../../engines/indicators/index.js";
import { goalSchemas } from "../../shared/api/goals.js";
import { indicatorSchemas, readingSchemas } from "../../shared/api/indicators.js";
import { orgUnitSchemas, personSchemas, userSchemas } from "../../shared/api/org.js";
import { progressReportSchemas } from "../../shared/api/reports.js";
import { supervisionItemSchemas } from "../../shared/api/supervision.js";
import { memberSchemas, taskForceSchemas } from "../../shared/api/task-forces.js";
import { dependencySchemas, taskSchemas } from "../../shared/api/tasks.js";
import { isWorkday } from "./data/calendar.js";
import { buildDemoDataset } from "./demo-data.js";

const data = buildDemoDataset();
const ids = <T extends { id: string }>(xs: readonly T[]) => new Set(xs.map((x) => x.id));
const orgIds = ids(data.orgUnits);
const personIds = ids(data.persons);
const goalIds = ids(data.goals);
const tfIds = ids(data.taskForces);
const taskById = new Map(data.tasks.map((t) => [t.id, t]));
const indicatorById = new Map(data.indicators.map((i) => [i.id, i]));
const isLeaf = (id: string) => !data.tasks.some((t) => t.parentId === id);
const leaves = data.tasks.filter((t) => isLeaf(t.id));
const tfCode = (tfId: string) => tfId.slice(3);
const gapKey = (tf: string, code: string | null, check: string) => `${tf}|${code}|${check}`;
const planted = new Set(data.plantedGaps.map((g) => gapKey(g.taskForceCode, g.taskCode, g.check)));

type IndicatorSeed = (typeof data.indicators)[number];
const childrenOf = (id: string) => data.indicators.filter((i) => i.parentId === id);
const readingsOf = (id: string) => data.readings.filter((r) => r.indicatorId === id);
const months = Array.from({ length: 12 }, (_, k) => `2022-${String(k + 1).padStart(2, "0")}`);
const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;
/** Children's values summed (`cumulative`) or weighed by their weights (`rate`, `level`; missing = 1). */
function combined(
  parent: IndicatorSeed,
  kids: readonly IndicatorSeed[],
  value: (i: IndicatorSeed) => number,
) {
  if (parent.kind === "cumulative") return kids.reduce((a, k) => a + value(k), 0);
  const w = (k: IndicatorSeed) => k.weight ?? 1;
  return kids.reduce((a, k) => a + w(k) * value(k), 0) / kids.reduce((a, k) => a + w(k), 0);
}

/** Which of the five checks a task fails, by the SPEC's words (a local reading, not the engine). */
function failedChecks(task: (typeof data.tasks)[number]): string[] {
  const tf = data.taskForces.find((f) => f.id === task.taskForceId);
  const out: string[] = [];
  if (!tf?.goalIds?.length) out.push("project");
  const sameCode = data.tasks.filter((t) => t.taskForceId === task.taskForceId && t.code === task.code);
  if (sameCode.length !== 1 || (isLeaf(task.id) && (task.duration ?? null) === null)) out.push("list");
  if (
    !task.responsibleUnitId ||
    !task.responsiblePersonId ||
    !task.responsiblePost?.trim() ||
    !tf?.leadLeaderId ||
    !tf.leadUnitId
  ) {
    out.push("responsibility");
  }
  const measured = /\d/.test(task.acceptance ?? "") || data.indicators.some((i) => i.taskId === task.id);
  if (!measured || !task.deadline) out.push("concrete");
  if (!((task.weight ?? 0) > 0)) out.push("assessable");
  return out;
}

describe("buildDemoDataset", () => {
  it("gives seeds that every entity's create schema accepts, with unique ids per kind", () => {
    const kinds = [
      [data.orgUnits, orgUnitSchemas],
      [data.persons, personSchemas],
      [data.users, userSchemas],
      [data.goals, goalSchemas],
      [data.taskForces, taskForceSchemas],
      [data.members, memberSchemas],
      // Baselines are recorded as the task force's first baseline when loaded, not through the task.
      [data.tasks.map(({ baselineStart: _s, baselineFinish: _f, ...task }) => task), taskSchemas],
      [data.dependencies, dependencySchemas],
      [data.indicators, indicatorSchemas],
      [data.readings, readingSchemas],
      [data.progressReports, progressReportSchemas],
      [data.supervisionItems.map(({ transitions: _, ...item }) => item), supervisionItemSchemas],
    ] as const;
    for (const [seeds, schemas] of kinds) {
      for (const { id, ...body } of seeds as readonly { id: string }[]) {
        const parsed = schemas.create.safeParse(body);
        expect(parsed.success, `${id}: ${parsed.error?.message}`).toBe(true);
        expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
      }
      expect(ids(seeds as readonly { id: string }[]).size).toBe(seeds.length);
    }
  });

  it("resolves every reference inside the dataset", () => {
    const bad: string[] = [];
    const need = (ok: boolean, what: string) => ok || bad.push(what);
    for (const u of data.orgUnits) need(u.parentId == null || orgIds.has(u.parentId), u.id);
    for (const p of data.persons) need(p.orgUnitId == null || orgIds.has(p.orgUnitId), p.id);
    for (const u of data.users) need(!!u.personId && personIds.has(u.personId), u.id);
    for (const g of data.goals)
      need(
        (g.parentId == null || goalIds.has(g.parentId)) && (!g.orgUnitId || orgIds.has(g.orgUnitId)),
        g.id,
      );
    for (const f of data.taskForces) {
      need(
        (f.goalIds ?? []).every((g) => goalIds.has(g)),
        `${f.id} goals`,
      );
      need(
        !!f.leadLeaderId && personIds.has(f.leadLeaderId) && !!f.leadUnitId && orgIds.has(f.leadUnitId),
        `${f.id} lead`,
      );
      need(
        (f.coUnitIds ?? []).every((u) => orgIds.has(u)),
        `${f.id} co-units`,
      );
    }
    for (const m of data.members) need(tfIds.has(m.taskForceId) && personIds.has(m.personId), m.id);
    for (const t of data.tasks) {
      need(tfIds.has(t.taskForceId), `${t.id} task force`);
      need(t.parentId == null || taskById.get(t.parentId)?.taskForceId === t.taskForceId, `${t.id} parent`);
      need(!t.goalId || goalIds.has(t.goalId), `${t.id} goal`);
      need(!t.responsibleUnitId || orgIds.has(t.responsibleUnitId), `${t.id} unit`);
      need(!t.responsiblePersonId || personIds.has(t.responsiblePersonId), `${t.id} person`);
      need(
        (t.coUnitIds ?? []).every((u) => orgIds.has(u)),
        `${t.id} co-units`,
      );
    }
    for (const d of data.dependencies)
      need(taskById.has(d.predecessorId) && taskById.has(d.successorId), d.id);
    for (const i of data.indicators) {
      need(
        (i.taskForceId === null || tfIds.has(i.taskForceId)) &&
          (!i.ownerPersonId || personIds.has(i.ownerPersonId)),
        i.id,
      );
      need(!i.taskId || taskById.get(i.taskId)?.taskForceId === i.taskForceId, `${i.id} task`);
      need(!i.parentId || indicatorById.has(i.parentId), `${i.id} parent`);
      need(!i.goalId || goalIds.has(i.goalId), `${i.id} goal`);
      need(!i.orgUnitId || orgIds.has(i.orgUnitId), `${i.id} unit`);
    }
    // A task advances its own task force's indicators or district-level ones.
    for (const t of data.tasks)
      for (const id of t.indicatorIds ?? []) {
        const tf = indicatorById.get(id)?.taskForceId;
        need(tf === null || tf === t.taskForceId, `${t.id} → ${id}`);
      }
    const indicatorIds = ids(data.indicators);
    for (const r of data.readings)
      need(indicatorIds.has(r.indicatorId) && (!r.reportedById || personIds.has(r.reportedById)), r.id);
    for (const r of data.progressReports)
      need(taskById.has(r.taskId) && (!r.reportedById || personIds.has(r.reportedById)), r.id);
    for (const s of data.supervisionItems) {
      need(
        tfIds.has(s.taskForceId) && (!s.taskId || taskById.get(s.taskId)?.taskForceId === s.taskForceId),
        s.id,
      );
      need(
        !!s.responsiblePersonId &&
          personIds.has(s.responsiblePersonId) &&
          !!s.raisedById &&
          personIds.has(s.raisedById),
        s.id,
      );
      need(
        s.transitions.every((t) => !t.byId || personIds.has(t.byId)),
        `${s.id} transitions`,
      );
    }
    expect(bad).toEqual([]);
  });

  it("lists org units and tasks parents first", () => {
    const seenUnits = new Set<string>();
    for (const u of data.orgUnits) {
      if (u.parentId) expect(seenUnits.has(u.parentId), u.id).toBe(true);
      seenUnits.add(u.id);
    }
    const seenTasks = new Set<string>();
    for (const t of data.tasks) {
      if (t.parentId) expect(seenTasks.has(t.parentId), t.id).toBe(true);
      seenTasks.add(t.id);
    }
  });

  it("has 10 task forces coded 01…10, each with 15–40 tasks dated within the second half of 2022", () => {
    expect(data.taskForces.map((f) => f.code)).toEqual([
      "01",
      "02",
      "03",
      "04",
      "05",
      "06",
      "07",
      "08",
      "09",
      "10",
    ]);
    for (const f of data.taskForces) {
      const tasks = data.tasks.filter((t) => t.taskForceId === f.id);
      expect(tasks.length, f.code).toBeGreaterThanOrEqual(15);
      expect(tasks.length, f.code).toBeLessThanOrEqual(40);
      expect(data.members.filter((m) => m.taskForceId === f.id && m.role === "lead_leader")).toHaveLength(1);
      expect(data.members.filter((m) => m.taskForceId === f.id && m.role === "lead")).toHaveLength(1);
      expect(data.members.some((m) => m.taskForceId === f.id && m.role === "liaison")).toBe(true);
    }
    for (const t of data.tasks) {
      if (t.deadline) expect(t.deadline >= "2022-07-01" && t.deadline <= "2022-12-31", t.id).toBe(true);
      expect(t.code.startsWith(`${tfCode(t.taskForceId)}.`), t.id).toBe(true);
    }
  });

  it("keeps baselines consistent with durations on the 2022 working-day calendar", () => {
    for (const t of leaves) {
      if (!t.baselineStart || !t.baselineFinish) throw new Error(`${t.id} has no baseline`);
      expect(
        t.baselineStart <= t.baselineFinish && (!t.deadline || t.baselineFinish <= t.deadline),
        t.id,
      ).toBe(true);
      if (t.duration) {
        let n = 0;
        for (let d = t.baselineStart; d <= t.baselineFinish; d = nextDay(d)) if (isWorkday(d)) n += 1;
        expect(n, t.id).toBe(t.duration);
      }
    }
    const engine = buildWorkCalendar({ builtin: "CN" }, { origin: "2022-01-01" });
    for (let d = "2022-01-01"; d <= "2022-12-31"; d = nextDay(d))
      expect(isWorkday(d), d).toBe(engine.isWorkday(d));
  });

  it("has acyclic dependencies inside one task force, never between a task and its ancestor", () => {
    const ancestors = (id: string): string[] => {
      const p = taskById.get(id)?.parentId;
      return p ? [p, ...ancestors(p)] : [];
    };
    const next = new Map<string, string[]>();
    for (const d of data.dependencies) {
      const [a, b] = [taskById.get(d.predecessorId), taskById.get(d.successorId)];
      expect(a?.taskForceId, d.id).toBe(b?.taskForceId);
      expect(
        ancestors(d.predecessorId).includes(d.successorId) ||
          ancestors(d.successorId).includes(d.predecessorId),
        d.id,
      ).toBe(false);
      next.set(d.predecessorId, [...(next.get(d.predecessorId) ?? []), d.successorId]);
    }
    const state = new Map<string, 1 | 2>();
    const visit = (id: string): void => {
      if (state.get(id) === 2) return;
      if (state.get(id) === 1) throw new Error(`cycle through ${id}`);
      state.set(id, 1);
      for (const n of next.get(id) ?? []) visit(n);
      state.set(id, 2);
    };
    for (const t of data.tasks) visit(t.id);
    expect(data.dependencies.some((d) => (d.lag ?? 0) < 0)).toBe(true);
    expect(new Set(data.dependencies.map((d) => d.type ?? "FS"))).toEqual(new Set(["FS", "SS", "FF"]));
  });

  it("gives each task force 3–6 indicators of its own and its streets' shares, with January–June readings", () => {
    for (const f of data.taskForces) {
      // Its own: not a street's share. A share that is not reported itself has its streets' figures.
      const own = data.indicators.filter((i) => i.taskForceId === f.id && !i.orgUnitId);
      expect(own.length, f.code).toBeGreaterThanOrEqual(3);
      expect(own.length, f.code).toBeLessThanOrEqual(6);
      for (const i of data.indicators.filter((x) => x.taskForceId === f.id)) {
        const periods = data.readings.filter((r) => r.indicatorId === i.id).map((r) => r.period);
        if (periods.length === 0 && childrenOf(i.id).length > 0) continue;
        expect(periods.slice(0, 6), i.id).toEqual([
          "2022-01",
          "2022-02",
          "2022-03",
          "2022-04",
          "2022-05",
          "2022-06",
        ]);
      }
    }
  });

  it("shows every trend stage as the latest stage of some indicator", () => {
    const stages = new Set(
      data.indicators.map((i) =>
        classifyTrend(data.readings.filter((r) => r.indicatorId === i.id).map((r) => r.actual)),
      ),
    );
    for (const stage of ["falling", "stopped-falling", "rebounding", "turned-positive", "flat"])
      expect(stages).toContain(stage);
  });

  it("sums leaf weights to 100 in every task force except a planted one", () => {
    for (const f of data.taskForces) {
      const sum = leaves.filter((t) => t.taskForceId === f.id).reduce((a, t) => a + (t.weight ?? 0), 0);
      const gap = planted.has(gapKey(f.code, null, "assessable"));
      expect(sum === 100, `${f.code}: ${sum}`).toBe(!gap);
    }
  });

  it("fails the five-ization check only where a gap is planted, and every planted gap fails", () => {
    const found = new Set<string>();
    for (const t of data.tasks)
      for (const c of failedChecks(t)) found.add(gapKey(tfCode(t.taskForceId), t.code, c));
    const taskGaps = [...planted].filter((k) => !k.includes("|null|"));
    expect([...found].sort()).toEqual(taskGaps.sort());
    expect(data.plantedGaps.length).toBeGreaterThanOrEqual(5);
    expect(new Set(data.plantedGaps.map((g) => g.taskForceCode)).size).toBe(data.plantedGaps.length);
  });

  it("links the six demo accounts to the people the SPEC names", () => {
    expect(data.users.map((u) => [u.username, u.roles])).toEqual(
      ["admin", "supervisor", "leader", "lead", "member", "viewer"].map((r) => [r, [r]]),
    );
    const person = (u: string) => data.users.find((x) => x.username === u)?.personId;
    const tf01 = data.members.filter((m) => m.taskForceId === "tf-01");
    expect(tf01.find((m) => m.role === "lead")?.personId).toBe(person("lead"));
    expect(tf01.some((m) => m.personId === person("viewer"))).toBe(true);
    const owned = data.tasks.filter(
      (t) => t.taskForceId === "tf-01" && t.responsiblePersonId === person("member"),
    );
    expect(owned.length).toBeGreaterThanOrEqual(3);
    expect(
      data.indicators.filter((i) => i.taskForceId === "tf-01" && i.ownerPersonId === person("member")).length,
    ).toBeGreaterThan(0);
    expect(data.persons.find((p) => p.id === person("supervisor"))?.orgUnitId).toBe("ou-dcs");
    for (const u of ["admin", "viewer"]) {
      expect(
        data.tasks.some((t) => t.responsiblePersonId === person(u)),
        u,
      ).toBe(false);
      expect(
        data.indicators.some((i) => i.ownerPersonId === person(u)),
        u,
      ).toBe(false);
    }
  });

  it("states tasks as at the status date, with the latest report agreeing with the task", () => {
    const T = data.statusDate;
    for (const t of leaves) {
      if (t.status === "done")
        expect(t.percent === 100 && !!t.actualFinish && t.actualFinish <= T, t.id).toBe(true);
      if (t.status === "in_progress")
        expect((t.percent ?? 0) > 0 && (t.percent ?? 0) < 100 && !!t.actualStart, t.id).toBe(true);
      if (t.status === "not_started") expect(t.percent ?? 0).toBe(0);
      const reports = data.progressReports
        .filter((r) => r.taskId === t.id)
        .sort((a, b) => a.reportDate.localeCompare(b.reportDate));
      const last = reports.at(-1);
      if (last) expect(last.percent, t.id).toBe(t.percent);
      for (const r of reports)
        expect(r.reportDate >= (t.actualStart ?? "") && r.reportDate <= T, r.id).toBe(true);
    }
    const inProgress = leaves.filter((t) => t.status === "in_progress");
    const reported = (t: (typeof leaves)[number]) =>
      data.progressReports.some((r) => r.taskId === t.id && r.reportDate === T);
    expect(inProgress.some(reported) && !inProgress.every(reported)).toBe(true);
  });

  it("replays supervision items through the state machine, verified only by the supervision office", () => {
    const next: Record<string, Record<string, string>> = {
      open: { start: "rectifying" },
      rectifying: { submit: "submitted" },
      submitted: { return: "rectifying", verify: "verified" },
    };
    const finals = new Map<string, string>();
    for (const s of data.supervisionItems) {
      let state = "open";
      let last = s.raisedOn;
      for (const tr of s.transitions) {
        const to = next[state]?.[tr.action];
        if (!to) throw new Error(`${s.id}: ${tr.action} from ${state}`);
        expect(tr.date >= last && tr.date <= data.statusDate, s.id).toBe(true);
        if (tr.action === "submit") expect(tr.byId).toBe(s.responsiblePersonId);
        if (tr.action === "verify" || tr.action === "return") expect(tr.byId).not.toBe(s.responsiblePersonId);
        state = to;
        last = tr.date;
      }
      finals.set(s.id, state);
    }
    expect(new Set(finals.values())).toEqual(new Set(["open", "rectifying", "submitted", "verified"]));
    expect(
      data.supervisionItems.some(
        (s) => s.transitions.filter((t) => t.action === "return").length && finals.get(s.id) === "submitted",
      ),
    ).toBe(true);
    expect(
      data.supervisionItems.some((s) => s.dueDate < data.statusDate && finals.get(s.id) !== "verified"),
    ).toBe(true);
  });

  it("returns deep-equal data on every call", () => {
    expect(buildDemoDataset()).toEqual(data);
  });
});

describe("the demo's indicator cascade (层层衔接)", () => {
  const districts = data.indicators.filter((i) => i.taskForceId === null);
  const shares = data.indicators.filter((i) => i.parentId);
  const planted = (code: string) =>
    new Set(data.plantedCascadeGaps.filter((g) => g.code === code).map((g) => g.indicatorId));

  it("lists indicators parents first: the district's, then the task forces' own, then their streets' shares", () => {
    const tier = (i: IndicatorSeed) => (i.taskForceId === null ? 0 : i.orgUnitId ? 2 : 1);
    const tiers = data.indicators.map(tier);
    expect(tiers).toEqual([...tiers].sort());
    const seen = new Set<string>();
    for (const i of data.indicators) {
      if (i.parentId) expect(seen.has(i.parentId), i.id).toBe(true);
      seen.add(i.id);
    }
  });

  it("splits at least five district indicators among 2–3 task forces and each share among 2–3 streets", () => {
    expect(districts.length).toBeGreaterThanOrEqual(5);
    const streets = new Set(data.orgUnits.filter((u) => u.kind === "street").map((u) => u.id));
    for (const d of districts) {
      expect(d.goalId && goalIds.has(d.goalId), d.id).toBe(true);
      const forces = childrenOf(d.id);
      expect(forces.length, d.id).toBeGreaterThanOrEqual(2);
      expect(forces.length, d.id).toBeLessThanOrEqual(3);
      expect(new Set(forces.map((f) => f.taskForceId)).size, d.id).toBe(forces.length);
      for (const f of forces) {
        expect(f.taskForceId !== null && !f.orgUnitId, f.id).toBe(true);
        const kids = childrenOf(f.id);
        expect(kids.length, f.id).toBeGreaterThanOrEqual(2);
        expect(kids.length, f.id).toBeLessThanOrEqual(3);
        for (const k of kids) {
          expect(k.taskForceId, k.id).toBe(f.taskForceId);
          expect(streets.has(k.orgUnitId ?? ""), k.id).toBe(true);
          expect(childrenOf(k.id), k.id).toEqual([]);
        }
      }
    }
    const kinds = districts.map((d) => `${d.kind} ${d.direction ?? "up"}`);
    expect(kinds.filter((k) => k.startsWith("cumulative")).length).toBeGreaterThanOrEqual(3);
    expect(kinds).toContain("cumulative down");
    expect(kinds).toContain("rate up");
    expect(kinds).toContain("level up");
  });

  it("gives every share its parent's kind, direction, unit and year, an owner, and a weight where it is weighed", () => {
    for (const s of shares) {
      const p = indicatorById.get(s.parentId!)!;
      for (const f of ["kind", "direction", "unit", "year"] as const) expect(s[f], `${s.id} ${f}`).toBe(p[f]);
      expect(s.ownerPersonId && personIds.has(s.ownerPersonId), s.id).toBe(true);
      // A street's share is owned by someone of that street.
      if (s.orgUnitId)
        expect(data.persons.find((x) => x.id === s.ownerPersonId)?.orgUnitId, s.id).toBe(s.orgUnitId);
      if (s.kind !== "cumulative") expect(s.weight, s.id).toBeGreaterThan(0);
    }
  });

  it("adds up every split of a target but the planted one", () => {
    const short = planted("CASCADE_SHARES");
    expect(short.size).toBe(1);
    for (const p of data.indicators) {
      const kids = childrenOf(p.id);
      if (kids.length === 0) continue;
      const result = combined(p, kids, (k) => k.target);
      expect(same(result, p.target), `${p.id}: ${result} for ${p.target}`).toBe(!short.has(p.id));
      const gap = data.plantedCascadeGaps.find((g) => g.code === "CASCADE_SHARES" && g.indicatorId === p.id);
      if (gap) expect([gap.expected, gap.actual]).toEqual([p.target, result]);
    }
  });

  it("ends each cumulative plan at its target and sums the shares' months to their parent's", () => {
    const mistyped = planted("CASCADE_MONTHS");
    for (const i of data.indicators) {
      if (i.kind !== "cumulative" || !i.monthlyPlan) continue;
      expect(Object.keys(i.monthlyPlan), i.id).toEqual(months);
      expect(i.monthlyPlan["2022-12"] === i.target, i.id).toBe(!mistyped.has(i.id));
      const kids = childrenOf(i.id);
      for (const m of months) {
        if (kids.length === 0) break;
        const sum = kids.reduce((a, k) => a + (k.monthlyPlan?.[m] ?? Number.NaN), 0);
        expect(same(sum, i.monthlyPlan[m]!), `${i.id} ${m}: ${sum}`).toBe(true);
      }
    }
    // Cumulative shares all have plans, so their parents' months are checked above.
    for (const s of shares) if (s.kind === "cumulative") expect(s.monthlyPlan, s.id).toBeTruthy();
  });

  it("rolls the streets' readings up to every reported parent, with one deliberate difference", () => {
    const differences: string[] = [];
    let computedOnly = 0;
    for (const p of data.indicators) {
      const kids = childrenOf(p.id);
      if (kids.length === 0) {
        if (p.orgUnitId)
          expect(
            readingsOf(p.id).map((r) => r.period),
            p.id,
          ).toEqual(months.slice(0, 7));
        continue;
      }
      if (readingsOf(p.id).length === 0 && p.taskForceId !== null) computedOnly += 1;
      for (const r of readingsOf(p.id)) {
        const at = (k: IndicatorSeed) =>
          readingsOf(k.id).find((x) => x.period === r.period)?.actual ?? Number.NaN;
        const result = combined(p, kids, at);
        if (!same(result, r.actual))
          differences.push(`${p.id} ${r.period} ${(r.actual - result).toFixed(2)}`);
      }
    }
    expect(differences).toEqual(["ind-01-3 2022-07 0.30"]);
    expect(computedOnly).toBeGreaterThan(0);
  });

  it("has some task advance every task force's and street's indicator but the planted one", () => {
    const linked = new Set([
      ...data.tasks.flatMap((t) => t.indicatorIds ?? []),
      ...data.indicators.flatMap((i) => (i.taskId ? [i.id] : [])),
    ]);
    const advanced = (i: IndicatorSeed): boolean => linked.has(i.id) || childrenOf(i.id).some(advanced);
    const without = data.indicators.filter((i) => !advanced(i)).map((i) => i.id);
    expect(without).toEqual([...planted("INDICATOR_NO_TASK")]);
    expect(
      without.every((id) => indicatorById.get(id)?.taskForceId && !indicatorById.get(id)?.orgUnitId),
    ).toBe(true);
    // Most links are made by tasks, not only by an indicator naming its task.
    expect(data.tasks.filter((t) => t.indicatorIds?.length).length).toBeGreaterThan(30);
  });
});

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
