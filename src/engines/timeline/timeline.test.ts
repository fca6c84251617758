import { describe, expect, it } from "vitest";
import {
  actorName,
  compareEvents,
  EXCERPT_LENGTH,
  evidenceSpan,
  excerpt,
  type ItemEntry,
  type ItemSource,
  type NameBook,
  type TaskEntry,
  type TimelineContext,
  type TimelineEvent,
  timelineOf,
  within,
} from "./index.js";

const names: NameBook = {
  users: new Map([
    ["supervisor", "王督查"],
    ["lead", "李牵头"],
    ["member", "张责任"],
  ]),
  persons: new Map([
    ["p-raiser", "赵交办"],
    ["p-owner", "张责任"],
  ]),
};
const ctx: TimelineContext = { dayOf: (at) => at.slice(0, 10), names, nameItems: false };
const at = (day: string, hour = 1) => `${day}T${String(hour).padStart(2, "0")}:00:00.000Z`;
const item = (state: string, extra: Record<string, string | null> = {}) => ({
  state,
  raisedOn: "2022-08-01",
  issue: "储备项目 不足",
  ...extra,
});
const entry = (
  time: string,
  actor: string,
  action: string,
  before: ItemEntry["before"],
  after: ItemEntry["after"],
): ItemEntry => ({ at: time, actor, action, before, after });
const source = (entries: ItemEntry[]): ItemSource => ({
  id: "s-1",
  code: "DB-2022-001",
  raisedById: "p-raiser",
  verifiedById: null,
  entries,
});
const row = (e: TimelineEvent) => [e.day, e.kind, e.actorName, e.text];

describe("a 督办单's steps", () => {
  it("tells every step with its day, its actor's name and its note", () => {
    const events = timelineOf(
      {
        items: [
          source([
            entry(at("2022-08-01"), "demo", "create", null, item("open")),
            entry(at("2022-08-02"), "lead", "transition", item("open"), item("rectifying")),
            entry(
              at("2022-08-04"),
              "lead",
              "transition",
              item("rectifying"),
              item("submitted", { submittedOn: "2022-08-04", rectification: "已补齐" }),
            ),
            entry(
              at("2022-08-05"),
              "supervisor",
              "transition",
              item("submitted"),
              item("rectifying", { lastNote: "证据不足" }),
            ),
            entry(
              at("2022-08-06"),
              "leader",
              "transition",
              item("rectifying"),
              item("rectifying", { escalatedOn: "2022-08-06", lastNote: "请加快" }),
            ),
            entry(at("2022-08-07"), "supervisor", "update", item("rectifying"), item("rectifying")),
            entry(
              at("2022-08-09"),
              "supervisor",
              "transition",
              item("submitted"),
              item("verified", { verifiedOn: "2022-08-09", lastNote: "同意销号" }),
            ),
          ]),
        ],
      },
      ctx,
    );
    expect(events.map(row)).toEqual([
      // A data load's raising is named by the item's raiser; an unknown account is shown as it is.
      ["2022-08-01", "raised", "赵交办", "储备项目 不足"],
      ["2022-08-02", "started", "李牵头", null],
      ["2022-08-04", "submitted", "李牵头", "已补齐"],
      ["2022-08-05", "returned", "王督查", "证据不足"],
      ["2022-08-06", "escalated", "leader", "请加快"],
      ["2022-08-07", "edited", "王督查", null],
      ["2022-08-09", "verified", "王督查", "同意销号"],
    ]);
    expect(events.every((e) => e.itemCode === null)).toBe(true);
    const named = timelineOf(
      { items: [source([entry(at("2022-08-01"), "demo", "create", null, item("open"))])] },
      {
        ...ctx,
        nameItems: true,
      },
    );
    expect(named[0]?.itemCode).toBe("DB-2022-001");
  });

  it("keeps a step entered after the fact before the dated step it led to", () => {
    const events = timelineOf(
      {
        items: [
          source([
            entry(at("2022-08-01"), "supervisor", "create", null, item("open")),
            // Started and submitted on the 15th, the submission dated the 12th.
            entry(at("2022-08-15", 2), "lead", "transition", item("open"), item("rectifying")),
            entry(
              at("2022-08-15", 3),
              "lead",
              "transition",
              item("rectifying"),
              item("submitted", { submittedOn: "2022-08-12" }),
            ),
          ]),
        ],
      },
      ctx,
    );
    expect(events.map((e) => [e.day, e.kind])).toEqual([
      ["2022-08-01", "raised"],
      ["2022-08-12", "started"],
      ["2022-08-12", "submitted"],
    ]);
  });

  it("counts evidence as the item's from its raising until its sign-off", () => {
    const span = evidenceSpan(
      source([
        entry(at("2022-08-02"), "supervisor", "create", null, item("open")),
        entry(at("2022-08-09"), "supervisor", "transition", item("submitted"), item("verified")),
      ]),
    );
    expect(span).toEqual({ from: at("2022-08-02"), to: at("2022-08-09") });
    const files = ["2022-08-01", "2022-08-02", "2022-08-05", "2022-08-10"].map((d) => ({ createdAt: at(d) }));
    expect(within(files, span).map((f) => f.createdAt.slice(0, 10))).toEqual(["2022-08-02", "2022-08-05"]);
    expect(within(files, { from: at("2022-08-05"), to: null })).toHaveLength(2);
  });
});

