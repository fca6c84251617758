/**
 * Draws one frame of the battle map on one canvas: the visible rows only (virtualised), the
 * timeline body, the frozen left pane and the frozen header.
 */
import {
  claimedBadgeWidth,
  drawClaimedBadge,
  drawClaimedBar,
  isClaimedTask,
} from "../completion/claimed-marks";
import { routeArrow } from "./arrows";
import {
  type BarPaint,
  drawArrow,
  drawBar,
  drawExtensionMark,
  drawLateStart,
  drawLightIcon,
  drawUnderlay,
} from "./draw-marks";
import { barGeometry, visibleRowRange } from "./geometry";
import { caretX } from "./hit-test";
import { LIGHT_COLORS, lightStyle } from "./lights";
import type { RowModel, TaskForceRow } from "./row-model";
import type { ThemeSpec } from "./theme";
import { dayOfIso, dayOfX, isWeekend, type Ticks, type TimeScale, xOfDay } from "./time-scale";
import type { ComparedBaselines, DayNumber, Lang, TaskForceOutline } from "./types";

/** Everything one frame depends on. */
export interface FrameInput {
  readonly width: number;
  readonly height: number;
  readonly scrollLeft: number;
  readonly scrollTop: number;
  readonly model: RowModel;
  readonly scale: TimeScale;
  readonly ticks: Ticks;
  readonly spec: ThemeSpec;
  readonly lang: Lang;
  readonly statusDay: DayNumber;
  readonly statusLabel: string;
  readonly paneTitle: string;
  readonly hoverRow: number;
  /** Up to two baselines drawn as thin bars above each task's bar (none: empty). */
  readonly compared?: ComparedBaselines;
  /** Truncates a label to a width (cached by the caller). */
  readonly fit: (ctx: CanvasRenderingContext2D, text: string, width: number) => string;
}

type Ctx = CanvasRenderingContext2D;

/** Draws a frame. */
export function drawFrame(ctx: Ctx, f: FrameInput): void {
  const { spec, width, height } = f;
  ctx.fillStyle = spec.bg;
  ctx.fillRect(0, 0, width, height);
  const { first, last } = visibleRowRange(
    f.scrollTop,
    height - spec.headerHeight,
    spec.rowHeight,
    f.model.rows.length,
  );
  ctx.save();
  ctx.beginPath();
  ctx.rect(spec.leftWidth, spec.headerHeight, width - spec.leftWidth, height - spec.headerHeight);
  ctx.clip();
  drawBody(ctx, f, first, last);
  ctx.restore();
  drawPane(ctx, f, first, last);
  drawHeader(ctx, f);
}

/** The compared baselines of a task: thin bars stacked just above its bar, one colour each. */
function drawCompared(
  ctx: Ctx,
  f: FrameInput,
  taskId: string,
  g: ReturnType<typeof barGeometry>,
  ox: number,
  oy: number,
): void {
  const h = Math.max(2, Math.round(g.baselineHeight * 0.8));
  (f.compared ?? []).forEach((c, i) => {
    const span = c.tasks[taskId];
    if (!span) return;
    const x0 = xOfDay(f.scale, Math.min(dayOfIso(span.start), dayOfIso(span.finish)));
    const x1 = Math.max(xOfDay(f.scale, dayOfIso(span.finish) + 1), x0 + 2);
    const y = oy + g.barY - (2 - i) * (h + 1);
    ctx.fillStyle = f.spec.compare[i] ?? f.spec.baseline;
    ctx.fillRect(ox + x0, y, x1 - x0, h);
  });
}

