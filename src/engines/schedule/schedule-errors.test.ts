import { describe, expect, it } from "vitest";
import { EngineInputError } from "../calendar/calendar-error.js";
import { computeSchedule, validateScheduleFile } from "./schedule.js";
import { ScheduleInputError } from "./schedule-error.js";

const base = { projectStart: "2022-08-01", deadline: "2022-12-30" };
const thrown = (file: unknown): ScheduleInputError => {
  try {
    computeSchedule(file);
  } catch (e) {
    if (e instanceof ScheduleInputError) return e;
    throw e;
  }
  throw new Error("expected a ScheduleInputError");
};

describe("schedule input errors", () => {
  it.each([
    [
      "CYCLE",
      {
        tasks: [
          { id: "A", duration: 1 },
          { id: "B", duration: 1 },
          { id: "C", duration: 1 },
        ],
        dependencies: [
          { from: "A", to: "B" },
          { from: "B", to: "C" },
          { from: "C", to: "A" },
        ],
      },
      "dependencies",
      /dependency cycle: A → B → C → A/,
    ],
    [
      "CYCLE",
      { tasks: [{ id: "A", duration: 1 }], dependencies: [{ from: "A", to: "A" }] },
      "dependencies[0]",
      /dependency cycle: A → A/,
    ],
    [
      "UNKNOWN_TASK",
      { tasks: [{ id: "A", duration: 1 }], dependencies: [{ from: "A", to: "Z9" }] },
      "dependencies[0].to",
      /dependency A → Z9 .*to: unknown task "Z9"/,
    ],
    [
      "UNKNOWN_TASK",
      { tasks: [{ id: "A", duration: 1, parent: "P" }] },
      "tasks[0].parent",
      /task "A" \(tasks\[0\]\) parent: unknown task "P"/,
    ],
    [
      "DUPLICATE_ID",
      {
        tasks: [
          { id: "A", duration: 1 },
          { id: "A", duration: 2 },
        ],
      },
      "tasks[1].id",
      /task "A" \(tasks\[1\]\) id: duplicate of tasks\[0\]/,
    ],
    [
      "BAD_ID",
      { tasks: [{ id: 7, duration: 1 }] },
      "tasks[0].id",
      /tasks\[0\] id: must be a non-empty string/,
    ],
    [
      "BAD_DURATION",
      { tasks: [{ id: "A", duration: -1 }] },
      "tasks[0].duration",
      /task "A" .*duration: must be a whole number/,
    ],
    ["BAD_DURATION", { tasks: [{ id: "A", duration: 1.5 }] }, "tasks[0].duration", /got 1.5/],
    ["BAD_DURATION", { tasks: [{ id: "A" }] }, "tasks[0].duration", /task "A" .*duration: missing/],
    [
      "BAD_DATE",
      { tasks: [{ id: "A", duration: 1, deadline: "2022-02-30" }] },
      "tasks[0].deadline",
      /task "A" .*deadline: not a valid YYYY-MM-DD date: "2022-02-30"/,
    ],
    [
      "BAD_DATE",
      { tasks: [{ id: "A", duration: 1, actualFinish: "2022-08-03" }] },
      "tasks[0].actualStart",
      /actualStart: required when actualFinish is given/,
    ],
    [
      "END_BEFORE_START",
      { tasks: [{ id: "A", duration: 1, actualStart: "2022-08-05", actualFinish: "2022-08-03" }] },
      "tasks[0].actualFinish",
      /task "A" .*actualFinish: 2022-08-03 is before actualStart 2022-08-05/,
    ],
    [
      "DEADLINE_BEFORE_START",
      { tasks: [{ id: "A", duration: 1, deadline: "2022-07-01" }] },
      "tasks[0].deadline",
      /task "A" .*deadline: 2022-07-01 is before the project start/,
    ],
    [
      "DEADLINE_BEFORE_START",
      { deadline: "2022-07-31", tasks: [] },
      "deadline",
      /deadline: 2022-07-31 is before projectStart 2022-08-01/,
    ],
    [
      "BAD_PERCENT",
      { tasks: [{ id: "A", duration: 1, actualStart: "2022-08-01", percent: 120 }] },
      "tasks[0].percent",
      /task "A" .*percent: must be a number from 0 to 100, got 120/,
    ],
    [
      "BAD_TYPE",
      {
        tasks: [
          { id: "A", duration: 1 },
          { id: "B", duration: 1 },
        ],
        dependencies: [{ from: "A", to: "B", type: "XX" }],
      },
      "dependencies[0].type",
      /type: must be FS, SS, FF or SF/,
    ],
    [
      "BAD_LAG",
      {
        tasks: [
          { id: "A", duration: 1 },
          { id: "B", duration: 1 },
        ],
        dependencies: [{ from: "A", to: "B", lag: 0.5 }],
      },
      "dependencies[0].lag",
      /lag: must be a whole number/,
    ],
    [
      "PARENT_CYCLE",
      {
        tasks: [
          { id: "A", parent: "B" },
          { id: "B", parent: "A" },
          { id: "C", duration: 1, parent: "A" },
        ],
      },
      "tasks[0].parent",
      /parent cycle .*: A → B → A/,
    ],
    [
      "BAD_CALENDAR",
      { calendar: { weekends: ["sunday"] }, tasks: [] },
      "calendar.weekends[0]",
      /calendar.weekends\[0\]: not a weekday/,
    ],
    ["BAD_FILE", { tasks: "many" }, "tasks", /tasks: must be a list of tasks/],
    // Found by the hostile-input review: a deadline of 9999-12-31 printed a date "10000-01-14".
    [
      "DATE_OUT_OF_RANGE",
      { deadline: "9999-12-31", tasks: [{ id: "A", duration: 10 }] },
      "deadline",
      /deadline: the schedule would reach past 9999-12-31 \(its latest date 9999-12-31/,
    ],
    [
      "DATE_OUT_OF_RANGE",
      { projectStart: "0001-01-03", deadline: "0001-02-01", tasks: [{ id: "A", duration: 30 }] },
      "projectStart",
      /projectStart: the schedule would reach before 0001-01-01 \(its earliest date 0001-01-03/,
    ],
  ] as const)("reports %s at %s", (code, file, path, message) => {
    const e = thrown({ ...base, ...file });
    expect(e).toBeInstanceOf(EngineInputError);
    expect(e.code).toBe(code);
    expect(e.details[0]!.path).toBe(path);
    expect(e.details[0]!.key).toBe(e.code);
    expect(e.message).toMatch(message);
  });

  it("refuses a chain whose computed finish passes 9999-12-31, naming its last task", () => {
    const file = {
      projectStart: "9990-01-04",
      tasks: ["A", "B", "C"].map((id) => ({ id, duration: 2000 })),
      dependencies: [
        { from: "A", to: "B" },
        { from: "B", to: "C" },
      ],
    };
    const e = thrown(file);
    expect(e.code).toBe("DATE_OUT_OF_RANGE");
    expect(e.details.map((d) => d.path)).toEqual(["tasks[2]"]);
    expect(e.message).toMatch(/^task "C" \(tasks\[2\]\): its finish would fall after 9999-12-31/);
    expect(validateScheduleFile(file).map((p) => p.code)).toEqual(["DATE_OUT_OF_RANGE"]);
  });

  it("accepts many parallel tasks whose durations add up past 9999 but which end within months", () => {
    // 2,000 × 1,000 working days: a bound on the sum alone refused a 10^6-task plan.
    const file = {
      projectStart: "2022-08-01",
      tasks: Array.from({ length: 2000 }, (_, i) => ({ id: `T${i}`, duration: 1000 })),
    };
    expect(validateScheduleFile(file)).toEqual([]);
    expect(computeSchedule(file).toOutput().tasks[1999]!.earlyFinish).toMatch(/^202[67]-/);
  });

  it("names a cycle through a summary by the summary's id", () => {
    const e = thrown({
      ...base,
      tasks: [{ id: "S" }, { id: "C", duration: 2, parent: "S" }, { id: "X", duration: 1 }],
      dependencies: [
        { from: "S", to: "X" },
        { from: "X", to: "C" },
      ],
    });
    expect(e.message).toBe("dependency cycle: C → S → X → C");
  });

  it("reports every problem at once in details, the first in the message", () => {
    const problems = validateScheduleFile({
      ...base,
      tasks: [
        { id: "A", duration: -1 },
        { id: "B", deadline: "soon" },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      "tasks[1].deadline",
      "tasks[0].duration",
      "tasks[1].duration",
    ]);
    expect(
      thrown({
        ...base,
        tasks: [
          { id: "A", duration: -1 },
          { id: "A", duration: 1 },
        ],
      }).message,
    ).toMatch(/\(and 1 more problem\)$/);
  });

  it("rejects what is not a schedule file, and accepts a good one", () => {
    expect(thrown(null).message).toMatch(/the schedule file must be a JSON object/);
    expect(thrown([]).code).toBe("BAD_FILE");
    expect(thrown({ tasks: [] }).message).toMatch(/projectStart: missing/);
    expect(validateScheduleFile({ ...base, tasks: [{ id: "A", duration: 1 }] })).toEqual([]);
  });
});
