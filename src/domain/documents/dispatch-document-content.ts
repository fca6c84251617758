/**
 * The words and tables of the dispatch report (调度通报) as a document, in Chinese or English: what
 * `dispatchDocx` and `dispatchXlsx` both lay out, so the Word file and the workbook say the same.
 */
import type { DispatchReport, IndicatorEntry, LightColor } from "../../engines/index.js";
import { TREND_STAGES } from "../../vocabulary/index.js";
import type { WindowChases } from "../chasing/chase-counts.js";
import type { DispatchChanges } from "./dispatch-changes.js";
import {
  COLORS,
  colorWord,
  type DocumentLang,
  STATES,
  TRENDS,
  trendWord,
  WORDS,
} from "./dispatch-document-words.js";

/** A table cell: text, or a number a workbook keeps as a number. */
export type Cell = string | number;

/** A table of the report; `lights[i]` is the light of row i's light column (at `lightColumn`). */
export interface ContentTable {
  readonly head: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly lightColumn?: number;
  readonly lights?: readonly (LightColor | null)[];
}

/** The report parts the documents read (a `DispatchReportView` is one). */
export type ReportForDocument = Pick<
  DispatchReport,
  "statusDate" | "rounds" | "dayUnit" | "total" | "taskForces" | "keyPoints"
> & { readonly chases?: Pick<WindowChases, "total"> };

