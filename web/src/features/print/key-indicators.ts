/** The task book's 量化指标: the task force's own indicators, each with its shares (层层衔接) beside it. */
import type { Indicator } from "../../api/types";

/** An indicator of the task book with the shares it is split into within the task force. */
export interface KeyIndicator<I extends Indicator = Indicator> {
  readonly indicator: I;
  readonly shares: I[];
}

/**
 * The task force's indicators that are not a share of another of its indicators (its own, or its
 * share of a district target), in their order, each with its shares within the task force, so that
 * a split among streets reads as one line of its parent rather than rows of their own.
 */
export function keyIndicators<I extends Indicator>(indicators: readonly I[]): KeyIndicator<I>[] {
  const ids = new Set(indicators.map((i) => i.id));
  const top = indicators.filter((i) => !i.parentId || !ids.has(i.parentId));
  return top.map((indicator) => ({
    indicator,
    shares: indicators.filter((s) => s.parentId === indicator.id),
  }));
}
