import { useMemo } from "react";
import type { OverviewIndicator, OverviewTaskForce } from "../../api/types";
import { type BattleMapData, BattleMapView, type Lang } from "../battle-map";
import { DESIGN } from "./layout";
import type { Slide } from "./slides";
import { TaskForceStrip } from "./TaskForceStrip";
import type { Size } from "./use-element-size";

type TaskForceSlideSpec = Extract<Slide, { kind: "taskForce" }>;

/**
 * A task force's slide: the side strip (design px, zoomed) and its battle-map rows (one page of
 * them), fitted to the slide's height. The map is not zoomed: it draws itself `scale` times
 * larger on a backing store at the screen's real pixels, so it stays crisp at 3840×2160.
 */
export function TaskForceSlide({
  slide,
  map,
  tf,
  indicators,
  area,
  scale,
  lang,
}: {
  slide: TaskForceSlideSpec;
  map: BattleMapData;
  tf: OverviewTaskForce;
  indicators: readonly OverviewIndicator[];
  area: Size;
  scale: number;
  lang: Lang;
}) {
  const filter = useMemo(() => ({ taskForceIds: [slide.taskForceId] }), [slide.taskForceId]);
  const rowWindow = useMemo(() => ({ first: slide.first, count: slide.count }), [slide.first, slide.count]);
  return (
    <div style={{ display: "flex", gap: DESIGN.gap * scale, height: area.height }}>
      <div
        style={{
          zoom: scale,
          width: DESIGN.stripWidth,
          height: Math.floor(area.height / scale),
          flex: "none",
        }}
      >
        <TaskForceStrip tf={tf} indicators={indicators} page={slide.page} pages={slide.pages} />
      </div>
      <div style={{ flex: "1 1 0", minWidth: 0 }}>
        <BattleMapView
          key={slide.key}
          data={map}
          lang={lang}
          zoom="month"
          theme="dark"
          magnify={scale}
          height={area.height}
          filter={filter}
          rowWindow={rowWindow}
          rowHeight={slide.rowHeight}
        />
      </div>
    </div>
  );
}
