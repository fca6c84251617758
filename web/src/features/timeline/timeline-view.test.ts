import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { TimelineEvent } from "../../../../src/shared/api/timeline";
import { TIMELINE_KINDS } from "../../../../src/shared/api/timeline";
import { en } from "../../i18n/en";
import { zhCN } from "../../i18n/zh-CN";
import { eventView, printPath, type Translate } from "./timeline-view";

const i18n = i18next.createInstance();
let zh: Translate;
let english: Translate;
beforeAll(async () => {
  await i18n.init({
    resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
    lng: "zh-CN",
    interpolation: { escapeValue: false },
  });
  zh = i18n.getFixedT("zh-CN") as unknown as Translate;
  english = i18n.getFixedT("en") as unknown as Translate;
});

const event = (o: Partial<TimelineEvent>): TimelineEvent => ({
  id: "e1",
  kind: "reported",
  day: "2022-08-15",
  at: "2022-08-15T02:00:00.000Z",
  actorName: "张三",
  text: null,
  percent: null,
  recipientName: null,
  chaseRule: null,
  deadline: null,
  itemCode: null,
  evidence: [],
  ...o,
});

describe("eventView", () => {
  it("words every kind in both languages (no key falls through)", () => {
    for (const kind of TIMELINE_KINDS) {
      for (const t of [zh, english]) {
        const step = eventView(event({ kind }), t).step;
        expect(step, kind).not.toContain("tl.kinds");
        expect(step.length).toBeGreaterThan(0);
      }
    }
    expect(eventView(event({ kind: "verified" }), zh).step).toBe("销号");
    expect(eventView(event({ kind: "returned" }), english).step).toBe("Returned");
  });

  it.each([
    ["a report's percent and narrative", event({ percent: 60, text: "完成一半" }), ["进度 60%", "完成一半"]],
    [
      "a 催办's recipient and rule, then its reason",
      event({ kind: "chased", recipientName: "李四", chaseRule: "manual", text: "请补报" }),
      ["催办 李四（人工催办）", "请补报"],
    ],
    [
      "a 延期申请's deadline",
      event({ kind: "extensionRequested", deadline: "2022-10-31", text: "设备延迟" }),
      ["延期至 2022-10-31", "设备延迟"],
    ],
  ] as const)("lists %s", (_, e, lines) => {
    expect(eventView(e, zh).lines).toEqual(lines);
  });

  it("names the system where no one acted, and the item a step belongs to", () => {
    expect(eventView(event({ actorName: null }), zh).actor).toBe("系统");
    expect(eventView(event({ actorName: null }), english).actor).toBe("System");
    expect(eventView(event({ kind: "raised", itemCode: "DB-2022-001" }), zh).item).toBe("督办单 DB-2022-001");
  });

  it.each([
    ["returned", "#cf1322"],
    ["verified", "#389e0d"],
    ["chased", "#d46b08"],
    ["reported", "#1677ff"],
  ] as const)("colours %s %s (with its words beside)", (kind, color) => {
    expect(eventView(event({ kind }), zh).color).toBe(color);
  });

  it("prints a task's and an item's timeline at their own paths", () => {
    expect(printPath({ kind: "task", id: "t-1" })).toBe("/print/tasks/t-1/timeline");
    expect(printPath({ kind: "supervisionItem", id: "s-1" })).toBe("/print/supervision-items/s-1/timeline");
  });
});
