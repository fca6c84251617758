import type { OverviewIndicator } from "../../api/types";
import { IndicatorCard } from "../overview/IndicatorCard";
import { DESIGN } from "./layout";

/** Columns of the indicator grid; rows follow from the page size (20 → 4 rows). */
const COLUMNS = 5;

/** An indicators slide (design px, filling its box): one page of indicator cards in a grid. */
export function IndicatorsSlide({
  indicators,
  perPage,
}: {
  indicators: readonly OverviewIndicator[];
  perPage: number;
}) {
  return (
    <div
      style={{
        display: "grid",
        height: "100%",
        gap: DESIGN.gap,
        gridTemplateColumns: `repeat(${COLUMNS}, minmax(0, 1fr))`,
        gridTemplateRows: `repeat(${Math.max(1, Math.ceil(perPage / COLUMNS))}, minmax(0, 1fr))`,
      }}
    >
      {indicators.map((ind) => (
        <IndicatorCard key={ind.id} ind={ind} dark fill />
      ))}
    </div>
  );
}
