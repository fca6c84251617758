import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler } from "fastify-type-provider-zod";
import type { Secret } from "../config/load-config.js";
import type { DatabaseHandle } from "../db/connection.js";
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from "../domain/accounts/session.service.js";
import { registerAuth } from "./plugins/auth.js";
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandling } from "./plugins/errors.js";
import { registerMetrics } from "./plugins/metrics.js";
import { QuietRequestLog, registerRequestLog, requestIdOf } from "./plugins/request-log.js";
import { headerSets, registerSecurityHeaders } from "./plugins/security-headers.js";
import { encoderOf, jsonSerializerCompiler } from "./plugins/serializer.js";
import { registerWebApp } from "./plugins/web-app.js";
import type { Rule } from "./policy.js";
import { answerSheetRoutes } from "./routes/answer-sheet/answer-sheet.routes.js";
import { attachmentRoutes } from "./routes/attachments/attachments.routes.js";
import { authRoutes } from "./routes/auth/auth.routes.js";
import { baselineRoutes } from "./routes/baselines/baselines.routes.js";
import { cascadeRoutes } from "./routes/cascade/cascade.routes.js";
import { chasingRoutes } from "./routes/chasing/chasing.routes.js";
import { closedLoopRoutes } from "./routes/closed-loop/closed-loop.routes.js";
import { commentRoutes } from "./routes/comments/comments.routes.js";
import { completionRoutes } from "./routes/completion/completion.routes.js";
import { dispatchRoutes } from "./routes/dispatch/dispatch.routes.js";
import { extensionRoutes } from "./routes/extensions/extensions.routes.js";
import { goalRoutes } from "./routes/goals/goals.routes.js";
import { indicatorRoutes } from "./routes/indicators/indicators.routes.js";
import { ledgerRoutes } from "./routes/ledger/ledger.routes.js";
import { orgRoutes } from "./routes/org/org.routes.js";
import { outboxRoutes } from "./routes/outbox/outbox.routes.js";
import { progressReportRoutes } from "./routes/progress-reports/progress-reports.routes.js";
import { scheduleRoutes } from "./routes/schedule/schedule.routes.js";
import { searchRoutes } from "./routes/search/search.routes.js";
import { settingsRoutes } from "./routes/settings/settings.routes.js";
import { supervisionRoutes } from "./routes/supervision/supervision.routes.js";
import { metricsRoutes } from "./routes/system/metrics.routes.js";
import { systemRoutes } from "./routes/system/system.routes.js";
import { taskForceRoutes } from "./routes/task-forces/task-forces.routes.js";
import { taskRoutes } from "./routes/tasks/tasks.routes.js";
import { timelineRoutes } from "./routes/timeline/timeline.routes.js";
import { registerWarmUp } from "./warm-up.js";

/** What the app is built from; tests pass an in-memory or per-test database. */
export interface AppOptions {
  readonly database: DatabaseHandle;
  readonly version: string;
  readonly logger?: FastifyServerOptions["logger"];
  readonly sessions?: SessionPolicy;
  /** The instant services work at (status dates, audit times); the real clock by default. */
  readonly clock?: () => Date;
  /**
   * Fastify's `trustProxy` (GUATU_TRUST_PROXY): behind a reverse proxy, the client's address and
   * protocol come from its `X-Forwarded-*` headers (the login throttle keys on that address, the
   * cookie is `Secure` and HSTS sent when the proxy speaks TLS). Off by default.
   */
  readonly trustProxy?: boolean | string;
  /** The built web app's folder (web/dist by default; a test's own build). */
  readonly webRoot?: string;
  /**
   * Milliseconds a client has to send a whole request, headers and body (default 2 minutes: a
   * 10 MiB evidence file over a slow line); a connection that dribbles its body is closed then.
   */
  readonly requestTimeout?: number;
  /**
   * Milliseconds a connection may stay silent (no byte either way) before it is closed (default
   * 5 minutes, beyond the longest import or export); Node checks `requestTimeout` only every 30 s.
   */
  readonly idleTimeout?: number;
  /** GUATU_METRICS_TOKEN: a Bearer secret a Prometheus scraper may read `/api/v1/metrics` with. */
  readonly metricsToken?: Secret | null;
  /**
   * GUATU_ACCESS_SUMMARY: one access summary line every this many milliseconds instead of a line
   * per API request (errors of 500 and above are still logged one by one); unset, a line per request.
   */
  readonly accessSummaryMs?: number;
  /**
   * Whether every answer is also validated against its zod schema and compared with zod's encoding
   * (plugins/serializer.ts): on by default, for tests; the server turns it off (a list of 100 tasks
   * spent a sixth of its time in zod).
   */
  readonly checkResponses?: boolean;
}

