/**
 * The answer sheet (交卷) as a workbook: a first sheet with the title (草稿 on a draft), the summary
 * and the signature block, then a sheet per section — its title and lines, then its table under a
 * bold, frozen header row. Numbers stay numbers; long text wraps.
 */
import type { AnswerSheet } from "../../shared/api/answer-sheet.js";
import { type DocumentLang, textWidth } from "../documents/dispatch-document-words.js";
import type * as Excel from "../excel/exceljs.js";
import ExcelJS from "../excel/exceljs.js";
import { answerSheetContent, type SheetDocument, type SheetSection } from "./answer-sheet-content.js";

const HEADER_FILL = "FFF2F2F2";
const DRAFT_RED = "FFC00000";
/** Excel refuses these in sheet names, and names longer than 31 characters. */
const sheetName = (s: string) => s.replace(/[\\/?*[\]:]/g, " ").slice(0, 31);

/** Writes `section`'s lines and table from row `first`; answers the header row's number (0: none). */
function writeSection(ws: Excel.Worksheet, section: SheetSection, first: number): number {
  let r = first;
  for (const line of section.lines) ws.getCell(r++, 1).value = line;
  if (!section.table) return 0;
  if (section.lines.length) r++;
  const head = ws.getRow(r);
  head.values = [...section.table.head];
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    c.alignment = { wrapText: true, vertical: "middle" };
  });
  for (const cells of section.table.rows) {
    const row = ws.getRow(++r);
    row.values = cells.map((c) => c ?? "");
    row.alignment = { wrapText: true, vertical: "top" };
  }
  return head.number;
}

/** Column widths from the widest text of each column (in Chinese-aware width units), 8–50. */
function fitColumns(ws: Excel.Worksheet, from: number): void {
  ws.columns.forEach((col, k) => {
    let widest = 0;
    ws.eachRow((row, n) => {
      if (n < from) return;
      const v = row.getCell(k + 1).value;
      if (v !== null && v !== undefined && v !== "") widest = Math.max(widest, textWidth(String(v)));
    });
    col.width = Math.min(50, Math.max(8, widest + 2));
  });
}

/** The title rows every sheet starts with: the document's title (red 草稿 on a draft) and subtitle. */
function titleRows(ws: Excel.Worksheet, doc: SheetDocument, section?: string): void {
  const title = ws.getCell(1, 1);
  title.value = section ? `${doc.title} — ${section}` : doc.title;
  title.font = { bold: true, size: section ? 12 : 16, ...(doc.draft ? { color: { argb: DRAFT_RED } } : {}) };
  ws.getCell(2, 1).value = doc.subtitle;
}

/** The answer sheet as an .xlsx file (bytes), in `lang`. */
export async function answerSheetXlsx(sheet: AnswerSheet, lang: DocumentLang): Promise<Buffer> {
  const doc = answerSheetContent(sheet, lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Guatu";
  wb.title = doc.title;
  const [summary, ...rest] = doc.sections;
  const front = wb.addWorksheet(sheetName(lang === "zh" ? "交卷" : "Answer sheet"));
  titleRows(front, doc);
  const end = summary ? writeSection(front, summary, 4) + (summary.table?.rows.length ?? 0) : 3;
  const sign = front.getRow(end + 3);
  // The name (or a blank to write it on), then blanks for the signature and the date.
  const blank = "＿＿＿＿＿＿";
  sign.values = [
    `${doc.signature.role}${doc.signature.name ?? blank}`,
    `${doc.signature.sign}${blank}`,
    `${doc.signature.date}${blank}`,
  ];
  sign.font = { bold: true };
  fitColumns(front, 4);
  for (const section of rest) {
    const ws = wb.addWorksheet(sheetName(section.title));
    titleRows(ws, doc, section.title);
    const head = writeSection(ws, section, 4);
    if (head) ws.views = [{ state: "frozen", ySplit: head }];
    fitColumns(ws, 4);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
