/**
 * Rounds away float noise (0.1 + 0.2 → 0.3): to 6 decimal places, symmetric about zero. Values of
 * 9 × 10⁹ and more are left as they are: scaled by 10⁶ they pass 2⁵³, where doubles skip integers.
 */
export function roundCascadeValue(x: number): number {
  if (!(Math.abs(x) < 9e9)) return x;
  return (Math.sign(x) * Math.round(Math.abs(x) * 1e6)) / 1e6 + 0;
}
