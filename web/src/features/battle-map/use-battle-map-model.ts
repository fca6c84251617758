/**
 * Hook: the battle map's derived model (index, rows, scale, ticks) and its collapse state.
 */
import { useCallback, useMemo, useState } from "react";
import { buildRows, collapsibleIds, indexBattleMap, type RowModel } from "./row-model";
import { type RowWindow, windowRows } from "./row-window";
import { buildTicks, buildTimeScale, dayOfIso, type Ticks, type TimeScale } from "./time-scale";
import type { BattleMapData, BattleMapFilter, Lang, Zoom } from "./types";

/**
 * A map drawn from an outline: which task forces are open (their tasks fetched when opened), and
 * what opens or closes one. Without it every task force starts open.
 */
export interface OpenTaskForces {
  readonly opened: ReadonlySet<string>;
  readonly toggle: (taskForceId: string) => void;
  readonly closeAll: () => void;
}

/** The model the canvas draws, and the collapse controls. */
export interface BattleMapModel {
  readonly model: RowModel;
  readonly scale: TimeScale;
  readonly ticks: Ticks;
  readonly statusDay: number;
  readonly toggle: (id: string) => void;
  readonly collapseAll: () => void;
  readonly expandAll: () => void;
}

/**
 * Derives rows, scale and ticks; memoised per input so scrolling never rebuilds them. A `rowWindow`
 * keeps only those rows (a page of the big screen).
 */
export function useBattleMapModel(
  data: BattleMapData,
  filter: BattleMapFilter,
  zoom: Zoom,
  lang: Lang,
  rowWindow?: RowWindow,
  open?: OpenTaskForces,
): BattleMapModel {
  const index = useMemo(() => indexBattleMap(data), [data]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const first = rowWindow?.first;
  const count = rowWindow?.count;
  const opened = open?.opened;
  // Folded task forces are collapsed rows until opened; tasks keep their own collapse state.
  const shut = useMemo(() => {
    if (!opened || !index.loaded) return collapsed;
    const out = new Set(collapsed);
    for (const tf of index.taskForces) if (!opened.has(tf.id)) out.add(tf.id);
    return out;
  }, [index, collapsed, opened]);
  const model = useMemo(() => {
    const all = buildRows(index, shut, filter);
    return first === undefined || count === undefined ? all : windowRows(all, { first, count });
  }, [index, shut, filter, first, count]);
  const scale = useMemo(() => buildTimeScale(index.minDay, index.maxDay, zoom), [index, zoom]);
  const ticks = useMemo(() => buildTicks(scale, lang), [scale, lang]);
  const openToggle = open?.toggle;
  const closeAll = open?.closeAll;
  const toggle = useCallback(
    (id: string) => {
      if (index.loaded && openToggle && index.taskForces.some((tf) => tf.id === id)) return openToggle(id);
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    },
    [index, openToggle],
  );
  const collapseAll = useCallback(() => {
    setCollapsed(new Set(collapsibleIds(index)));
    closeAll?.();
  }, [index, closeAll]);
  const expandAll = useCallback(() => setCollapsed(new Set()), []);
  const statusDay = dayOfIso(data.statusDate);
  return { model, scale, ticks, statusDay, toggle, collapseAll, expandAll };
}
