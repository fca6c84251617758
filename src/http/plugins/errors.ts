import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { EngineInputError } from "../../engines/index.js";
import { AppError, type ErrorCode, type ErrorDetail, isAppError, isErrorCode } from "../../shared/errors.js";
import { type IssueLike, issueDetail } from "../../shared/messages.js";
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
  return reply.status(status).send({ error: { code, message, ...(details?.length ? { details } : {}) } });
}

/**
 * One error handler for the whole API: AppErrors by their registered code and status, validation
 * errors with one detail per field, other client errors by status; anything else is a 500 whose
 * details stay in the log.
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
    request.log.error({ err }, "internal error");
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
