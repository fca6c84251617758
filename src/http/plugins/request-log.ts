import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from "fastify";
import { routePattern } from "./metrics.js";

/** An incoming `X-Request-Id` worth keeping (a proxy's or a client's): a short token of safe characters. */
const SANE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Load balancers poll these: a line each would drown the log. */
const HEALTH = /^\/api\/v1\/health(\/|$)/;

/** Longest path written to a line (a 404's path is whatever a client sent). */
const MAX_PATH = 200;

/** Fastify's `genReqId`: the caller's `X-Request-Id` when it is a sane token, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const sent = req.headers["x-request-id"];
  return typeof sent === "string" && SANE_ID.test(sent) ? sent : randomUUID();
}

/**
 * Fastify's own log lines less the two per request (incoming, completed) and "route not found",
 * which `registerRequestLog`'s one line replaces; a reply stream's failure is still logged.
 */
export class QuietRequestLog extends LogController {
  override incomingRequest(): void {}
  override routeNotFound(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    if (error) super.requestCompleted(error, request, reply);
  }
}

/** How long answers took over one period, by status class; percentiles by nearest rank. */
export class AccessSummary {
  #byClass: Record<string, number> = {};
  #ms: number[] = [];
  #count = 0;

  /** Remembers one answer (the first 100,000 of a period make the percentiles). */
  record(status: number, ms: number): void {
    const key = `${Math.floor(status / 100)}xx`;
    this.#byClass[key] = (this.#byClass[key] ?? 0) + 1;
    this.#count++;
    if (this.#ms.length < 100_000) this.#ms.push(ms);
  }

  /** The period's summary, or null when nothing was answered; starts the next period. */
  take(): { requests: number; status: Record<string, number>; p50Ms: number; p99Ms: number } | null {
    if (this.#count === 0) return null;
    const sorted = this.#ms.sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
    const out = { requests: this.#count, status: this.#byClass, p50Ms: at(0.5), p99Ms: at(0.99) };
    this.#byClass = {};
    this.#ms = [];
    this.#count = 0;
    return out;
  }
}

/** Whether a request gets an access line: API routes but health checks (static files never). */
const logged = (path: string) => path.startsWith("/api/") && !HEALTH.test(path);

/**
 * The request id and the access log: every answer carries `x-request-id` (the id pino writes as
 * `reqId`); each API request but health checks is one line at info — method, route pattern, path
 * without its query (a token in a query must not reach the log), status, ms — and every answer of
 * 500 or more, anywhere, one line at error with its error. With `summaryEveryMs`, a summary line
 * every period replaces the info lines.
 */
export function registerRequestLog(app: FastifyInstance, opts: { summaryEveryMs?: number }): void {
  const failures = new WeakMap<FastifyRequest, Error>();
  const summary = opts.summaryEveryMs ? new AccessSummary() : null;
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  app.addHook("onError", async (request, _reply, error) => {
    failures.set(request, error);
  });
  app.addHook("onResponse", async (request, reply) => {
    const status = reply.statusCode;
    const path = request.url.split("?", 1)[0]!.slice(0, MAX_PATH);
    if (status < 500 && !logged(path)) return;
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    summary?.record(status, ms);
    const line = { method: request.method, route: routePattern(request), path, status, ms };
    if (status >= 500) request.log.error({ ...line, err: failures.get(request) }, "request failed");
    else if (!summary) request.log.info(line, "request");
  });
  if (summary && opts.summaryEveryMs) {
    let since = Date.now();
    const flush = () => {
      const taken = summary.take();
      // The last period, cut short by a shutdown, says how long it was.
      const periodS = Math.round((Date.now() - since) / 1000);
      since = Date.now();
      if (taken) app.log.info({ periodS, ...taken }, "access summary");
    };
    const timer = setInterval(flush, opts.summaryEveryMs);
    timer.unref();
    app.addHook("onClose", async () => {
      clearInterval(timer);
      flush();
    });
  }
}
