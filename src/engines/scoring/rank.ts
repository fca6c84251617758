/**
 * Ranking (排名): order by score, break ties by fewer red lights, then share the rank.
 */

/** What ranking needs of an entity. */
export interface Rankable {
  readonly id: string;
  readonly score: number | null;
  readonly redLights: number;
}

/**
 * Sorts by score (descending; unscored last), then red lights (ascending), then id (only to make the
 * order stable — ids do not decide rank) and gives competition ranks: entities equal in score and red
 * lights share a rank, and the next rank skips (1, 2, 2, 4). Unscored entities get rank `null`.
 * Example: scores 90 (1 red), 90 (0 red), 80 → ranks 2, 1, 3.
 */
export function rankEntities<T extends Rankable>(
  entities: readonly T[],
): (T & { readonly rank: number | null })[] {
  const sorted = [...entities].sort(
    (a, b) =>
      (b.score ?? Number.NEGATIVE_INFINITY) - (a.score ?? Number.NEGATIVE_INFINITY) ||
      a.redLights - b.redLights ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const out: (T & { readonly rank: number | null })[] = [];
  sorted.forEach((e, k) => {
    const prev = out[k - 1];
    let rank: number | null = null;
    if (e.score !== null) {
      rank = prev && prev.score === e.score && prev.redLights === e.redLights ? prev.rank : k + 1;
    }
    out.push({ ...e, rank });
  });
  return out;
}
