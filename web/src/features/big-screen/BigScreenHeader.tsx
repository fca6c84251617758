import { CaretRightOutlined, FullscreenOutlined, PauseOutlined } from "@ant-design/icons";
import { Button, InputNumber, Segmented, Space, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Rotation } from "../../hooks/use-rotation";
import type { SlideGroup } from "./slides";
import { MAX_INTERVAL_S, MIN_INTERVAL_S } from "./use-slide-interval";

/** The groups always offered; 层层衔接 joins them when the rotation has a cascade. */
const GROUPS: readonly SlideGroup[] = ["overview", "battleMap", "ranking", "indicators"];
const GROUP_LABEL: Record<SlideGroup, string> = {
  overview: "nav.overview",
  battleMap: "nav.battleMap",
  ranking: "overview.ranking",
  indicators: "overview.indicators",
  cascade: "ilinks.slide.group",
};

/**
 * The big screen's header (design px, zoomed by the page): title, status date and last refresh;
 * the slide groups, progress, pause marker, interval, pause/play, full screen and exit.
 */
export function BigScreenHeader({
  statusDate,
  updatedAt,
  count,
  hasCascades,
  group,
  onGroup,
  rot,
  seconds,
  onSeconds,
}: {
  statusDate: string | undefined;
  updatedAt: number;
  /** Slides in the rotation. */
  count: number;
  /** The rotation shows at least one indicator cascade. */
  hasCascades?: boolean;
  group: SlideGroup;
  onGroup: (group: SlideGroup) => void;
  rot: Rotation;
  seconds: number;
  onSeconds: (s: number) => void;
}) {
  const { t } = useTranslation();
  const updated = updatedAt ? new Date(updatedAt).toLocaleTimeString() : "—";
  const paused = rot.held || rot.hovered;
  return (
    <header style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 16 }}>
      <div style={{ whiteSpace: "nowrap" }}>
        <h1 style={{ margin: 0, fontSize: 34, lineHeight: 1.2, letterSpacing: 4, color: "#ffd666" }}>
          {t("big.title")}
        </h1>
        <div style={{ fontSize: 16, opacity: 0.8 }} data-testid="big-refreshed">
          {t("common.statusDate")} {statusDate ?? "—"} · {t("big.refreshed", { time: updated })}
        </div>
      </div>
      <Space size={16} style={{ whiteSpace: "nowrap" }}>
        {paused ? (
          <Tag color="gold" data-testid="big-paused" style={{ marginInlineEnd: 0 }}>
            {rot.held ? t("bigScreen.paused") : t("bigScreen.hoverPaused")}
          </Tag>
        ) : null}
        <Segmented
          value={group}
          onChange={onGroup}
          options={(hasCascades ? [...GROUPS, "cascade" as const] : GROUPS).map((g) => ({
            value: g,
            label: t(GROUP_LABEL[g]),
          }))}
        />
        <span data-testid="big-progress">{t("bigScreen.progress", { n: rot.index + 1, total: count })}</span>
        <InputNumber
          id="big-screen-interval"
          aria-label={t("bigScreen.interval")}
          prefix={t("bigScreen.interval")}
          suffix={t("bigScreen.seconds")}
          min={MIN_INTERVAL_S}
          max={MAX_INTERVAL_S}
          precision={0}
          value={seconds}
          onChange={(v) => typeof v === "number" && onSeconds(v)}
          style={{ width: 190 }}
        />
        <Button
          aria-label={rot.held ? t("big.play") : t("big.pause")}
          icon={rot.held ? <CaretRightOutlined /> : <PauseOutlined />}
          onClick={() => rot.setHeld(!rot.held)}
        />
        <Button
          aria-label={t("big.fullscreen")}
          icon={<FullscreenOutlined />}
          onClick={() => void document.documentElement.requestFullscreen?.()}
        />
        <Link to="/">{t("big.exit")}</Link>
      </Space>
    </header>
  );
}
