import { useCallback, useMemo } from "react";
import { BattleMapTooltip } from "./BattleMapTooltip";
import { safeMagnify } from "./canvas-size";
import type { RowWindow } from "./row-window";
import { fitRowHeight, themeSpec } from "./theme";
import { type IndicatorLookup, tooltipContent } from "./tooltip";
import type { BattleMapData, BattleMapFilter, Lang, Theme, Zoom } from "./types";
import { type OpenTaskForces, useBattleMapModel } from "./use-battle-map-model";
import { useTimelineCanvas } from "./use-timeline-canvas";

/** Props of the battle map. */
export interface BattleMapViewProps {
  readonly data: BattleMapData;
  readonly lang: Lang;
  readonly zoom: Zoom;
  /** Called with a task's id when its row or bar is clicked. */
  readonly onOpenTask?: (taskId: string) => void;
  /** Shorthand for `filter.criticalOnly`. */
  readonly criticalOnly?: boolean;
  readonly filter?: BattleMapFilter;
  /** Height in CSS pixels (default 640); the width follows the container. */
  readonly height?: number | string;
  /** `dark` is the big screen (大屏): larger rows and type, readable across a room. */
  readonly theme?: Theme;
  /**
   * Draws everything this many times larger (rows, type, bars, lines, the time axis), with a
   * backing store at the screen's real pixels: 2 on a 3840×2160 big screen. Default 1.
   */
  readonly magnify?: number;
  /** Rows this tall (layout px) instead of the theme's, when smaller: a big-screen page that fits. */
  readonly rowHeight?: number;
  /** Only these rows (after filters and collapsing): one page of a task force on the big screen. */
  readonly rowWindow?: RowWindow;
  /** Indicators by id: a task's tooltip lists those it advances with their lights. */
  readonly indicators?: IndicatorLookup;
  /** A map drawn from an outline: which task forces are open, and what opens one. */
  readonly open?: OpenTaskForces;
}

const EMPTY_FILTER: BattleMapFilter = {};

/**
 * The battle map (作战图): every task force's tasks on one canvas timeline, grouped by task force
 * and WBS, bars coloured by light with a shape per light, milestones, dependency arrows, the
 * status-date line, baseline bars, late-start markers and the critical chain.
 */
export function BattleMapView({
  data,
  lang,
  zoom,
  onOpenTask,
  criticalOnly,
  filter = EMPTY_FILTER,
  height = 640,
  theme = "light",
  magnify,
  rowHeight,
  rowWindow,
  indicators,
  open,
}: BattleMapViewProps) {
  const k = safeMagnify(magnify);
  const effective = useMemo(
    () => (criticalOnly === undefined ? filter : { ...filter, criticalOnly }),
    [filter, criticalOnly],
  );
  const m = useBattleMapModel(data, effective, zoom, lang, rowWindow, open);
  const spec = useMemo(() => fitRowHeight(themeSpec(theme), rowHeight), [theme, rowHeight]);
  const onOpen = useCallback(
    (row: number) => {
      const r = m.model.rows[row];
      if (r?.kind === "task") onOpenTask?.(r.task.id);
    },
    [m.model, onOpenTask],
  );
  const t = useTimelineCanvas({
    model: m.model,
    scale: m.scale,
    ticks: m.ticks,
    spec,
    lang,
    statusDay: m.statusDay,
    statusLabel: `${lang === "zh" ? "状态日" : "Status"} ${data.statusDate}`,
    paneTitle: lang === "zh" ? "专班 / 任务（WBS）" : "Task force / task (WBS)",
    compared: data.compared,
    onToggle: m.toggle,
    onOpen,
    magnify: k,
  });
  // The scrolled size in CSS pixels: the layout size, magnified.
  const totalWidth = (spec.leftWidth + m.scale.width) * k;
  const totalHeight = (spec.headerHeight + m.model.rows.length * spec.rowHeight) * k;
  const hovered = t.hover ? m.model.rows[t.hover.row] : undefined;
  const taskCount = useMemo(
    () => m.model.rows.reduce((n, r) => n + (r.kind === "task" ? 1 : 0), 0),
    [m.model],
  );
  const label =
    lang === "zh"
      ? `作战图：${data.taskForces.length} 个专班，显示 ${taskCount} 项任务，状态日 ${data.statusDate}`
      : `Battle map: ${data.taskForces.length} task forces, ${taskCount} tasks shown, status date ${data.statusDate}`;
  return (
    <div
      ref={t.rootRef}
      data-battle-map=""
      data-rows={m.model.rows.length}
      data-magnify={k}
      data-row-height={spec.rowHeight * k}
      data-font-size={spec.fontSize * k}
      style={{ position: "relative", height, width: "100%", background: spec.bg, borderRadius: 6 }}
    >
      <div
        ref={t.scrollerRef}
        onScroll={t.onScroll}
        onKeyDown={t.onKeyDown}
        onBlur={t.onMouseLeave}
        role="application"
        aria-label={label}
        aria-roledescription={
          lang === "zh"
            ? "作战图（↑↓ 选行，←→ 折叠/展开，回车打开）"
            : "battle map (↑↓ rows, ←→ collapse/expand, Enter opens)"
        }
        // biome-ignore lint/a11y/noNoninteractiveTabindex: an application widget with its own keys (see onKeyDown)
        tabIndex={0}
        style={{ overflow: "auto", height: "100%", width: "100%", outline: "none" }}
      >
        <div style={{ width: totalWidth, height: totalHeight, position: "relative" }}>
          <canvas
            ref={t.canvasRef}
            role="img"
            aria-label={label}
            onMouseMove={t.onMouseMove}
            onMouseLeave={t.onMouseLeave}
            onClick={t.onClick}
            style={{ position: "sticky", top: 0, left: 0, display: "block" }}
          />
        </div>
      </div>
      {m.model.rows.length === 0 && (
        <div
          role="status"
          style={{ position: "absolute", inset: 0, display: "grid", placeItems: "center", color: spec.muted }}
        >
          {lang === "zh" ? "没有符合筛选条件的任务" : "No task matches the filters"}
        </div>
      )}
      {t.hover && hovered && (
        <BattleMapTooltip
          content={tooltipContent(hovered, lang, data.compared, indicators)}
          x={t.hover.x}
          y={t.hover.y}
          bounds={t.viewport}
          theme={theme}
          lang={lang}
          magnify={k}
        />
      )}
    </div>
  );
}
