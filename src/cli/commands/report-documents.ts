import { writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import type { Command } from "commander";
import { serviceContext } from "../../domain/context.js";
import {
  DISPATCH_DOCUMENT_FORMATS,
  type DispatchDocumentFormat,
  dispatchReportDocument,
} from "../../domain/documents/dispatch-document.service.js";
import { AppError } from "../../shared/errors.js";
import { cliLang } from "../locale.js";
import { withDatabase } from "../with-database.js";

interface DispatchDocumentOptions {
  db?: string;
  statusDate?: string;
  format?: string;
  out: string;
  lang?: string;
}

/** `--format`, else the extension of `--out`; anything else is a usage error naming the option. */
export function documentFormat(format: string | undefined, out: string): DispatchDocumentFormat {
  const chosen = format ?? extname(out).slice(1).toLowerCase();
  if ((DISPATCH_DOCUMENT_FORMATS as readonly string[]).includes(chosen))
    return chosen as DispatchDocumentFormat;
  throw new AppError(
    "VALIDATION",
    format === undefined
      ? `--format missing and --out ${out} does not end in .docx or .xlsx: give --format docx or xlsx`
      : `--format ${format}: must be docx or xlsx`,
  );
}

/** `guatu report dispatch` — the dispatch report (调度通报) as a Word document or a workbook. */
export function register(program: Command): void {
  const report = program.command("report").description("reports as documents to hand out (Word, Excel)");
  report
    .command("dispatch")
    .description(
      "dispatch report (调度通报) as .docx (official-report layout) or .xlsx: overview, task-force lights, changes since the previous round, overdue and due, indicators, key points",
    )
    .requiredOption("--out <file>", "file to write")
    .option("--format <format>", "docx or xlsx (default: from the --out extension)")
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--status-date <date>", "report at this date (default: the organisation's status date)")
    .option("--lang <lang>", "zh or en (default: from the locale)")
    .action(async (opts: DispatchDocumentOptions) => {
      const format = documentFormat(opts.format, opts.out);
      if (opts.statusDate && !/^\d{4}-\d{2}-\d{2}$/.test(opts.statusDate))
        throw new AppError("VALIDATION", `--status-date ${opts.statusDate}: expected YYYY-MM-DD`);
      const lang = cliLang(opts.lang, process.env);
      const bytes = await withDatabase(opts.db, (database) =>
        dispatchReportDocument(serviceContext(database, "cli"), {
          format,
          lang,
          ...(opts.statusDate ? { statusDate: opts.statusDate } : {}),
        }),
      );
      const path = resolve(opts.out);
      try {
        writeFileSync(path, bytes);
      } catch (e) {
        throw new AppError("VALIDATION", `--out ${opts.out}: cannot write: ${(e as Error).message}`);
      }
      process.stdout.write(`${path}\n`);
    });
}