describe("a task's completion review", () => {
  const task = (
    time: string,
    action: string,
    before: string | null,
    after: string | null,
    reason: string | null = null,
  ): TaskEntry => ({
    at: time,
    actor: "lead",
    action,
    reason,
    before: { completion: before },
    after: { completion: after },
  });
  it.each([
    ["a report's claim", task(at("2022-08-03"), "update", null, "claimed"), "claimed", null],
    [
      "a confirmation",
      task(at("2022-08-03"), "transition", "claimed", "confirmed", "符合验收标准"),
      "confirmed",
      "符合验收标准",
    ],
    [
      "a send-back",
      task(at("2022-08-03"), "transition", "claimed", null, "缺少验收单"),
      "completionReturned",
      "缺少验收单",
    ],
  ] as const)("tells %s", (_, e, kind, text) => {
    expect(timelineOf({ taskEntries: [e] }, ctx).map((x) => [x.kind, x.text, x.actorName])).toEqual([
      [kind, text, "李牵头"],
    ]);
  });
  it.each([
    ["a claim a later report cleared", task(at("2022-08-03"), "update", "claimed", null)],
    ["an edit that left the completion alone", task(at("2022-08-03"), "update", null, null)],
    ["a deletion", { ...task(at("2022-08-03"), "delete", null, null), after: null }],
  ] as const)("leaves out %s", (_, e) => {
    expect(timelineOf({ taskEntries: [e] }, ctx)).toEqual([]);
  });
  it("tells the task's creation", () => {
    const created: TaskEntry = {
      at: at("2022-07-01"),
      actor: "lead",
      action: "create",
      reason: null,
      before: null,
      after: {},
    };
    expect(timelineOf({ taskEntries: [created] }, ctx).map((e) => e.kind)).toEqual(["created"]);
  });
});

describe("the other sources", () => {
  it("tells reports, comments, files, 催办 and 延期申请 with what each carries", () => {
    const events = timelineOf(
      {
        reports: [
          {
            id: "r1",
            reportDate: "2022-08-10",
            createdAt: at("2022-08-11"),
            percent: 60,
            narrative: "完成 60%",
            evidence: [{ name: "验收.pdf", attachmentId: "a1" }],
            recordedBy: "demo",
            reportedById: "p-owner",
          },
        ],
        comments: [
          { id: "c1", createdAt: at("2022-08-09"), author: "leader", authorName: "刘领导", body: "抓紧" },
        ],
        attachments: [{ id: "a1", createdAt: at("2022-08-10"), createdBy: "member", fileName: "验收.pdf" }],
        chases: [
          {
            id: "h1",
            day: "2022-08-08",
            createdAt: at("2022-08-08"),
            sender: "system",
            senderName: "",
            recipientName: "张责任",
            reason: null,
            rule: "overdue",
          },
          {
            id: "h2",
            day: "2022-08-08",
            createdAt: at("2022-08-08", 5),
            sender: "lead",
            senderName: "李牵头",
            recipientName: "张责任",
            reason: "请补报",
            rule: "manual",
          },
        ],
        extensions: [
          {
            id: "x1",
            createdAt: at("2022-08-12"),
            requestedBy: "member",
            requestedByName: "张责任",
            requestedDeadline: "2022-09-30",
            reason: "设备延迟到货",
            state: "approved",
            decidedBy: "lead",
            decidedByName: "李牵头",
            decidedAt: at("2022-08-13"),
            decisionNote: "同意",
          },
          {
            id: "x2",
            createdAt: at("2022-08-14"),
            requestedBy: "member",
            requestedByName: "张责任",
            requestedDeadline: "2022-10-30",
            reason: "再延",
            state: "pending",
            decidedBy: null,
            decidedByName: null,
            decidedAt: null,
            decisionNote: null,
          },
        ],
      },
      ctx,
    );
    expect(events.map((e) => [e.day, e.kind, e.actorName, e.text])).toEqual([
      ["2022-08-08", "chased", null, null],
      ["2022-08-08", "chased", "李牵头", "请补报"],
      ["2022-08-09", "commented", "刘领导", "抓紧"],
      // The report counts on its own date though recorded the next day: after the file of that day.
      ["2022-08-10", "attached", "张责任", null],
      ["2022-08-10", "reported", "张责任", "完成 60%"],
      ["2022-08-12", "extensionRequested", "张责任", "设备延迟到货"],
      ["2022-08-13", "extensionApproved", "李牵头", "同意"],
      ["2022-08-14", "extensionRequested", "张责任", "再延"],
    ]);
    const byKind = (k: string) => events.filter((e) => e.kind === k);
    expect(byKind("reported")[0]).toMatchObject({
      percent: 60,
      evidence: [{ name: "验收.pdf", attachmentId: "a1" }],
    });
    expect(byKind("attached")[0]?.evidence).toEqual([{ name: "验收.pdf", attachmentId: "a1" }]);
    expect(byKind("chased").map((e) => [e.chaseRule, e.recipientName])).toEqual([
      ["overdue", "张责任"],
      ["manual", "张责任"],
    ]);
    expect(byKind("extensionApproved")[0]?.deadline).toBe("2022-09-30");
  });
});

