import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cyclesOf } from "./plan-tasks.js";

const graph = (pairs: readonly (readonly [number, number])[]) => {
  const edges = new Map<string, string[]>();
  for (const [a, b] of pairs) edges.set(`n${a}`, [...(edges.get(`n${a}`) ?? []), `n${b}`]);
  return edges;
};

describe("cyclesOf", () => {
  it("finds none in a graph whose edges all go forward, and a real cycle once one goes back", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { maxLength: 80 }),
        fc.tuple(fc.nat(30), fc.nat(30)),
        (raw, [x, y]) => {
          const forward = raw.filter(([a, b]) => a < b);
          expect(cyclesOf(graph(forward))).toEqual([]);
          if (x === y) return;
          // A path lo → hi, then hi → lo: at least one cycle, and every one found is a cycle.
          const [lo, hi] = x < y ? [x, y] : [y, x];
          const edges = graph([...forward, [lo, hi], [hi, lo]]);
          const cycles = cyclesOf(edges);
          expect(cycles.length).toBeGreaterThan(0);
          for (const c of cycles)
            for (const [i, from] of c.entries()) expect(edges.get(from)).toContain(c[(i + 1) % c.length]);
        },
      ),
    );
  });

  it("finds the one cycle of a 100,000-edge chain closed at its end", () => {
    const pairs = Array.from({ length: 100_000 }, (_, i) => [i, i + 1] as const);
    const cycles = cyclesOf(graph([...pairs, [100_000, 0]]));
    expect(cycles.map((c) => c.length)).toEqual([100_001]);
  });
});
