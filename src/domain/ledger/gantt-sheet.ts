/**
 * The battle map (作战图) as the ledger export's Gantt sheet: a row per task, a column per week,
 * each bar filled with the task's light colour, milestones marked ◆, the status date's week
 * outlined, panes frozen on the task columns and header rows, printed A3 landscape, one page wide.
 * Export only: the import skips this sheet.
 */
import { type GanttTask, ganttLayout } from "../../engines/ledger/gantt.js";
import type { LightColor } from "../../engines/lights/light.js";
import { COLORS } from "../documents/dispatch-document-words.js";
import type * as Excel from "../excel/exceljs.js";
import { HEADER_FILL } from "./xlsx-write.js";

/** The sheet's name; the import ignores a sheet of this name. */
export const GANTT_SHEET = "作战图";

const COLOURS: Readonly<Record<LightColor, string>> = {
  red: "FFF5222D",
  yellow: "FFFAAD14",
  green: "FF52C41A",
  grey: "FFBFBFBF",
  blue: "FF1677FF",
};
const LIGHT_WORDS = COLORS.zh;
const FIXED = ["专班编码", "WBS编码", "任务名称", "责任人", "开始", "完成", "亮灯"] as const;
const WIDTHS = [10, 10, 36, 10, 11, 11, 8] as const;
const fill = (argb: string): Excel.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const THIN = { style: "thin", color: { argb: "FFD9D9D9" } } as const;
const STATUS = { style: "medium", color: { argb: "FFF5222D" } } as const;

/**
 * A week cell's style, one object per kind: exceljs looks a style up by the object's identity first,
 * so 2 million bar cells sharing a few objects cost what a few do (a fresh style per cell took seconds).
 */
const PLAIN: Partial<Excel.Style> = {};
const weekStyles = new Map<string, Partial<Excel.Style>>();
function weekStyle(color: LightColor | null, mark: boolean, status: boolean): Partial<Excel.Style> {
  const key = `${color}|${mark}|${status}`;
  const known = weekStyles.get(key);
  if (known) return known;
  const style: Partial<Excel.Style> = {
    ...(color ? { fill: fill(COLOURS[color]) } : {}),
    border: {
      ...(color ? { top: THIN, bottom: THIN } : {}),
      ...(status ? { left: STATUS, right: STATUS } : {}),
    },
    ...(mark
      ? { alignment: { horizontal: "center" }, font: { bold: true, color: { argb: "FFFFFFFF" } } }
      : {}),
  };
  weekStyles.set(key, style);
  return style;
}

const titleStyles = new Map<string, Partial<Excel.Style>>();
/** A title cell's style (indented by WBS level, bold for a summary task), shared like {@link weekStyle}. */
function titleStyle(indent: number, bold: boolean): Partial<Excel.Style> {
  const key = `${indent}|${bold}`;
  const style = titleStyles.get(key) ?? { alignment: { indent }, ...(bold ? { font: { bold: true } } : {}) };
  titleStyles.set(key, style);
  return style;
}

/** One task as the Gantt sheet shows it. */
export interface GanttRow extends GanttTask {
  readonly taskForceCode: string;
  readonly code: string;
  readonly title: string;
  readonly owner: string;
  /** A summary task (one with sub-tasks): its title is bold. */
  readonly summary: boolean;
}

/** Writes the Gantt sheet of `rows` (in WBS order) at `statusDate` into a streaming workbook. */
export async function writeGanttSheet(
  wb: Excel.WorkbookWriter,
  statusDate: string,
  rows: readonly GanttRow[],
): Promise<void> {
  const layout = ganttLayout(rows, statusDate);
  const ws = wb.addWorksheet(GANTT_SHEET, {
    views: [{ state: "frozen", xSplit: 3, ySplit: 2 }],
    pageSetup: {
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&C第 &P 页，共 &N 页", oddHeader: `&L作战图&R状态日期 ${statusDate}` },
  });
  // A3 (Excel's paper size 8), which exceljs's typings leave out of their PaperSize enum.
  Object.assign(ws.pageSetup, { paperSize: 8 });
  ws.columns = [...WIDTHS.map((width) => ({ width })), ...layout.weeks.map(() => ({ width: 3.2 }))];
  const title = ws.getRow(1);
  title.getCell(1).value =
    `作战图 · 状态日期 ${statusDate} · 图例：${Object.values(LIGHT_WORDS).join(" / ")}，◆ 里程碑`;
  title.getCell(1).font = { bold: true, size: 12 };
  layout.weeks.forEach((w, i) => {
    // The month over its first week, so the header reads like a calendar.
    if (i === 0 || w.slice(5, 7) !== layout.weeks[i - 1]!.slice(5, 7)) {
      const c = title.getCell(FIXED.length + 1 + i);
      c.value = w.slice(0, 7);
      c.font = { bold: true, size: 9 };
    }
  });
  title.commit();
  const head = ws.getRow(2);
  FIXED.forEach((h, i) => {
    head.getCell(i + 1).value = h;
  });
  layout.weeks.forEach((w, i) => {
    const c = head.getCell(FIXED.length + 1 + i);
    c.value = w.slice(8, 10);
    c.alignment = { horizontal: "center" };
    if (i === layout.statusWeek) c.border = { top: STATUS, left: STATUS, right: STATUS };
  });
  head.eachCell((c) => {
    c.font = { ...c.font, bold: true };
    c.fill = HEADER_FILL;
  });
  head.commit();
  rows.forEach((t, r) => {
    const row = ws.getRow(r + 3);
    const values = [
      t.taskForceCode,
      t.code,
      t.title,
      t.owner,
      t.start ?? "",
      t.finish ?? "",
      t.color ? LIGHT_WORDS[t.color] : "",
    ];
    values.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = v;
      c.style = PLAIN; // shared: see weekStyle
    });
    row.getCell(3).style = titleStyle(Math.min(t.code.split(".").length - 1, 6), t.summary);
    const bar = layout.bars[r];
    for (let w = bar && t.color ? bar.from : 0; bar && t.color && w <= bar.to; w++) {
      const c = row.getCell(FIXED.length + 1 + w);
      if (bar.mark === w) c.value = "◆";
      c.style = weekStyle(t.color, bar.mark === w, w === layout.statusWeek);
    }
    if (
      layout.statusWeek !== null &&
      !(bar && t.color && bar.from <= layout.statusWeek && layout.statusWeek <= bar.to)
    )
      row.getCell(FIXED.length + 1 + layout.statusWeek).style = weekStyle(null, false, true);
    row.commit();
  });
  ws.commit();
}
