/**
 * Canvas sizing for any screen: the map is laid out in *layout pixels* (the sizes of the theme,
 * made for a 1920×1080 screen) and shown `magnify` times larger in CSS pixels (2 on a 3840×2160
 * big screen), while the backing store has one texel per device pixel, so text and bars stay crisp
 * whatever the zoom and the device pixel ratio.
 */

/** How one frame maps layout pixels → CSS pixels → device pixels. */
export interface CanvasSize {
  /** Backing-store size in device pixels (`canvas.width`, `canvas.height`). */
  readonly backingWidth: number;
  readonly backingHeight: number;
  /** The viewport in layout pixels: what `drawFrame` sees as its width and height. */
  readonly width: number;
  readonly height: number;
  /** Device pixels per layout pixel: the canvas transform (`devicePixelRatio × magnify`). */
  readonly pixelRatio: number;
}

/** A magnification that is usable: finite and positive, else 1. */
export function safeMagnify(magnify: number | undefined): number {
  return magnify !== undefined && Number.isFinite(magnify) && magnify > 0 ? magnify : 1;
}

/**
 * Sizes the canvas for a CSS box of `cssWidth × cssHeight` on a screen of `devicePixelRatio`,
 * magnified `magnify` times. Example: 3744×1880 CSS px at ratio 1, magnified 2 → a 3744×1880
 * backing store showing a 1872×940 layout-pixel frame.
 */
export function canvasSize(
  cssWidth: number,
  cssHeight: number,
  devicePixelRatio: number,
  magnify: number,
): CanvasSize {
  const dpr = devicePixelRatio > 0 && Number.isFinite(devicePixelRatio) ? devicePixelRatio : 1;
  const k = safeMagnify(magnify);
  return {
    backingWidth: Math.round(cssWidth * dpr),
    backingHeight: Math.round(cssHeight * dpr),
    width: cssWidth / k,
    height: cssHeight / k,
    pixelRatio: dpr * k,
  };
}
