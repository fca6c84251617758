import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rollUp } from "./roll-up.js";
import { roundCascadeValue } from "./round-cascade-value.js";
import { splitMonthly, splitTarget } from "./split.js";
import type { CascadeIndicator, CascadeReading, TargetSplit } from "./types.js";

/** A basis of 1–12 non-negative values, not all zero, as shares or last year's actuals. */
const arbBasis = fc
  .array(fc.oneof(fc.nat(1000), fc.double({ min: 1e-3, max: 1e6, noNaN: true })), {
    minLength: 1,
    maxLength: 12,
  })
  .filter((xs) => xs.some((x) => x > 0));
const arbSplit: fc.Arbitrary<{ split: TargetSplit; n: number }> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n) => ({ split: { method: "even" } as const, n })),
  arbBasis.map((shares) => ({ split: { method: "shares", shares } as const, n: shares.length })),
  arbBasis.map((lastYear) => ({ split: { method: "last-year", lastYear } as const, n: lastYear.length })),
);
/** A target with 0–4 decimals, as typed: `units / 10^decimals`. */
const arbTarget = fc
  .record({ units: fc.integer({ min: -1e9, max: 1e9 }), decimals: fc.integer({ min: 0, max: 4 }) })
  .map(({ units, decimals }) => ({ units, decimals, target: units / 10 ** decimals }));
const basisOf = (split: TargetSplit, n: number): readonly number[] =>
  split.method === "even" ? Array(n).fill(1) : split.method === "shares" ? split.shares : split.lastYear;

describe("cascade properties", () => {
  it("splits a cumulative target into parts that sum exactly and stay within one unit of their share", () => {
    fc.assert(
      fc.property(arbTarget, arbSplit, ({ units, decimals, target }, { split, n }) => {
        const scale = 10 ** decimals;
        const parts = splitTarget({ kind: "cumulative", target, decimals }, split, n);
        expect(parts.reduce((s, p) => s + Math.round(p.target * scale), 0)).toBe(units);
        expect(Number(parts.reduce((s, p) => s + p.target, 0).toFixed(decimals))).toBe(target);
        const basis = basisOf(split, n);
        const sum = basis.reduce((a, b) => a + b, 0);
        parts.forEach((p, i) => {
          expect(Math.round(p.target * scale) / scale + 0).toBe(p.target); // on the rounding grid
          expect(Math.abs(p.target - (target * basis[i]!) / sum)).toBeLessThan(1 / scale + 1e-6);
        });
      }),
    );
  });

  it("gives a rate's or level's children weights whose weighted result is the parent's target", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("rate" as const, "level" as const),
        fc.double({ min: -100, max: 100, noNaN: true }),
        arbSplit,
        (kind, raw, { split, n }) => {
          const target = Math.round(raw * 100) / 100;
          const parts = splitTarget({ kind, target }, split, n);
          const weights = parts.reduce((s, p) => s + p.weight, 0);
          const weighted = parts.reduce((s, p) => s + p.weight * p.target, 0) / weights;
          expect(roundCascadeValue(weighted)).toBe(target + 0); // −0 rounds to 0
        },
      ),
    );
  });

  it("spreads a target over the months without going back, ending exactly at it", () => {
    fc.assert(
      fc.property(
        arbTarget.filter((t) => t.units >= 0),
        fc.array(fc.nat(40), { minLength: 12, maxLength: 12 }).filter((xs) => xs.some((x) => x > 0)),
        fc.boolean(),
        ({ target }, values, byDays) => {
          const split = byDays
            ? ({ method: "working-days", workingDays: values } as const)
            : ({ method: "profile", monthly: values } as const);
          const plan = Object.values(splitMonthly(target, 2022, split));
          expect(plan).toHaveLength(12);
          expect(plan[11]).toBe(target);
          for (let k = 1; k < 12; k++) expect(plan[k]!).toBeGreaterThanOrEqual(plan[k - 1]!);
        },
      ),
    );
  });

  it("rolls a random cumulative tree up to the sum of its leaves when every leaf reports", () => {
    const arbTree = fc
      .array(fc.record({ parent: fc.nat(), value: fc.integer({ min: -5000, max: 5000 }) }), {
        minLength: 1,
        maxLength: 60,
      })
      .map((nodes) => nodes.map((x, i) => ({ parent: i === 0 ? -1 : x.parent % i, value: x.value })));
    fc.assert(
      fc.property(arbTree, fc.integer({ min: 1, max: 12 }), (nodes, last) => {
        const indicators: CascadeIndicator[] = nodes.map((x, i) => ({
          id: `n${i}`,
          parentId: x.parent < 0 ? null : `n${x.parent}`,
          kind: "cumulative",
          direction: "up",
          target: 0,
        }));
        const isLeaf = nodes.map((_, i) => !nodes.some((x) => x.parent === i));
        const periods = Array.from({ length: last }, (_, k) => `2022-${String(k + 1).padStart(2, "0")}`);
        const readings: CascadeReading[] = nodes.flatMap((x, i) =>
          isLeaf[i]
            ? periods.map((period, k) => ({
                indicatorId: `n${i}`,
                period,
                actual: (x.value * (k + 1)) / 100,
              }))
            : [],
        );
        // Shuffled input order: the engine must not depend on parents coming first.
        const rolled = rollUp([...indicators].reverse(), readings, periods);
        const leafSum = nodes.reduce((s, x, i) => s + (isLeaf[i] ? x.value : 0), 0);
        const root = rolled.get("n0")!;
        root.months.forEach((m, k) => {
          expect(m.actual).toBe((leafSum * (k + 1)) / 100); // in hundredths: exact
          expect(m.source).toBe(nodes.length === 1 ? "reported" : "computed");
          expect(m.missing).toEqual([]);
        });
      }),
    );
  });
});
