import { Tag } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { OverviewIndicator, OverviewTaskForce } from "../../api/types";
import { LIGHT_HEX } from "../../charts/colors";
import { indicatorSparklineOption } from "../../charts/sparkline";
import { EChart } from "../../components/EChart";
import { LightTag } from "../../components/LightTag";
import { LightCountsBar } from "../overview/LightCountsBar";
import { trendColor, trendLabel } from "../overview/trend-tone";
import { COLORS } from "./layout";

/** Indicators listed in the strip; more are counted ("另有 2 项指标"). */
const MAX_INDICATORS = 6;

/**
 * The side strip of a task-force slide (design px, as tall as the slide): name framed in its
 * light, rank and score, counts by light, and its indicators with value, trend stage and sparkline.
 */
export function TaskForceStrip({
  tf,
  indicators,
  page,
  pages,
}: {
  tf: OverviewTaskForce;
  indicators: readonly OverviewIndicator[];
  page: number;
  pages: number;
}) {
  const { t } = useTranslation();
  const shown = indicators.slice(0, MAX_INDICATORS);
  const more = indicators.length - shown.length;
  return (
    <aside
      data-strip={tf.code}
      style={{
        height: "100%",
        boxSizing: "border-box",
        display: "flex",
        flexDirection: "column",
        gap: 12,
        padding: 16,
        background: COLORS.panel,
        border: `3px solid ${LIGHT_HEX[tf.light]}`,
        borderRadius: 8,
      }}
    >
      <div style={{ fontSize: 28, fontWeight: 700, lineHeight: 1.3, color: "#ffd666" }}>
        {tf.code} {tf.name}
      </div>
      <div style={{ display: "flex", gap: 12, alignItems: "center", flexWrap: "wrap" }}>
        <LightTag color={tf.light} reasons={tf.reasons} />
        <span>{tf.rank === null ? t("bigScreen.unranked") : t("bigScreen.rank", { rank: tf.rank })}</span>
        <span>{t("bigScreen.score", { score: tf.score === null ? "—" : Math.round(tf.score) })}</span>
        {pages > 1 ? <Tag data-page={page}>{t("bigScreen.page", { n: page, total: pages })}</Tag> : null}
      </div>
      <div>
        <div style={{ color: COLORS.muted, marginBottom: 6 }}>{t("bigScreen.lightCounts")}</div>
        <LightCountsBar counts={tf.counts} />
      </div>
      <div style={{ color: COLORS.muted }}>{t("bigScreen.indicators")}</div>
      <div
        style={{
          flex: "1 1 0",
          minHeight: 0,
          display: "grid",
          gap: 8,
          gridTemplateRows: `repeat(${Math.max(4, shown.length)}, minmax(0, 1fr))`,
        }}
      >
        {shown.map((ind) => (
          <StripIndicator key={ind.id} ind={ind} />
        ))}
        {shown.length === 0 ? <div style={{ color: COLORS.muted }}>{t("bigScreen.noIndicators")}</div> : null}
      </div>
      {more > 0 ? <div style={{ color: COLORS.muted }}>{t("bigScreen.more", { n: more })}</div> : null}
    </aside>
  );
}

/** One indicator in the strip: name and light, value vs target and trend, then its sparkline. */
function StripIndicator({ ind }: { ind: OverviewIndicator }) {
  const { t } = useTranslation();
  const color = ind.progress.light.color;
  const option = useMemo(() => indicatorSparklineOption(ind), [ind]);
  const last = ind.progress.reading;
  return (
    <div
      data-indicator={ind.code}
      style={{
        display: "flex",
        flexDirection: "column",
        minHeight: 0,
        borderTop: `1px solid ${COLORS.edge}`,
        paddingTop: 6,
      }}
    >
      <div style={{ display: "flex", gap: 8, alignItems: "center" }}>
        <span
          style={{ flex: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
        >
          {ind.name}
        </span>
        <LightTag color={color} reasons={ind.progress.light.reasons} compact />
      </div>
      <div style={{ display: "flex", gap: 8, alignItems: "center", whiteSpace: "nowrap" }}>
        <strong>{last ? `${last.actual}${ind.unit}` : "—"}</strong>
        <span style={{ color: COLORS.muted, fontSize: "0.8em", flex: 1, minWidth: 0, overflow: "hidden" }}>
          {t("overview.target")} {ind.target}
          {ind.unit}
        </span>
        <Tag color={trendColor(ind.trend, ind)} data-trend={ind.trend} style={{ marginInlineEnd: 0 }}>
          {trendLabel(t, ind.trend, ind.kind)}
        </Tag>
      </div>
      <div style={{ flex: "1 1 0", minHeight: 0 }}>
        <EChart option={option} height="100%" label={ind.name} />
      </div>
    </div>
  );
}
