import type { ReactNode } from "react";
import { QueryState } from "../../components/QueryState";
import type { Lang } from "../battle-map";
import { BigScreenOverview } from "../overview/BigScreenOverview";
import { cascadeOf } from "../overview/indicator-cascade";
import { CascadeSlide } from "./CascadeSlide";
import { IndicatorsSlide } from "./IndicatorsSlide";
import { RankingSlide } from "./RankingSlide";
import type { Slide } from "./slides";
import { TaskForceSlide } from "./TaskForceSlide";
import { cardIndicators, type useBigScreenData } from "./use-big-screen";
import type { Size } from "./use-element-size";

/**
 * One slide in the slide area (`area`, CSS px). HTML slides are laid out in design px in a box of
 * the area's size divided by `scale`, zoomed by `scale`; the battle map draws itself magnified.
 */
export function BigScreenSlide({
  slide,
  data,
  area,
  scale,
  lang,
}: {
  slide: Slide;
  data: ReturnType<typeof useBigScreenData>;
  area: Size;
  scale: number;
  lang: Lang;
}) {
  const o = data.overview.data;
  const model = data.model;
  if (!o || !model) return <QueryState query={data.overview}>{() => null}</QueryState>;
  const design = { width: Math.floor(area.width / scale), height: Math.floor(area.height / scale) };
  const box = (children: ReactNode) => (
    <div style={{ zoom: scale, width: design.width, height: design.height }}>{children}</div>
  );
  switch (slide.kind) {
    case "overview":
      return box(<BigScreenOverview overview={o} indicators={model.indicators} />);
    case "ranking":
      return box(<RankingSlide rows={model.ranking} height={design.height} />);
    case "indicators":
      return box(
        <IndicatorsSlide
          indicators={cardIndicators(model.indicators).slice(slide.first, slide.first + slide.count)}
          perPage={slide.count}
        />,
      );
    case "cascade": {
      const nodes = data.cascades.data?.nodes ?? [];
      const cascade = cascadeOf(nodes, slide.rootId);
      const goalId = cascade[0]?.goalId;
      const goal = goalId ? o.goals.find((g) => g.id === goalId) : undefined;
      return box(
        <CascadeSlide
          nodes={cascade}
          slide={slide}
          height={design.height}
          goal={goal ? `${goal.code} ${goal.title}` : null}
        />,
      );
    }
    case "taskForce": {
      const tf = model.tfById.get(slide.taskForceId);
      const map = data.battleMap.data;
      if (!tf || !map) return <QueryState query={data.battleMap}>{() => null}</QueryState>;
      return (
        <TaskForceSlide
          slide={slide}
          map={map}
          tf={tf}
          indicators={o.indicators.filter((i) => i.taskForceId === slide.taskForceId)}
          area={area}
          scale={scale}
          lang={lang}
        />
      );
    }
  }
}
