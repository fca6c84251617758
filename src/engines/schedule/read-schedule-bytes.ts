import { parseIsoDate } from "../../vocabulary/dates.js";
import { AsciiIdIndex, IdIndex, type TaskIndex } from "./id-index.js";
import type { DependencyArrays } from "./read-dependencies.js";
import { readScheduleInput, type ScheduleInput } from "./read-schedule-input.js";
import { MAX_WORKING_DAYS, NO_DAY, type TaskArrays } from "./read-tasks.js";
import type { ScheduleOptions } from "./types.js";

/**
 * Reads a schedule file from its UTF-8 bytes straight into the engine's arrays: no object per task
 * or dependency, no string per date or dependency end (a million tasks: about a third of the time
 * `JSON.parse` alone took, and the engine no longer copies parsed objects into arrays; see
 * docs/benchmarks.md, "Engine at 10^6 tasks"). It handles only the files
 * `readScheduleInput` accepts, written plainly; anything else (a problem to report, an unknown
 * field, `null`, dependencies before tasks, …) returns `undefined`, and the caller then takes the
 * usual path, which says what is wrong in exactly the usual words. A result equals
 * `readScheduleInput(JSON.parse(text), options)[0]` (schedule-bytes.property.test.ts).
 * `names`, when given, receives each task's name ("" when it has none), for the CLI's table.
 */
export function readScheduleBytes(
  bytes: Uint8Array,
  options: ScheduleOptions = {},
  names?: string[],
): ScheduleInput | undefined {
  try {
    return new ByteReader(bytes, names).file(options);
  } catch {
    return undefined; // a Bail, or invalid JSON inside a piece handed to JSON.parse
  }
}

/** Thrown for anything this reader leaves to the usual path. */
class Bail extends Error {}
const bail = (): never => {
  throw new Bail();
};

const latin = new TextDecoder("latin1");
/** Non-fatal like the usual path's fallback: bad UTF-8 in a string becomes U+FFFD either way. */
const utf8 = new TextDecoder("utf-8");
const key = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const K = {
  id: key("id"),
  name: key("name"),
  duration: key("duration"),
  deadline: key("deadline"),
  parent: key("parent"),
  percent: key("percent"),
  notBefore: key("notBefore"),
  actualStart: key("actualStart"),
  actualFinish: key("actualFinish"),
  from: key("from"),
  to: key("to"),
  type: key("type"),
  lag: key("lag"),
};

