/**
 * One server per SQLite file: SQLite takes one writer at a time, and two servers on one file
 * answered half their writes with SQLITE_BUSY. `guatu serve` holds `<file>.serve-lock` (its pid)
 * while it runs; a second one refuses to start. A lock left by a server that died is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { AppError } from "../shared/errors.js";

/** Whether process `pid` runs (a process of another user counts: EPERM). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the serve lock of the SQLite file at `path`; answers the function that releases it. */
export function acquireServeLock(url: string, path: string): () => void {
  const lock = `${path}.serve-lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lock, "utf8") === String(process.pid)) unlinkSync(lock);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST")
        throw new AppError(
          "VALIDATION",
          `--db ${url}: cannot write the lock file ${lock} (${(e as Error).message})`,
        );
      let pid = 0;
      try {
        pid = Number(readFileSync(lock, "utf8"));
      } catch {
        continue; // released meanwhile
      }
      if (Number.isInteger(pid) && pid > 0 && alive(pid))
        throw new AppError(
          "VALIDATION",
          `--db ${url}: another guatu serve (pid ${pid}) uses this SQLite file; one server per file (several instances need PostgreSQL)`,
        );
      try {
        unlinkSync(lock); // left by a server that died
      } catch {
        // another starter took it over first
      }
    }
  }
  throw new AppError("VALIDATION", `--db ${url}: could not take the lock file ${lock}`);
}
