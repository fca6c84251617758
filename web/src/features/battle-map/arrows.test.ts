import { describe, expect, it } from "vitest";
import { ARROW_STUB, routeArrow } from "./arrows";

const from = { x0: 100, x1: 200, y: 10 };
const pairs = (pts: readonly number[]) => pts.flatMap((_, i) => (i % 2 ? [] : [[pts[i]!, pts[i + 1]!]]));
const orthogonal = (pts: readonly number[]) =>
  pairs(pts).every(([x, y], i, all) => i === 0 || x === all[i - 1]![0] || y === all[i - 1]![1]);

describe("routeArrow", () => {
  it("FS with room: out of the predecessor's end, down, into the successor's start", () => {
    const r = routeArrow("FS", from, { x0: 260, x1: 300, y: 38 });
    expect(r.points).toEqual([200, 10, 200 + ARROW_STUB, 10, 200 + ARROW_STUB, 38, 260, 38]);
    expect(r.headDir).toBe(1);
  });
  it("FS without room: doubles back between the rows", () => {
    const r = routeArrow("FS", from, { x0: 150, x1: 190, y: 38 });
    expect(r.points.slice(0, 2)).toEqual([200, 10]);
    expect(r.points.slice(-2)).toEqual([150, 38]);
    expect(r.points).toHaveLength(12);
    expect(r.points[5]).toBeGreaterThan(10);
    expect(r.points[5]).toBeLessThan(38);
    expect(orthogonal(r.points)).toBe(true);
  });
  it("SS leaves the start leftwards and enters the successor's start", () => {
    const r = routeArrow("SS", from, { x0: 120, x1: 160, y: 38 });
    expect(r.points.slice(0, 4)).toEqual([100, 10, 100 - ARROW_STUB, 10]);
    expect(r.points.slice(-2)).toEqual([120, 38]);
    expect(r.headDir).toBe(1);
    expect(orthogonal(r.points)).toBe(true);
  });
  it("FF and SF enter the successor's end, pointing left", () => {
    const ff = routeArrow("FF", from, { x0: 120, x1: 180, y: 66 });
    expect(ff.points.slice(-2)).toEqual([180, 66]);
    expect(ff.headDir).toBe(-1);
    const sf = routeArrow("SF", from, { x0: 20, x1: 60, y: 66 });
    expect(sf.points.slice(0, 2)).toEqual([100, 10]);
    expect(sf.points.slice(-2)).toEqual([60, 66]);
    expect(sf.headDir).toBe(-1);
    expect(orthogonal(ff.points) && orthogonal(sf.points)).toBe(true);
  });
  it("routes upwards too (successor above)", () => {
    const r = routeArrow("FS", from, { x0: 150, x1: 190, y: -18 });
    expect(r.points[5]).toBeLessThan(10);
    expect(r.points[5]).toBeGreaterThan(-18);
  });
});
