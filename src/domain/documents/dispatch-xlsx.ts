/**
 * The dispatch report (调度通报) as a workbook: the overview, task-force lights (light cells filled
 * with their colour), overdue and due tasks, indicators, the round's changes and the key points —
 * one sheet each, header row frozen, headers in the report's language.
 */

import type { LightColor } from "../../engines/index.js";
import type { DispatchReportView } from "../closed-loop/dispatch.service.js";
import type * as Excel from "../excel/exceljs.js";
import ExcelJS from "../excel/exceljs.js";
import type { DispatchChanges } from "./dispatch-changes.js";
import {
  type Cell,
  type ContentTable,
  changedTasksTable,
  changeSentences,
  dueTable,
  indicatorTable,
  keyPointLines,
  litTable,
  overdueTable,
  supervisionTable,
  taskForceTable,
  totalsRows,
} from "./dispatch-document-content.js";
import { type DocumentLang, textWidth, WORDS } from "./dispatch-document-words.js";
import { type RankingRow, rankingTable } from "./dispatch-ranking.js";

/** Light colours as ARGB cell fills. */
export const LIGHT_ARGB: Record<LightColor, string> = {
  red: "FFCF1322",
  yellow: "FFFAAD14",
  green: "FF52C41A",
  grey: "FFBFBFBF",
  blue: "FF1677FF",
};

const HEADER_FILL = "FFF2F2F2";

/** A sheet with a bold, filled, frozen header row and `rows` under it; light cells filled. */
function sheet(wb: Excel.Workbook, name: string, t: ContentTable): Excel.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const head = ws.addRow([...t.head]);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  });
  t.rows.forEach((r, i) => {
    const row = ws.addRow([...r]);
    const light = t.lightColumn === undefined ? null : t.lights?.[i];
    if (light && t.lightColumn !== undefined)
      row.getCell(t.lightColumn + 1).fill = {
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: LIGHT_ARGB[light] },
      };
  });
  ws.columns.forEach((col, k) => {
    const widest = Math.max(...[t.head[k] ?? "", ...t.rows.map((r) => r[k] ?? "")].map(textWidth));
    col.width = Math.min(60, Math.max(8, widest + 2));
  });
  return ws;
}

/** Overdue and due tasks on one sheet, with a first column telling which list a row is from. */
function listsTable(view: DispatchReportView, lang: DocumentLang): ContentTable {
  const [kind, overdue, due] = WORDS[lang].kind;
  const o = overdueTable(view, lang);
  const d = dueTable(view, lang);
  const daysHead = lang === "zh" ? "超期/剩余" : "Overdue / left";
  const head = [kind, ...o.head.slice(0, 4), daysHead, ...o.head.slice(5)];
  return { head, rows: [...o.rows.map((r) => [overdue, ...r]), ...d.rows.map((r) => [due, ...r])] };
}

/** Changes since the previous round: sentences, then the tasks newly overdue and no longer overdue. */
function changesTable(
  view: DispatchReportView,
  lang: DocumentLang,
  changes: DispatchChanges | undefined,
): ContentTable {
  const w = WORDS[lang];
  const head = [lang === "zh" ? "变化" : "Change", ...w.overdue];
  const rows: Cell[][] = changeSentences(changes, lang).map((s) => [s]);
  if (changes) {
    const label = { newlyOverdue: w.sub.newlyOverdue, noLongerOverdue: w.sub.noLongerOverdue } as const;
    for (const which of ["newlyOverdue", "noLongerOverdue"] as const)
      for (const r of changedTasksTable(view, changes, which, lang).rows) rows.push([label[which], ...r]);
  }
  return { head, rows };
}

/**
 * The dispatch report as an .xlsx file (bytes), in `lang`, for `organisation`; `changes` (from
 * `changesSince`) fills the 本轮变化 sheet.
 */
export async function dispatchXlsx(
  view: DispatchReportView,
  o: { organisation: string; lang: "zh" | "en"; changes?: DispatchChanges; ranking?: readonly RankingRow[] },
): Promise<Buffer> {
  const w = WORDS[o.lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = "Guatu";
  wb.title = w.title(o.organisation);
  sheet(wb, w.sheets.totals, { head: w.totals, rows: totalsRows(view, o.lang, o.organisation) });
  sheet(wb, w.sheets.forces, taskForceTable(view, o.lang));
  sheet(wb, w.sheets.lit, litTable(view, o.lang));
  sheet(wb, w.sheets.lists, listsTable(view, o.lang));
  sheet(wb, w.sheets.supervision, supervisionTable(view, o.lang));
  sheet(wb, w.sheets.indicators, indicatorTable(view, o.lang));
  sheet(wb, w.sheets.changes, changesTable(view, o.lang, o.changes));
  sheet(wb, w.sheets.ranking, rankingTable(o.ranking ?? [], o.lang));
  sheet(wb, w.sheets.keyPoints, {
    head: [w.sheets.keyPoints],
    rows: keyPointLines(view, o.lang).map((k) => [k]),
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