function drawBody(ctx: Ctx, f: FrameInput, first: number, last: number): void {
  const { spec, scale, model } = f;
  const ox = spec.leftWidth - f.scrollLeft;
  const oy = spec.headerHeight - f.scrollTop;
  const bodyTop = spec.headerHeight;
  for (let i = first; i <= last; i++) {
    const r = model.rows[i]!;
    const bg = r.kind === "taskForce" ? spec.forceRowBg : i % 2 ? spec.zebra : null;
    if (bg) {
      ctx.fillStyle = bg;
      ctx.fillRect(spec.leftWidth, oy + i * spec.rowHeight, f.width, spec.rowHeight);
    }
  }
  const d0 = dayOfX(scale, f.scrollLeft);
  const d1 = dayOfX(scale, f.scrollLeft + f.width);
  if (scale.zoom === "week") {
    ctx.fillStyle = spec.weekend;
    for (let d = d0; d <= d1; d++)
      if (isWeekend(d)) ctx.fillRect(ox + xOfDay(scale, d), bodyTop, scale.pxPerDay, f.height);
  }
  ctx.lineWidth = 1;
  for (const [ticks, color] of [
    [f.ticks.minor, spec.grid],
    [f.ticks.major, spec.gridMajor],
  ] as const) {
    ctx.strokeStyle = color;
    ctx.beginPath();
    for (const t of ticks) {
      const x = Math.round(ox + t.x) + 0.5;
      if (x < spec.leftWidth || x > f.width) continue;
      ctx.moveTo(x, bodyTop);
      ctx.lineTo(x, f.height);
    }
    ctx.stroke();
  }
  if (f.hoverRow >= first && f.hoverRow <= last) {
    ctx.fillStyle = spec.hover;
    ctx.fillRect(spec.leftWidth, oy + f.hoverRow * spec.rowHeight, f.width, spec.rowHeight);
  }
  drawLinks(ctx, f, first, last, ox, oy);
  const layout = { rowHeight: spec.rowHeight };
  const showPercent = scale.zoom === "week";
  for (let i = first; i <= last; i++) {
    const r = model.rows[i]!;
    if (r.kind === "taskForce") {
      drawForceSpan(ctx, f, r, ox, oy + i * spec.rowHeight);
      continue;
    }
    const g = barGeometry(r.task, scale, layout, i * spec.rowHeight);
    const paint: BarPaint = {
      style: lightStyle(r.light.color, spec.theme, f.lang),
      critical: r.task.critical === true,
      spec,
      ox,
      oy,
      rowTop: i * spec.rowHeight,
    };
    drawUnderlay(ctx, g, paint);
    if (f.compared?.length) drawCompared(ctx, f, r.task.id, g, ox, oy);
    drawLateStart(ctx, g, paint);
    drawBar(ctx, g, paint, showPercent ? spec.leftWidth : null);
    if (isClaimedTask(r.task)) drawClaimedBar(ctx, g, spec, ox, oy);
    const ext = r.pendingExtension;
    if (ext) {
      // From the current deadline (else the bar's end) to the day after the requested one begins.
      const from = r.task.deadline ? xOfDay(scale, dayOfIso(r.task.deadline) + 1) : (g.bar?.x1 ?? 0);
      const to = xOfDay(scale, dayOfIso(ext.requestedDeadline) + 1);
      drawExtensionMark(ctx, ox + from, ox + to, oy + g.barY, g.barHeight, spec);
    }
  }
  const sx = Math.round(ox + xOfDay(scale, f.statusDay)) + 0.5;
  ctx.strokeStyle = spec.statusLine;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(sx, bodyTop);
  ctx.lineTo(sx, f.height);
  ctx.stroke();
}

/** A folded task force's tasks as one summary bar over their span (earliest to latest date). */
function drawFolded(ctx: Ctx, f: FrameInput, o: TaskForceOutline, ox: number, cy: number, h: number): void {
  if (!o.start || !o.finish || o.tasks === 0) return;
  const x0 = ox + xOfDay(f.scale, dayOfIso(o.start));
  const x1 = ox + xOfDay(f.scale, dayOfIso(o.finish) + 1);
  ctx.fillStyle = f.spec.summary;
  ctx.fillRect(x0, cy - h / 4, x1 - x0, h / 2);
  ctx.fillRect(x0, cy - h / 4, 2, h);
  ctx.fillRect(x1 - 2, cy - h / 4, 2, h);
}

/**
 * How a folded task force's tasks are lit, as a strip split in proportion (worst first), in the
 * pane beside its count: what a reader scans before opening one of two thousand task forces.
 */
function drawLightMix(ctx: Ctx, f: FrameInput, o: TaskForceOutline, right: number, cy: number): void {
  if (o.tasks === 0) return;
  const width = f.spec.fontSize * 3.2;
  const h = Math.max(3, f.spec.fontSize * 0.35);
  let x = right - width;
  for (const color of LIGHT_COLORS) {
    const n = o.lights[color] ?? 0;
    if (n === 0) continue;
    const w = (width * n) / o.tasks;
    ctx.fillStyle = lightStyle(color, f.spec.theme, f.lang).fill;
    ctx.fillRect(x, cy - h / 2, w, h);
    x += w;
  }
}

