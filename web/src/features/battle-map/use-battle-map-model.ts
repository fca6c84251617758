/**
 * Hook: the battle map's derived model (index, rows, scale, ticks) and its collapse state.
 */
import { useCallback, useMemo, useState } from "react";
import { buildRows, collapsibleIds, indexBattleMap, type RowModel } from "./row-model";
import { type RowWindow, windowRows } from "./row-window";
import { buildTicks, buildTimeScale, dayOfIso, type Ticks, type TimeScale } from "./time-scale";
import type { BattleMapData, BattleMapFilter, Lang, Zoom } from "./types";

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
): BattleMapModel {
  const index = useMemo(() => indexBattleMap(data), [data]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const first = rowWindow?.first;
  const count = rowWindow?.count;
  const model = useMemo(() => {
    const all = buildRows(index, collapsed, filter);
    return first === undefined || count === undefined ? all : windowRows(all, { first, count });
  }, [index, collapsed, filter, first, count]);
  const scale = useMemo(() => buildTimeScale(index.minDay, index.maxDay, zoom), [index, zoom]);
  const ticks = useMemo(() => buildTicks(scale, lang), [scale, lang]);
  const toggle = useCallback(
    (id: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const collapseAll = useCallback(() => setCollapsed(new Set(collapsibleIds(index))), [index]);
  const expandAll = useCallback(() => setCollapsed(new Set()), []);
  const statusDay = dayOfIso(data.statusDate);
  return { model, scale, ticks, statusDay, toggle, collapseAll, expandAll };
}