describe("events dated only by their entry", () => {
  const report = (id: string, day: string, time: string, percent: number) => ({
    id,
    reportDate: day,
    createdAt: time,
    percent,
    narrative: "",
    evidence: [],
    recordedBy: "member",
    reportedById: null,
  });
  const entry = (time: string, action: string, before: string | null, after: string | null): TaskEntry => ({
    at: time,
    actor: "member",
    action,
    reason: null,
    before: action === "create" ? null : { completion: before },
    after: { completion: after },
  });
  it("puts a claim on the day of the 100 % report that made it, and a task's creation before its story", () => {
    const events = timelineOf(
      {
        // Loaded on the 15th: the plan, then reports dated earlier; the last one claims completion.
        taskEntries: [
          entry(at("2022-08-15", 1), "create", null, null),
          entry(at("2022-08-15", 3), "update", null, "claimed"),
        ],
        reports: [
          report("r1", "2022-07-20", at("2022-08-15", 2), 40),
          report("r2", "2022-07-27", at("2022-08-15", 3), 100),
        ],
      },
      ctx,
    );
    expect(events.map((e) => [e.day, e.kind])).toEqual([
      ["2022-07-20", "created"],
      ["2022-07-20", "reported"],
      ["2022-07-27", "reported"],
      ["2022-07-27", "claimed"],
    ]);
  });
  it("leaves a claim without its report, and a creation before everything, on the day entered", () => {
    const events = timelineOf(
      {
        taskEntries: [
          entry(at("2022-08-01"), "create", null, null),
          entry(at("2022-08-09"), "update", null, "claimed"),
        ],
        reports: [report("r1", "2022-08-05", at("2022-08-05"), 60)],
      },
      ctx,
    );
    expect(events.map((e) => [e.day, e.kind])).toEqual([
      ["2022-08-01", "created"],
      ["2022-08-05", "reported"],
      ["2022-08-09", "claimed"],
    ]);
  });
});

describe("the timeline's order", () => {
  const ev = (day: string, time: string, kind: TimelineEvent["kind"], id: string = kind): TimelineEvent => ({
    id,
    kind,
    day,
    at: time,
    actorName: null,
    text: null,
    percent: null,
    recipientName: null,
    chaseRule: null,
    deadline: null,
    itemCode: null,
    evidence: [],
  });
  it.each([
    [
      "day first",
      ev("2022-08-01", at("2022-08-09"), "commented"),
      ev("2022-08-02", at("2022-08-02"), "created"),
    ],
    [
      "then the instant",
      ev("2022-08-01", at("2022-08-01", 1), "commented"),
      ev("2022-08-01", at("2022-08-01", 2), "created"),
    ],
    [
      "then the kind",
      ev("2022-08-01", at("2022-08-01"), "reported"),
      ev("2022-08-01", at("2022-08-01"), "claimed"),
    ],
    [
      "then the id",
      ev("2022-08-01", at("2022-08-01"), "attached", "a"),
      ev("2022-08-01", at("2022-08-01"), "attached", "b"),
    ],
  ] as const)("orders by %s", (_, first, second) => {
    expect(compareEvents(first, second)).toBeLessThan(0);
    expect(compareEvents(second, first)).toBeGreaterThan(0);
    expect([second, first].sort(compareEvents)).toEqual([first, second]);
  });
});

describe("names and notes", () => {
  it.each([
    ["a user by display name", "lead", undefined, "李牵头"],
    ["the system as nobody", "system", undefined, null],
    ["a data load by the person it names", "demo", "p-owner", "张责任"],
    ["an account without a name as it is", "zhangsan", undefined, "zhangsan"],
  ] as const)("names %s", (_, username, person, expected) => {
    expect(actorName(username, names, person)).toBe(expected);
  });
  it.each([
    ["  已完成\n第一批  ", "已完成 第一批"],
    ["   ", null],
    [null, null],
    ["字".repeat(EXCERPT_LENGTH + 5), `${"字".repeat(EXCERPT_LENGTH - 1)}…`],
  ] as const)("shortens %j to one line", (text, expected) => {
    expect(excerpt(text)).toBe(expected);
  });
});
