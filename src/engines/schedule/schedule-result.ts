import type { IsoDate, Slot, WorkCalendar } from "../calendar/types.js";
import type { ScheduleOutput, ScheduleRow } from "./types.js";

/** The project-level fields of a schedule output (everything but the rows). */
export type ScheduleHeader = Omit<ScheduleOutput, "tasks">;

/** Slots per task (input order; a summary's span aggregates its children). */
export interface TaskSlots {
  readonly ids: readonly string[];
  readonly isSummary: Uint8Array;
  readonly es: Int32Array;
  readonly ef: Int32Array;
  readonly ls: Int32Array;
  readonly le: Int32Array;
}

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
    const [es, ef] = this.#dates(t.es[i]!, t.ef[i]!);
    const [ls, lf] = this.#dates(t.ls[i]!, t.le[i]!);
    const f = t.ls[i]! - t.es[i]!;
    const id = t.ids[i]!;
    return `{"id":${JSON.stringify(id)},"earlyStart":"${es}","earlyFinish":"${ef}","lateStart":"${ls}","lateFinish":"${lf}","totalFloat":${f},"critical":${f === this.#minFloat}${t.isSummary[i] ? ',"summary":true' : ""}}`;
  }

  /** The whole output as plain data (what `schedule()` returns). */
  toOutput(): ScheduleOutput {
    const tasks: ScheduleRow[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) tasks[i] = this.row(i);
    return { ...this.header, tasks };
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
