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
import type { LedgerMapping } from "../../engines/ledger/mapping.js";
import { problemAddress } from "../../engines/ledger/read-ledger.js";
import { SHEETS, type SheetKey } from "../../engines/ledger/sheets.js";
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
    findings: "五化检查发现",
    unscheduled: "无法排期",
    more: "其余",
    fileSheets: "本文件的工作表及表头（用 --map 对应，如 --map 任务=重点任务台账 --map 任务.WBS编码=序号）：",
    row: "表头行",
  },
  en: {
    create: "new",
    update: "changed",
    unchanged: "unchanged",
    problems: "problem(s); nothing was written",
    dry: "(dry run, nothing written)",
    none: "nothing changed",
    findings: "five-ization check findings",
    unscheduled: "cannot be scheduled",
    more: "more",
    fileSheets:
      "the file's sheets and headers (map them with --map, e.g. --map tasks=重点任务台账 --map tasks.code=序号):",
    row: "row",
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
    // Sheets or headers not found: show what the file has, to map it with --map.
    const unmatched = r.problems.some(
      (p) => p.key === "ledgerMissingSheet" || p.key === "ledgerMissingColumn",
    );
    const layout = unmatched
      ? [
          w.fileSheets,
          ...r.fileSheets.map(
            (f) =>
              `  ${f.name}${f.headerRow ? ` (${w.row} ${f.headerRow}): ${f.headers.slice(0, 30).join(" | ")}` : ""}`,
          ),
        ]
      : [];
    return { out: "", err: `${[...lines, ...layout].join("\n")}\n${r.problems.length} ${w.problems}\n` };
  }
  const rows = Object.entries(r.counts)
    .filter(([, c]) => c.create + c.update + c.unchanged > 0)
    .map(
      ([sheet, c]) =>
        `${sheet}: ${w.create} ${c.create} · ${w.update} ${c.update} · ${w.unchanged} ${c.unchanged}`,
    );
  const tail = r.dryRun ? w.dry : r.written ? `sha256 ${r.sha256}` : w.none;
  const f = r.findings;
  const found = f
    ? [
        `${w.findings}: ${f.total}`,
        ...f.items
          .slice(0, 20)
          .map(
            (i) =>
              `  ${[i.taskForceCode, i.wbs].filter(Boolean).join(" ")} ${i.text[lang === "zh" ? "zh" : "en"]}`,
          ),
        ...(f.total > 20 ? [`  … ${w.more} ${f.total - 20}`] : []),
        ...f.unscheduled.map((u) => `${u.taskForceCode} ${w.unscheduled}: ${u.message}`),
      ]
    : [];
  return { out: `${[...rows, tail, ...found].join("\n")}\n`, err: "" };
}

/**
 * `--map` values as a header mapping: `任务=重点任务台账` maps a sheet (`任务=-` says the file has none),
 * `任务.责任单位编码=牵头责任单位` a column; our sheets and columns by Chinese name or English key.
 */
export function parseMapOptions(values: readonly string[]): LedgerMapping {
  const sheets: Partial<Record<SheetKey, string | null>> = {};
  const columns: Partial<Record<SheetKey, Record<string, string>>> = {};
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  for (const v of values) {
    const eq = v.indexOf("=");
    const bad = (why: string) => new AppError("VALIDATION", `--map ${v}: ${why}`);
    if (eq < 1) throw bad("expected OURS=THEIRS, e.g. 任务=重点任务台账 or 任务.责任单位编码=牵头单位");
    const [sheetName, columnName] = v.slice(0, eq).split(".", 2) as [string, string | undefined];
    const theirs = v.slice(eq + 1).trim();
    const spec = SHEETS.find((s) => same(s.zh, sheetName) || same(s.en, sheetName) || same(s.key, sheetName));
    if (!spec) throw bad(`no sheet "${sheetName}" in the ledger (${SHEETS.map((s) => s.zh).join("、")})`);
    if (columnName === undefined) {
      sheets[spec.key] = theirs === "" || theirs === "-" ? null : theirs;
      continue;
    }
    const col = spec.columns.find(
      (c) => same(c.zh, columnName) || same(c.en, columnName) || same(c.key, columnName),
    );
    if (!col) throw bad(`no column "${columnName}" in sheet ${spec.zh}`);
    if (theirs === "") throw bad("the file's header is empty");
    columns[spec.key] = { ...columns[spec.key], [col.key]: theirs };
  }
  return { sheets, columns };
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
    .option(
      "--map <ours=theirs>",
      "map a sheet (任务=重点任务台账; 任务=- when the file has none) or a column (任务.责任单位编码=牵头单位) of your own ledger; remembered once imported (repeatable)",
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .action(async (file: string, opts: { db?: string; dryRun?: boolean; lang?: string; map: string[] }) => {
      const mapping = opts.map.length ? parseMapOptions(opts.map) : undefined;
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
          mapping,
        }),
      ).finally(() => bar?.stop());
      const { out, err } = formatImport(result, lang);
      process.stdout.write(out);
      process.stderr.write(err);
      if (result.problems.length) process.exitCode = 2;
    });
}
