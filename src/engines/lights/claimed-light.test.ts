import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lightsFor } from "./lights-for.js";
import { taskLight } from "./task-light.js";
import { buildTestCalendar } from "./test-calendar.fixture.js";
import type { LightsOptions, LightTask } from "./types.js";

const cal = buildTestCalendar();
const T = "2022-08-05"; // a Friday
const OFF: LightsOptions = { dispatchRound: "off" };
/** A task reported 100 % on 2022-08-03 whose completion awaits the lead's review. */
const claimed = (over: Partial<LightTask> = {}): LightTask => ({
  id: "t1",
  taskForceId: "tf1",
  code: "01.1",
  status: "done",
  completion: "claimed",
  percent: 100,
  actualStart: "2022-07-20",
  actualFinish: "2022-08-03",
  supervision: [],
  ...over,
});
const codes = (l: { reasons: readonly { code: string }[] }) => l.reasons.map((r) => r.code);

describe("the light of a claimed completion (完成待确认)", () => {
  it.each<[string, Partial<LightTask>, string, string[]]>([
    ["before its deadline", { deadline: "2022-08-31" }, "green", ["AWAITING_CONFIRMATION"]],
    ["without a deadline", {}, "green", ["AWAITING_CONFIRMATION"]],
    ["due today", { deadline: T }, "yellow", ["DEADLINE_SOON", "AWAITING_CONFIRMATION"]],
    ["past its deadline", { deadline: "2022-08-04" }, "red", ["PAST_DEADLINE", "AWAITING_CONFIRMATION"]],
    [
      "with an overdue supervision item",
      { supervision: [{ dueDate: "2022-08-01", state: "submitted" }] },
      "red",
      ["SUPERVISION_OVERDUE", "AWAITING_CONFIRMATION"],
    ],
    [
      "with negative float (float rules do not apply)",
      { totalFloat: -3 },
      "green",
      ["AWAITING_CONFIRMATION"],
    ],
    ["with low float", { totalFloat: 1 }, "green", ["AWAITING_CONFIRMATION"]],
    [
      "behind its baseline (100 % is never behind)",
      { baselineStart: "2022-08-01", baselineFinish: "2022-08-31" },
      "green",
      ["AWAITING_CONFIRMATION"],
    ],
    ["with no report this round", { lastReportDate: "2022-07-01" }, "green", ["AWAITING_CONFIRMATION"]],
  ])("is lit as unfinished work %s", (_, over, color, reasons) => {
    const l = taskLight(claimed(over), T, cal, { dispatchRound: "weekly" });
    expect({ color: l.color, reasons: codes(l) }).toEqual({ color, reasons });
  });

  it("says when it was reported complete, in both languages", () => {
    const [r] = taskLight(claimed(), T, cal, OFF).reasons;
    expect(r!.params).toEqual({ claimedOn: "2022-08-03" });
    expect(r!.text.zh).toBe("已于2022-08-03报告完成，待牵头人确认");
    expect(r!.text.en).toBe("Reported complete on 2022-08-03, awaiting the lead's confirmation");
  });

  it("turns blue once confirmed, or when finished before review existed (no completion)", () => {
    for (const completion of ["confirmed", null, undefined] as const)
      expect(taskLight(claimed({ completion, deadline: "2022-08-04" }), T, cal, OFF).color).toBe("blue");
  });

  it("keeps its summary and its task force from blue", () => {
    const res = lightsFor(
      {
        calendar: cal,
        taskForces: [{ id: "tf1" }],
        tasks: [
          claimed({ id: "01", code: "01", completion: null }),
          claimed({ id: "01.1", code: "01.1", parentId: "01", completion: "confirmed" }),
          claimed({ id: "01.2", code: "01.2", parentId: "01" }),
        ],
      },
      T,
      OFF,
    );
    expect(res.tasks.map((l) => l.color)).toEqual(["green", "blue", "green"]);
    expect(res.taskForces[0]!.color).toBe("green");
  });

  const isoDay = fc.integer({ min: 0, max: 120 }).map((d) => {
    const x = new Date(Date.UTC(2022, 6, 1 + d));
    return x.toISOString().slice(0, 10);
  });
  const arbitraryTask = fc.record({
    deadline: fc.option(isoDay, { nil: null }),
    actualFinish: isoDay,
    totalFloat: fc.option(fc.integer({ min: -10, max: 10 }), { nil: null }),
    supervision: fc.array(
      fc.record({ dueDate: isoDay, state: fc.constantFrom("open", "rectifying", "submitted", "verified") }),
      { maxLength: 2 },
    ),
  });

  it("has the colour of the same work in progress at 100 % without float, never blue, red past its deadline (property)", () => {
    fc.assert(
      fc.property(arbitraryTask, isoDay, (over, statusDate) => {
        const mine = taskLight(claimed(over), statusDate, cal, OFF);
        const unfinished = taskLight(
          claimed({ ...over, status: "in_progress", completion: null, totalFloat: null }),
          statusDate,
          cal,
          OFF,
        );
        expect(mine.color).toBe(unfinished.color);
        expect(mine.color).not.toBe("blue");
        expect(codes(mine).at(-1)).toBe("AWAITING_CONFIRMATION");
        if (over.deadline && over.deadline < statusDate) expect(mine.color).toBe("red");
        expect(taskLight(claimed({ ...over, completion: "confirmed" }), statusDate, cal, OFF).color).toBe(
          "blue",
        );
      }),
    );
  });
});
