import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { EngineInputError } from "../../engines/index.js";
import {
  AppError,
  ERRORS,
  type ErrorCode,
  type ErrorDetail,
  isAppError,
  isErrorCode,
} from "../../shared/errors.js";
import { type IssueLike, issueDetail } from "../../shared/messages.js";
import { countError } from "./metrics.js";
import type { HeaderSets } from "./security-headers.js";
import { isAppPage } from "./web-app.js";

const CLIENT_CODES: Readonly<Record<number, ErrorCode>> = {
  400: "VALIDATION",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  406: "NOT_ACCEPTABLE",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

/** Maps errors from below the services (engines, database drivers) to AppErrors; others stay bugs. */
function fromBelow(err: { code?: unknown; message?: string }): AppError | undefined {
  if (err instanceof EngineInputError)
    return new AppError(isErrorCode(err.code) ? err.code : "VALIDATION", err.message, err.details);
  const code = String(err.code ?? "");
  // A race past the service's own checks: the constraint still holds.
  if (
    code === "23505" ||
    code.startsWith("SQLITE_CONSTRAINT_UNIQUE") ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  )
    return new AppError("DUPLICATE", "a record with the same unique values already exists");
  if (code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY")
    return new AppError("REFERENCE", "the change would break a reference between records");
  return undefined;
}

function send(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: readonly ErrorDetail[],
) {
  countError(reply, code);
  // A 5xx names its request: the id finds the log line with the error.
  const requestId = status >= 500 ? { requestId: reply.request.id } : {};
  return reply
    .status(status)
    .send({ error: { code, message, ...(details?.length ? { details } : {}), ...requestId } });
}

/**
 * One error handler for the whole API: AppErrors by their registered code and status, validation
 * errors with one detail per field, other client errors by status; anything else is a 500 whose
 * details stay in the log. Each answer is counted by its code (plugins/metrics.ts); a 5xx names its
 * request id.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? "body";
      // The provider hands each zod issue over as keyword (its code), path and params (the rest).
      const details = err.validation.map((v) => {
        const issue: IssueLike = {
          ...v.params,
          code: v.keyword,
          message: v.message ?? "invalid",
          path: v.instancePath.split("/").filter(Boolean),
        };
        return issueDetail(issue, where);
      });
      return send(
        reply,
        400,
        "VALIDATION",
        `invalid ${where}: ${details[0]?.path} ${details[0]?.message}`,
        details,
      );
    }
    const appError = isAppError(err) ? err : fromBelow(err);
    if (appError && appError.status < 500)
      return send(reply, appError.status, appError.code, appError.message, appError.details);
    if (appError?.code === "UNAVAILABLE") return send(reply, 503, appError.code, appError.message);
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message =
        err instanceof SyntaxError
          ? `body is not valid JSON: ${err.message}`
          : status === 413
            ? `request body is larger than this route's limit of ${request.routeOptions.bodyLimit} bytes`
            : err.message;
      return send(reply, status, CLIENT_CODES[status] ?? "BAD_REQUEST", message);
    }
    // The error itself is logged with the request's line (plugins/request-log.ts).
    return send(reply, 500, "INTERNAL", "internal error; the server log has the details");
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app load its index page.
    if (
      typeof reply.sendFile === "function" &&
      isAppPage(request.method, request.url, request.headers.accept)
    ) {
      return reply.type("text/html; charset=utf-8").sendFile("index.html");
    }
    return send(reply, 404, "NOT_FOUND", `no route ${request.method} ${request.url.split("?")[0]}`);
  });
}

/** The error body of the API, as text. */
const bodyOf = (code: ErrorCode, message: string) => JSON.stringify({ error: { code, message } });

/**
 * Answers requests Node cannot parse (a bad Content-Length, headers too large, a body that never
 * arrives) in the API's error shape, with the security headers, then closes the connection:
 * Fastify's own answer is `{"error":"Bad Request",…}` without them.
 */
export function clientErrorHandler(headers: Readonly<Record<string, string>>) {
  return (err: NodeJS.ErrnoException, socket: Socket): void => {
    if (err.code === "ECONNRESET" || socket.destroyed) return;
    const [code, message]: [ErrorCode, string] =
      err.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? ["REQUEST_TIMEOUT", "the request did not arrive whole within the time allowed"]
        : err.code === "HPE_HEADER_OVERFLOW"
          ? ["HEADERS_TOO_LARGE", "the request's headers are larger than the server accepts"]
          : ["MALFORMED_REQUEST", "the HTTP request is malformed (request line, headers or Content-Length)"];
    const status = ERRORS[code].status;
    const body = bodyOf(code, message);
    const lines = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}`,
      "Content-Type: application/json; charset=utf-8",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Connection: close",
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.end(`${lines.join("\r\n")}\r\n\r\n${body}`);
  };
}

/**
 * Fastify's own refusals before any route (a path parameter over 100 characters, a URL it cannot
 * decode) in the API's error shape with the security headers, as 400 `MALFORMED_REQUEST`.
 */
export function frameworkErrorHandler(sets: HeaderSets) {
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    // No hook runs before this answer, so the request-id header is set here.
    reply.headers(request.protocol === "https" ? sets.secure : sets.plain).header("x-request-id", request.id);
    const message =
      err.code === "FST_ERR_MAX_PARAM_LENGTH"
        ? "a path parameter is longer than 100 characters"
        : "the URL cannot be decoded";
    return send(reply, 400, "MALFORMED_REQUEST", message);
  };
}
