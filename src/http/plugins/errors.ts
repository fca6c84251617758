import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, ERROR_CODES, type ErrorDetail, type ErrorKind, isAppError } from "../../shared/errors.js";
import { isAppPage } from "./web-app.js";

const STATUS: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

const CLIENT_CODES: Readonly<Record<number, string>> = {
  400: "VALIDATION",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  406: "NOT_ACCEPTABLE",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "RATE_LIMITED",
};

/** Maps a database driver's constraint errors (a race past the service's own checks) to kinds. */
function fromDriver(err: { code?: string; message?: string }): AppError | undefined {
  const code = String(err.code ?? "");
  if (
    code === "23505" ||
    code.startsWith("SQLITE_CONSTRAINT_UNIQUE") ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  ) {
    return new AppError("conflict", "a record with the same unique values already exists", {
      code: "DUPLICATE",
    });
  }
  if (code === "23503" || code === "SQLITE_CONSTRAINT_FOREIGNKEY") {
    return new AppError("conflict", "the change would break a reference between records", {
      code: "REFERENCE",
    });
  }
  return undefined;
}

function send(
  reply: import("fastify").FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: readonly ErrorDetail[],
) {
  return reply.status(status).send({ error: { code, message, ...(details?.length ? { details } : {}) } });
}

/**
 * One error handler for the whole API: AppErrors by kind, validation errors with one detail per
 * field, other client errors by status; anything else is a 500 whose details stay in the log.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? "body";
      const details = err.validation.map((v) => {
        const sub = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
        const extra = (v.params as { issue?: { keys?: string[] } })?.issue?.keys;
        return {
          path: sub ? `${where}.${sub}` : where,
          message: extra ? `${v.message}: ${extra.join(", ")}` : (v.message ?? "invalid"),
        };
      });
      return send(
        reply,
        400,
        ERROR_CODES.invalid,
        `invalid ${where}: ${details[0]?.path} ${details[0]?.message}`,
        details,
      );
    }
    const appError = isAppError(err) ? err : fromDriver(err);
    if (appError && appError.kind !== "internal") {
      return send(reply, STATUS[appError.kind], appError.code, appError.message, appError.details);
    }
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
    return send(reply, 500, ERROR_CODES.internal, "internal error; the server log has the details");
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app load its index page.
    if (
      typeof reply.sendFile === "function" &&
      isAppPage(request.method, request.url, request.headers.accept)
    ) {
      return reply.type("text/html; charset=utf-8").sendFile("index.html");
    }
    return send(reply, 404, ERROR_CODES.not_found, `no route ${request.method} ${request.url.split("?")[0]}`);
  });
}