/** `a`, or a copy twice as long when index `n` lies past its end. */
function grow<T extends Int32Array | Float64Array | Uint8Array>(a: T, n: number): T {
  if (n < a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

class ByteReader {
  readonly b: Uint8Array;
  i = 0;
  /**
   * Content of the last string scanned: [s0, s1); `plain`: ASCII without escapes or control
   * characters; `clean`: no escapes or control characters (its UTF-8 decodes to its value).
   */
  s0 = 0;
  s1 = 0;
  plain = true;
  clean = true;
  readonly names: string[] | undefined;
  readonly dayCache = new Map<number, number>();
  // Tasks.
  n = 0;
  ids: string[] = [];
  /** Where each id's bytes (as written: escapes undone only in `ids`) lie in the file. */
  idStart: Int32Array;
  idLength: Int32Array;
  plainIds = true;
  duration: Int32Array;
  deadline: Int32Array;
  notBefore: Int32Array;
  actualStart: Int32Array;
  actualFinish: Int32Array;
  percent: Float64Array;
  totalDuration = 0;
  minDay = Number.POSITIVE_INFINITY;
  maxDay = Number.NEGATIVE_INFINITY;
  minDeadline = Number.POSITIVE_INFINITY;
  parentRefs: (number | string)[] = [];
  noDuration: number[] = [];
  tasks: TaskArrays | undefined;
  // Dependencies.
  m = 0;
  from: Int32Array;
  to: Int32Array;
  lag: Int32Array;
  bits: Uint8Array;
  totalLag = 0;

  constructor(bytes: Uint8Array, names: string[] | undefined) {
    this.b = bytes;
    this.names = names;
    // Sized for typical files (~160 bytes per task and its dependencies) so that they rarely grow:
    // each doubling copies, and every 64 MB of new arrays costs V8 a full collection.
    const n = Math.max(1024, bytes.length >> 7);
    const m = Math.max(1024, bytes.length >> 6);
    this.idStart = new Int32Array(n);
    this.idLength = new Int32Array(n);
    this.duration = new Int32Array(n);
    this.deadline = new Int32Array(n);
    this.notBefore = new Int32Array(n);
    this.actualStart = new Int32Array(n);
    this.actualFinish = new Int32Array(n);
    this.percent = new Float64Array(n);
    this.from = new Int32Array(m);
    this.to = new Int32Array(m);
    this.lag = new Int32Array(m);
    this.bits = new Uint8Array(m);
  }

  ws(): void {
    const b = this.b;
    let i = this.i;
    for (let c = b[i]; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = b[++i]);
    this.i = i;
  }

  expect(c: number): void {
    if (this.b[this.i] !== c) bail();
    this.i++;
  }

  /** Scans the string at `i` (its opening quote), leaving `i` after its closing quote. */
  scanString(): void {
    const b = this.b;
    if (b[this.i] !== 0x22) bail();
    let k = this.i + 1;
    let ascii = true;
    let clean = true;
    for (let c = b[k]; c !== 0x22; c = b[k]) {
      if (c === undefined) bail();
      if (c === 0x5c) {
        clean = false;
        k += 2;
        continue;
      }
      if (c! < 0x20) clean = false;
      else if (c! >= 0x80) ascii = false;
      k++;
    }
    this.s0 = this.i + 1;
    this.s1 = k;
    this.plain = ascii && clean;
    this.clean = clean;
    this.i = k + 1;
  }

  /** The last scanned string's value, exactly as `JSON.parse` gives it. */
  stringValue(): string {
    const { b, s0, s1 } = this;
    if (!this.plain)
      return this.clean
        ? utf8.decode(b.subarray(s0, s1))
        : (JSON.parse(utf8.decode(b.subarray(s0 - 1, s1 + 1))) as string);
    const len = s1 - s0;
    // Short ASCII strings (typical ids) are fastest from char codes; a decoder call costs more.
    if (len === 0) return "";
    if (len <= 4)
      return len === 1
        ? String.fromCharCode(b[s0]!)
        : len === 2
          ? String.fromCharCode(b[s0]!, b[s0 + 1]!)
          : len === 3
            ? String.fromCharCode(b[s0]!, b[s0 + 1]!, b[s0 + 2]!)
            : String.fromCharCode(b[s0]!, b[s0 + 1]!, b[s0 + 2]!, b[s0 + 3]!);
    if (len <= 8)
      return len === 5
        ? String.fromCharCode(b[s0]!, b[s0 + 1]!, b[s0 + 2]!, b[s0 + 3]!, b[s0 + 4]!)
        : len === 6
          ? String.fromCharCode(b[s0]!, b[s0 + 1]!, b[s0 + 2]!, b[s0 + 3]!, b[s0 + 4]!, b[s0 + 5]!)
          : len === 7
            ? String.fromCharCode(
                b[s0]!,
                b[s0 + 1]!,
                b[s0 + 2]!,
                b[s0 + 3]!,
                b[s0 + 4]!,
                b[s0 + 5]!,
                b[s0 + 6]!,
              )
            : String.fromCharCode(
                b[s0]!,
                b[s0 + 1]!,
                b[s0 + 2]!,
                b[s0 + 3]!,
                b[s0 + 4]!,
                b[s0 + 5]!,
                b[s0 + 6]!,
                b[s0 + 7]!,
              );
    return latin.decode(b.subarray(s0, s1)); // ASCII: latin1 and UTF-8 agree
  }

  /** Whether the last scanned string is plain and equals `k`. */
  is(k: Uint8Array): boolean {
    const { b, s0 } = this;
    if (this.s1 - s0 !== k.length || !this.plain) return false;
    for (let j = 0; j < k.length; j++) if (b[s0 + j] !== k[j]) return false;
    return true;
  }

  /** A JSON number, strictly by JSON's grammar. */
  number(): number {
    const b = this.b;
    const start = this.i;
    let i = start;
    const neg = b[i] === 0x2d;
    if (neg) i++;
    let v = 0;
    let c = b[i]!;
    if (c === 0x30) i++;
    else if (c >= 0x31 && c <= 0x39) for (; c >= 0x30 && c <= 0x39; c = b[++i]!) v = v * 10 + (c - 0x30);
    else bail();
    let simple = i - start <= 15;
    if (b[i] === 0x2e) {
      simple = false;
      i++;
      if (!(b[i]! >= 0x30 && b[i]! <= 0x39)) bail();
      while (b[i]! >= 0x30 && b[i]! <= 0x39) i++;
    }
    if (b[i] === 0x65 || b[i] === 0x45) {
      simple = false;
      i++;
      if (b[i] === 0x2b || b[i] === 0x2d) i++;
      if (!(b[i]! >= 0x30 && b[i]! <= 0x39)) bail();
      while (b[i]! >= 0x30 && b[i]! <= 0x39) i++;
    }
    this.i = i;
    if (simple) return neg ? -v : v;
    return Number(latin.decode(this.b.subarray(start, i))); // JSON's grammar is a subset of Number's
  }

  /** A date string as a day number (any problem: bail). */
  date(): number {
    this.scanString();
    const { b, s0 } = this;
    if (this.plain && this.s1 - s0 === 10 && b[s0 + 4] === 0x2d && b[s0 + 7] === 0x2d) {
      let packed = 0;
      for (let k = 0; k < 10; k++) {
        if (k === 4 || k === 7) continue;
        const d = b[s0 + k]! - 0x30;
        if (d < 0 || d > 9) bail();
        packed = packed * 10 + d;
      }
      const cached = this.dayCache.get(packed);
      if (cached !== undefined) return cached;
      const day = parseIsoDate(this.stringValue()) ?? bail();
      this.dayCache.set(packed, day);
      return day;
    }
    return parseIsoDate(this.stringValue()) ?? bail();
  }

  /** After a member's value: true at `,` (more follow), false at the closing `c`. */
  next(close: number): boolean {
    this.ws();
    const c = this.b[this.i];
    this.i++;
    if (c === 0x2c) {
      this.ws();
      return true;
    }
    if (c !== close) bail();
    return false;
  }

  /**
   * Whether the bytes at `i` are `"k":` (the usual spelling of key `k`); then `i` moves past them
   * and any whitespace, and the scanned string is that key.
   */
  lit(k: Uint8Array): boolean {
    const b = this.b;
    const i = this.i;
    const len = k.length;
    if (b[i] !== 0x22 || b[i + len + 1] !== 0x22 || b[i + len + 2] !== 0x3a) return false;
    for (let j = 0; j < len; j++) if (b[i + 1 + j] !== k[j]) return false;
    this.s0 = i + 1;
    this.s1 = i + 1 + len;
    this.plain = this.clean = true;
    this.i = i + len + 3;
    this.ws();
    return true;
  }

  /** A member's key and colon; leaves `i` at the value. */
  key(): void {
    this.scanString();
    this.ws();
    this.expect(0x3a);
    this.ws();
  }

  task(): void {
    const b = this.b;
    this.expect(0x7b);
    this.ws();
    let id: string | undefined;
    let duration = -1;
    let deadline = NO_DAY;
    let notBefore = NO_DAY;
    let actualStart = NO_DAY;
    let actualFinish = NO_DAY;
    let percent = -1;
    let parent: string | undefined;
    let name = "";
    let idPlain = true;
    let idStart = 0;
    let idBytes = 0;
    if (b[this.i] === 0x7d) bail();
    do {
      if (!this.lit(K.id) && !this.lit(K.name) && !this.lit(K.duration)) this.key();
      if (!this.plain) bail();
      // Duplicate keys: the last one wins, as with JSON.parse.
      if (this.is(K.id)) {
        this.scanString();
        id = this.stringValue();
        if (id === "") bail();
        idPlain = this.plain;
        idStart = this.s0;
        idBytes = this.s1 - this.s0;
      } else if (this.is(K.duration)) {
        duration = this.number();
        if (!(duration >= 0 && duration <= MAX_WORKING_DAYS && Math.floor(duration) === duration)) bail();
      } else if (this.is(K.name)) {
        this.scanString();
        if (this.names) name = this.stringValue();
        else if (!this.clean) this.stringValue(); // escapes still checked as JSON.parse would
      } else if (this.is(K.deadline)) deadline = this.date();
      else if (this.is(K.parent)) {
        this.scanString();
        parent = this.stringValue();
      } else if (this.is(K.notBefore)) notBefore = this.date();
      else if (this.is(K.actualStart)) actualStart = this.date();
      else if (this.is(K.actualFinish)) actualFinish = this.date();
      else if (this.is(K.percent)) {
        percent = this.number();
        if (!(percent >= 0 && percent <= 100)) bail();
      } else bail();
    } while (this.next(0x7d));
    if (id === undefined) bail();
    // readTasks' and readStatus' checks, on the last value of each field.
    if (actualFinish !== NO_DAY && (actualStart === NO_DAY || actualFinish < actualStart)) bail();
    const i = this.n++;
    if (i === this.duration.length) {
      this.duration = grow(this.duration, i);
      this.deadline = grow(this.deadline, i);
      this.notBefore = grow(this.notBefore, i);
      this.actualStart = grow(this.actualStart, i);
      this.actualFinish = grow(this.actualFinish, i);
      this.percent = grow(this.percent, i);
      this.idStart = grow(this.idStart, i);
      this.idLength = grow(this.idLength, i);
    }
    if (!idPlain) this.plainIds = false;
    this.idStart[i] = idStart;
    this.idLength[i] = idBytes;
    this.ids.push(id!);
    this.names?.push(name);
    if (duration >= 0) {
      this.duration[i] = duration;
      this.totalDuration += duration;
    } else {
      this.duration[i] = 0;
      this.noDuration.push(i);
    }
    this.deadline[i] = deadline;
    this.notBefore[i] = notBefore;
    this.actualStart[i] = actualStart;
    this.actualFinish[i] = actualFinish;
    this.percent[i] = percent === -1 ? 0 : percent; // -1: absent (a given −0 stays −0)
    if (deadline !== NO_DAY && deadline < this.minDeadline) this.minDeadline = deadline;
    this.seen(deadline);
    this.seen(notBefore);
    this.seen(actualStart);
    this.seen(actualFinish);
    if (parent !== undefined) this.parentRefs.push(i, parent);
  }

  /** Widens the range of the file's dates (readDate's `ctx`). */
  seen(day: number): void {
    if (day === NO_DAY) return;
    if (day < this.minDay) this.minDay = day;
    if (day > this.maxDay) this.maxDay = day;
  }

  /** The tasks' arrays once the list has ended: ids indexed, parents resolved, summaries marked. */
  endTasks(): void {
    const n = this.n;
    let index: TaskIndex;
    if (this.plainIds) {
      const built = AsciiIdIndex.build(this.ids, this.b, this.idStart, this.idLength);
      index = built instanceof AsciiIdIndex ? built : bail();
    } else {
      const strings = new IdIndex(this.ids);
      for (let i = 0; i < n; i++) if (strings.add(i) >= 0) bail();
      index = strings;
    }
    const parent = new Int32Array(n).fill(-1);
    const isSummary = new Uint8Array(n);
    const refs = this.parentRefs;
    for (let k = 0; k < refs.length; k += 2) {
      const i = refs[k] as number;
      const j = index.get(refs[k + 1] as string);
      if (j < 0 || j === i) bail();
      parent[i] = j;
      isSummary[j] = 1;
    }
    for (const i of this.noDuration) if (!isSummary[i]) bail();
    this.tasks = {
      n,
      ids: this.ids,
      index,
      duration: this.duration.subarray(0, n),
      totalDuration: this.totalDuration,
      parent,
      isSummary,
      deadline: this.deadline.subarray(0, n),
      notBefore: this.notBefore.subarray(0, n),
      actualStart: this.actualStart.subarray(0, n),
      actualFinish: this.actualFinish.subarray(0, n),
      percent: this.percent.subarray(0, n),
    };
  }

  /**
   * Start and end of the bytes, and position, of the last `from` (slots 0–2) and `to` (3–5) id:
   * files list a task's dependencies in a row.
   */
  last = [0, 0, -1, 0, 0, -1];

  /** A dependency end (`at` 0: from, 3: to): the task's position (unknown: bail). */
  end(index: TaskIndex, at: number): number {
    this.scanString();
    const { b, s0, s1, last } = this;
    if (!this.plain) {
      const j = index.get(this.stringValue());
      return j < 0 ? bail() : j;
    }
    const len = s1 - s0;
    const l0 = last[at]!;
    if (last[at + 1]! - l0 === len && this.sameBytes(l0, s0, len)) return last[at + 2]!;
    // Then the task after the last one named here (files list dependencies in task order), whose
    // id's bytes lie in the tasks list: no hash, no random access into the index.
    const next = last[at + 2]! + 1;
    const j =
      next < this.n && this.idLength[next] === len && this.sameBytes(this.idStart[next]!, s0, len)
        ? next
        : index.getAscii(b, s0, s1);
    if (j < 0) bail();
    last[at] = s0;
    last[at + 1] = s1;
    last[at + 2] = j;
    return j;
  }

  /** Whether `b[a…a + len)` equals `b[c…c + len)`. */
  sameBytes(a: number, c: number, len: number): boolean {
    const b = this.b;
    for (let k = 0; k < len; k++) if (b[a + k] !== b[c + k]) return false;
    return true;
  }

  dependency(index: TaskIndex): void {
    const b = this.b;
    this.expect(0x7b);
    this.ws();
    let from = -1;
    let to = -1;
    let bits = 1; // FS
    let lag = 0;
    if (b[this.i] === 0x7d) bail();
    do {
      // The usual layout first: no key scan, no comparisons.
      if (!this.lit(K.from) && !this.lit(K.to) && !this.lit(K.type) && !this.lit(K.lag)) this.key();
      if (this.is(K.from)) from = this.end(index, 0);
      else if (this.is(K.to)) to = this.end(index, 3);
      else if (this.is(K.type)) {
        this.scanString();
        if (!this.plain || this.s1 - this.s0 !== 2) bail();
        const t = (b[this.s0]! << 8) | b[this.s0 + 1]!;
        // "FS" "SS" "FF" "SF" → PORT_BITS
        bits = t === 0x4653 ? 1 : t === 0x5353 ? 0 : t === 0x4646 ? 3 : t === 0x5346 ? 2 : bail();
      } else if (this.is(K.lag)) {
        lag = this.number();
        if (!(Number.isInteger(lag) && Math.abs(lag) <= MAX_WORKING_DAYS)) bail();
      } else bail();
    } while (this.next(0x7d));
    if (from < 0 || to < 0 || from === to) bail();
    const k = this.m++;
    if (k === this.from.length) {
      this.from = grow(this.from, k);
      this.to = grow(this.to, k);
      this.lag = grow(this.lag, k);
      this.bits = grow(this.bits, k);
    }
    this.from[k] = from;
    this.to[k] = to;
    this.lag[k] = lag;
    this.bits[k] = bits;
    this.totalLag += Math.abs(lag);
  }

  /** A list at `i`, each element read by `element`. */
  list(element: () => void): void {
    this.expect(0x5b);
    this.ws();
    if (this.b[this.i] === 0x5d) {
      this.i++;
      return;
    }
    do element();
    while (this.next(0x5d));
  }

  /** Index after the JSON value at `i` (strings and nesting tracked; JSON.parse checks the rest). */
  valueEnd(): number {
    const b = this.b;
    const c = b[this.i];
    if (c === 0x22) {
      this.scanString();
      return this.i;
    }
    if (c !== 0x7b && c !== 0x5b) {
      let k = this.i;
      while (
        k < b.length &&
        b[k] !== 0x2c &&
        b[k] !== 0x7d &&
        b[k] !== 0x5d &&
        b[k] !== 0x20 &&
        b[k] !== 0x0a
      )
        k++;
      return k;
    }
    let depth = 0;
    for (let k = this.i; k < b.length; k++) {
      const x = b[k];
      if (x === 0x22) {
        this.i = k;
        this.scanString();
        k = this.i - 1;
      } else if (x === 0x7b || x === 0x5b) depth++;
      else if ((x === 0x7d || x === 0x5d) && --depth === 0) return k + 1;
    }
    return bail();
  }

  file(options: ScheduleOptions): ScheduleInput | undefined {
    const b = this.b;
    // The top-level fields other than the two lists, as JSON.parse gives them.
    const top: Record<string, unknown> = {};
    this.ws();
    this.expect(0x7b);
    this.ws();
    if (b[this.i] === 0x7d) bail();
    do {
      this.key();
      const name = this.plain ? latin.decode(b.subarray(this.s0, this.s1)) : this.stringValue();
      if (name === "tasks") {
        if (this.tasks) bail();
        this.list(() => this.task());
        this.endTasks();
        top.tasks = [];
      } else if (name === "dependencies") {
        const index = this.tasks?.index ?? bail();
        if (this.m > 0 || top.dependencies) bail();
        this.list(() => this.dependency(index));
        top.dependencies = [];
      } else if (name === "__proto__") bail();
      else {
        const start = this.i;
        const end = this.valueEnd();
        top[name] = JSON.parse(utf8.decode(b.subarray(start, end)));
        this.i = end;
      }
    } while (this.next(0x7d));
    this.ws();
    if (this.i !== b.length || !this.tasks) bail();
    const projectStart = parseIsoDate(top.projectStart);
    if (projectStart === undefined || this.minDeadline < projectStart) bail();
    const deps: DependencyArrays = {
      m: this.m,
      from: this.from.subarray(0, this.m),
      to: this.to.subarray(0, this.m),
      lag: this.lag.subarray(0, this.m),
      bits: this.bits.subarray(0, this.m),
      totalLag: this.totalLag,
    };
    const [input, problems] = readScheduleInput(top, options, {
      tasks: this.tasks!,
      deps,
      minDay: this.minDay,
      maxDay: this.maxDay,
    });
    return problems.list.length === 0 ? input : undefined;
  }
}
