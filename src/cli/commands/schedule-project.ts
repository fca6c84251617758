import { once } from "node:events";
import { readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { EngineInputError } from "../../engines/calendar/calendar-error.js";
import { parseJsonBytes } from "../../engines/schedule/parse-json-bytes.js";
import { computeSchedule, computeScheduleFromBytes } from "../../engines/schedule/schedule.js";
import type { ScheduleResult } from "../../engines/schedule/schedule-result.js";
import { reserveScheduleMemory } from "../../engines/schedule/scratch.js";
import type { ScheduleFile } from "../../engines/schedule/types.js";
import { AppError } from "../../shared/errors.js";
import { isIsoDate } from "../../vocabulary/dates.js";
import { cliLang, type Lang } from "../locale.js";
import { displayWidth as width } from "../text-table.js";

/** Options of `guatu schedule`, as commander parses them. */
export interface ScheduleCommandOptions {
  readonly statusDate?: string;
  readonly format?: string;
  readonly lang?: string;
}

const TEXT = {
  zh: {
    head: ["任务", "名称", "最早开始", "最早完成", "最迟开始", "最迟完成", "总时差", "关键"],
    start: "项目开始",
    deadline: "截止",
    status: "状态日期",
    finish: "最早完成",
    feasible: "可行",
    minFloat: "最小时差",
    days: "个工作日",
    chain: "关键环节",
    negative: "负时差任务",
    yes: "是",
    no: "否",
    summary: "（汇总）",
  },
  en: {
    head: ["Task", "Name", "Early start", "Early finish", "Late start", "Late finish", "Float", "Critical"],
    start: "Project start",
    deadline: "Deadline",
    status: "Status date",
    finish: "Earliest finish",
    feasible: "Feasible",
    minFloat: "Minimum float",
    days: "working days",
    chain: "Critical chain",
    negative: "Tasks with negative float",
    yes: "yes",
    no: "no",
    summary: " (summary)",
  },
} as const;

/** The `--lang` rule shared by every command (kept under this name for the schedule command). */
export { cliLang as scheduleLang };

/**
 * Reads and parses a JSON file; every failure is one `invalid` error naming the file (and line and
 * column). Large files are parsed from their bytes in pieces (`parseJsonBytes`): no string of the
 * whole file is ever made.
 */
export function readJsonFile(path: string): unknown {
  return parseJsonFile(path, readFileBytes(path));
}

/** A file's bytes without a BOM; a failure is an `invalid` error naming the file. */
function readFileBytes(path: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new Error("is a directory");
    if (stat.size > 16 << 20) reserveScheduleMemory(stat.size); // before the heap fills up
    bytes = readFileSync(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new AppError("VALIDATION", `${path}: cannot read the file: ${why}`);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3); // a BOM
  return bytes;
}

/** `readJsonFile` of bytes already read. */
function parseJsonFile(path: string, bytes: Uint8Array): unknown {
  const parsed = parseJsonBytes(bytes);
  if (parsed !== undefined) return parsed;
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    // V8's messages do not always give a position: find the first bad character ourselves.
    const at = jsonErrorOffset(text);
    const what = at >= text.length ? "unexpected end of file" : `unexpected ${JSON.stringify(text[at])}`;
    throw new AppError("VALIDATION", `${path}: not valid JSON at ${lineColumn(text, at)}: ${what}`);
  }
}

