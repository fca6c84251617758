import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGuatu } from "../../../test/cli-run.js";

const dir = mkdtempSync(join(tmpdir(), "guatu-remind-"));
const db = `sqlite:${join(dir, "demo.db")}`;
beforeAll(() => {
  expect(runGuatu(["demo", "--db", db]).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = {
  rule: string;
  level: string;
  recipientName: string;
  subject: { code: string };
  workdaysLate: number;
};
const json = (at: string): Row[] => {
  const r = runGuatu(["remind", "--dry-run", "--at", at, "--db", db, "--format", "json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe("guatu remind --dry-run", () => {
  it("lists the demo district's reminders due on a Monday: deadlines today, overdue up the chain, overdue 督办单", () => {
    const rs = json("2022-08-15");
    const seen = rs.map((r) => `${r.rule} ${r.level} ${r.subject.code} ${r.workdaysLate}`);
    // 01.2.5 was due 2022-07-31: 11 working days late, so its owner and (grace 5, every 2) its lead.
    expect(seen).toEqual(
      expect.arrayContaining([
        "overdue owner 01.2.5 11",
        "overdue lead 01.2.5 11",
        "dueToday owner 01.2.2 0",
        "supervisionOverdue owner DB-2022-001 1",
      ]),
    );
    expect(rs.every((r) => r.recipientName !== "")).toBe(true);
  }, 60_000);

  it("sends nothing on a weekend or during the National Day holiday", () => {
    expect(json("2022-08-13")).toEqual([]);
    expect(json("2022-10-03")).toEqual([]);
  }, 60_000);

  it("prints a table in Chinese, and records the day's 催办 once without --dry-run, and refuses a bad date", () => {
    const table = runGuatu(["remind", "--dry-run", "--at", "2022-08-15", "--db", db, "--lang", "zh"]);
    expect(table.stdout).toContain("专班牵头人");
    expect(table.stdout).toMatch(/共 \d+ 条（试运行，未发送）/);
    const wet = runGuatu(["remind", "--at", "2022-08-15", "--db", db, "--format", "json"]);
    expect(wet.code).toBe(0);
    const recorded = JSON.parse(wet.stdout);
    expect(recorded).toMatchObject({ day: "2022-08-15", due: json("2022-08-15").length });
    expect(recorded.sent).toBe(recorded.due);
    const again = runGuatu(["remind", "--at", "2022-08-15", "--db", db, "--lang", "zh"]);
    expect(again.stdout).toContain("新记录催办 0 条");
    const bad = runGuatu(["remind", "--dry-run", "--at", "8月15日", "--db", db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--at 8月15日");
  }, 60_000);
});
