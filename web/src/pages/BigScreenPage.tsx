import { CaretRightOutlined, FullscreenOutlined, PauseOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, ConfigProvider, Segmented, Space, theme } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryState } from "../components/QueryState";
import { BattleMapView, useBattleMapQuery } from "../features/battle-map";
import { useFillHeight } from "../features/battle-map/use-fill-height";
import { BigScreenOverview } from "../features/overview/BigScreenOverview";
import { RankingTable } from "../features/overview/RankingTable";
import { useOverviewModel } from "../features/overview/use-overview-model";
import { useOverview } from "../hooks/use-data";
import { useLang } from "../hooks/use-lang";
import { useRotation, useViewportScale } from "../hooks/use-rotation";

const REFRESH_MS = 60_000;
const SLIDE_MS = 20_000;

/** 大屏: dark, full-screen, rotating overview → battle map → ranking, refreshed every minute. */
export function BigScreenPage() {
  const { t } = useTranslation();
  const { short } = useLang();
  const qc = useQueryClient();
  const overview = useOverview(REFRESH_MS);
  const model = useOverviewModel(overview.data);
  const bm = useBattleMapQuery();
  const scale = useViewportScale();
  const slides = ["overview", "battleMap", "ranking"] as const;
  const rot = useRotation(slides.length, SLIDE_MS);
  useEffect(() => {
    const h = setInterval(() => void qc.invalidateQueries({ queryKey: ["battle-map"] }), REFRESH_MS);
    return () => clearInterval(h);
  }, [qc]);
  const slide = slides[rot.index];
  const section = useRef<HTMLElement>(null);
  // The battle map takes the rest of the screen below the header, down to the page's padding.
  const mapHeight = useFillHeight(section, 24 * scale);
  // Overview and ranking are laid out for 1920×1080 and zoomed on bigger screens (3840×2160 → 2×);
  // the battle map is magnified by the same factor on its own canvas (CSS zoom would blur it).
  const zoom = { zoom: scale } as React.CSSProperties;
  const updated = new Date(overview.dataUpdatedAt || Date.now()).toLocaleTimeString();
  return (
    <ConfigProvider
      theme={{
        algorithm: theme.darkAlgorithm,
        token: { fontSize: 20, colorBgContainer: "#0d1b33" },
      }}
    >
      <main className="big-screen" data-testid="big-screen" style={{ padding: 24 * scale }}>
        <header
          style={{
            ...zoom,
            display: "flex",
            justifyContent: "space-between",
            alignItems: "center",
            marginBottom: 16,
          }}
        >
          <h1 style={{ margin: 0, fontSize: 36, letterSpacing: 4, color: "#ffd666" }}>{t("big.title")}</h1>
          <Space size={16}>
            <span>
              {t("common.statusDate")} {overview.data?.statusDate} · {t("big.refreshed", { time: updated })}
            </span>
            <Segmented
              value={slide}
              onChange={(v) => rot.setIndex(slides.indexOf(v))}
              options={slides.map((s) => ({
                value: s,
                label:
                  s === "overview"
                    ? t("nav.overview")
                    : s === "battleMap"
                      ? t("nav.battleMap")
                      : t("overview.ranking"),
              }))}
            />
            <Button
              aria-label={rot.paused ? t("big.play") : t("big.pause")}
              icon={rot.paused ? <CaretRightOutlined /> : <PauseOutlined />}
              onClick={() => rot.setPaused(!rot.paused)}
            />
            <Button
              aria-label={t("big.fullscreen")}
              icon={<FullscreenOutlined />}
              onClick={() => void document.documentElement.requestFullscreen?.()}
            />
            <Link to="/">{t("big.exit")}</Link>
          </Space>
        </header>
        <section ref={section} aria-live="polite" data-slide={slide}>
          {slide === "overview" ? (
            <QueryState query={overview}>
              {(o) =>
                model ? (
                  <div style={zoom}>
                    <BigScreenOverview overview={o} indicators={model.indicators} scale={1} />
                  </div>
                ) : null
              }
            </QueryState>
          ) : null}
          {slide === "battleMap" ? (
            <QueryState query={bm}>
              {(d) => (
                <BattleMapView
                  data={d}
                  lang={short}
                  zoom="month"
                  theme="dark"
                  magnify={scale}
                  height={mapHeight}
                />
              )}
            </QueryState>
          ) : null}
          {slide === "ranking" ? (
            <div style={zoom}>
              <RankingTable rows={model?.ranking ?? []} large />
            </div>
          ) : null}
        </section>
      </main>
    </ConfigProvider>
  );
}
