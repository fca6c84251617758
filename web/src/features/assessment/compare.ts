/**
 * Comparison of two assessment snapshots (考核对比): for each entity of the current snapshot, its
 * rank change and score delta against an earlier snapshot. Pure, so it is unit-tested.
 */

/** The part of a scored entity the comparison reads. */
export interface Scored {
  readonly id: string;
  readonly name: string;
  readonly score: number | null;
  readonly rank: number | null;
}

/** How an entity moved between the two snapshots. */
export type Movement = "up" | "down" | "same" | "new" | "unranked";

/** One row of the comparison. */
export interface ComparedRow {
  readonly id: string;
  readonly name: string;
  readonly rank: number | null;
  readonly score: number | null;
  readonly previousRank: number | null;
  readonly previousScore: number | null;
  /** Places gained (positive: moved up the ranking, e.g. 5th → 2nd is +3); null when not comparable. */
  readonly rankChange: number | null;
  /** Score now minus score then, in points out of 100; null when either is missing. */
  readonly scoreDelta: number | null;
  readonly movement: Movement;
}

/**
 * Compares `current` against `earlier` (either may be in any order): rows in the current ranking's
 * order (unranked last), each with its rank change and score delta. An entity missing from the
 * earlier snapshot is `new`; one without a rank now is `unranked`.
 * @example compareRankings([{id:"a",name:"A",score:80,rank:1}], [{id:"a",name:"A",score:70,rank:2}])
 *   // → [{ id: "a", rankChange: 1, scoreDelta: 10, movement: "up", … }]
 */
export function compareRankings(current: readonly Scored[], earlier: readonly Scored[]): ComparedRow[] {
  const before = new Map(earlier.map((e) => [e.id, e]));
  const rows = current.map((c): ComparedRow => {
    const e = before.get(c.id);
    const previousRank = e?.rank ?? null;
    const previousScore = e?.score ?? null;
    const rankChange = c.rank !== null && previousRank !== null ? previousRank - c.rank : null;
    const scoreDelta =
      c.score !== null && previousScore !== null ? roundTenth(c.score - previousScore) : null;
    return {
      id: c.id,
      name: c.name,
      rank: c.rank,
      score: c.score,
      previousRank,
      previousScore,
      rankChange,
      scoreDelta,
      movement: movementOf(c, e, rankChange),
    };
  });
  return rows.sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY));
}

function movementOf(c: Scored, e: Scored | undefined, rankChange: number | null): Movement {
  if (c.rank === null) return "unranked";
  if (!e || e.rank === null) return "new";
  if (rankChange === null || rankChange === 0) return "same";
  return rankChange > 0 ? "up" : "down";
}

/** Rounds to one decimal place, so float noise (80.1 − 70.2) never shows as 9.899999. */
export function roundTenth(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Snapshots' labels for a picker: status date, then the time taken (as `time` formats it) when a date repeats. */
export function snapshotLabel(
  s: { statusDate: string; takenAt: string },
  repeated: boolean,
  time: (iso: string) => string = (iso) => iso.slice(0, 16).replace("T", " "),
): string {
  return repeated ? `${s.statusDate} (${time(s.takenAt)})` : s.statusDate;
}
