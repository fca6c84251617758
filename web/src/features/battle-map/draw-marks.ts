/**
 * Canvas drawing of single marks: light icons, bars, milestones, late-start markers, arrows.
 * Imperative by nature; every position comes from the pure geometry functions.
 */
import type { ArrowRoute } from "./arrows";
import type { BarGeometry } from "./geometry";
import type { LightShape, LightStyle } from "./lights";
import type { ThemeSpec } from "./theme";

type Ctx = CanvasRenderingContext2D;

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  const rr = Math.min(r, w / 2, h / 2);
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, rr);
}

/** A light's icon centred at (cx, cy) with radius r: a distinct shape per light. */
export function drawLightIcon(
  ctx: Ctx,
  shape: LightShape,
  style: LightStyle,
  cx: number,
  cy: number,
  r: number,
) {
  ctx.lineWidth = Math.max(1.5, r * 0.28);
  ctx.fillStyle = style.fill;
  ctx.strokeStyle = style.strong;
  const bang = (color: string, top: number, bottom: number) => {
    ctx.fillStyle = color;
    ctx.fillRect(cx - r * 0.13, cy + top, r * 0.26, bottom - top - r * 0.42);
    ctx.fillRect(cx - r * 0.13, cy + bottom - r * 0.26, r * 0.26, r * 0.26);
  };
  switch (shape) {
    case "alert":
      roundRect(ctx, cx - r, cy - r, 2 * r, 2 * r, r * 0.3);
      ctx.fillStyle = style.icon;
      ctx.fill();
      bang("#fff", -r * 0.62, r * 0.62);
      break;
    case "warn":
      ctx.beginPath();
      ctx.moveTo(cx, cy - r * 1.05);
      ctx.lineTo(cx + r * 1.12, cy + r * 0.9);
      ctx.lineTo(cx - r * 1.12, cy + r * 0.9);
      ctx.closePath();
      ctx.fill();
      bang("#3d2a00", -r * 0.38, r * 0.72);
      break;
    case "dot":
      ctx.beginPath();
      ctx.arc(cx, cy, r * 0.9, 0, Math.PI * 2);
      ctx.fill();
      break;
    case "ring":
      ctx.beginPath();
      ctx.arc(cx, cy, r * 0.78, 0, Math.PI * 2);
      ctx.stroke();
      break;
    case "check":
      ctx.beginPath();
      ctx.arc(cx, cy, r * 0.95, 0, Math.PI * 2);
      ctx.fillStyle = style.fill;
      ctx.fill();
      ctx.strokeStyle = "#fff";
      ctx.beginPath();
      ctx.moveTo(cx - r * 0.45, cy + r * 0.02);
      ctx.lineTo(cx - r * 0.1, cy + r * 0.38);
      ctx.lineTo(cx + r * 0.5, cy - r * 0.35);
      ctx.stroke();
      break;
  }
}

/** Everything a bar is drawn with. */
export interface BarPaint {
  readonly style: LightStyle;
  readonly critical: boolean;
  readonly spec: ThemeSpec;
  /** Screen x of content x = 0. */
  readonly ox: number;
  /** Screen y offset (content y → screen y). */
  readonly oy: number;
  readonly rowTop: number;
}

