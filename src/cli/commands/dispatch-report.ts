import type { Command } from "commander";
import { type DispatchReportView, dispatchReportView } from "../../domain/closed-loop/dispatch.service.js";
import { serviceContext } from "../../domain/context.js";
import { AppError } from "../../shared/errors.js";
import { cliLang, type Lang } from "../locale.js";
import { textTable } from "../text-table.js";
import { withDatabase } from "../with-database.js";

const L = {
  zh: {
    title: "调度报告",
    weekly: "周调度",
    monthly: "月调度",
    round: "本轮",
    next: "下一轮",
    unit: { workdays: "工作日", "calendar-days": "自然日" },
    lights: "任务亮灯",
    line: (s: DispatchReportView["total"]) =>
      `完成 ${s.completed} · 超期 ${s.overdue} · 即将到期 ${s.due} · 未报进展 ${s.noReport} · 红灯 ${s.red} · 黄灯 ${s.yellow} · 督办 下发 ${s.supervision.raised} / 报结 ${s.supervision.submitted} / 销号 ${s.supervision.verified} / 超期 ${s.supervision.overdue} · 指标本轮填报 ${s.indicatorsReported}/${s.indicators}`,
    keyPoints: "要点",
    none: "无",
    colors: { red: "红", yellow: "黄", green: "绿", grey: "未到期", blue: "已完成" },
    states: { open: "待整改", rectifying: "整改中", submitted: "已报结", verified: "已销号" },
    overdue: ["超期任务", "编号", "任务", "时限", "超期", "进度"],
    due: ["即将到期", "编号", "任务", "时限", "剩余", "进度"],
    noReport: ["本轮未报进展", "编号", "任务", "最近报告", "进度"],
    lit: ["红黄灯", "编号", "任务", "灯", "原因"],
    supervision: ["超期督办", "督办单", "任务", "办结时限", "超期", "状态"],
  },
  en: {
    title: "Dispatch report",
    weekly: "weekly",
    monthly: "monthly",
    round: "round",
    next: "next round",
    unit: { workdays: "working days", "calendar-days": "calendar days" },
    lights: "Task lights",
    line: (s: DispatchReportView["total"]) =>
      `completed ${s.completed} · overdue ${s.overdue} · due ${s.due} · no report ${s.noReport} · red ${s.red} · yellow ${s.yellow} · supervision raised ${s.supervision.raised} / submitted ${s.supervision.submitted} / verified ${s.supervision.verified} / overdue ${s.supervision.overdue} · indicators reported ${s.indicatorsReported}/${s.indicators}`,
    keyPoints: "Key points",
    none: "none",
    colors: { red: "red", yellow: "yellow", green: "green", grey: "not due", blue: "done" },
    states: { open: "open", rectifying: "rectifying", submitted: "submitted", verified: "verified" },
    overdue: ["Overdue tasks", "WBS", "Task", "Deadline", "Overdue", "Done"],
    due: ["Due soon", "WBS", "Task", "Deadline", "Left", "Done"],
    noReport: ["No report this round", "WBS", "Task", "Last report", "Done"],
    lit: ["Red and yellow", "WBS", "Task", "Light", "Reasons"],
    supervision: ["Overdue supervision", "Item", "Task", "Due", "Overdue", "State"],
  },
} as const;

/** The report as text: header, totals, key points, then each task force's lists. */
export function formatDispatchReport(r: DispatchReportView, lang: Lang): string {
  const l = L[lang];
  const counts = (c: Record<string, number>) =>
    (["red", "yellow", "green", "grey", "blue"] as const).map((k) => `${l.colors[k]} ${c[k]}`).join(" ");
  const table = (head: readonly string[], rows: string[][]) =>
    rows.length ? `${head[0]}\n${textTable(head.slice(1), rows)}` : "";
  const out: string[] = [
    `${l.title} ${r.statusDate} · ${l[r.rounds.kind]} ${l.round} ${r.rounds.current.start}–${r.rounds.current.end} · ${l.next} ${r.rounds.next.start}–${r.rounds.next.end} · ${l.unit[r.dayUnit]}`,
    `${l.lights}: ${counts(r.total.taskCounts)}`,
    l.line(r.total),
    "",
    `${l.keyPoints}:`,
    ...(r.keyPoints.length ? r.keyPoints.map((k, i) => `${i + 1}. ${k.text[lang]}`) : [l.none]),
  ];
  for (const s of r.taskForces) {
    out.push("", `== ${s.code} ${s.name} (${s.color ? l.colors[s.color] : "—"}) ==`, l.line(s.summary));
    const lists = [
      table(
        l.overdue,
        s.overdue.map((e) => [e.code, e.title, e.deadline ?? "", String(e.daysOverdue), `${e.percent}%`]),
      ),
      table(
        l.due,
        s.due.map((e) => [e.code, e.title, e.deadline ?? "", String(e.daysLeft), `${e.percent}%`]),
      ),
      table(
        l.noReport,
        s.noReport.map((e) => [e.code, e.title, e.lastReportDate ?? "—", `${e.percent}%`]),
      ),
      table(
        l.lit,
        [...s.red, ...s.yellow].map((e) => [
          e.code,
          e.title,
          l.colors[e.color],
          e.reasons.map((x) => x.text[lang]).join("；"),
        ]),
      ),
      table(
        l.supervision,
        s.supervision.overdue.map((i) => [
          i.code,
          i.taskCode ?? "—",
          i.dueDate,
          String(i.daysOverdue ?? ""),
          l.states[i.state],
        ]),
      ),
    ].filter(Boolean);
    out.push(...lists);
  }
  return `${out.join("\n")}\n`;
}

/** `guatu dispatch` — the dispatch report (调度报告) of the round at a status date. */
export function register(program: Command): void {
  program
    .command("dispatch")
    .description(
      "dispatch report (调度报告): lights, overdue, due, no report, supervision and key points of the round",
    )
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .option("--status-date <date>", "report at this date (default: the organisation's status date)")
    .option("--format <format>", "table or json", "table")
    .option("--lang <lang>", "zh or en (default: from the locale)")
    .action(async (opts: { db?: string; statusDate?: string; format: string; lang?: string }) => {
      if (opts.format !== "table" && opts.format !== "json")
        throw new AppError("VALIDATION", `--format ${opts.format}: must be table or json`);
      if (opts.statusDate && !/^\d{4}-\d{2}-\d{2}$/.test(opts.statusDate))
        throw new AppError("VALIDATION", `--status-date ${opts.statusDate}: expected YYYY-MM-DD`);
      const lang = cliLang(opts.lang, process.env);
      const report = await withDatabase(opts.db, (database) =>
        dispatchReportView(
          serviceContext(database, "cli"),
          opts.statusDate ? { statusDate: opts.statusDate } : {},
        ),
      );
      process.stdout.write(
        opts.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : formatDispatchReport(report, lang),
      );
    });
}
