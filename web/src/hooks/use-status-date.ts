/** Hook: the organisation's status date (from the overview; today until it loads). */
import { useOverview } from "./use-data";

/** The status date `YYYY-MM-DD` the lights are computed at. */
export function useStatusDate(): string {
  const o = useOverview();
  return o.data?.statusDate ?? new Date().toISOString().slice(0, 10);
}
