import { AppError, type ErrorDetail } from "../../shared/errors.js";

/** Codes of input problems found by the calendar and schedule engines. */
export type EngineInputCode =
  | "BAD_CALENDAR"
  | "BAD_DATE"
  | "DATE_OUT_OF_RANGE"
  | "BAD_FILE"
  | "BAD_ID"
  | "DUPLICATE_ID"
  | "UNKNOWN_TASK"
  | "BAD_DURATION"
  | "BAD_LAG"
  | "BAD_TYPE"
  | "BAD_PERCENT"
  | "DEADLINE_BEFORE_START"
  | "END_BEFORE_START"
  | "CYCLE"
  | "PARENT_CYCLE";

/** Bad calendar input (kind `invalid`: HTTP 400, CLI exit 2); `details` locate each problem. */
export class CalendarInputError extends AppError {
  constructor(message: string, code: EngineInputCode, details: ErrorDetail[] = []) {
    super("invalid", message, { code, details });
    this.name = "CalendarInputError";
  }
}
