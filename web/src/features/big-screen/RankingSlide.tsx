import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { EntityScore, OverviewTaskForce } from "../../api/types";
import { EChart } from "../../components/EChart";
import { RankingTable } from "../overview/RankingTable";
import { COLORS, DESIGN } from "./layout";
import { buildScoreChartOption } from "./score-chart";

/** Height of the ranking table's header row at the big screen's type size (design px). */
const TABLE_HEADER = 72;
/** Rows never get lower than this (design px); more task forces than fit make the table scroll. */
const MIN_ROW = 48;

/**
 * The ranking slide (design px, `height` tall): the ranking table, its rows stretched to fill
 * the height, beside each task force's score broken into its three parts.
 */
export function RankingSlide({
  rows,
  height,
}: {
  rows: (EntityScore & { taskForce?: OverviewTaskForce })[];
  height: number;
}) {
  const { t } = useTranslation();
  const rowHeight = Math.max(MIN_ROW, Math.floor((height - TABLE_HEADER) / Math.max(1, rows.length)));
  const option = useMemo(
    () =>
      buildScoreChartOption(
        rows.map((r) => ({
          name: r.name,
          milestones: r.components.milestones.points,
          indicators: r.components.indicators.points,
          supervision: r.components.supervision.points,
        })),
        {
          milestones: t("overview.milestones"),
          indicators: t("overview.indicatorPts"),
          supervision: t("overview.supervisionPts"),
        },
      ),
    [rows, t],
  );
  return (
    <div style={{ display: "flex", gap: DESIGN.gap, height }}>
      <div style={{ width: DESIGN.rankingWidth, flex: "none", minHeight: 0 }}>
        <RankingTable rows={rows} large rowHeight={rowHeight} />
      </div>
      <section
        aria-label={t("bigScreen.scoreBreakdown")}
        style={{
          flex: "1 1 0",
          minWidth: 0,
          display: "flex",
          flexDirection: "column",
          padding: 16,
          background: COLORS.panel,
          border: `1px solid ${COLORS.edge}`,
          borderRadius: 8,
        }}
      >
        <div style={{ fontSize: 24, fontWeight: 600, marginBottom: 8 }}>{t("bigScreen.scoreBreakdown")}</div>
        <div style={{ flex: "1 1 0", minHeight: 0 }}>
          <EChart option={option} height="100%" label={t("bigScreen.scoreBreakdown")} />
        </div>
      </section>
    </div>
  );
}
