import type { Command } from "commander";
import { takeAssessment } from "../../domain/closed-loop/assessment.service.js";
import { computeOverview } from "../../domain/closed-loop/closed-loop.service.js";
import { namedScores } from "../../domain/closed-loop/overview-view.js";
import { serviceContext } from "../../domain/context.js";
import { AppError } from "../../shared/errors.js";
import { cliLang } from "../locale.js";
import { textTable } from "../text-table.js";
import { withDatabase } from "../with-database.js";

const HEAD = {
  zh: ["名次", "专班", "得分", "节点", "指标", "督办", "红灯"],
  en: ["Rank", "Task force", "Score", "Milestones", "Indicators", "Supervision", "Red lights"],
} as const;

const num = (n: number | null) => (n === null ? "—" : n.toFixed(1));

/** `guatu assess` — scores and ranking of the task forces at a status date; `--save` keeps a snapshot. */
export function register(program: Command): void {
  program
    .command("assess")
    .description("assessment (考核): score and rank every task force, unit and person at the status date")
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--status-date <date>", "assess at this date (default: the organisation's status date)")
    .option("--save", "store the result as a dated assessment snapshot")
    .option("--format <format>", "table or json", "table")
    .option("--lang <lang>", "zh or en (default: from the locale)")
    .action(
      async (opts: { db?: string; statusDate?: string; save?: boolean; format: string; lang?: string }) => {
        if (opts.format !== "table" && opts.format !== "json")
          throw new AppError("VALIDATION", `--format ${opts.format}: must be table or json`);
        if (opts.statusDate && !/^\d{4}-\d{2}-\d{2}$/.test(opts.statusDate)) {
          throw new AppError("VALIDATION", `--status-date ${opts.statusDate}: expected YYYY-MM-DD`);
        }
        const lang = cliLang(opts.lang, process.env);
        const when = opts.statusDate ? { statusDate: opts.statusDate } : {};
        const result = await withDatabase(opts.db, async (database) => {
          const ctx = serviceContext(database, "cli");
          if (opts.save) return takeAssessment(ctx, when);
          const comp = await computeOverview(ctx, when);
          return { statusDate: comp.statusDate, ...(await namedScores(ctx, comp)) };
        });
        if (opts.format === "json") {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        const rows = result.taskForces.map((t) => [
          String(t.rank ?? "—"),
          t.name,
          num(t.score),
          num(t.components.milestones.points),
          num(t.components.indicators.points),
          num(t.components.supervision.points),
          String(t.redLights),
        ]);
        process.stdout.write(
          `${lang === "zh" ? "状态日期" : "Status date"} ${result.statusDate}\n\n${textTable(HEAD[lang], rows)}`,
        );
        if ("id" in result)
          process.stdout.write(
            `${lang === "zh" ? "已保存考核快照" : "Saved assessment snapshot"} ${result.id}\n`,
          );
      },
    );
}
