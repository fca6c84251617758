import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { ConnectionCounts, DatabaseHandle } from "../../db/connection.js";
import type { ReadObserver } from "../../domain/context.js";

/** The app's counters, in a registry of its own (a test process builds many apps). */
export interface AppMetrics {
  /** Hears the services' cache lookups (`ServiceContext.observer`). */
  readonly reads: ReadObserver;
  /** Counts an error answer by its code (src/shared/errors.ts, or the auth hook's). */
  error(code: string): void;
  /** The Content-Type of `scrape()`'s text. */
  readonly contentType: string;
  /** Every metric in Prometheus' text format: the app's own and the process's. */
  scrape(): Promise<string>;
}

declare module "fastify" {
  interface FastifyInstance {
    metrics: AppMetrics;
  }
}

/** Seconds; from a cached read (milliseconds) to an import of a large ledger (a minute). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** The route pattern of a request (`/api/v1/tasks/:id`), never its URL (unbounded labels); `unmatched` for a 404. */
export function routePattern(request: FastifyRequest): string {
  return request.is404 ? "unmatched" : (request.routeOptions.url ?? "unmatched");
}

/** Counts an error answer under its code. */
export function countError(reply: FastifyReply, code: string): void {
  reply.server.metrics.error(code);
}

let processMetrics: Registry | undefined;

/** Node's own metrics (CPU, memory, event loop, GC), collected once per process however many apps it builds. */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

/** Gauges of the database's connections, one per count the dialect can tell (SQLite: no idle, no queue). */
function connectionGauges(registry: Registry, database: DatabaseHandle): void {
  const counts = database.connections;
  if (!counts) return;
  const gauges: readonly [keyof ConnectionCounts, string, string][] = [
    [
      "max",
      "guatu_db_pool_max_connections",
      "Connections the database pool may open (PostgreSQL: the pool's size; SQLite: its one connection)",
    ],
    [
      "open",
      "guatu_db_pool_open_connections",
      "Connections open now (PostgreSQL: the pool's totalCount; SQLite: 1 while the file is open)",
    ],
    [
      "idle",
      "guatu_db_pool_idle_connections",
      "Open connections not in use (PostgreSQL: the pool's idleCount)",
    ],
    [
      "waiting",
      "guatu_db_pool_waiting_queries",
      "Queries waiting for a free connection (PostgreSQL: the pool's waitingCount)",
    ],
  ];
  const first = counts();
  for (const [key, name, help] of gauges) {
    // A count the dialect cannot tell is left out rather than shown as 0.
    if (first[key] === undefined) continue;
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(counts()[key] ?? 0);
      },
    });
  }
}

/** The request, error and cache counters of one app. */
function appCounters(registry: Registry) {
  const registers = [registry];
  return {
    requests: new Counter({
      name: "guatu_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status",
      labelNames: ["method", "route", "status"] as const,
      registers,
    }),
    duration: new Histogram({
      name: "guatu_http_request_duration_seconds",
      help: "Time from a request's arrival to its answer, by method and route pattern",
      labelNames: ["method", "route"] as const,
      buckets: DURATION_BUCKETS,
      registers,
    }),
    errors: new Counter({
      name: "guatu_http_errors_total",
      help: "Error answers by their code (docs/api.md#errors)",
      labelNames: ["code"] as const,
      registers,
    }),
    hits: new Counter({
      name: "guatu_cache_hits_total",
      help: "Reads served from an in-process cache, by cache (a read model's name, closed-loop-snapshot)",
      labelNames: ["cache"] as const,
      registers,
    }),
    misses: new Counter({
      name: "guatu_cache_misses_total",
      help: "Reads that rendered or read afresh because the cache held no current copy, by cache",
      labelNames: ["cache"] as const,
      registers,
    }),
  };
}

/**
 * Prometheus metrics of this app, in a registry of its own: requests and their latency by route
 * pattern, error answers by code, the database's connections, the read caches' hits and misses,
 * and Node's process metrics (shared by the process's apps). `GET /api/v1/metrics` serves them
 * (routes/system/metrics.routes.ts).
 */
export function registerMetrics(
  app: FastifyInstance,
  opts: { database: DatabaseHandle; version: string },
): void {
  const registry = new Registry();
  const { requests, duration, errors, hits, misses } = appCounters(registry);
  new Gauge({
    name: "guatu_info",
    help: "Always 1: the running version and database kind",
    labelNames: ["version", "db"] as const,
    registers: [registry],
  }).set({ version: opts.version, db: opts.database.dialect }, 1);
  connectionGauges(registry, opts.database);
  const all = Registry.merge([registry, processRegistry()]);
  app.decorate("metrics", {
    reads: { cacheLookup: (cache, hit) => (hit ? hits : misses).inc({ cache }) },
    error: (code) => errors.inc({ code }),
    contentType: all.contentType,
    scrape: () => all.metrics(),
  } satisfies AppMetrics);
  app.addHook("onResponse", async (request, reply) => {
    const route = routePattern(request);
    requests.inc({ method: request.method, route, status: reply.statusCode });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}
