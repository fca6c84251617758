import { describe, expect, it } from "vitest";
import { canvasSize, safeMagnify } from "./canvas-size";

describe("canvasSize", () => {
  it("keeps one texel per CSS pixel on an ordinary screen", () => {
    expect(canvasSize(1872, 940, 1, 1)).toEqual({
      backingWidth: 1872,
      backingHeight: 940,
      width: 1872,
      height: 940,
      pixelRatio: 1,
    });
  });

  it("draws the 1920×1080 layout twice as large on a 3840×2160 screen, with a full-size backing store", () => {
    const s = canvasSize(3744, 1880, 1, 2);
    expect([s.backingWidth, s.backingHeight]).toEqual([3744, 1880]);
    expect([s.width, s.height]).toEqual([1872, 940]);
    expect(s.pixelRatio).toBe(2);
  });

  it("sizes the backing store to device pixels on a high-density screen", () => {
    const s = canvasSize(1872, 940.5, 2, 1);
    expect([s.backingWidth, s.backingHeight]).toEqual([3744, 1881]);
    expect(s.pixelRatio).toBe(2);
  });

  it("multiplies density and magnification", () => {
    expect(canvasSize(1000, 500, 1.5, 2).pixelRatio).toBe(3);
    expect(canvasSize(1000, 500, 1.5, 2).width).toBe(500);
  });

  it("treats a broken ratio or magnification as 1", () => {
    expect(canvasSize(100, 50, 0, Number.NaN)).toMatchObject({
      backingWidth: 100,
      width: 100,
      pixelRatio: 1,
    });
    expect(safeMagnify(-2)).toBe(1);
    expect(safeMagnify(undefined)).toBe(1);
    expect(safeMagnify(1.25)).toBe(1.25);
  });
});
