import { AppError } from "../shared/errors.js";

/** Where the data lives: an embedded SQLite file or a PostgreSQL server. */
export type DbConfig =
  | { readonly kind: "sqlite"; readonly url: string; readonly path: string }
  | { readonly kind: "postgres"; readonly url: string };

/** Guatu's configuration, parsed once from the environment and command-line overrides. */
export interface Config {
  readonly db: DbConfig;
  readonly host: string;
  readonly port: number;
  readonly logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "silent";
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

/**
 * Reads GUATU_DB, GUATU_HOST, GUATU_PORT and GUATU_LOG_LEVEL (overrides first), reporting every
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
  if (problems.length > 0 || !db) throw new AppError("VALIDATION", problems.join("; "));
  return Object.freeze({ db, host, port, logLevel: level as Config["logLevel"] });
}