/** One API route and its access rule, as collected at start-up (the permission matrix test reads it). */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly rule: Rule;
}

declare module "fastify" {
  interface FastifyInstance {
    routeTable: RouteEntry[];
    /** An encoder of one wire schema, made and checked as the routes' serializers are. */
    encoderFor: ReturnType<typeof encoderOf>;
  }
}

/** The Content-Security-Policy of every answer (the web app's and the API's). */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Ant Design and ECharts set inline styles; scripts stay strictly 'self'.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  // The installable app: its service worker (web/public/sw.js) and manifest, same origin only.
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/** Request bodies larger than this are refused with 413 (a task book is far smaller). */
export const BODY_LIMIT = 1024 * 1024;

/**
 * Builds the Fastify app without listening (server.ts listens; tests use `app.inject()`).
 * Every `/api/` route must declare an access rule, or the app refuses to start.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const headers = headerSets(CSP_DIRECTIVES);
  const app = Fastify({
    logger: options.logger ?? false,
    clientErrorHandler: clientErrorHandler(headers.plain),
    frameworkErrors: frameworkErrorHandler(headers),
    bodyLimit: BODY_LIMIT,
    ajv: undefined,
    trustProxy: options.trustProxy ?? false,
    requestTimeout: options.requestTimeout ?? 120_000,
    connectionTimeout: options.idleTimeout ?? 300_000,
    // Idle keep-alive connections are closed after this (Node's default is 5 s; proxies pool longer).
    keepAliveTimeout: 65_000,
    // One line per request, written by plugins/request-log.ts, instead of Fastify's two.
    logController: new QuietRequestLog(),
    requestIdHeader: false,
    genReqId: requestIdOf,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler({ check: options.checkResponses ?? true }));
  app.decorate("encoderFor", encoderOf({ check: options.checkResponses ?? true }));
  registerErrorHandling(app);

  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/v1") && !route.config?.rule) {
      throw new Error(`route ${route.method} ${route.url} declares no access rule (src/http/policy.ts)`);
    }
  });
  app.decorate("routeTable", [] as RouteEntry[]);
  app.decorate("clock", options.clock ?? (() => new Date()));
  registerWarmUp(app);
  app.addHook("onRoute", (route) => {
    const rule = route.config?.rule;
    if (!route.url.startsWith("/api/v1") || !rule) return;
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") app.routeTable.push({ method, url: route.url, rule });
    }
  });
  registerRequestLog(app, { summaryEveryMs: options.accessSummaryMs });
  registerMetrics(app, { database: options.database, version: options.version });
  registerSecurityHeaders(app, headers);
  await registerAuth(app, {
    database: options.database,
    sessions: options.sessions ?? DEFAULT_SESSION_POLICY,
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Guatu (挂图) API",
        version: options.version,
        description:
          "Task forces, battle map, backward scheduling, lights, supervision and assessment. Errors: docs/api.md.",
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });

  const deps = {
    database: options.database,
    version: options.version,
    sessions: options.sessions ?? DEFAULT_SESSION_POLICY,
  };
  await app.register(systemRoutes, deps);
  await app.register(metricsRoutes, { machineToken: options.metricsToken ?? null });
  await app.register(authRoutes, deps);
  await app.register(orgRoutes, deps);
  await app.register(goalRoutes, deps);
  await app.register(taskForceRoutes, deps);
  await app.register(taskRoutes, deps);
  await app.register(completionRoutes, deps);
  await app.register(indicatorRoutes, deps);
  await app.register(progressReportRoutes, deps);
  await app.register(supervisionRoutes, deps);
  await app.register(commentRoutes, deps);
  await app.register(scheduleRoutes, deps);
  await app.register(baselineRoutes, deps);
  await app.register(closedLoopRoutes, deps);
  await app.register(chasingRoutes, deps);
  await app.register(dispatchRoutes, deps);
  await app.register(answerSheetRoutes, deps);
  await app.register(extensionRoutes, deps);
  await app.register(timelineRoutes, deps);
  await app.register(searchRoutes, deps);
  await app.register(cascadeRoutes, deps);
  await app.register(settingsRoutes, deps);
  await app.register(outboxRoutes, deps);
  await app.register(attachmentRoutes, deps);
  await app.register(ledgerRoutes, deps);
  if (!(await registerWebApp(app, options.webRoot))) {
    app.get("/", { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type("text/plain; charset=utf-8")
        .send(
          "The web app is not built: run `npm run build`. The API is at /api/v1, its docs at /api/docs.\n",
        ),
    );
  }
  return app;
}
