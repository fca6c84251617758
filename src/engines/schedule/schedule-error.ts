import type { ErrorDetail } from "../../vocabulary/index.js";
import { CalendarInputError, type EngineInputCode } from "../calendar/calendar-error.js";

/** A schedule input problem with its code and location. */
export interface ScheduleProblem extends ErrorDetail {
  readonly code: EngineInputCode;
}

/**
 * Bad schedule input (kind `invalid`: HTTP 400, CLI exit 2). The message is the first problem,
 * self-contained (names the task and the field); `details` lists every problem found.
 */
export class ScheduleInputError extends CalendarInputError {
  constructor(readonly problems: readonly ScheduleProblem[]) {
    const first = problems[0]!;
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? "s" : ""})`
        : "";
    super(
      `${first.message}${more}`,
      first.code,
      // Each problem's code is its message key, so that callers can say it in their users' language.
      problems.map(({ code, path, message }) => ({ path, message, key: code })),
    );
    this.name = "ScheduleInputError";
  }
}
