import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../../config/load-config.js";
import {
  type ArchiveSummary,
  copySqliteFile,
  restoreArchive,
  verifyArchive,
  writeArchive,
} from "../../db/backup.js";
import { openDatabase } from "../../db/connection.js";
import { acquireServeLock } from "../../db/serve-lock.js";
import { AppError } from "../../shared/errors.js";
import { withDatabase } from "../with-database.js";

/**
 * Scheduled archives are named by time to the millisecond, so their names sort oldest first and
 * two backups in one second do not overwrite each other (names to the second are still pruned).
 */
const ARCHIVE_NAME = /^guatu-\d{8}T\d{6}(\d{3})?Z\.jsonl\.gz$/;
const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.(\d{3})/, "$1");

/** "90s", "30m", "24h", "7d" → milliseconds. */
export function parseEvery(text: string): number {
  const m = /^(\d+)(s|m|h|d)$/.exec(text);
  const ms = m ? Number(m[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "s"] : 0;
  if (!ms || ms < 1_000)
    throw new AppError("VALIDATION", `--every ${text}: a period such as 30m, 24h or 7d (at least 1s)`);
  return ms;
}

const describe = (s: ArchiveSummary) =>
  `${s.tables.length} tables, ${s.tables.reduce((n, t) => n + t.rows, 0)} rows (schema ${s.schema}, from ${s.source} at ${s.createdAt})`;

/** Deletes the oldest scheduled archives in `dir` beyond the newest `keep`. */
function prune(dir: string, keep: number): string[] {
  const names = readdirSync(dir)
    .filter((n) => ARCHIVE_NAME.test(n))
    .sort();
  const gone = names.slice(0, Math.max(0, names.length - keep));
  for (const n of gone) rmSync(join(dir, n), { force: true });
  return gone;
}

/**
 * `guatu backup` — the portable archive (or, for SQLite, a file copy) of a live database;
 * `--dir` with `--keep` and `--every` keeps a rotating set on a schedule.
 * `guatu restore FILE` — verifies the archive, then loads it into an empty database in one
 * transaction, checking counts and checksums before it commits.
 */
export function register(program: Command): void {
  program
    .command("backup")
    .description(
      "write a backup of a live database: a portable archive (JSON lines, attachments included) that restores into SQLite or PostgreSQL",
    )
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--out <file>", "the archive to write (.jsonl.gz)")
    .option("--dir <folder>", "write guatu-<time>.jsonl.gz into this folder instead (with --keep, --every)")
    .option("--keep <n>", "with --dir: keep the newest n archives, delete older ones", "14")
    .option("--every <period>", "with --dir: repeat every period (30m, 24h, 7d) until interrupted")
    .option("--format <format>", "archive (portable), or sqlite (a copy of the SQLite file)", "archive")
    .action(
      async (opts: {
        db?: string;
        out?: string;
        dir?: string;
        keep: string;
        every?: string;
        format: string;
      }) => {
        if (!["archive", "sqlite"].includes(opts.format))
          throw new AppError("VALIDATION", `--format ${opts.format}: archive or sqlite`);
        if (!opts.out === !opts.dir)
          throw new AppError("VALIDATION", "say where to write: --out FILE or --dir FOLDER");
        const keep = Number(opts.keep);
        if (!Number.isInteger(keep) || keep < 1)
          throw new AppError("VALIDATION", `--keep ${opts.keep}: a whole number, 1 or more`);
        if (opts.every && !opts.dir)
          throw new AppError("VALIDATION", "--every needs --dir (a rotating set of archives)");
        const every = opts.every ? parseEvery(opts.every) : 0;
        const config = loadConfig(process.env, { db: opts.db });
        if (opts.format === "sqlite") {
          if (config.db.kind !== "sqlite" || config.db.path === ":memory:")
            throw new AppError(
              "VALIDATION",
              "--format sqlite copies a SQLite file; for PostgreSQL see docs/operations.md (pg_dump)",
            );
          if (!opts.out) throw new AppError("VALIDATION", "--format sqlite writes one copy: give --out FILE");
          await copySqliteFile(config.db.path, opts.out);
          process.stdout.write(`copied ${config.db.path} to ${opts.out} (SQLite online backup)\n`);
          return;
        }
        if (opts.dir) {
          try {
            mkdirSync(opts.dir, { recursive: true });
            if (!statSync(opts.dir).isDirectory()) throw new Error("not a folder");
          } catch (e) {
            throw new AppError(
              "VALIDATION",
              `--dir ${opts.dir}: cannot use it as a folder (${(e as Error).message})`,
            );
          }
        }
        await withDatabase(opts.db, async (database) => {
          const once = async () => {
            const out = opts.out ?? join(opts.dir!, `guatu-${stamp(new Date())}.jsonl.gz`);
            const summary = await writeArchive(database, out);
            const gone = opts.dir ? prune(opts.dir, keep) : [];
            process.stdout.write(
              `wrote ${out}: ${describe(summary)}${gone.length ? `; deleted ${gone.length} older archive(s)` : ""}\n`,
            );
          };
          if (!every) return await once();
          // Until SIGINT/SIGTERM (listened for before the first line: until then the OS's default
          // for SIGTERM kills at once); a failed round is reported and the next one still runs.
          const stopped = new Promise<void>((resolve) => {
            process.once("SIGINT", resolve);
            process.once("SIGTERM", resolve);
          });
          await once();
          for (;;) {
            let timer: NodeJS.Timeout | undefined;
            const next = new Promise<"next">((resolve) => {
              timer = setTimeout(() => resolve("next"), every);
            });
            const why = await Promise.race([next, stopped.then(() => "stop" as const)]);
            clearTimeout(timer);
            if (why === "stop") break;
            await once().catch((e: Error) => process.stderr.write(`guatu: backup failed: ${e.message}\n`));
          }
        });
      },
    );

  program
    .command("restore <file>")
    .description(
      "restore a backup archive into an empty database (SQLite or PostgreSQL): verified first, loaded in one transaction",
    )
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--replace", "delete what the target database holds first")
    .option("--verify-only", "only check the archive's counts and checksums")
    .action(async (file: string, opts: { db?: string; replace?: boolean; verifyOnly?: boolean }) => {
      if (opts.verifyOnly) {
        process.stdout.write(`${file} is intact: ${describe(await verifyArchive(file))}\n`);
        return;
      }
      const config = loadConfig(process.env, { db: opts.db });
      // A server on the SQLite file would keep serving what it cached before the restore.
      const release =
        config.db.kind === "sqlite" && config.db.path !== ":memory:"
          ? acquireServeLock(config.db.url, config.db.path)
          : () => {};
      try {
        const database = openDatabase(config.db);
        try {
          const summary = await restoreArchive(database, file, { replace: opts.replace });
          process.stdout.write(
            `restored ${file} into ${config.db.kind}: ${describe(summary)}; counts and checksums match\n`,
          );
        } finally {
          await database.close();
        }
      } finally {
        release();
      }
    });
}
