import { int32 } from "./scratch.js";

/** What the readers ask of an id index. */
export interface TaskIndex {
  /** Position of `id`, or −1. */
  get(id: string): number;
  /** Position of the id spelt by ASCII bytes `b[from…to)`, or −1. */
  getAscii(b: Uint8Array, from: number, to: number): number;
}

/**
 * Task id → input position, an open-addressing hash table over typed arrays. Two to four times
 * faster than a `Map<string, number>` at a million ids: strings from `JSON.parse` are not
 * internalised, and one flat probe sequence touches fewer cache lines than the Map's chains.
 */
export class IdIndex implements TaskIndex {
  readonly #ids: readonly string[];
  /** Pairs (position + 1, hash) side by side: one cache line per probe; 0 = empty. */
  readonly #table: Int32Array;
  readonly #mask: number;

  /** An empty index over `ids` (positions refer into it), sized for `ids.length` entries. */
  constructor(ids: readonly string[]) {
    let cap = 16;
    while (cap < ids.length * 2) cap *= 2;
    this.#ids = ids;
    this.#table = int32(2 * cap);
    this.#mask = cap - 1;
  }

  /** FNV-1a over UTF-16 code units. */
  static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
    return h;
  }

  /** Adds `ids[i]`; returns −1, or the position already holding that id (then nothing changes). */
  add(i: number): number {
    const id = this.#ids[i]!;
    const h = IdIndex.hash(id);
    const t = this.#table;
    let k = h & this.#mask;
    for (let j = t[2 * k]!; j > 0; j = t[2 * k]!) {
      if (t[2 * k + 1] === h && this.#ids[j - 1] === id) return j - 1;
      k = (k + 1) & this.#mask;
    }
    t[2 * k] = i + 1;
    t[2 * k + 1] = h;
    return -1;
  }

  /** Position of the id spelt by ASCII bytes `b[from…to)` (same hash: one code unit per byte), or −1. */
  getAscii(b: Uint8Array, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ b[i]!, 16777619);
    const t = this.#table;
    const len = to - from;
    let k = h & this.#mask;
    for (let j = t[2 * k]!; j > 0; j = t[2 * k]!) {
      if (t[2 * k + 1] === h) {
        const id = this.#ids[j - 1]!;
        let same = id.length === len;
        for (let c = 0; same && c < len; c++) same = id.charCodeAt(c) === b[from + c];
        if (same) return j - 1;
      }
      k = (k + 1) & this.#mask;
    }
    return -1;
  }

  /** Position of `id`, or −1. */
  get(id: string): number {
    const h = IdIndex.hash(id);
    const t = this.#table;
    let k = h & this.#mask;
    for (let j = t[2 * k]!; j > 0; j = t[2 * k]!) {
      if (t[2 * k + 1] === h && this.#ids[j - 1] === id) return j - 1;
      k = (k + 1) & this.#mask;
    }
    return -1;
  }
}

/**
 * Task id → input position for ids that are plain ASCII in the file (read-schedule-bytes.ts), built
 * from their bytes. Each slot holds the position and the id's first 12 bytes (0-padded: plain ids
 * contain no 0 byte), so an id shorter than 12 bytes is told apart within the slot itself: one
 * cache miss per lookup instead of three (slot, ids array, string).
 */
export class AsciiIdIndex implements TaskIndex {
  readonly #ids: readonly string[];
  /** Slots of (position + 1, bytes 0–3, 4–7, 8–11); position 0 = empty. */
  readonly #table: Int32Array;
  /** The same, direct-mapped, for ids found lately (64 KB: stays in the CPU's cache). */
  readonly #recent = new Int32Array(4 * (RECENT_MASK + 1));
  readonly #mask: number;

  /** Indexes `ids`, whose bytes are `b[start[i] … start[i] + length[i])`; returns a duplicate's (i, j) or the index. */
  static build(
    ids: readonly string[],
    b: Uint8Array,
    start: Int32Array,
    length: Int32Array,
  ): AsciiIdIndex | [number, number] {
    const index = new AsciiIdIndex(ids);
    for (let i = 0; i < ids.length; i++) {
      const dup = index.#find(b, start[i]!, start[i]! + length[i]!, i);
      if (dup >= 0) return [i, dup];
    }
    return index;
  }

  private constructor(ids: readonly string[]) {
    let cap = 16;
    while (cap < ids.length * 2) cap *= 2;
    this.#ids = ids;
    this.#table = new Int32Array(4 * cap);
    this.#mask = cap - 1;
  }

  /**
   * Position of the id spelt by `b[from…to)`, or −1; with `add` ≥ 0, an absent id is added at that
   * position (and −1 returned).
   */
  #find(b: Uint8Array, from: number, to: number, add = -1): number {
    const len = to - from;
    let h = 0x811c9dc5;
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    for (let i = 0; i < len; i++) {
      const c = b[from + i]!;
      h = Math.imul(h ^ c, 16777619);
      if (i < 4) w0 |= c << (8 * i);
      else if (i < 8) w1 |= c << (8 * (i - 4));
      else if (i < 12) w2 |= c << (8 * (i - 8));
    }
    // Files name the same few hundred tasks over and over (a task force's dependencies): a small
    // cache of recent short ids answers most lookups without touching the large table.
    const r = this.#recent;
    const q = (h & RECENT_MASK) << 2;
    if (add < 0 && len < 12 && r[q + 1] === w0 && r[q + 2] === w1 && r[q + 3] === w2 && r[q]! > 0)
      return r[q]! - 1;
    const t = this.#table;
    let k = (h & this.#mask) << 2;
    for (let j = t[k]!; j > 0; j = t[k]!) {
      if (t[k + 1] === w0 && t[k + 2] === w1 && t[k + 3] === w2) {
        if (len < 12) {
          r[q] = j;
          r[q + 1] = w0;
          r[q + 2] = w1;
          r[q + 3] = w2;
          return j - 1;
        }
        const id = this.#ids[j - 1]!;
        let same = id.length === len;
        for (let c = 12; same && c < len; c++) same = id.charCodeAt(c) === b[from + c];
        if (same) return j - 1;
      }
      k = (k + 4) & ((this.#mask << 2) | 3);
    }
    if (add >= 0) {
      t[k] = add + 1;
      t[k + 1] = w0;
      t[k + 2] = w1;
      t[k + 3] = w2;
    }
    return -1;
  }

  /** Position of the id spelt by ASCII bytes `b[from…to)`, or −1. */
  getAscii(b: Uint8Array, from: number, to: number): number {
    return this.#find(b, from, to);
  }

  /** Position of `id`, or −1. */
  get(id: string): number {
    const b = new Uint8Array(id.length);
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      if (c >= 0x80 || c === 0) return -1; // every indexed id is plain ASCII
      b[i] = c;
    }
    return this.#find(b, 0, b.length);
  }
}

const RECENT_MASK = 4095;
