import type { ThemeSpec } from "../battle-map/theme";
import { claimedColor } from "./claimed-marks";

/** The legend's swatch of a claimed completion: a hatched bar in a dashed outline (SVG, 22×14). */
export function ClaimedLegendSwatch({ spec }: { spec: Pick<ThemeSpec, "theme"> }) {
  const c = claimedColor(spec);
  return (
    <>
      <rect
        x="2"
        y="3"
        width="18"
        height="8"
        fill="none"
        stroke={c}
        strokeWidth="1.5"
        strokeDasharray="3 2"
      />
      <path d="M4 11 L10 3 M9 11 L15 3 M14 11 L20 3" stroke={c} strokeWidth="1.2" />
    </>
  );
}
