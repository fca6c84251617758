/**
 * How a timeline event reads: its step's words, its colour (never alone: the words say it too),
 * who and when, and the lines of detail each kind carries. Pure, so both the tab and the printed
 * page word an event alike.
 */
import type { Timeline, TimelineEvent } from "../../../../src/shared/api/timeline";

/** A translate function (i18next's `t`). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface EventView {
  readonly key: string;
  /** The step, e.g. 退回整改. */
  readonly step: string;
  readonly color: string;
  readonly day: string;
  /** Who, by name; the system's word when no one. */
  readonly actor: string;
  /** The 督办单 it belongs to (on a task's timeline). */
  readonly item: string | null;
  /** Percent, 催办's recipient, new deadline, then the note. */
  readonly lines: readonly string[];
  readonly evidence: readonly { readonly name: string; readonly url: string | null }[];
}

/** Steps that send work back or raise its pressure, and those that close it. */
const RED = new Set(["returned", "completionReturned", "extensionRejected", "escalated"]);
const GREEN = new Set(["verified", "confirmed", "extensionApproved"]);
const GREY = new Set(["edited", "extensionWithdrawn", "created"]);

/** Colours by value: the theme's primary is red, which antd's named "blue" would follow. */
const COLOR = { red: "#cf1322", green: "#389e0d", gray: "#8c8c8c", orange: "#d46b08", blue: "#1677ff" };

function colorOf(kind: TimelineEvent["kind"]): string {
  if (RED.has(kind)) return COLOR.red;
  if (GREEN.has(kind)) return COLOR.green;
  if (GREY.has(kind)) return COLOR.gray;
  return kind === "chased" ? COLOR.orange : COLOR.blue;
}

/** The detail lines of an event, in the reader's language. */
function linesOf(e: TimelineEvent, t: Translate): string[] {
  const lines: string[] = [];
  if (e.percent !== null) lines.push(t("tl.percent", { percent: e.percent }));
  if (e.recipientName !== null)
    lines.push(
      t("tl.chasedTo", {
        name: e.recipientName,
        rule: e.chaseRule ? t(`chase.rules.${e.chaseRule}`, { defaultValue: e.chaseRule }) : "",
      }),
    );
  if (e.deadline !== null) lines.push(t("tl.deadline", { date: e.deadline }));
  if (e.text !== null) lines.push(e.text);
  return lines;
}

/** One event as the timeline shows it. */
export function eventView(e: TimelineEvent, t: Translate): EventView {
  return {
    key: e.id,
    step: t(`tl.kinds.${e.kind}`),
    color: colorOf(e.kind),
    day: e.day,
    actor: e.actorName ?? t("tl.system"),
    item: e.itemCode ? t("tl.item", { code: e.itemCode }) : null,
    lines: linesOf(e, t),
    evidence: e.evidence.map((x) => ({ name: x.name, url: x.url })),
  };
}

/** The state of a timeline's subject in words: a task's status or an item's state. */
export function subjectState(s: Timeline["subject"], t: Translate): string {
  return s.kind === "task" ? t(`status.${s.state}`) : t(`states.${s.state}`);
}

/** Where a subject's timeline prints. */
export function printPath(s: { kind: "task" | "supervisionItem"; id: string }): string {
  const base = s.kind === "task" ? "/print/tasks" : "/print/supervision-items";
  return `${base}/${encodeURIComponent(s.id)}/timeline`;
}
