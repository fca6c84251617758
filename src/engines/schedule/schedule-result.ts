import type { IsoDate, Slot, WorkCalendar } from "../calendar/types.js";
import { scheduleJsonBytes } from "./schedule-json.js";
import type { ScheduleHeader, ScheduleOutput, ScheduleRow, TaskSlots } from "./types.js";

export type { ScheduleHeader, TaskSlots };

/** Ids JSON needs no escapes for (the common case, checked fast). */
const PLAIN_ID = /^[\w .:/+#-]*$/;

/**
 * A computed schedule: the header plus rows built on demand from typed arrays, so a million-task
 * result can be streamed (`jsonChunks`) without a million row objects or one giant string.
 */
export class ScheduleResult {
  readonly header: ScheduleHeader;
  readonly #slots: TaskSlots;
  readonly #cal: WorkCalendar;
  readonly #minFloat: number;

  constructor(header: ScheduleHeader, slots: TaskSlots, cal: WorkCalendar) {
    this.header = header;
    this.#slots = slots;
    this.#cal = cal;
    this.#minFloat = header.minFloat;
  }

  /** Number of rows (one per input task). */
  get size(): number {
    return this.#slots.ids.length;
  }

  /** Start and finish dates of [s, e): a zero-length span sits on date(e − 1), or slot 0's date when e = 0. */
  #dates(s: Slot, e: Slot): [IsoDate, IsoDate] {
    if (e === s) {
      const d = this.#cal.dateOfSlot(e === 0 ? 0 : e - 1);
      return [d, d];
    }
    return [this.#cal.dateOfSlot(s), this.#cal.dateOfSlot(e - 1)];
  }

  /** Slots of row `i`: the task occupies [earlyStart, earlyFinish) forward and [lateStart, lateFinish) backward. */
  slots(i: number): { earlyStart: Slot; earlyFinish: Slot; lateStart: Slot; lateFinish: Slot } {
    const t = this.#slots;
    return { earlyStart: t.es[i]!, earlyFinish: t.ef[i]!, lateStart: t.ls[i]!, lateFinish: t.le[i]! };
  }

  /** Row `i` as a plain object. */
  row(i: number): ScheduleRow {
    const t = this.#slots;
    const [earlyStart, earlyFinish] = this.#dates(t.es[i]!, t.ef[i]!);
    const [lateStart, lateFinish] = this.#dates(t.ls[i]!, t.le[i]!);
    const totalFloat = t.ls[i]! - t.es[i]!;
    const row = {
      id: t.ids[i]!,
      earlyStart,
      earlyFinish,
      lateStart,
      lateFinish,
      totalFloat,
      critical: totalFloat === this.#minFloat,
    };
    return t.isSummary[i] ? { ...row, summary: true } : row;
  }

  /** Row `i` as JSON, identical to `JSON.stringify(this.row(i))` but cheaper. */
  rowJson(i: number): string {
    const t = this.#slots;
    const cal = this.#cal;
    const es = t.es[i]!;
    const ef = t.ef[i]!;
    const ls = t.ls[i]!;
    const le = t.le[i]!;
    // Same dates as #dates, without the tuples: a zero-length span sits on its finish.
    const earlyFinish = cal.dateOfSlot(ef === 0 && es === 0 ? 0 : ef - 1);
    const earlyStart = ef === es ? earlyFinish : cal.dateOfSlot(es);
    const lateFinish = cal.dateOfSlot(le === 0 && ls === 0 ? 0 : le - 1);
    const lateStart = le === ls ? lateFinish : cal.dateOfSlot(ls);
    const f = ls - es;
    const id = t.ids[i]!;
    const quoted = PLAIN_ID.test(id) ? `"${id}"` : JSON.stringify(id);
    return `{"id":${quoted},"earlyStart":"${earlyStart}","earlyFinish":"${earlyFinish}","lateStart":"${lateStart}","lateFinish":"${lateFinish}","totalFloat":${f},"critical":${f === this.#minFloat}${t.isSummary[i] ? ',"summary":true' : ""}}`;
  }

  /** The whole output as plain data (what `schedule()` returns). */
  toOutput(): ScheduleOutput {
    const tasks: ScheduleRow[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) tasks[i] = this.row(i);
    return { ...this.header, tasks };
  }

  /**
   * The output's JSON as UTF-8 byte chunks of about `chunkBytes` (each valid only until the next is
   * requested): the fastest way to stream a large result (see `scheduleJsonBytes`).
   */
  jsonBytes(chunkBytes?: number): Generator<Uint8Array> {
    return scheduleJsonBytes(this.header, this.#slots, this.#cal, chunkBytes);
  }

  /**
   * The output's JSON text in pieces of about `rowsPerChunk` rows; concatenated, it equals
   * `JSON.stringify(this.toOutput())` plus a newline.
   */
  *jsonChunks(rowsPerChunk = 2048): Generator<string> {
    const head = JSON.stringify(this.header);
    yield `${head.slice(0, -1)},"tasks":[`;
    let parts: string[] = [];
    for (let i = 0; i < this.size; i++) {
      parts.push(this.rowJson(i));
      if (parts.length === rowsPerChunk) {
        yield (i + 1 > rowsPerChunk ? "," : "") + parts.join(",");
        parts = [];
      }
    }
    if (parts.length > 0) yield (this.size > parts.length ? "," : "") + parts.join(",");
    yield "]}\n";
  }
}
