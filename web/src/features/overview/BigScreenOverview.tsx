import { Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import type { Overview, OverviewIndicator } from "../../api/types";
import { LIGHT_HEX } from "../../charts/colors";
import { LightTag } from "../../components/LightTag";
import { IndicatorCard } from "./IndicatorCard";
import { LightCountsBar } from "./LightCountsBar";

/** The big screen's overview slide: counts, every task force as a lit tile, key indicators. */
export function BigScreenOverview({
  overview,
  indicators,
  scale,
}: {
  overview: Overview;
  indicators: OverviewIndicator[];
  scale: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <LightCountsBar counts={overview.counts} large />
      <Row gutter={[16 * scale, 16 * scale]} style={{ marginTop: 16 * scale }}>
        {overview.taskForces.map((tf) => (
          <Col key={tf.id} span={Math.max(4, Math.floor(24 / Math.min(5, overview.taskForces.length)))}>
            <div
              data-tf={tf.code}
              style={{
                border: `${3 * scale}px solid ${LIGHT_HEX[tf.light]}`,
                borderRadius: 8,
                padding: 12 * scale,
                background: "#0d1b33",
                minHeight: 120 * scale,
              }}
            >
              <div style={{ fontSize: 22 * scale, fontWeight: 700 }}>
                {tf.code} {tf.name}
              </div>
              <div
                style={{
                  marginTop: 8 * scale,
                  display: "flex",
                  gap: 8 * scale,
                  alignItems: "center",
                  flexWrap: "wrap",
                }}
              >
                <LightTag color={tf.light} reasons={tf.reasons} />
                <span>
                  {t("lights.red")} {tf.counts.red} · {t("lights.yellow")} {tf.counts.yellow} ·{" "}
                  {t("overview.score")} {tf.score === null ? "—" : Math.round(tf.score)}
                </span>
              </div>
            </div>
          </Col>
        ))}
      </Row>
      <Row gutter={[16 * scale, 16 * scale]} style={{ marginTop: 16 * scale }}>
        {indicators.slice(0, 8).map((ind) => (
          <Col key={ind.id} span={6}>
            <IndicatorCard ind={ind} dark />
          </Col>
        ))}
      </Row>
    </>
  );
}
