import { Tag } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { LIGHT_HEX } from "../../charts/colors";
import { EChart } from "../../components/EChart";
import { LightTag } from "../../components/LightTag";
import {
  actualAgainstPlan,
  type CascadeNode,
  formatFigure,
  shareName,
  yardstick,
} from "../overview/indicator-cascade";
import { trendColor, trendLabel } from "../overview/trend-tone";
import { buildCascadeChartOption } from "./cascade-chart";
import { CASCADE_LIST_PADDING, COLORS, DESIGN } from "./layout";
import type { Slide } from "./slides";

type CascadeSlideInfo = Extract<Slide, { kind: "cascade" }>;

const NOWRAP = { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", minWidth: 0 } as const;
/** Columns of the shares' rows: share, owner, actual / plan, trend stage. */
const COLUMNS = "minmax(0, 1fr) 170px 300px 150px";

/**
 * A cascade slide (design px, `height` tall): the top indicator's light, actual against plan and
 * trend stage; below, one page of its shares as rows (indented by level, light in words) beside a
 * chart of their actual against plan.
 */
export function CascadeSlide({
  nodes,
  slide,
  height,
  goal,
}: {
  /** The whole cascade, its top indicator first, in tree order. */
  nodes: readonly CascadeNode[];
  slide: CascadeSlideInfo;
  height: number;
  /** The goal the top indicator serves, in words. */
  goal: string | null;
}) {
  const { t } = useTranslation();
  const root = nodes[0];
  const shares = useMemo(
    () => nodes.slice(1).slice(slide.first, slide.first + slide.count),
    [nodes, slide.first, slide.count],
  );
  const words = { plan: t("ilinks.tree.plan"), target: t("ilinks.tree.target") };
  const option = useMemo(
    () =>
      buildCascadeChartOption(
        shares.map((n) => ({
          name: n.depth > 1 ? `· ${shareName(n)}` : shareName(n),
          actual: n.actual,
          plan: n.plan,
          target: n.target,
          light: n.light,
        })),
        { actual: t("ilinks.slide.actual"), plan: t("ilinks.slide.plan"), target: t("ilinks.slide.target") },
        root?.unit ?? "",
      ),
    [shares, root, t],
  );
  if (!root) return <div style={{ fontSize: 28 }}>{t("ilinks.slide.missing")}</div>;
  const panel = {
    boxSizing: "border-box",
    background: COLORS.panel,
    border: `1px solid ${COLORS.edge}`,
    borderRadius: 8,
  } as const;
  return (
    <div
      data-cascade={root.code}
      style={{ height, display: "flex", flexDirection: "column", gap: DESIGN.gap }}
    >
      <section
        aria-label={`${root.code} ${root.name}`}
        style={{
          ...panel,
          height: DESIGN.cascadeTop,
          flex: "none",
          padding: "14px 20px",
          border: `3px solid ${LIGHT_HEX[root.light]}`,
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
        }}
      >
        <div style={{ display: "flex", gap: 16, alignItems: "center", minWidth: 0 }}>
          <LightTag color={root.light} />
          <span style={{ ...NOWRAP, fontSize: 30, fontWeight: 700, color: "#ffd666" }}>
            {t("ilinks.slide.group")} · {root.code} {root.name}
          </span>
          <Tag color={trendColor(root.trend, root)} data-trend={root.trend} style={{ marginInlineEnd: 0 }}>
            {trendLabel(t, root.trend, root.kind)}
          </Tag>
          {slide.pages > 1 ? (
            <Tag style={{ marginInlineEnd: 0 }}>
              {t("bigScreen.page", { n: slide.page, total: slide.pages })}
            </Tag>
          ) : null}
          <span style={{ ...NOWRAP, color: COLORS.muted, marginInlineStart: "auto" }}>
            {[goal, root.taskForceName, root.ownerName].filter(Boolean).join(" · ")}
          </span>
        </div>
        <div style={{ display: "flex", gap: 16, alignItems: "baseline" }}>
          <span style={{ fontSize: 52, fontWeight: 700, lineHeight: 1.1 }} data-root-actual>
            {formatFigure(root.actual)}
          </span>
          <span style={{ fontSize: 26 }}>/ {yardstick(root, words)}</span>
          {root.source === "computed" ? (
            <Tag style={{ marginInlineEnd: 0 }}>{t("ilinks.tree.computed")}</Tag>
          ) : null}
          {root.period ? <span style={{ color: COLORS.muted }}>{root.period}</span> : null}
        </div>
      </section>
      <div style={{ flex: "1 1 0", minHeight: 0, display: "flex", gap: DESIGN.gap }}>
        <section
          aria-label={t("ilinks.slide.shares")}
          style={{ ...panel, flex: "1 1 0", minWidth: 0, padding: CASCADE_LIST_PADDING }}
        >
          <div
            style={{
              display: "grid",
              gridTemplateColumns: COLUMNS,
              gap: 16,
              alignItems: "center",
              height: DESIGN.cascadeListHeader,
              color: COLORS.muted,
            }}
          >
            <span>{t("ilinks.slide.shares")}</span>
            <span>{t("ilinks.slide.owner")}</span>
            <span>{t("ilinks.slide.actualPlan")}</span>
            <span>{t("ilinks.slide.trend")}</span>
          </div>
          {shares.length === 0 ? (
            <div style={{ color: COLORS.muted, padding: "16px 0" }}>{t("ilinks.slide.noShares")}</div>
          ) : null}
          {shares.map((n) => (
            <div
              key={n.indicatorId}
              data-share={n.code}
              data-share-light={n.light}
              style={{
                display: "grid",
                gridTemplateColumns: COLUMNS,
                gap: 16,
                alignItems: "center",
                height: slide.rowHeight,
                borderTop: `1px solid ${COLORS.edge}`,
                boxSizing: "border-box",
                fontSize: n.depth === 1 ? 22 : 20,
              }}
            >
              <span
                style={{
                  display: "flex",
                  gap: 10,
                  alignItems: "center",
                  minWidth: 0,
                  paddingInlineStart: (n.depth - 1) * 36,
                }}
              >
                <LightTag color={n.light} />
                <span style={{ ...NOWRAP, fontWeight: n.depth === 1 ? 600 : 400 }}>{shareName(n)}</span>
              </span>
              <span style={NOWRAP}>{n.ownerName ?? "—"}</span>
              <span style={NOWRAP}>{actualAgainstPlan(n, words)}</span>
              <span>
                <Tag color={trendColor(n.trend, n)} style={{ marginInlineEnd: 0 }}>
                  {trendLabel(t, n.trend, n.kind)}
                </Tag>
              </span>
            </div>
          ))}
        </section>
        <section
          aria-label={t("ilinks.slide.chart")}
          style={{
            ...panel,
            width: DESIGN.cascadeChartWidth,
            flex: "none",
            padding: 16,
            display: "flex",
            flexDirection: "column",
          }}
        >
          <div style={{ fontSize: 24, fontWeight: 600, marginBottom: 8 }}>{t("ilinks.slide.chart")}</div>
          <div style={{ flex: "1 1 0", minHeight: 0 }}>
            <EChart option={option} height="100%" label={`${root.code} ${t("ilinks.slide.chart")}`} />
          </div>
        </section>
      </div>
    </div>
  );
}
