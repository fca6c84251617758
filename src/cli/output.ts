import { EngineInputError } from "../engines/calendar/calendar-error.js";
import { isAppError } from "../shared/errors.js";

/**
 * SPEC exit codes: 0 ok, 1 findings, 2 bad input or usage. A failure is always 2: the one line on
 * stderr ({@link failureLine}) tells bad input from a fault of the machine or of Guatu.
 */
export function exitCodeFor(_e: unknown): number {
  return 2;
}

/** One line for stderr naming what went wrong (system errors in words, not a stack). */
export function failureLine(e: unknown): string {
  if (isAppError(e) || e instanceof EngineInputError) return e.message;
  const err = e as NodeJS.ErrnoException & { address?: string; port?: number };
  if (err?.code === "EADDRINUSE")
    return `${err.address ?? "the address"}:${err.port ?? ""} is already in use (--host, --port)`;
  if (err?.code === "EADDRNOTAVAIL")
    return `${err.address ?? "the address"} is not an address of this machine (--host)`;
  if (err?.code === "EACCES" && err.syscall === "listen")
    return `no permission to listen on port ${err.port ?? ""} (--port)`;
  if (err?.code === "ECONNREFUSED") return `the database server refused the connection (${err.message})`;
  return `unexpected error: ${String(err?.message ?? e).split("\n")[0]}`;
}
