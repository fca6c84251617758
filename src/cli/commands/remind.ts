import type { Command } from "commander";
import { chaseDueReminders } from "../../domain/chasing/chase.service.js";
import { serviceContext } from "../../domain/context.js";
import { type NamedReminder, remindersOn } from "../../domain/reminders/reminder.service.js";
import { isIsoDate } from "../../engines/calendar/index.js";
import { AppError } from "../../shared/errors.js";
import { cliLang, type Lang } from "../locale.js";
import { textTable } from "../text-table.js";
import { withDatabase } from "../with-database.js";

const WORDS = {
  zh: {
    head: ["规则", "层级", "接收人", "专班", "对象", "截止", "超期（工作日）"],
    rules: {
      dueSoon: "临近截止",
      dueToday: "今日截止",
      overdue: "已超期",
      noReport: "本轮未报进展",
      supervisionDueSoon: "督办临近期限",
      supervisionDueToday: "督办今日到期",
      supervisionOverdue: "督办已超期",
    },
    levels: { owner: "责任人", unitHead: "责任单位负责人", lead: "专班牵头人", leadLeader: "牵头领导" },
    none: (d: string) => `${d} 没有到期的提醒（非工作日或无事项）\n`,
    total: (n: number) => `共 ${n} 条（试运行，未发送）\n`,
    recorded: (d: string, due: number, sent: number, answered: number) =>
      `${d}：到期提醒 ${due} 条，新记录催办 ${sent} 条（其余此前已发送），${answered} 条催办已由后续填报回应\n`,
  },
  en: {
    head: ["Rule", "Level", "To", "Task force", "About", "Due", "Working days late"],
    rules: {
      dueSoon: "due soon",
      dueToday: "due today",
      overdue: "overdue",
      noReport: "no report this round",
      supervisionDueSoon: "item due soon",
      supervisionDueToday: "item due today",
      supervisionOverdue: "item overdue",
    },
    levels: { owner: "owner", unitHead: "unit head", lead: "lead", leadLeader: "lead leader" },
    none: (d: string) => `no reminders due on ${d} (a day off, or nothing due)\n`,
    total: (n: number) => `${n} reminder(s) (dry run, nothing sent)\n`,
    recorded: (d: string, due: number, sent: number, answered: number) =>
      `${d}: ${due} reminder(s) due, ${sent} chase(s) recorded (the rest were sent before), ${answered} chase(s) answered by later reports\n`,
  },
} as const;

/** The reminders as an aligned table in `lang`. */
export function formatReminders(rs: readonly NamedReminder[], day: string, lang: Lang): string {
  const w = WORDS[lang];
  if (rs.length === 0) return w.none(day);
  const rows = rs.map((r) => [
    w.rules[r.rule],
    w.levels[r.level],
    r.recipientName,
    r.taskForceCode,
    `${r.subject.code} ${r.subjectTitle}`.slice(0, 40),
    r.dueDate,
    String(r.workdaysLate),
  ]);
  return textTable(w.head, rows) + w.total(rs.length);
}

/**
 * `guatu remind [--dry-run] --at DATE` — the reminders (催办) the rules make due on a day: printed with
 * --dry-run; otherwise recorded as 催办 with their inbox messages and deliveries (once each: a day
 * run twice, or by the worker too, records nothing new), which the worker then sends.
 */
export function register(program: Command): void {
  program
    .command("remind")
    .description(
      "the reminders (催办) due on a day: deadlines coming and missed, up the chain after each level's grace, no report by the round's cut-off, supervision items",
    )
    .option("--dry-run", "print what would be sent, record nothing")
    .requiredOption("--at <date>", "the day to evaluate the rules for (YYYY-MM-DD)")
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--format <format>", "table or json", "table")
    .option("--lang <lang>", "zh or en (default: from the locale)")
    .action(async (opts: { dryRun?: boolean; at: string; db?: string; format: string; lang?: string }) => {
      if (!isIsoDate(opts.at))
        throw new AppError("VALIDATION", `--at ${opts.at}: expected a date as YYYY-MM-DD`);
      if (opts.format !== "table" && opts.format !== "json")
        throw new AppError("VALIDATION", `--format ${opts.format}: must be table or json`);
      const lang = cliLang(opts.lang, process.env);
      if (!opts.dryRun) {
        const r = await withDatabase(opts.db, (database) =>
          chaseDueReminders(serviceContext(database, "cli"), opts.at),
        );
        const { recorded } = WORDS[lang];
        process.stdout.write(
          opts.format === "json" ? `${JSON.stringify(r)}\n` : recorded(r.day, r.due, r.sent, r.answered),
        );
        return;
      }
      const rs = await withDatabase(opts.db, (database) =>
        remindersOn(serviceContext(database, "cli"), opts.at),
      );
      process.stdout.write(
        opts.format === "json" ? `${JSON.stringify(rs, null, 2)}\n` : formatReminders(rs, opts.at, lang),
      );
    });
}
