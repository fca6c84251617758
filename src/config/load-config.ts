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
 * Reads GUATU_DB, GUATU_HOST, GUATU_PORT, GUATU_LOG_LEVEL (overrides first), GUATU_WEBHOOK_SECRET and
 * GUATU_SMTP_URL, reporting every problem at once. Nothing else in Guatu reads process.env.
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
  if (problems.length > 0 || !db) throw new AppError("VALIDATION", problems.join("; "));
  return Object.freeze({ db, host, port, logLevel: level as Config["logLevel"], delivery });
}
