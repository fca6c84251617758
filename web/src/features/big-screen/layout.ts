/** The big screen's 1920×1080 design, in design px (× the viewport scale in CSS px: 2 at 3840×2160). */
export const DESIGN = {
  /** Around the page. */
  padding: 24,
  /** Between the header and the slide, and between blocks of a slide. */
  gap: 16,
  /** The side strip of a task-force slide. */
  stripWidth: 400,
  /** The ranking table's share of the ranking slide's width. */
  rankingWidth: 820,
  /** A cascade slide: its top indicator's panel, the shares' header row, their tallest and smallest rows, the chart's width. */
  cascadeTop: 150,
  cascadeListHeader: 44,
  cascadeMaxRow: 72,
  cascadeMinRow: 40,
  cascadeChartWidth: 720,
} as const;

/** Padding inside a cascade slide's list of shares (design px). */
export const CASCADE_LIST_PADDING = 12;

/** Layout px left for a cascade's rows of shares in a slide `height` tall (panel, gap, list header, padding, border). */
export const cascadeRowsHeight = (height: number) =>
  height - DESIGN.cascadeTop - DESIGN.gap - DESIGN.cascadeListHeader - 2 * CASCADE_LIST_PADDING - 2;

/** Page background and the muted text of captions. */
export const COLORS = { page: "#050b18", panel: "#0d1b33", edge: "#1e3a66", muted: "#8fa0bd" } as const;
