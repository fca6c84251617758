import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { serviceContext } from "../../domain/context.js";
import {
  exportLedger,
  type ImportResult,
  importLedger,
  ledgerTemplate,
} from "../../domain/ledger/ledger.service.js";
import { problemAddress } from "../../engines/ledger/read-ledger.js";
import { AppError } from "../../shared/errors.js";
import { detailText } from "../../shared/messages.js";
import { cliLang, type Lang } from "../locale.js";
import { withDatabase } from "../with-database.js";

const SHEET_WORDS = {
  zh: {
    create: "新增",
    update: "修改",
    unchanged: "不变",
    problems: "个问题，未写入任何数据",
    dry: "（试导入，未写入）",
    none: "无变化",
  },
  en: {
    create: "new",
    update: "changed",
    unchanged: "unchanged",
    problems: "problem(s); nothing was written",
    dry: "(dry run, nothing written)",
    none: "nothing changed",
  },
} as const;

/** An import's outcome as lines: per sheet what it creates, changes and leaves, or every problem. */
export function formatImport(r: ImportResult, lang: Lang): { out: string; err: string } {
  const w = SHEET_WORDS[lang];
  if (r.problems.length) {
    const lines = r.problems.map(
      (p) =>
        `${problemAddress(p)}: ${detailText({ path: "", message: p.message, key: p.key, params: p.params }, lang)}`,
    );
    return { out: "", err: `${lines.join("\n")}\n${r.problems.length} ${w.problems}\n` };
  }
  const rows = Object.entries(r.counts)
    .filter(([, c]) => c.create + c.update + c.unchanged > 0)
    .map(
      ([sheet, c]) =>
        `${sheet}: ${w.create} ${c.create} · ${w.update} ${c.update} · ${w.unchanged} ${c.unchanged}`,
    );
  const tail = r.dryRun ? w.dry : r.written ? `sha256 ${r.sha256}` : w.none;
  return { out: `${rows.join("\n")}\n${tail}\n`, err: "" };
}

/** `guatu export` and `guatu import` — the ledger (台账) as an Excel workbook. */
export function register(program: Command): void {
  program
    .command("export")
    .description("write the ledger (台账) as an xlsx workbook, or with --template the empty template")
    .argument("<file>", "the .xlsx file to write")
    .option("--template", "write the empty template (no database needed)")
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--task-force <code>", "only this task force (by code)")
    .action(async (file: string, opts: { template?: boolean; db?: string; taskForce?: string }) => {
      const bytes = opts.template
        ? await ledgerTemplate()
        : await withDatabase(opts.db, (database) =>
            exportLedger(serviceContext(database, "cli"), { taskForceCode: opts.taskForce }),
          );
      writeFileSync(file, bytes);
      process.stdout.write(`${file}\n`);
    });
  program
    .command("import")
    .description(
      "import a ledger workbook: every problem is reported as sheet!cell: message and nothing is written (exit 2); records are created or updated by code in one transaction",
    )
    .argument("<file>", "the .xlsx workbook")
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--dry-run", "check the workbook and report what would change, writing nothing")
    .option("--lang <lang>", "messages in zh or en (default: from the locale)")
    .action(async (file: string, opts: { db?: string; dryRun?: boolean; lang?: string }) => {
      const lang = cliLang(opts.lang, process.env);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        throw new AppError("VALIDATION", `${file}: ${(e as Error).message}`);
      }
      // A progress bar on a terminal only: scripts and logs get the summary alone.
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            { format: "{value} rows read", stream: process.stderr },
            cliProgress.Presets.shades_classic,
          )
        : null;
      bar?.start(0, 0);
      const result = await withDatabase(opts.db, (database) =>
        importLedger(serviceContext(database, "cli"), bytes, {
          dryRun: opts.dryRun,
          fileName: basename(file),
          onProgress: (rows) => bar?.update(rows),
        }),
      ).finally(() => bar?.stop());
      const { out, err } = formatImport(result, lang);
      process.stdout.write(out);
      process.stderr.write(err);
      if (result.problems.length) process.exitCode = 2;
    });
}
