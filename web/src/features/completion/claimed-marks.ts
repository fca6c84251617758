/**
 * How the battle map shows a claimed completion (完成待确认): the bar hatched and outlined in its own
 * colour, a 待确认 badge after the task's title in the frozen pane, a line in the tooltip and an
 * entry in the legend. Canvas drawing here; every position comes from the battle map's geometry.
 */
import { isClaimed } from "../../../../src/vocabulary/index";
import type { BarGeometry } from "../battle-map/geometry";
import type { ThemeSpec } from "../battle-map/theme";
import type { Lang, Task } from "../battle-map/types";

type Ctx = CanvasRenderingContext2D;

/** Colour of the claimed mark per theme (none of the lights' or the other marks' colours). */
export const claimedColor = (spec: Pick<ThemeSpec, "theme">) =>
  spec.theme === "dark" ? "#ffd666" : "#ad6800";

const WORDS = {
  zh: {
    badge: "待确认",
    line: "完成确认",
    claimed: (d: string) => `已于 ${d} 报告完成，待确认`,
    legend: "完成待确认",
  },
  en: {
    badge: "To confirm",
    line: "Completion",
    claimed: (d: string) => `reported complete on ${d}, to confirm`,
    legend: "Completion to confirm",
  },
} as const;

/** Whether a battle-map task's completion is claimed (reported 100 %, not yet confirmed). */
export const isClaimedTask = (task: Pick<Task, "status" | "completion">) => isClaimed(task);

/** The tooltip line of a claimed task, or null. */
export function claimedTooltipLine(task: Task, lang: Lang): [string, string] | null {
  if (!isClaimed(task)) return null;
  return [WORDS[lang].line, WORDS[lang].claimed(task.actualFinish ?? "—")];
}

/** The legend's name of the claimed mark. */
export const claimedLegendText = (lang: Lang) => WORDS[lang].legend;

/** Diagonal hatching and a dashed outline over a claimed task's bar (screen offsets `ox`, `oy`). */
export function drawClaimedBar(ctx: Ctx, g: BarGeometry, spec: ThemeSpec, ox: number, oy: number): void {
  if (!g.bar || g.summary) return;
  const color = claimedColor(spec);
  const h = g.barHeight;
  const cy = oy + g.barY;
  const x0 = g.milestone ? ox + g.bar.x0 - h * 0.72 : ox + g.bar.x0;
  const x1 = g.milestone ? ox + g.bar.x0 + h * 0.72 : ox + g.bar.x1;
  const top = cy - h / 2 - 2;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, top, x1 - x0, h + 4);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.globalAlpha = 0.75;
  ctx.beginPath();
  for (let x = x0 - h; x < x1 + h; x += 6) {
    ctx.moveTo(x, cy + h / 2);
    ctx.lineTo(x + h, cy - h / 2);
  }
  ctx.stroke();
  ctx.restore();
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.setLineDash([4, 3]);
  ctx.strokeRect(x0 - 1, top + 1, x1 - x0 + 2, h + 2);
  ctx.setLineDash([]);
}

/** Width of the 待确认 badge in the frozen pane (0 for a task not claimed). */
export function claimedBadgeWidth(ctx: Ctx, task: Task, spec: ThemeSpec, lang: Lang): number {
  if (!isClaimed(task)) return 0;
  ctx.font = spec.smallFont;
  return ctx.measureText(WORDS[lang].badge).width + 10;
}

/** Draws the 待确认 badge of width `w` (from {@link claimedBadgeWidth}) ending at screen x `right`. */
export function drawClaimedBadge(
  ctx: Ctx,
  right: number,
  cy: number,
  w: number,
  spec: ThemeSpec,
  lang: Lang,
) {
  if (w <= 0) return;
  const color = claimedColor(spec);
  const h = spec.fontSize + 4;
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.setLineDash([3, 2]);
  ctx.strokeRect(right - w + 0.5, cy - h / 2 + 0.5, w - 1, h - 1);
  ctx.setLineDash([]);
  ctx.fillStyle = color;
  ctx.font = spec.smallFont;
  ctx.textBaseline = "middle";
  ctx.fillText(WORDS[lang].badge, right - w + 5, cy + 0.5);
}
