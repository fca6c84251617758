/** The order of "my tasks" on a phone: what needs acting on first, finished work last. */
import type { LightColor } from "../../api/types";

const RANK: Readonly<Record<LightColor, number>> = { red: 0, yellow: 1, green: 2, grey: 3, blue: 4 };

/**
 * Tasks worst light first (red, yellow, green, not yet due, done), then the earliest deadline,
 * then WBS code. A task without a light (not yet computed) goes with the green ones.
 */
export function byUrgency<T extends { id: string; code: string; deadline?: string | null }>(
  tasks: readonly T[],
  lightOf: (id: string) => LightColor | undefined,
): T[] {
  const rank = (t: T) => RANK[lightOf(t.id) ?? "green"];
  return [...tasks].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999") ||
      a.code.localeCompare(b.code),
  );
}
