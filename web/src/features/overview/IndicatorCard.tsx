import { Card, Space, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OverviewIndicator } from "../../api/types";
import { indicatorSparklineOption } from "../../charts/sparkline";
import { EChart } from "../../components/EChart";
import { LightTag } from "../../components/LightTag";
import { trendColor, trendLabel } from "./trend-tone";

const DARK = { background: "#0d1b33", borderColor: "#1e3a66", color: "#e6f0ff" };
const FILL = { ...DARK, height: "100%" };
const FILL_BODY = { height: "100%", display: "flex", flexDirection: "column", gap: 4 } as const;

/**
 * An indicator card: value vs target, light, trend-stage tag (止跌/回升/转正) and a sparkline.
 * `fill` (big screen, dark) makes it as tall as its cell, the sparkline taking what is left.
 */
export function IndicatorCard({
  ind,
  dark,
  fill,
}: {
  ind: OverviewIndicator;
  dark?: boolean;
  fill?: boolean;
}) {
  const { t } = useTranslation();
  const color = ind.progress.light.color;
  const option = useMemo(() => indicatorSparklineOption(ind), [ind]);
  const last = ind.progress.reading;
  const cumulative = ind.kind === "cumulative";
  return (
    <Card
      size="small"
      style={fill ? FILL : dark ? DARK : undefined}
      styles={fill ? { body: FILL_BODY } : undefined}
      data-indicator={ind.code}
    >
      <Space style={{ width: "100%", justifyContent: "space-between" }} align="start">
        <Typography.Text strong style={dark ? { color: "#e6f0ff", fontSize: "1.1em" } : undefined}>
          {dark ? (
            ind.name
          ) : (
            // A district-level indicator (no task force) is read on its cascade.
            <Link
              to={
                ind.taskForceId
                  ? `/task-forces/${ind.taskForceId}?tab=indicators`
                  : `/indicators/${encodeURIComponent(ind.id)}/cascade`
              }
            >
              {ind.name}
            </Link>
          )}
        </Typography.Text>
        <LightTag color={color} reasons={ind.progress.light.reasons} />
      </Space>
      <div style={{ fontSize: dark ? "1.6em" : 20, fontWeight: 600 }}>
        {last ? `${last.actual}${ind.unit}` : "—"}
        <span style={{ fontSize: "0.6em", fontWeight: 400, marginInlineStart: 8, opacity: 0.75 }}>
          {t("overview.target")} {ind.target}
          {ind.unit} {last ? `· ${last.period}` : ""}
        </span>
      </div>
      {/* A cumulative total's stage is of its gap to the schedule (the engine's rule): say so. */}
      <div>
        <Tag
          color={trendColor(ind.trend, ind)}
          data-trend={ind.trend}
          title={cumulative ? t("trend.vsScheduleHint") : undefined}
        >
          {trendLabel(t, ind.trend, ind.kind)}
        </Tag>
      </div>
      <div style={fill ? { flex: "1 1 0", minHeight: 0 } : undefined}>
        <EChart
          option={option}
          height={fill ? "100%" : dark ? 80 : 48}
          label={`${ind.name} ${ind.series.map((p) => `${p.period} ${p.actual}`).join(", ")}`}
        />
      </div>
    </Card>
  );
}
