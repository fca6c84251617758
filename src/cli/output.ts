import { EngineInputError } from "../engines/calendar/calendar-error.js";
import { isAppError } from "../shared/errors.js";

/** SPEC exit codes: 0 ok, 1 findings, 2 bad input or usage; anything unexpected is 3. */
export function exitCodeFor(e: unknown): number {
  if (e instanceof EngineInputError) return 2;
  if (!isAppError(e)) return 3;
  return e.status >= 500 ? 3 : 2;
}
