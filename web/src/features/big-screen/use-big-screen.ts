/**
 * Hooks of the big screen: its data (overview and battle map, refetched every minute) and the
 * slide list built from that data and the size of the slide area.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { useOverview } from "../../hooks/use-data";
import {
  type BattleMapData,
  buildRows,
  indexBattleMap,
  MIN_ROW_HEIGHT,
  themeSpec,
  useBattleMapQuery,
} from "../battle-map";
import { type CascadeNode, rootOf } from "../overview/indicator-cascade";
import { useIndicatorCascades } from "../overview/use-indicator-cascades";
import { useOverviewModel } from "../overview/use-overview-model";
import { cascadeRowsHeight, DESIGN } from "./layout";
import { buildSlides, rotationCascades, type Slide, type SlideGroup, slideGroup } from "./slides";
import type { Size } from "./use-element-size";

/** How often the screen refetches its data. */
export const REFRESH_MS = 60_000;
/** Indicator cards per slide: 5 columns × 4 rows of the 1920×1080 design. */
export const INDICATORS_PER_PAGE = 20;

/** Battle-map rows (task-force header included) per task force, nothing collapsed. */
export function rowCountsOf(data: BattleMapData): Map<string, number> {
  const counts = new Map<string, number>();
  let current = "";
  for (const r of buildRows(indexBattleMap(data), new Set()).rows) {
    if (r.kind === "taskForce") current = r.id;
    counts.set(current, (counts.get(current) ?? 0) + 1);
  }
  return counts;
}

/**
 * The indicators of the indicator cards: those at the top of a cascade or standing alone (a share's
 * card would repeat its cascade's slide, where every share is a row).
 */
export const cardIndicators = <T extends { readonly parentId: string | null }>(all: readonly T[]): T[] =>
  all.filter((i) => i.parentId === null);

/** The overview, the battle map and the indicator cascades, refetched every minute; when the first two last arrived. */
export function useBigScreenData() {
  const qc = useQueryClient();
  const overview = useOverview(REFRESH_MS);
  const cascades = useIndicatorCascades(REFRESH_MS);
  const model = useOverviewModel(overview.data);
  const battleMap = useBattleMapQuery();
  useEffect(() => {
    const h = setInterval(() => void qc.invalidateQueries({ queryKey: ["battle-map"] }), REFRESH_MS);
    return () => clearInterval(h);
  }, [qc]);
  const rowCounts = useMemo(() => (battleMap.data ? rowCountsOf(battleMap.data) : null), [battleMap.data]);
  const updatedAt = Math.max(overview.dataUpdatedAt, battleMap.dataUpdatedAt);
  return { overview, model, battleMap, rowCounts, updatedAt, cascades };
}

/**
 * The slides for the data and the slide area (CSS px at `scale`); the overview alone until the
 * overview and the battle map load (the cascades join when they arrive). `cascade` is `?cascade=`.
 */
export function useSlides(
  data: ReturnType<typeof useBigScreenData>,
  area: Size,
  scale: number,
  cascade: string | null = null,
): Slide[] {
  const o = data.overview.data;
  const { rowCounts } = data;
  const nodes = data.cascades.data?.nodes;
  const height = area.height;
  return useMemo(() => {
    if (!o || !rowCounts || height <= 0) return [{ kind: "overview", key: "overview" }];
    const spec = themeSpec("dark");
    const designHeight = Math.floor(height / scale);
    return buildSlides({
      taskForces: o.taskForces,
      rowCounts,
      rowsHeight: designHeight - spec.headerHeight,
      maxRowHeight: spec.rowHeight,
      minRowHeight: MIN_ROW_HEIGHT,
      indicatorCount: cardIndicators(o.indicators).length,
      indicatorsPerPage: INDICATORS_PER_PAGE,
      cascades: nodes ? rotationCascades(nodes, cascade) : [],
      cascadeRowsHeight: cascadeRowsHeight(designHeight),
      cascadeMaxRow: DESIGN.cascadeMaxRow,
      cascadeMinRow: DESIGN.cascadeMinRow,
    });
  }, [o, rowCounts, nodes, height, scale, cascade]);
}

/** The key of the slide `?cascade=<indicatorId>` asks for (its cascade's first page), or null. */
export function cascadeStartKey(
  slides: readonly Slide[],
  nodes: readonly CascadeNode[] | undefined,
  cascade: string | null,
): string | null {
  const root = cascade && nodes ? rootOf(nodes, cascade) : undefined;
  const slide = root && slides.find((s) => s.kind === "cascade" && s.rootId === root.indicatorId);
  return slide ? slide.key : null;
}

/**
 * The group shown (the one asked for, until it exists) and a jump to a group's first slide. A jump
 * asked before the data has loaded (only the overview exists yet) lands once it has.
 */
export function useGroupJump(
  slides: readonly Slide[],
  current: Slide | undefined,
  goTo: (key: string) => void,
): readonly [SlideGroup, (group: SlideGroup) => void] {
  const [pending, setPending] = useState<SlideGroup | null>(null);
  useEffect(() => {
    if (!pending) return;
    const first = slides.find((s) => slideGroup(s) === pending);
    if (!first) return;
    goTo(first.key);
    setPending(null);
  }, [pending, slides, goTo]);
  return [pending ?? (current ? slideGroup(current) : "overview"), setPending] as const;
}
