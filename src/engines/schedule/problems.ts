import type { EngineInputCode } from "../calendar/calendar-error.js";
import type { ScheduleProblem } from "./schedule-error.js";

/** At most this many problems are collected: the first ones tell the story. */
const LIMIT = 100;

/** Collects input problems while the reader goes on (to report several at once). */
export class Problems {
  readonly list: ScheduleProblem[] = [];
  add(code: EngineInputCode, path: string, message: string): void {
    if (this.list.length < LIMIT) this.list.push({ code, path, message });
  }
  get full(): boolean {
    return this.list.length >= LIMIT;
  }
}

/** How a task is named in messages: its id and its position in the file. */
export function taskLabel(id: unknown, i: number): string {
  return typeof id === "string" && id !== "" ? `task ${JSON.stringify(id)} (tasks[${i}])` : `tasks[${i}]`;
}

/** A value quoted for a message, cut short. */
export function shown(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
