import type { ErrorDetail } from "../../vocabulary/index.js";

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

/**
 * Bad input to an engine: a stable `code`, a self-contained message and `details` that locate
 * each problem. Adapters map it to their own errors (HTTP 400, CLI exit 2); the engines know
 * nothing of them.
 */
export class EngineInputError extends Error {
  readonly code: EngineInputCode;
  readonly details: readonly ErrorDetail[];

  constructor(message: string, code: EngineInputCode, details: readonly ErrorDetail[] = []) {
    super(message);
    this.name = "EngineInputError";
    this.code = code;
    this.details = details;
  }
}

/** Bad calendar input; `details` locate each problem. */
export class CalendarInputError extends EngineInputError {
  constructor(message: string, code: EngineInputCode, details: readonly ErrorDetail[] = []) {
    super(message, code, details);
    this.name = "CalendarInputError";
  }
}
