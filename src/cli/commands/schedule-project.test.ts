import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runGuatu } from "../../../test/cli-run.js";
import { schedule } from "../../engines/schedule/schedule.js";
import type { ScheduleFile } from "../../engines/schedule/types.js";
import { jsonErrorOffset, scheduleLang } from "./schedule-project.js";

const dir = mkdtempSync(join(tmpdir(), "guatu-schedule-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 1));
  return path;
};

const plan: ScheduleFile = {
  calendar: { builtin: "CN" },
  projectStart: "2022-09-26",
  deadline: "2022-10-14",
  statusDate: "2022-09-26",
  tasks: [
    { id: "A", name: "编制方案", duration: 5 },
    { id: "B", name: "专家评审", duration: 3 },
    { id: "M", name: "方案批复", duration: 0 },
  ],
  dependencies: [
    { from: "A", to: "B" },
    { from: "B", to: "M" },
  ],
};

describe("guatu schedule", () => {
  it("prints exactly the library's result with --format json", () => {
    const r = runGuatu([
      "schedule",
      write("plan.json", plan),
      "--format",
      "json",
      "--status-date",
      "2022-09-27",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(schedule(plan, { statusDate: "2022-09-27" }));
  });

  it("prints a table with Chinese headers under a zh locale, English otherwise", () => {
    const path = write("plan.json", plan);
    const zh = runGuatu(["schedule", path], { LANG: "zh_CN.UTF-8", LC_ALL: "" });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("最迟开始");
    expect(zh.stdout).toContain("关键环节: A → B → M");
    expect(zh.stdout).toMatch(/B\s+专家评审\s+2022-10-08\s+2022-10-10\s+2022-10-12\s+2022-10-14\s+4\s+\*/);
    const en = runGuatu(["schedule", path, "--lang", "en"], { LANG: "zh_CN.UTF-8" });
    expect(en.stdout).toContain("Late start");
  });

  it("exits 2 naming the three tasks of a cycle, in one line", () => {
    const path = write("cycle.json", {
      ...plan,
      dependencies: [...plan.dependencies!, { from: "M", to: "A", type: "FS", lag: 0 }],
    });
    const r = runGuatu(["schedule", path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`guatu: ${path}: dependency cycle: A → B → M → A\n`);
  });

  it("exits 2 naming the file and the problem: schema, JSON syntax, missing file, bad option", () => {
    const bad = write("bad.json", { ...plan, tasks: [{ id: "A", duration: -2 }], dependencies: [] });
    expect(runGuatu(["schedule", bad]).stderr).toBe(
      `guatu: ${bad}: task "A" (tasks[0]) duration: must be a whole number of working days from 0 to 100000, got -2\n`,
    );
    const broken = write("broken.json", '{\n "projectStart": "2022-09-26",\n "tasks": [}\n');
    const r = runGuatu(["schedule", broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`guatu: ${broken}: not valid JSON at line 3, column 12: unexpected "}"\n`);
    const missing = runGuatu(["schedule", join(dir, "nope.json")]);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      `guatu: ${join(dir, "nope.json")}: cannot read the file: no such file\n`,
    ]);
    const option = runGuatu(["schedule", bad, "--status-date", "2022-13-01"]);
    expect([option.code, option.stderr]).toEqual([
      2,
      "guatu: --status-date 2022-13-01: not a valid YYYY-MM-DD date\n",
    ]);
  });
});

describe("schedule command helpers", () => {
  it("finds where JSON goes wrong", () => {
    expect(jsonErrorOffset('{"a": [1, 2], "b": {"c": null}}')).toBe(-1);
    expect(jsonErrorOffset('{"a": [1,]}')).toBe(9);
    expect(jsonErrorOffset('{"a": 1')).toBe(7);
    expect(jsonErrorOffset('{"a": "\\x"}')).toBe(8);
    expect(jsonErrorOffset("[01]")).toBe(2);
  });
  it("picks the table language from --lang, then LC_ALL, LC_MESSAGES, LANG", () => {
    expect(scheduleLang(undefined, { LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(scheduleLang(undefined, { LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(scheduleLang("zh", {})).toBe("zh");
    expect(() => scheduleLang("fr", {})).toThrow(/--lang fr/);
  });
});