/** Offset of the first character that makes `s` invalid JSON (s.length: it ends too early; −1: valid). */
export function jsonErrorOffset(s: string): number {
  let i = 0;
  const ws = () => {
    while (s[i] === " " || s[i] === "\n" || s[i] === "\r" || s[i] === "\t") i++;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const string = (): boolean => {
    for (i++; i < s.length; i++) {
      const c = s[i]!;
      if (c === '"') return ++i > 0;
      if (c.charCodeAt(0) < 0x20) return false;
      if (c === "\\") {
        i++;
        if (s[i] === "u" && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(s[i] ?? "x")) return false;
      }
    }
    return false;
  };
  const list = (close: string, item: () => boolean): boolean => {
    i++;
    ws();
    if (s[i] === close) return ++i > 0;
    for (;;) {
      if (!item()) return false;
      ws();
      if (s[i] === close) return ++i > 0;
      if (s[i] !== ",") return false;
      i++;
    }
  };
  const value = (): boolean => {
    ws();
    const c = s[i];
    if (c === "{")
      return list("}", () => {
        ws();
        if (s[i] !== '"' || !string()) return false;
        ws();
        if (s[i] !== ":") return false;
        i++;
        return value();
      });
    if (c === "[") return list("]", value);
    if (c === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (!s.startsWith(word, i)) continue;
      i += word.length;
      return true;
    }
    NUMBER.lastIndex = i;
    if (!NUMBER.test(s)) return false;
    i = NUMBER.lastIndex;
    return true;
  };
  if (!value()) return Math.min(i, s.length);
  ws();
  return i < s.length ? i : -1;
}

function lineColumn(text: string, pos: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < pos; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${pos - start + 1}`;
}

const pad = (s: string, w: number): string => s + " ".repeat(Math.max(0, w - width(s)));
const cut = (s: string, max: number): string =>
  width(s) <= max ? s : `${[...s].slice(0, max - 1).join("")}…`;

/** The header lines and the table, in chunks of lines (a million rows never become one string). */
export function* scheduleTable(
  result: ScheduleResult,
  nameOf: (i: number) => unknown,
  lang: Lang,
): Generator<string> {
  const t = TEXT[lang];
  const h = result.header;
  const yes = (b: boolean) => (b ? t.yes : t.no);
  yield `${t.start} ${h.projectStart}  ${t.deadline} ${h.deadline ?? "—"}  ${t.status} ${h.statusDate ?? "—"}  ${t.finish} ${h.earliestFinish}\n`;
  yield `${t.feasible}: ${yes(h.feasible)}  ${t.minFloat}: ${h.minFloat} ${t.days}\n`;
  yield `${t.chain}: ${h.criticalPath.join(" → ") || "—"}\n`;
  if (h.negativeFloatTasks.length > 0) {
    const shown = h.negativeFloatTasks.slice(0, 20).join(", ");
    yield `${t.negative} (${h.negativeFloatTasks.length}): ${shown}${h.negativeFloatTasks.length > 20 ? " …" : ""}\n`;
  }
  const cells = (i: number): string[] => {
    const r = result.row(i);
    const name = cut(String(nameOf(i) ?? ""), 30) + (r.summary ? t.summary : "");
    return [
      r.id,
      name,
      r.earlyStart,
      r.earlyFinish,
      r.lateStart,
      r.lateFinish,
      String(r.totalFloat),
      r.critical ? "*" : "",
    ];
  };
  const widths = t.head.map((s, k) => Math.max(width(s), k >= 2 && k <= 5 ? 10 : 0));
  for (let i = 0; i < result.size; i++) {
    const r = result.row(i);
    const name = String(nameOf(i) ?? "");
    widths[0] = Math.max(widths[0]!, width(r.id));
    widths[1] = Math.max(widths[1]!, width(cut(name, 30)) + (r.summary ? width(t.summary) : 0));
    widths[6] = Math.max(widths[6]!, String(r.totalFloat).length);
  }
  const line = (c: readonly string[]) =>
    `${c
      .map((s, k) => (k === 6 ? s.padStart(widths[k]!) : pad(s, widths[k]!)))
      .join("  ")
      .trimEnd()}\n`;
  yield `\n${line(t.head)}${line(widths.map((w) => "-".repeat(w)))}`;
  let chunk: string[] = [];
  for (let i = 0; i < result.size; i++) {
    chunk.push(line(cells(i)));
    if (chunk.length === 2048) {
      yield chunk.join("");
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join("");
}

/** Writes chunks to a stream in ~1 MB writes, waiting for `drain` when it pushes back. */
async function writeAll(out: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  let buf: string[] = [];
  let size = 0;
  for (const c of chunks) {
    buf.push(c);
    size += c.length;
    if (size < 1 << 20) continue;
    if (!out.write(buf.join(""))) await once(out, "drain");
    buf = [];
    size = 0;
  }
  if (buf.length > 0 && !out.write(buf.join(""))) await once(out, "drain");
}

/** Runs `guatu schedule FILE`: read, schedule, print; bad input is an `invalid` AppError naming the file. */
export async function runScheduleCommand(
  path: string,
  opts: ScheduleCommandOptions,
  out: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv,
  progress: (step: string) => void = () => {},
): Promise<void> {
  const format = opts.format ?? "table";
  if (format !== "table" && format !== "json")
    throw new AppError("VALIDATION", `--format ${format}: must be table or json`);
  if (opts.statusDate !== undefined && !isIsoDate(opts.statusDate))
    throw new AppError("VALIDATION", `--status-date ${opts.statusDate}: not a valid YYYY-MM-DD date`);
  const lang = format === "table" ? cliLang(opts.lang, env) : "en";
  progress(`reading ${path}…`);
  const bytes = readFileBytes(path);
  const options = opts.statusDate === undefined ? {} : { statusDate: opts.statusDate };
  // Plain valid files are read straight into the engine's arrays; anything else (every error
  // included) takes the usual path: JSON.parse, then the engine's checks and messages.
  const names: string[] | undefined = format === "table" ? [] : undefined;
  let result = computeScheduleFromBytes(bytes, options, names);
  let nameOf = (i: number): unknown => names?.[i];
  if (!result) {
    const file = parseJsonFile(path, bytes) as ScheduleFile;
    try {
      progress(`scheduling ${file?.tasks?.length?.toLocaleString("en") ?? 0} tasks…`);
      result = computeSchedule(file, options);
    } catch (e) {
      if (e instanceof EngineInputError) throw new AppError(e.code, `${path}: ${e.message}`, e.details);
      throw e;
    }
    nameOf = (i) => file.tasks[i]?.name;
  }
  progress("");
  if (format === "table") return writeAll(out, scheduleTable(result, nameOf, lang));
  // Byte chunks share one buffer: each must be written before the next is made.
  for (const chunk of result.jsonBytes())
    await new Promise<void>((done, fail) => out.write(chunk, (e) => (e ? fail(e) : done())));
}

/** `guatu schedule FILE.json [--status-date D] [--format table|json] [--lang zh|en]`. */
export function register(program: Command): void {
  program
    .command("schedule")
    .description(
      "schedule a project file backwards from its deadlines (倒排工期): late and early dates, float, critical chain",
    )
    .argument("<file>", "schedule file (JSON, see docs)")
    .option("--status-date <date>", "schedule work not yet started from this date (YYYY-MM-DD)")
    .option("--format <format>", "table or json", "table")
    .option("--lang <lang>", "table language zh or en (default: from LC_ALL / LANG)")
    // The CLI is the adapter edge: the locale is read from the environment here and passed in.
    .action((file: string, opts: ScheduleCommandOptions) => {
      // Long work shows its step on a terminal (one line, cleared before the output).
      const tty = process.stderr.isTTY;
      const progress = (step: string) => tty && process.stderr.write(`\r\x1b[K${step && `guatu: ${step}`}`);
      // `guatu schedule … | head`: once the reader is gone, stop quietly, as with SIGPIPE.
      process.stdout.on("error", (e: NodeJS.ErrnoException) => {
        if (e.code === "EPIPE") process.exit(0);
      });
      return runScheduleCommand(file, opts, process.stdout, process.env, progress);
    });
}