/** The baseline bar and the float whisker (drawn under the current bar). */
export function drawUnderlay(ctx: Ctx, g: BarGeometry, p: BarPaint): void {
  const { ox, oy, spec } = p;
  if (g.baseline) {
    ctx.fillStyle = spec.baseline;
    const y = oy + g.baselineY - g.baselineHeight / 2;
    ctx.fillRect(ox + g.baseline.x0, y, g.baseline.x1 - g.baseline.x0, g.baselineHeight);
  }
  if (g.bar && g.lateFinishX !== null && g.lateFinishX > g.bar.x1 + 2 && !g.milestone) {
    const y = Math.round(oy + g.barY) + 0.5;
    ctx.strokeStyle = spec.muted;
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(ox + g.bar.x1, y);
    ctx.lineTo(ox + g.lateFinishX, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(ox + g.lateFinishX, y - 4);
    ctx.lineTo(ox + g.lateFinishX, y + 4);
    ctx.stroke();
  }
}

/** The current bar (or summary bracket, or milestone diamond), its progress and light icon. */
/** `percentFrom`: screen x left of which the percent label may not go (null: no label). */
export function drawBar(ctx: Ctx, g: BarGeometry, p: BarPaint, percentFrom: number | null): void {
  if (!g.bar) return;
  const { ox, oy, spec, style } = p;
  const x0 = ox + g.bar.x0;
  const x1 = ox + g.bar.x1;
  const cy = oy + g.barY;
  const h = g.barHeight;
  let iconX = x1 + h * 0.55 + 3;
  if (g.milestone) {
    const s = h * 0.72;
    ctx.beginPath();
    ctx.moveTo(x0, cy - s);
    ctx.lineTo(x0 + s, cy);
    ctx.lineTo(x0, cy + s);
    ctx.lineTo(x0 - s, cy);
    ctx.closePath();
    ctx.fillStyle = style.fill;
    ctx.fill();
    ctx.lineWidth = p.critical ? 2.5 : 1.5;
    ctx.strokeStyle = p.critical ? spec.critical : style.strong;
    ctx.stroke();
    iconX = x0 + s + h * 0.5 + 3;
  } else if (g.summary) {
    const sh = Math.max(4, h * 0.4);
    const top = cy - h / 2;
    ctx.fillStyle = p.critical ? spec.critical : spec.summary;
    ctx.fillRect(x0, top, x1 - x0, sh);
    const cap = Math.min(sh * 1.6, (x1 - x0) / 2);
    for (const [a, b] of [
      [x0, x0 + cap],
      [x1, x1 - cap],
    ] as const) {
      ctx.beginPath();
      ctx.moveTo(a, top);
      ctx.lineTo(b, top);
      ctx.lineTo(a, top + sh + cap * 0.9);
      ctx.closePath();
      ctx.fill();
    }
    ctx.fillStyle = style.fill;
    ctx.fillRect(x0, top + sh, (x1 - x0) * g.progress, 2);
  } else {
    const w = x1 - x0;
    roundRect(ctx, x0, cy - h / 2, w, h, 3);
    ctx.fillStyle = style.fill;
    ctx.fill();
    if (g.progress > 0) {
      ctx.save();
      ctx.clip();
      // Done work is the darker part of the bar in both themes.
      ctx.fillStyle = spec.theme === "dark" ? "#000000" : style.strong;
      ctx.globalAlpha = spec.theme === "dark" ? 0.32 : 0.45;
      ctx.fillRect(x0, cy - h / 2, w * g.progress, h);
      ctx.restore();
    }
    if (p.critical) {
      ctx.lineWidth = 2;
      ctx.strokeStyle = spec.critical;
      roundRect(ctx, x0 - 1, cy - h / 2 - 1, w + 2, h + 2, 4);
      ctx.stroke();
    }
    const lx = percentFrom === null ? 0 : Math.max(x0, percentFrom) + 4;
    if (percentFrom !== null && x1 - lx > spec.fontSize * 2.6) {
      ctx.fillStyle = spec.theme === "dark" ? "#0b1220" : "#1f2733";
      ctx.font = p.spec.smallFont;
      ctx.textBaseline = "middle";
      ctx.fillText(`${Math.round(g.progress * 100)}%`, lx, cy + 0.5);
    }
  }
  drawLightIcon(ctx, style.shape, style, iconX, cy, h * 0.45);
}

/** The late-start marker (倒排): a small downward triangle and tick at the latest start. */
export function drawLateStart(ctx: Ctx, g: BarGeometry, p: BarPaint): void {
  if (g.lateStartX === null) return;
  const x = Math.round(p.ox + g.lateStartX) + 0.5;
  const top = p.oy + p.rowTop + 2;
  const s = Math.max(4, g.barHeight * 0.32);
  ctx.fillStyle = p.spec.late;
  ctx.beginPath();
  ctx.moveTo(x - s, top);
  ctx.lineTo(x + s, top);
  ctx.lineTo(x, top + s * 1.2);
  ctx.closePath();
  ctx.fill();
  ctx.strokeStyle = p.spec.late;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(x, top + s);
  ctx.lineTo(x, p.oy + g.barY + g.barHeight / 2);
  ctx.stroke();
}

/** Colour of a pending 延期申请's mark, per theme (none of the lights' or the other marks' colours). */
export const extensionColor = (spec: ThemeSpec) => (spec.theme === "dark" ? "#4fd1c5" : "#0e7c86");

/**
 * A pending 延期申请 on a task's row: a dashed line from where the task ends now (screen x `from`)
 * to the deadline asked for (screen x `to`), with a small flag there.
 */
export function drawExtensionMark(
  ctx: Ctx,
  from: number,
  to: number,
  cy: number,
  h: number,
  spec: ThemeSpec,
) {
  const color = extensionColor(spec);
  const y = Math.round(cy) + 0.5;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.5;
  if (to > from + 2) {
    ctx.setLineDash([4, 3]);
    ctx.beginPath();
    ctx.moveTo(from, y);
    ctx.lineTo(to, y);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  const x = Math.round(to) + 0.5;
  const top = cy - h * 0.75;
  ctx.beginPath();
  ctx.moveTo(x, cy + h * 0.5);
  ctx.lineTo(x, top);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(x, top);
  ctx.lineTo(x + h * 0.6, top + h * 0.22);
  ctx.lineTo(x, top + h * 0.44);
  ctx.closePath();
  ctx.fill();
}

/** A routed dependency arrow, offset to the screen. */
export function drawArrow(ctx: Ctx, route: ArrowRoute, ox: number, oy: number, color: string, width: number) {
  const pts = route.points;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(ox + pts[0]!, oy + pts[1]!);
  for (let i = 2; i < pts.length; i += 2) ctx.lineTo(ox + pts[i]!, oy + pts[i + 1]!);
  ctx.stroke();
  const tx = ox + pts[pts.length - 2]!;
  const ty = oy + pts[pts.length - 1]!;
  const a = 3 + width * 1.5;
  ctx.beginPath();
  ctx.moveTo(tx, ty);
  ctx.lineTo(tx - route.headDir * a * 1.4, ty - a);
  ctx.lineTo(tx - route.headDir * a * 1.4, ty + a);
  ctx.closePath();
  ctx.fill();
}
