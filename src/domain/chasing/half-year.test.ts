import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/db-harness.js";
import { buildWorkCalendar } from "../../engines/calendar/index.js";
import { DEFAULT_REMINDER_SETTINGS } from "../../engines/reminders/index.js";
import { serviceContext } from "../context.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import { chaseDueReminders } from "./chase.service.js";

const GOLDEN = new URL("./golden/half-year-2022H2.txt", import.meta.url);

function* days(from: string, to: string) {
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000)
    yield new Date(d).toISOString().slice(0, 10);
}

const tally = (xs: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
};

/**
 * The demo district chased day by day from 2022-07-01 to 2022-12-31 with the default settings: the
 * 催办 records each day's tick makes, summarised per day in a reviewed golden file
 * (`UPDATE_GOLDEN=1` rewrites it). Each day sees the records as they stood then: reports, starts and
 * finishes dated later are not known yet.
 */
describe("a simulated half-year of 催办 on the demo district (SQLite)", () => {
  let t: TestDatabase;
  const perDay = new Map<string, { sent: number; answered: number }>();
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await loadDemo(
      serviceContext(t.database, "demo", () => "2022-08-15T01:00:00.000Z"),
      buildDemoDataset(),
    );
    for (const day of days("2022-07-01", "2022-12-31")) {
      const r = await chaseDueReminders(
        serviceContext(t.database, "worker", () => `${day}T01:00:00.000Z`),
        day,
      );
      perDay.set(day, { sent: r.sent, answered: r.answered });
    }
  }, 600_000);
  afterAll(async () => {
    await t?.drop();
  });

  const chases = () =>
    t.database.db
      .selectFrom("chases")
      .select(["day", "rule", "level", "workdaysLate", "subjectCode", "recipientId", "answeredDay"])
      .orderBy("day")
      .orderBy("subjectCode")
      .orderBy("level")
      .execute();

  it("matches the reviewed golden file, day by day", async () => {
    const rows = await chases();
    const lines = [...perDay.keys()].flatMap((day) => {
      const of = rows.filter((r) => r.day === day);
      if (of.length === 0) return [];
      return [`${day} ${of.length} | ${tally(of.map((r) => r.rule))} | ${tally(of.map((r) => r.level))}`];
    });
    const answered = rows.filter((r) => r.answeredDay !== null).length;
    const text = [
      "# 催办 of the demo district, 2022-07-01 … 2022-12-31, default settings (3 days before, every 2 days overdue; grace owner 1, unit head 3, lead 5, lead leader 10 working days)",
      "# day  chases | by rule | by level",
      ...lines,
      `# total ${rows.length}, answered by a later report or submission ${answered}`,
      "",
    ].join("\n");
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, text);
    expect(text).toBe(readFileSync(GOLDEN, "utf8"));
  });

  it("sends nothing on holidays or weekends, and chases on the 调休 working weekend of Oct 8–9", async () => {
    const calendar = buildWorkCalendar({ builtin: "CN" }, { origin: "2022-07-01" });
    const rows = await chases();
    const off = rows.filter((r) => !calendar.isWorkday(r.day));
    expect(off).toEqual([]);
    for (const holiday of ["2022-09-10", "2022-09-12", "2022-10-01", "2022-10-04", "2022-10-07"])
      expect(rows.filter((r) => r.day === holiday)).toEqual([]);
    expect(rows.some((r) => r.day === "2022-10-08")).toBe(true);
    expect(rows.some((r) => r.day === "2022-10-09")).toBe(true);
  });

  it("tells each level of the chain only after its grace period", async () => {
    const rows = await chases();
    const grace = DEFAULT_REMINDER_SETTINGS.grace;
    const overdue = rows.filter((r) => r.rule === "overdue" || r.rule === "supervisionOverdue");
    for (const level of ["unitHead", "lead", "leadLeader"] as const) {
      const told = overdue.filter((r) => r.level === level);
      expect(told.length).toBeGreaterThan(0);
      expect(told.filter((r) => r.workdaysLate < grace[level])).toEqual([]);
    }
    const noReport = rows.filter((r) => r.rule === "noReport" && r.level !== "owner");
    expect(noReport.filter((r) => r.workdaysLate < grace[r.level])).toEqual([]);
    // Before any deadline passes only the owner hears.
    expect(
      rows.filter((r) => (r.rule === "dueSoon" || r.rule === "dueToday") && r.level !== "owner"),
    ).toEqual([]);
  });

  it("answers chases from reports dated after them, and never records a reminder twice", async () => {
    const rows = await chases();
    expect(rows.some((r) => r.answeredDay !== null)).toBe(true);
    expect(rows.filter((r) => r.answeredDay !== null && r.answeredDay < r.day)).toEqual([]);
    const again = await chaseDueReminders(
      serviceContext(t.database, "worker", () => "2022-10-10T01:00:00.000Z"),
      "2022-10-10",
    );
    expect(again.sent).toBe(0);
  });
});
