import type { Command } from "commander";
import { runFiveIzationCheck } from "../../domain/closed-loop/closed-loop.service.js";
import { serviceContext } from "../../domain/context.js";
import { AppError } from "../../shared/errors.js";
import { cliLang } from "../locale.js";
import { textTable } from "../text-table.js";
import { withDatabase } from "../with-database.js";

const HEAD = {
  zh: ["专班", "任务", "检查", "问题代码", "说明"],
  en: ["Task force", "Task", "Check", "Code", "Finding"],
} as const;

/** `guatu check` — the five-ization check of every task book; exit 1 when it finds anything. */
export function register(program: Command): void {
  program
    .command("check")
    .description(
      "five-ization check (五化检查) of every task force's task book; exit 1 when it finds violations",
    )
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--format <format>", "table or json", "table")
    .option("--lang <lang>", "zh or en (default: from the locale)")
    .action(async (opts: { db?: string; format: string; lang?: string }) => {
      if (opts.format !== "table" && opts.format !== "json")
        throw new AppError("VALIDATION", `--format ${opts.format}: must be table or json`);
      const lang = cliLang(opts.lang, process.env);
      const result = await withDatabase(opts.db, (database) =>
        runFiveIzationCheck(serviceContext(database, "cli")),
      );
      if (opts.format === "json") {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      } else {
        const rows = result.findings.map((f) => [
          f.taskForceCode ?? f.taskForceId ?? (lang === "zh" ? "区级" : "district"),
          f.wbs ?? (typeof f.params.code === "string" && f.params.code ? f.params.code : "—"),
          f.check,
          f.code,
          f.text[lang],
        ]);
        const s = result.summary;
        process.stdout.write(rows.length ? textTable(HEAD[lang], rows) : "");
        process.stdout.write(
          lang === "zh"
            ? `\n${s.taskForces} 个专班、${s.tasks} 项任务；${result.findings.length} 个问题，涉及 ${s.tasksWithFindings} 项任务\n`
            : `\n${s.taskForces} task forces, ${s.tasks} tasks; ${result.findings.length} findings on ${s.tasksWithFindings} tasks\n`,
        );
      }
      if (!result.ok) process.exitCode = 1;
    });
}
