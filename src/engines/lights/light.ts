/**
 * The vocabulary every light and finding shares: colours, their severity order, and reasons that
 * carry a stable code, the numbers behind them and a ready zh/en sentence.
 */

import { LIGHT_COLORS, type LightColor, type LocalizedText } from "../../vocabulary/index.js";

export type { LightColor, LocalizedText };

/** Values a reason's sentence was built from (dates `YYYY-MM-DD`, numbers in the unit the code names). */
export type ReasonParams = Readonly<Record<string, string | number>>;

/** Why a light has its colour: a stable `code` for machines, `params` and a zh/en `text` for people. */
export interface Reason {
  readonly code: string;
  readonly params: ReasonParams;
  readonly text: LocalizedText;
}

/** A colour and every reason, at that colour, that produced it. */
export interface Light {
  readonly color: LightColor;
  readonly reasons: readonly Reason[];
}

/**
 * Severity used to aggregate lights (a parent shows its worst child): red 4 > yellow 3 > green 2 >
 * grey 1 > blue 0. Work not yet due (grey) outranks work done (blue), so a task force is blue only
 * when everything in it is done; any live work (green) outranks work not yet due.
 */
export const LIGHT_SEVERITY: Readonly<Record<LightColor, number>> = Object.freeze({
  blue: 0,
  grey: 1,
  green: 2,
  yellow: 3,
  red: 4,
});

/** Colours from worst to best, in {@link LIGHT_SEVERITY} order. */
export const LIGHT_COLORS_WORST_FIRST: readonly LightColor[] = LIGHT_COLORS;

/** The worse of two colours by {@link LIGHT_SEVERITY}. Example: `worseColor("green", "grey") === "green"`. */
export function worseColor(a: LightColor, b: LightColor): LightColor {
  return LIGHT_SEVERITY[a] >= LIGHT_SEVERITY[b] ? a : b;
}

/** Builds a {@link Reason} (the params object is kept, not copied: pass a fresh one). */
export function reason(code: string, params: ReasonParams, zh: string, en: string): Reason {
  return { code, params, text: { zh: flat(zh), en: flat(en) } };
}

/**
 * The same string, stored flat. A template literal yields a tree of pieces (one heap object per
 * piece); reasons outlive the call that builds them, and thousands of flat strings are much cheaper to
 * keep and to garbage-collect than thousands of trees (~40 % less memory, a fraction of the objects).
 * Reading one character makes the engine flatten the tree in place.
 */
function flat(s: string): string {
  if (s.length > 1) s.charCodeAt(s.length - 1);
  return s;
}

/** Rounds a number for display in a reason's text (at most `digits` decimals, no trailing zeros). */
export function fmt(n: number, digits = 1): string {
  const f = 10 ** digits;
  return String(Math.round(n * f) / f);
}
