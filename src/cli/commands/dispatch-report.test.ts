import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGuatu } from "../../../test/cli-run.js";

const path = join(tmpdir(), `guatu-dispatch-${process.pid}.db`);
const db = `sqlite:${path}`;
beforeAll(() => {
  expect(runGuatu(["demo", "--db", db]).code).toBe(0);
}, 120_000);
afterAll(() => {
  for (const s of ["", "-wal", "-shm"]) rmSync(`${path}${s}`, { force: true });
});

describe("guatu dispatch", () => {
  it("prints the demo's report as JSON: the overdue task, the round, ten task forces", () => {
    const r = runGuatu(["dispatch", "--db", db, "--format", "json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.statusDate).toBe("2022-08-15");
    expect(report.rounds.current).toEqual({ start: "2022-08-15", end: "2022-08-15" });
    expect(report.taskForces).toHaveLength(10);
    expect(report.total).toMatchObject({ tasks: 234, overdue: 1, noReport: 7, supervision: { overdue: 2 } });
    expect(report.keyPoints[0]).toMatchObject({ kind: "overdue-task", refCode: "01.2.5" });
  }, 120_000);

  it("prints a table in Chinese or English, at another status date", () => {
    const zh = runGuatu(["dispatch", "--db", db, "--lang", "zh"]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("调度报告 2022-08-15 · 周调度");
    expect(zh.stdout).toContain("01.2.5  固定资产投资项目节能审查");
    expect(zh.stdout).toContain("超期11个工作日");
    expect(zh.stdout).toContain("DB-2022-001  01.2.2  2022-08-12  1     整改中");
    const en = runGuatu(["dispatch", "--db", db, "--lang", "en", "--status-date", "2022-08-19"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("Dispatch report 2022-08-19 · weekly round 2022-08-15–2022-08-19");
    expect(en.stdout).toContain("Key points:");
    // Four more working days: 01.2.5 is 15 working days late on Friday.
    expect(en.stdout).toContain("is 15 working days overdue");
  }, 120_000);

  it("exits 2 naming a bad status date or format", () => {
    const bad = runGuatu(["dispatch", "--db", db, "--status-date", "15.8.2022"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--status-date 15.8.2022");
    expect(runGuatu(["dispatch", "--db", db, "--format", "xml"]).stderr).toContain("--format xml");
  }, 120_000);
});
