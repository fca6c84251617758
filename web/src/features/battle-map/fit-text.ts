/**
 * Text truncation with an ellipsis, cached per font, width and text (labels repeat every frame).
 */

/** A truncating function with its own cache; drop it when the font changes. */
export function createFitText(): (ctx: CanvasRenderingContext2D, text: string, width: number) => string {
  const cache = new Map<string, string>();
  return (ctx, text, width) => {
    const w = Math.floor(width);
    const key = `${ctx.font}|${w}|${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let out = text;
    if (ctx.measureText(text).width > w) {
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (ctx.measureText(`${text.slice(0, mid)}…`).width <= w) lo = mid;
        else hi = mid - 1;
      }
      out = lo > 0 ? `${text.slice(0, lo)}…` : "";
    }
    if (cache.size > 20_000) cache.clear();
    cache.set(key, out);
    return out;
  };
}