const addDays = (iso: string, n: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** ISO 8601 week of a date: the year its Thursday falls in, and the week number. */
export function isoWeekOf(iso: string): { year: number; week: number } {
  const d = new Date(`${iso}T00:00:00Z`);
  // The Thursday of the date's Monday-to-Sunday week decides the year; its day of that year, the week.
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
  const year = d.getUTCFullYear();
  const dayOfYear = (d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000;
  return { year, week: Math.floor(dayOfYear / 7) + 1 };
}

/**
 * The round line under the title: the round, its whole window (to the day before the next round)
 * and the status date. Example (zh, weekly at 2022-08-15): "（2022年第33周 · 2022-08-15 至 2022-08-21 · 统计截至 2022-08-15）".
 */
export function roundLine(r: ReportForDocument, lang: DocumentLang): string {
  const start = r.rounds.current.start;
  const end = addDays(r.rounds.next.start, -1);
  const { year, week } = isoWeekOf(start);
  const month = Number(start.slice(5, 7));
  if (lang === "zh") {
    const round = r.rounds.kind === "weekly" ? `${year}年第${week}周` : `${start.slice(0, 4)}年${month}月`;
    return `（${round} · ${start} 至 ${end} · 统计截至 ${r.statusDate}）`;
  }
  const round = r.rounds.kind === "weekly" ? `week ${week} of ${year}` : `${start.slice(0, 7)}`;
  return `(${round} · ${start} to ${end} · as of ${r.statusDate})`;
}

const days = (n: number, r: ReportForDocument, lang: DocumentLang): string =>
  lang === "zh"
    ? `${n}${r.dayUnit === "workdays" ? "个工作日" : "天"}`
    : `${n} ${r.dayUnit === "workdays" ? "working" : "calendar"} day${n === 1 ? "" : "s"}`;
const pct = (n: number | null): string => (n === null ? "—" : `${Math.round(n * 10) / 10}%`);

/** The overview as sentences: tasks by light, the round's lists, task-force lights, supervision, indicators. */
export function overviewSentences(r: ReportForDocument, lang: DocumentLang): string[] {
  const t = r.total;
  const c = t.taskCounts;
  const forces = { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 };
  for (const s of r.taskForces) if (s.color) forces[s.color]++;
  const ic = t.indicatorCounts;
  const trends = TREND_STAGES.filter((k) => t.trends[k] > 0).map((k) =>
    lang === "zh" ? `${TRENDS.zh[k]}${t.trends[k]}项` : `${TRENDS.en[k]} ${t.trends[k]}`,
  );
  const sep = lang === "zh" ? "、" : ", ";
  const ch = r.chases?.total;
  if (lang === "zh")
    return [
      `截至${r.statusDate}，${r.taskForces.length}个专班共有任务${t.tasks}项（含各级子任务）。任务亮灯：红灯${c.red}项、黄灯${c.yellow}项、绿灯${c.green}项、未到期${c.grey}项、已完成${c.blue}项；需重点关注的红灯事项${t.red}项、黄灯事项${t.yellow}项（只计因自身原因亮灯的任务，汇总任务随子任务亮灯的不重复计）。`,
      `本轮完成${t.completed}项，超期未完成${t.overdue}项，下一轮结束前到期${t.due}项，本轮未报进展${t.noReport}项。`,
      `专班亮灯：红灯${forces.red}个、黄灯${forces.yellow}个、绿灯${forces.green}个${forces.grey ? `、未到期${forces.grey}个` : ""}${forces.blue ? `、已完成${forces.blue}个` : ""}。`,
      `督查督办：本轮下发${t.supervision.raised}件、报结${t.supervision.submitted}件、销号${t.supervision.verified}件，超期未销号${t.supervision.overdue}件。`,
      `指标运行：共${t.indicators}项指标，本轮填报${t.indicatorsReported}项；红灯${ic.red}项、黄灯${ic.yellow}项、绿灯${ic.green}项${trends.length ? `；趋势${trends.join(sep)}` : ""}。`,
      ...(ch
        ? [`催办：本轮催办${ch.sent}次，未回应${ch.unanswered}次，其中超过宽限期未回应${ch.pastGrace}次。`]
        : []),
    ];
  return [
    `As of ${r.statusDate}, ${r.taskForces.length} task forces have ${t.tasks} tasks (all levels). Task lights: red ${c.red}, yellow ${c.yellow}, green ${c.green}, not due ${c.grey}, done ${c.blue}; red tasks to act on ${t.red}, yellow ${t.yellow} (tasks lit for reasons of their own; summaries lit by their sub-tasks are not counted again).`,
    `Completed this round ${t.completed}, overdue ${t.overdue}, due by the end of the next round ${t.due}, no report this round ${t.noReport}.`,
    `Task force lights: red ${forces.red}, yellow ${forces.yellow}, green ${forces.green}${forces.grey ? `, not due ${forces.grey}` : ""}${forces.blue ? `, done ${forces.blue}` : ""}.`,
    `Supervision: raised ${t.supervision.raised}, submitted ${t.supervision.submitted}, verified ${t.supervision.verified} this round; overdue and not verified ${t.supervision.overdue}.`,
    `Indicators: ${t.indicators}, reported this round ${t.indicatorsReported}; red ${ic.red}, yellow ${ic.yellow}, green ${ic.green}${trends.length ? `; trends: ${trends.join(sep)}` : ""}.`,
    ...(ch
      ? [
          `Chases (催办): ${ch.sent} this round, ${ch.unanswered} unanswered, ${ch.pastGrace} of them past the grace period.`,
        ]
      : []),
  ];
}

/** The overview as label / number rows (the workbook's first sheet). */
export function totalsRows(r: ReportForDocument, lang: DocumentLang, organisation: string): Cell[][] {
  const t = r.total;
  const zh = lang === "zh";
  const rows: Cell[][] = [
    [zh ? "单位" : "Organisation", organisation],
    [zh ? "调度轮次" : "Round", roundLine(r, lang).slice(1, -1)],
    [zh ? "统计截至" : "Status date", r.statusDate],
    [zh ? "专班" : "Task forces", r.taskForces.length],
    [zh ? "任务（各级）" : "Tasks (all levels)", t.tasks],
  ];
  for (const k of ["red", "yellow", "green", "grey", "blue"] as const)
    rows.push([zh ? `任务${COLORS.zh[k]}` : `Tasks ${COLORS.en[k]}`, t.taskCounts[k]]);
  rows.push(
    [zh ? "红灯事项" : "Red tasks to act on", t.red],
    [zh ? "黄灯事项" : "Yellow tasks to act on", t.yellow],
    [zh ? "本轮完成" : "Completed this round", t.completed],
    [zh ? "超期未完成" : "Overdue", t.overdue],
    [zh ? "即将到期" : "Due soon", t.due],
    [zh ? "本轮未报进展" : "No report this round", t.noReport],
    [zh ? "督办下发" : "Supervision raised", t.supervision.raised],
    [zh ? "督办报结" : "Supervision submitted", t.supervision.submitted],
    [zh ? "督办销号" : "Supervision verified", t.supervision.verified],
    [zh ? "督办超期" : "Supervision overdue", t.supervision.overdue],
    [zh ? "指标" : "Indicators", t.indicators],
    [zh ? "指标本轮填报" : "Indicators reported this round", t.indicatorsReported],
  );
  const ch = r.chases?.total;
  if (ch)
    rows.push(
      [zh ? "本轮催办" : "Chases this round", ch.sent],
      [zh ? "催办未回应" : "Chases unanswered", ch.unanswered],
      [zh ? "超过宽限期未回应" : "Unanswered past grace", ch.pastGrace],
    );
  for (const k of TREND_STAGES)
    rows.push([zh ? `指标趋势：${TRENDS.zh[k]}` : `Indicator trend: ${TRENDS.en[k]}`, t.trends[k]]);
  return rows;
}

/** One row per task force: code, name, light, task counts by light and the round's list lengths. */
export function taskForceTable(r: ReportForDocument, lang: DocumentLang): ContentTable {
  return {
    head: WORDS[lang].forces,
    rows: r.taskForces.map((s) => {
      const c = s.summary.taskCounts;
      const m = s.summary;
      return [
        s.code,
        s.name,
        colorWord(s.color, lang),
        c.red,
        c.yellow,
        c.green,
        c.grey,
        c.blue,
        m.overdue,
        m.due,
        m.noReport,
      ];
    }),
    lightColumn: 2,
    lights: r.taskForces.map((s) => s.color),
  };
}

/** Red and yellow tasks with the lights engine's reasons, by task force. */
export function litTable(r: ReportForDocument, lang: DocumentLang): ContentTable {
  const sep = lang === "zh" ? "；" : "; ";
  const entries = r.taskForces.flatMap((s) => [...s.red, ...s.yellow].map((e) => ({ s, e })));
  return {
    head: WORDS[lang].lit,
    rows: entries.map(({ s, e }) => [
      s.code,
      e.code,
      e.title,
      colorWord(e.color, lang),
      e.reasons.map((x) => x.text[lang]).join(sep),
    ]),
    lightColumn: 3,
    lights: entries.map(({ e }) => e.color),
  };
}

/** Overdue tasks of every task force (WBS code, task, deadline, days overdue, percent done). */
export function overdueTable(r: ReportForDocument, lang: DocumentLang): ContentTable {
  return {
    head: WORDS[lang].overdue,
    rows: r.taskForces.flatMap((s) =>
      s.overdue.map((e) => [
        s.code,
        e.code,
        e.title,
        e.deadline ?? "",
        days(e.daysOverdue, r, lang),
        `${e.percent}%`,
      ]),
    ),
  };
}

/** Tasks due by the end of the next round (WBS code, task, deadline, days left, percent done). */
export function dueTable(r: ReportForDocument, lang: DocumentLang): ContentTable {
  return {
    head: WORDS[lang].due,
    rows: r.taskForces.flatMap((s) =>
      s.due.map((e) => [
        s.code,
        e.code,
        e.title,
        e.deadline ?? "",
        days(e.daysLeft, r, lang),
        `${e.percent}%`,
      ]),
    ),
  };
}

/** Supervision items past their due date and not verified. */
export function supervisionTable(r: ReportForDocument, lang: DocumentLang): ContentTable {
  return {
    head: WORDS[lang].supervision,
    rows: r.taskForces.flatMap((s) =>
      s.supervision.overdue.map((i) => [
        i.code,
        s.code,
        i.taskCode ?? "—",
        i.dueDate,
        days(i.daysOverdue ?? 0, r, lang),
        STATES[lang][i.state],
      ]),
    ),
  };
}

const value = (n: number): number => Math.round(n * 100) / 100;

/**
 * Every indicator: latest reading, work and time progress, trend stage (止跌、回升、转正) and light.
 * `compact` (for a printed page) leaves out the indicator's code and puts its unit after its name.
 */
export function indicatorTable(
  r: ReportForDocument,
  lang: DocumentLang,
  o: { compact?: boolean } = {},
): ContentTable {
  const entries: { code: string; i: IndicatorEntry }[] = r.taskForces.flatMap((s) =>
    s.indicators.map((i) => ({ code: s.code, i })),
  );
  const rows = entries.map(({ code, i }) => [
    code,
    i.code,
    i.name,
    i.unit,
    value(i.target),
    i.reading ? value(i.reading.actual) : "—",
    i.reading?.period ?? "—",
    pct(i.workProgress),
    pct(i.timeProgress),
    trendWord(i.trend, lang),
    colorWord(i.color, lang),
  ]);
  const lights = entries.map(({ i }) => i.color);
  const head = WORDS[lang].indicators;
  if (!o.compact) return { head, rows, lightColumn: 10, lights };
  const named = (name: Cell, unit: Cell) => (lang === "zh" ? `${name}（${unit}）` : `${name} (${unit})`);
  return {
    head: [head[0], `${head[2]}${lang === "zh" ? "（单位）" : " (unit)"}`, ...head.slice(4)],
    rows: rows.map(([tf, , name, unit, ...rest]) => [tf!, named(name!, unit!), ...rest]),
    lightColumn: 8,
    lights,
  };
}

/** What changed since the previous round, as sentences (task-force lights and counts). */
export function changeSentences(c: DispatchChanges | undefined, lang: DocumentLang): string[] {
  if (!c) return [WORDS[lang].noPrevious];
  const { red, yellow, overdue } = c.counts;
  const moves = c.colorChanges.map((x) =>
    lang === "zh"
      ? `${x.code} ${x.name}由${colorWord(x.from, lang)}转为${colorWord(x.to, lang)}`
      : `${x.code} ${x.name} from ${colorWord(x.from, lang)} to ${colorWord(x.to, lang)}`,
  );
  if (lang === "zh")
    return [
      `与上一轮（截至${c.previousStatusDate}）相比：红灯任务由${red.previous}项变为${red.current}项，黄灯任务由${yellow.previous}项变为${yellow.current}项，超期任务由${overdue.previous}项变为${overdue.current}项。`,
      moves.length ? `专班亮灯变化：${moves.join("；")}。` : "各专班亮灯颜色无变化。",
      c.newlyOverdue.length
        ? `本轮新增超期事项${c.newlyOverdue.length}项（见下表）。`
        : "本轮无新增超期事项。",
    ];
  return [
    `Against the previous round (as of ${c.previousStatusDate}): red tasks ${red.previous} → ${red.current}, yellow ${yellow.previous} → ${yellow.current}, overdue ${overdue.previous} → ${overdue.current}.`,
    moves.length ? `Task force lights changed: ${moves.join("; ")}.` : "No task force changed its light.",
    c.newlyOverdue.length
      ? `Newly overdue this round: ${c.newlyOverdue.length} (see the table).`
      : "No task fell overdue this round.",
  ];
}

/** Tasks newly overdue (or no longer overdue) this round, with their task force's code. */
export function changedTasksTable(
  r: ReportForDocument,
  c: DispatchChanges,
  which: "newlyOverdue" | "noLongerOverdue",
  lang: DocumentLang,
): ContentTable {
  const codeOf = new Map(r.taskForces.map((s) => [s.taskForceId, s.code]));
  return {
    head: WORDS[lang].overdue,
    rows: c[which].map((e) => [
      codeOf.get(e.taskForceId) ?? "",
      e.code,
      e.title,
      e.deadline ?? "",
      days(e.daysOverdue, r, lang),
      `${e.percent}%`,
    ]),
  };
}

/** The key points as numbered sentences. */
export function keyPointLines(r: ReportForDocument, lang: DocumentLang): string[] {
  return r.keyPoints.length ? r.keyPoints.map((k, i) => `${i + 1}. ${k.text[lang]}`) : [WORDS[lang].none];
}
