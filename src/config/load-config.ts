import { AppError } from "../shared/errors.js";

/** Where the data lives: an embedded SQLite file or a PostgreSQL server. */
export type DbConfig =
  | { readonly kind: "sqlite"; readonly url: string; readonly path: string }
  | { readonly kind: "postgres"; readonly url: string };

/**
 * A secret from the environment (a key, a URL with a password): printing, logging or serialising it
 * shows `[secret]`; only `reveal()` gives the value, at the one place that uses it.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return "[secret]";
  }
  toJSON(): string {
    return "[secret]";
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return "[secret]";
  }
}

/** Outbound notifications (docs/notifications.md): a channel without its secret fails each delivery, saying so. */
export interface DeliveryConfig {
  /** GUATU_WEBHOOK_SECRET: the key of the webhooks' HMAC-SHA256 signature. */
  readonly webhookSecret: Secret | null;
  /** GUATU_SMTP_URL: `smtp://user:pass@host:587` or `smtps://…:465`, login included. */
  readonly smtpUrl: Secret | null;
}

/** Guatu's configuration, parsed once from the environment and command-line overrides. */
export interface Config {
  readonly db: DbConfig;
  readonly host: string;
  readonly port: number;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "silent";
  readonly delivery: DeliveryConfig;
  /**
   * GUATU_TRUST_PROXY: whom to believe about the client's address and protocol (`X-Forwarded-For`,
   * `X-Forwarded-Proto`): false (default), true (any proxy in front), or the proxies' addresses
   * (`127.0.0.1`, `10.0.0.0/8,10.1.2.3`).
   */
  readonly trustProxy: boolean | string;
  /**
   * GUATU_METRICS_TOKEN: a Bearer secret (16+ characters) that a Prometheus scraper sends to
   * `GET /api/v1/metrics` without an account; unset, only admins read the metrics.
   */
  readonly metricsToken: Secret | null;
  /**
   * GUATU_ACCESS_SUMMARY=1: one access summary line a minute (counts by status class, p50/p99)
   * instead of a line per API request; answers of 500 and above are still logged one by one.
   */
  readonly accessSummary: boolean;
}

/** Explicit values (e.g. from CLI flags) that win over the environment. */
export interface ConfigOverrides {
  readonly db?: string;
  readonly host?: string;
  readonly port?: string | number;
  readonly logLevel?: string;
}

export const DEFAULT_DB_URL = "sqlite:./data/guatu.db";

/** Parses a `--db` URL: `sqlite:PATH`, `sqlite::memory:` or `postgres://…` / `postgresql://…`. */
export function parseDbUrl(url: string): DbConfig {
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length);
    if (!path)
      throw new AppError("VALIDATION", `--db ${url}: sqlite URL needs a path, e.g. sqlite:./data/guatu.db`);
    return { kind: "sqlite", url, path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  throw new AppError("VALIDATION", `--db ${url}: expected sqlite:PATH or postgres://USER@HOST/DB`);
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "silent"] as const;

/** The delivery secrets, or the problems with them (never quoting a value). */
function deliveryOf(env: NodeJS.ProcessEnv, problems: string[]): DeliveryConfig {
  const key = env.GUATU_WEBHOOK_SECRET || null;
  if (key !== null && key.length < 16) problems.push("GUATU_WEBHOOK_SECRET: must be at least 16 characters");
  const smtp = env.GUATU_SMTP_URL || null;
  if (smtp !== null && !/^smtps?:\/\/[^/\s]+/.test(smtp))
    problems.push("GUATU_SMTP_URL: expected smtp://USER:PASSWORD@HOST:587 or smtps://…");
  return {
    webhookSecret: key === null ? null : new Secret(key),
    smtpUrl: smtp === null ? null : new Secret(smtp),
  };
}

/**
 * Reads GUATU_DB, GUATU_HOST, GUATU_PORT, GUATU_LOG_LEVEL (overrides first), GUATU_WEBHOOK_SECRET,
 * GUATU_SMTP_URL, GUATU_TRUST_PROXY, GUATU_METRICS_TOKEN and GUATU_ACCESS_SUMMARY, reporting every
 * problem at once. Nothing else in Guatu reads process.env.
 */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}): Config {
  const problems: string[] = [];
  const dbUrl = overrides.db ?? env.GUATU_DB ?? DEFAULT_DB_URL;
  let db: DbConfig | undefined;
  try {
    db = parseDbUrl(dbUrl);
  } catch (e) {
    problems.push((e as Error).message);
  }
  const portText = String(overrides.port ?? env.GUATU_PORT ?? "8080");
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`--port ${portText}: must be a whole number 0–65535`);
  }
  const host = overrides.host ?? env.GUATU_HOST ?? "127.0.0.1";
  const level = overrides.logLevel ?? env.GUATU_LOG_LEVEL ?? "info";
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    problems.push(`log level ${level}: must be one of ${LOG_LEVELS.join(", ")}`);
  }
  const delivery = Object.freeze(deliveryOf(env, problems));
  const trustProxy = trustProxyOf(env.GUATU_TRUST_PROXY, problems);
  const observability = observabilityOf(env, problems);
  if (problems.length > 0 || !db) throw new AppError("VALIDATION", problems.join("; "));
  return Object.freeze({
    db,
    host,
    port,
    logLevel: level as Config["logLevel"],
    delivery,
    trustProxy,
    ...observability,
  });
}

/** GUATU_METRICS_TOKEN and GUATU_ACCESS_SUMMARY, or the problems with them (never quoting the token). */
function observabilityOf(
  env: NodeJS.ProcessEnv,
  problems: string[],
): Pick<Config, "metricsToken" | "accessSummary"> {
  const token = env.GUATU_METRICS_TOKEN || null;
  if (token !== null && token.length < 16)
    problems.push("GUATU_METRICS_TOKEN: must be at least 16 characters");
  const summary = (env.GUATU_ACCESS_SUMMARY ?? "").trim();
  if (!/^(|0|1|true|false|yes|no)$/i.test(summary))
    problems.push(`GUATU_ACCESS_SUMMARY ${summary}: expected 1 or 0`);
  return {
    metricsToken: token === null ? null : new Secret(token),
    accessSummary: /^(1|true|yes)$/i.test(summary),
  };
}

/** GUATU_TRUST_PROXY as Fastify's `trustProxy`: yes/no, or a list of addresses and CIDR ranges. */
function trustProxyOf(text: string | undefined, problems: string[]): boolean | string {
  const v = (text ?? "").trim();
  if (v === "" || /^(false|0|no)$/i.test(v)) return false;
  if (/^(true|1|yes)$/i.test(v)) return true;
  const parts = v.split(",").map((s) => s.trim());
  if (parts.every((s) => /^[0-9a-f.:]+(\/\d{1,3})?$/i.test(s))) return parts.join(",");
  problems.push(
    `GUATU_TRUST_PROXY ${v}: expected true, false or proxy addresses such as 127.0.0.1,10.0.0.0/8`,
  );
  return false;
}
