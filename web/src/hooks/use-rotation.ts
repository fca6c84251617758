/**
 * Hooks of the big screen (大屏): a rotation through named slides that advances every interval
 * unless held (pause button, space) or hovered, stepped with ← and →; and the screen's scale.
 */
import { useCallback, useEffect, useRef, useState } from "react";

/** How a rotation starts and how fast it goes. */
export interface RotationOptions {
  /** Milliseconds per slide. */
  readonly intervalMs: number;
  /** The slide to start at: a key, or a 1-based position ("3" is the third slide). */
  readonly start?: string | null;
  /** Start held (paused) — a pinned screen. */
  readonly startHeld?: boolean;
}

/** The rotation's state and controls. */
export interface Rotation {
  readonly index: number;
  /** Paused by the button or the space bar. */
  readonly held: boolean;
  /** Paused because the pointer is over the slide. */
  readonly hovered: boolean;
  /** A timer is set to advance: neither held nor hovered, and more than one slide. */
  readonly running: boolean;
  readonly go: (step: number) => void;
  readonly goTo: (key: string) => void;
  readonly setHeld: (held: boolean) => void;
  readonly setHovered: (hovered: boolean) => void;
}

/** The index of `start` among `keys` (a key or a 1-based position), or -1. */
export function startIndex(start: string | null | undefined, keys: readonly string[]): number {
  if (!start) return -1;
  const at = keys.indexOf(start);
  if (at >= 0) return at;
  const n = /^\d+$/.test(start) ? Number(start) : 0;
  return n >= 1 && n <= keys.length ? n - 1 : -1;
}

/** Where a chosen key is now; a page that went away falls back to its first page ("tf-01.3" → "tf-01"). */
function indexOfChosen(chosen: string, keys: readonly string[]): number {
  const at = keys.indexOf(chosen);
  return at >= 0 ? at : Math.max(0, keys.indexOf(chosen.split(".")[0] ?? ""));
}

/** Typing in a field or pressing a focused control keeps its own keys. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("input, textarea, select, [contenteditable=true]")) return true;
  return key === " " && target.closest("button, [role=button], a") !== null;
}

/**
 * A rotation through `keys`. The current slide is remembered by key, so a refetch that rebuilds
 * the list (same keys) neither resets nor restarts it; a manual step restarts the interval.
 */
export function useRotation(keys: readonly string[], o: RotationOptions): Rotation {
  const [chosen, setChosen] = useState<string | null>(null);
  const [held, setHeld] = useState(o.startHeld === true);
  const [hovered, setHovered] = useState(false);
  const index = chosen === null ? Math.max(0, startIndex(o.start, keys)) : indexOfChosen(chosen, keys);
  const running = !held && !hovered && keys.length > 1;
  const now = useRef({ keys, index });
  now.current = { keys, index };
  const go = useCallback((step: number) => {
    const { keys: ks, index: i } = now.current;
    if (ks.length > 0) setChosen(ks[(((i + step) % ks.length) + ks.length) % ks.length] ?? null);
  }, []);
  const goTo = useCallback((key: string) => setChosen(key), []);
  const signature = keys.join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new slide or a changed list restarts the interval
  useEffect(() => {
    if (!running) return;
    const h = setTimeout(() => go(1), o.intervalMs);
    return () => clearTimeout(h);
  }, [running, o.intervalMs, index, signature, go]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target, e.key)) return;
      if (e.key === "ArrowRight") go(1);
      else if (e.key === "ArrowLeft") go(-1);
      else if (e.key === " ") setHeld((p) => !p);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go]);
  return { index, held, hovered, running, go, goTo, setHeld, setHovered };
}

/** The big screen's scale: 1 at 1920 px wide, 2 at 3840 px. */
const viewportScale = () => Math.max(1, Math.min(window.innerWidth / 1920, window.innerHeight / 1080));

/** The big screen's scale, kept up to date on resize. */
export function useViewportScale(): number {
  const [scale, setScale] = useState(viewportScale);
  useEffect(() => {
    const on = () => setScale(viewportScale());
    window.addEventListener("resize", on);
    return () => window.removeEventListener("resize", on);
  }, []);
  return scale;
}