/** A task force's period (start → deadline) as a tinted band with a deadline flag and its light. */
function drawForceSpan(ctx: Ctx, f: FrameInput, r: TaskForceRow, ox: number, top: number): void {
  const { spec, scale } = f;
  const tf = r.taskForce;
  if (!tf.startDate || !tf.deadline) return;
  const x0 = ox + xOfDay(scale, dayOfIso(tf.startDate));
  const x1 = ox + xOfDay(scale, dayOfIso(tf.deadline) + 1);
  const h = spec.rowHeight * 0.3;
  const cy = top + spec.rowHeight / 2;
  const style = lightStyle(r.light.color, spec.theme, f.lang);
  ctx.fillStyle = spec.summary;
  ctx.globalAlpha = 0.18;
  ctx.fillRect(x0, cy - h / 2, x1 - x0, h);
  ctx.globalAlpha = 1;
  if (r.folded) drawFolded(ctx, f, r.folded, ox, cy, h * 1.6);
  ctx.fillStyle = style.fill;
  ctx.fillRect(x0, cy - h / 2, 3, h);
  ctx.fillStyle = spec.summary;
  ctx.beginPath();
  ctx.moveTo(x1, cy - h * 1.3);
  ctx.lineTo(x1, cy + h * 1.3);
  ctx.lineTo(x1 - 2, cy + h * 1.3);
  ctx.lineTo(x1 - 2, cy - h * 1.3);
  ctx.moveTo(x1, cy - h * 1.3);
  ctx.lineTo(x1 + h * 1.2, cy - h * 0.75);
  ctx.lineTo(x1, cy - h * 0.2);
  ctx.fill();
  drawLightIcon(ctx, style.shape, style, x1 + h * 2.6, cy, spec.fontSize * 0.45);
}

function drawLinks(ctx: Ctx, f: FrameInput, first: number, last: number, ox: number, oy: number): void {
  const { spec, scale, model } = f;
  const layout = { rowHeight: spec.rowHeight };
  const ends = (row: number) => {
    const r = model.rows[row]!;
    if (r.kind !== "task") return null;
    const g = barGeometry(r.task, scale, layout, row * spec.rowHeight);
    if (!g.bar) return null;
    const pad = g.milestone ? g.barHeight * 0.72 : 0;
    return { x0: g.bar.x0 - pad, x1: g.bar.x1 + pad, y: g.barY };
  };
  for (const critical of [false, true]) {
    for (const link of model.links) {
      if (link.critical !== critical) continue;
      if (Math.max(link.from, link.to) < first || Math.min(link.from, link.to) > last) continue;
      const a = ends(link.from);
      const b = ends(link.to);
      if (!a || !b) continue;
      const route = routeArrow(link.type, a, b);
      const color = critical ? spec.critical : spec.arrow;
      drawArrow(ctx, route, ox, oy, color, critical ? 2 : 1);
    }
  }
}

