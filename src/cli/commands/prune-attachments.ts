import type { Command } from "commander";
import { pruneAttachments } from "../../domain/attachments/attachment.service.js";
import { serviceContext } from "../../domain/context.js";
import { AppError } from "../../shared/errors.js";
import { withDatabase } from "../with-database.js";

/** `guatu prune-attachments` — delete evidence files no progress report names, once they are old enough. */
export function register(program: Command): void {
  program
    .command("prune-attachments")
    .description(
      "delete evidence files (佐证材料) that no progress report names and that are older than --older-than days",
    )
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--older-than <days>", "keep unnamed uploads younger than this many days", "7")
    .action(async (opts: { db?: string; olderThan: string }) => {
      const days = Number(opts.olderThan);
      if (!Number.isInteger(days) || days < 0)
        throw new AppError(
          "VALIDATION",
          `--older-than ${opts.olderThan}: must be a whole number of days (0 or more)`,
        );
      const before = new Date(Date.now() - days * 86_400_000).toISOString();
      const gone = await withDatabase(opts.db, (database) =>
        pruneAttachments(serviceContext(database, "cli"), before),
      );
      const bytes = gone.reduce((n, a) => n + a.size, 0);
      process.stdout.write(
        `deleted ${gone.length} unnamed evidence file(s), ${bytes} bytes, uploaded before ${before}\n`,
      );
    });
}
