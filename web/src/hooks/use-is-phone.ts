/** Hook: whether the window is phone-sized (below antd's `md` breakpoint, 768 px). */
import { Grid } from "antd";

/**
 * True below `md`. Before antd has measured the window (the first render) the breakpoints are
 * unknown and this is false, so a desktop never flashes the phone layout.
 */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().md === false;
}
