import { useTranslation } from "react-i18next";
import type { Overview, OverviewIndicator, OverviewTaskForce } from "../../api/types";
import { LIGHT_HEX } from "../../charts/colors";
import { LightTag } from "../../components/LightTag";
import { IndicatorCard } from "./IndicatorCard";
import { LightCountsBar } from "./LightCountsBar";

/** Key indicators on the overview slide: two rows of four. */
const KEY_INDICATORS = 8;

const grid = (columns: number, rows: number) =>
  ({
    display: "grid",
    gap: 16,
    gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))`,
    minHeight: 0,
  }) as const;

/**
 * The big screen's overview slide, filling its box (laid out in 1920×1080 design px): counts by
 * light, every task force as a lit tile, and the key indicators.
 */
export function BigScreenOverview({
  overview,
  indicators,
}: {
  overview: Overview;
  indicators: OverviewIndicator[];
}) {
  const columns = Math.max(1, Math.min(5, overview.taskForces.length));
  const rows = Math.max(1, Math.ceil(overview.taskForces.length / columns));
  const keys = indicators.slice(0, KEY_INDICATORS);
  return (
    <div style={{ display: "grid", gridTemplateRows: "auto 1fr 1.5fr", gap: 16, height: "100%" }}>
      <LightCountsBar counts={overview.counts} large />
      <div style={grid(columns, rows)}>
        {overview.taskForces.map((tf) => (
          <TaskForceTile key={tf.id} tf={tf} />
        ))}
      </div>
      <div style={grid(4, Math.max(1, Math.ceil(keys.length / 4)))}>
        {keys.map((ind) => (
          <IndicatorCard key={ind.id} ind={ind} dark fill />
        ))}
      </div>
    </div>
  );
}

/** One task force as a tile framed in its light. */
function TaskForceTile({ tf }: { tf: OverviewTaskForce }) {
  const { t } = useTranslation();
  return (
    <div
      data-tf={tf.code}
      style={{
        border: `3px solid ${LIGHT_HEX[tf.light]}`,
        borderRadius: 8,
        padding: 12,
        background: "#0d1b33",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        minHeight: 0,
      }}
    >
      <div style={{ fontSize: 22, fontWeight: 700 }}>
        {tf.code} {tf.name}
      </div>
      <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
        <LightTag color={tf.light} reasons={tf.reasons} />
        <span>
          {t("lights.red")} {tf.counts.red} · {t("lights.yellow")} {tf.counts.yellow} · {t("overview.score")}{" "}
          {tf.score === null ? "—" : Math.round(tf.score)}
        </span>
      </div>
    </div>
  );
}