function drawPane(ctx: Ctx, f: FrameInput, first: number, last: number): void {
  const { spec, model } = f;
  const oy = spec.headerHeight - f.scrollTop;
  ctx.fillStyle = spec.paneBg;
  ctx.fillRect(0, spec.headerHeight, spec.leftWidth, f.height);
  ctx.textBaseline = "middle";
  const fs = spec.fontSize;
  for (let i = first; i <= last; i++) {
    const r = model.rows[i]!;
    const top = oy + i * spec.rowHeight;
    const cy = top + spec.rowHeight / 2;
    if (r.kind === "taskForce" || i === f.hoverRow) {
      ctx.fillStyle = r.kind === "taskForce" ? spec.forceRowBg : spec.hover;
      ctx.fillRect(0, top, spec.leftWidth, spec.rowHeight);
    }
    const cx = caretX(r, spec);
    if (r.kind === "taskForce" || r.hasChildren) {
      ctx.fillStyle = spec.muted;
      const s = fs * 0.32;
      ctx.beginPath();
      if (r.collapsed) {
        ctx.moveTo(cx - s * 0.6, cy - s);
        ctx.lineTo(cx + s * 0.8, cy);
        ctx.lineTo(cx - s * 0.6, cy + s);
      } else {
        ctx.moveTo(cx - s, cy - s * 0.6);
        ctx.lineTo(cx + s, cy - s * 0.6);
        ctx.lineTo(cx, cy + s * 0.8);
      }
      ctx.fill();
    }
    const style = lightStyle(r.light.color, spec.theme, f.lang);
    const ix = cx + fs * 1.2;
    drawLightIcon(ctx, style.shape, style, ix, cy, fs * 0.45);
    let x = ix + fs;
    if (r.kind === "taskForce") {
      ctx.font = spec.boldFont;
      ctx.fillStyle = spec.text;
      // An opened task force whose tasks are on their way shows an ellipsis beside its count.
      const count = r.loading ? `${r.taskCount} …` : String(r.taskCount);
      const cw = ctx.measureText(count).width;
      const mix = r.folded ? fs * 3.2 + 8 : 0;
      ctx.fillText(
        f.fit(ctx, `${r.taskForce.code} ${r.taskForce.name}`, spec.leftWidth - x - cw - 16 - mix),
        x,
        cy,
      );
      if (r.folded) drawLightMix(ctx, f, r.folded, spec.leftWidth - cw - 16, cy);
      ctx.font = spec.smallFont;
      ctx.fillStyle = spec.muted;
      ctx.fillText(count, spec.leftWidth - cw - 10, cy);
    } else {
      ctx.font = spec.smallFont;
      ctx.fillStyle = spec.muted;
      ctx.fillText(r.task.code, x, cy);
      x += ctx.measureText(r.task.code).width + fs * 0.5;
      // A claimed completion's 待确认 badge takes the end of the title's room.
      const badge = claimedBadgeWidth(ctx, r.task, spec, f.lang);
      drawClaimedBadge(ctx, spec.leftWidth - 8, cy, badge, spec, f.lang);
      ctx.font = r.hasChildren ? spec.boldFont : spec.font;
      ctx.fillStyle = r.task.critical ? spec.critical : spec.text;
      ctx.fillText(f.fit(ctx, r.task.title, spec.leftWidth - x - 8 - (badge ? badge + 4 : 0)), x, cy);
    }
  }
  ctx.fillStyle = spec.border;
  ctx.fillRect(spec.leftWidth - 1, 0, 1, f.height);
}

function drawHeader(ctx: Ctx, f: FrameInput): void {
  const { spec, scale } = f;
  const h = spec.headerHeight;
  const ox = spec.leftWidth - f.scrollLeft;
  ctx.fillStyle = spec.headerBg;
  ctx.fillRect(0, 0, f.width, h);
  ctx.save();
  ctx.beginPath();
  ctx.rect(spec.leftWidth, 0, f.width - spec.leftWidth, h);
  ctx.clip();
  ctx.textBaseline = "middle";
  ctx.lineWidth = 1;
  const band = h / 2;
  const bands = [
    [f.ticks.major, 0, spec.boldFont, spec.text],
    [f.ticks.minor, band, spec.smallFont, spec.muted],
  ] as const;
  for (const [ticks, y, font, color] of bands) {
    ctx.font = font;
    ctx.strokeStyle = spec.border;
    for (let k = 0; k < ticks.length; k++) {
      const x = Math.round(ox + ticks[k]!.x) + 0.5;
      const next = k + 1 < ticks.length ? ox + ticks[k + 1]!.x : ox + scale.width;
      if (next < spec.leftWidth || x > f.width) continue;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x, y + band);
      ctx.stroke();
      const label = ticks[k]!.label;
      const w = ctx.measureText(label).width;
      if (next - x > w + 8) {
        // Sticky: the label stays at the left edge until the next tick pushes it out.
        ctx.fillStyle = color;
        ctx.fillText(label, Math.min(Math.max(x + 5, spec.leftWidth + 5), next - w - 6), y + band / 2);
      }
    }
  }
  const sx = ox + xOfDay(scale, f.statusDay);
  ctx.font = spec.smallFont;
  const tw = ctx.measureText(f.statusLabel).width + 12;
  ctx.fillStyle = spec.statusLine;
  ctx.beginPath();
  ctx.roundRect(sx - tw / 2, band + 3, tw, band - 6, 4);
  ctx.fill();
  ctx.fillStyle = spec.statusText;
  ctx.fillText(f.statusLabel, sx - tw / 2 + 6, band + band / 2);
  ctx.restore();
  ctx.fillStyle = spec.border;
  ctx.fillRect(0, h - 1, f.width, 1);
  ctx.fillRect(0, band, spec.leftWidth, 1);
  ctx.font = spec.boldFont;
  ctx.fillStyle = spec.text;
  ctx.textBaseline = "middle";
  ctx.fillText(f.paneTitle, 12, band / 2);
  ctx.fillRect(spec.leftWidth - 1, 0, 1, h);
}
