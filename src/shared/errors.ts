/**
 * The one error type of Guatu. Expected outcomes are values; an AppError is raised where a caller
 * (HTTP route, CLI command) needs an error, and is mapped to a status or exit code in one place.
 */
export type ErrorKind =
  | "invalid" // 400 / exit 2: the input is malformed
  | "unauthenticated" // 401
  | "forbidden" // 403
  | "not_found" // 404
  | "conflict" // 409: stale version, still referenced, duplicate
  | "too_large" // 413: an uploaded file over its limit
  | "unsupported_media_type" // 415: an uploaded file of a type not accepted
  | "unprocessable" // 422: well-formed but refers to something missing or breaks a rule
  | "rate_limited" // 429
  | "internal"; // 500: a bug

/** One problem inside an input, located by a path such as `tasks[3].duration` or `row 7, deadline`. */
export interface ErrorDetail {
  readonly path: string;
  readonly message: string;
}

/** Stable machine codes; listed with their HTTP status in docs/api.md. */
export const ERROR_CODES = {
  invalid: "VALIDATION",
  unauthenticated: "UNAUTHENTICATED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  too_large: "PAYLOAD_TOO_LARGE",
  unsupported_media_type: "UNSUPPORTED_MEDIA_TYPE",
  unprocessable: "UNPROCESSABLE",
  rate_limited: "RATE_LIMITED",
  internal: "INTERNAL",
} as const satisfies Record<ErrorKind, string>;

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly details: readonly ErrorDetail[];

  constructor(kind: ErrorKind, message: string, options: { code?: string; details?: ErrorDetail[] } = {}) {
    super(message);
    this.name = "AppError";
    this.kind = kind;
    this.code = options.code ?? ERROR_CODES[kind];
    this.details = options.details ?? [];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
