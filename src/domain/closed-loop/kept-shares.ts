/**
 * What a read model keeps per task force ("" for the district-level indicators) for the records of
 * one data stamp of the closed-loop snapshot and one key (status date, settings), one store per
 * open database: the overview's parts and the dispatch report's sections.
 */
export class KeptShares<E> {
  readonly #kept = new Map<string, { stamp: number; key: string; value: E }>();
  /** Values made and reused so far; `unsplit`: reads that could not be made of shares (tests, diagnostics). */
  readonly stats = { computed: 0, reused: 0, unsplit: 0 };

  /**
   * The value of share `tf` under `stamp` and `key`: the kept one while both are unchanged, else
   * `make()`'s, kept when the stamp is known (none: a narrowed view's district share, never kept).
   */
  get(tf: string, stamp: number | undefined, key: string, make: () => E): E {
    const hit = stamp === undefined ? undefined : this.#kept.get(tf);
    if (hit && hit.stamp === stamp && hit.key === key) {
      this.stats.reused++;
      return hit.value;
    }
    this.stats.computed++;
    const value = make();
    if (stamp !== undefined) this.#kept.set(tf, { stamp, key, value });
    return value;
  }

  /**
   * Forgets task forces no longer in the whole view (deleted). Only a whole view knows which those
   * are: a reader of two task forces must not make everyone else's shares be made again.
   */
  forgetGone(keys: readonly string[]): void {
    if (this.#kept.size <= keys.length) return;
    const wanted = new Set(keys);
    for (const tf of this.#kept.keys()) if (!wanted.has(tf)) this.#kept.delete(tf);
  }
}

/** The store of `database` in `stores`, made on first use. */
export function keptSharesOf<E>(stores: WeakMap<object, KeptShares<E>>, database: object): KeptShares<E> {
  let store = stores.get(database);
  if (!store) {
    store = new KeptShares<E>();
    stores.set(database, store);
  }
  return store;
}

/** The stamp share `tf` is kept under: none for a narrowed view's district share (it has no district-level indicators). */
export const shareStamp = (view: { stamps: ReadonlyMap<string, number>; narrowed: boolean }, tf: string) =>
  tf === "" && view.narrowed ? undefined : view.stamps.get(tf);
