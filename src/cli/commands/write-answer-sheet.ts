import { writeFileSync } from "node:fs";
import { extname, resolve } from "node:path";
import type { Command } from "commander";
import { answerSheet } from "../../domain/answer-sheet/answer-sheet.service.js";
import { answerSheetHtml } from "../../domain/answer-sheet/answer-sheet-html.js";
import { answerSheetXlsx } from "../../domain/answer-sheet/answer-sheet-xlsx.js";
import { serviceContext } from "../../domain/context.js";
import { AppError } from "../../shared/errors.js";
import { cliLang } from "../locale.js";
import { withDatabase } from "../with-database.js";

/** The file formats of the answer sheet. */
const FORMATS = ["xlsx", "html"] as const;
type AnswerSheetFormat = (typeof FORMATS)[number];

interface AnswerSheetOptions {
  db?: string;
  taskForce?: string;
  statusDate?: string;
  format?: string;
  out: string;
  lang?: string;
}

/** `--format`, else the extension of `--out`; anything else is a usage error naming the option. */
export function answerSheetFormat(format: string | undefined, out: string): AnswerSheetFormat {
  const chosen = format ?? extname(out).slice(1).toLowerCase();
  if ((FORMATS as readonly string[]).includes(chosen)) return chosen as AnswerSheetFormat;
  throw new AppError(
    "VALIDATION",
    format === undefined
      ? `--format missing and --out ${out} does not end in .xlsx or .html: give --format xlsx or html`
      : `--format ${format}: must be xlsx or html`,
  );
}

/** `guatu answer-sheet` — the year's answer sheet (交卷) of a task force or the district, as a file. */
export function register(program: Command): void {
  program
    .command("answer-sheet")
    .description(
      "the year's answer sheet (交卷) of a task force or of the district as .xlsx or a printable .html: indicators against target with their 止跌/回升/转正 months, milestones, supervision items, extensions, score and rank, signature block; a draft (草稿) before Dec 31",
    )
    .requiredOption("--out <file>", "file to write")
    .option("--format <format>", "xlsx or html (default: from the --out extension)")
    .option("--task-force <code>", "the task force's code (default: the district's sheet)")
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--status-date <date>", "the sheet at this date (default: the organisation's status date)")
    .option("--lang <lang>", "zh or en (default: from the locale)")
    .action(async (opts: AnswerSheetOptions) => {
      const format = answerSheetFormat(opts.format, opts.out);
      if (opts.statusDate && !/^\d{4}-\d{2}-\d{2}$/.test(opts.statusDate))
        throw new AppError("VALIDATION", `--status-date ${opts.statusDate}: expected YYYY-MM-DD`);
      const lang = cliLang(opts.lang, process.env);
      const bytes = await withDatabase(opts.db, async (database) => {
        const sheet = await answerSheet(serviceContext(database, "cli"), {
          ...(opts.taskForce === undefined ? {} : { taskForceCode: opts.taskForce }),
          ...(opts.statusDate ? { statusDate: opts.statusDate } : {}),
        }).catch((e: unknown) => {
          // The service names the code; the command line names its option.
          if (e instanceof AppError && e.code === "NOT_FOUND" && opts.taskForce !== undefined)
            throw new AppError("NOT_FOUND", `--task-force ${opts.taskForce}: ${e.message}`);
          throw e;
        });
        return format === "xlsx" ? answerSheetXlsx(sheet, lang) : Buffer.from(answerSheetHtml(sheet, lang));
      });
      const path = resolve(opts.out);
      try {
        writeFileSync(path, bytes);
      } catch (e) {
        throw new AppError("VALIDATION", `--out ${opts.out}: cannot write: ${(e as Error).message}`);
      }
      process.stdout.write(`${path}\n`);
    });
}
