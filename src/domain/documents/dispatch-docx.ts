/**
 * The dispatch report (调度通报) as a Word document, typeset as an official report (GB/T 9704 style):
 * A4, margins 3.7 / 3.5 / 2.8 / 2.6 cm, title in 方正小标宋简体 二号, headings in 黑体 三号, body in
 * 仿宋_GB2312 三号 on a 28 pt grid, tables in 仿宋_GB2312 小四 with borders (English ones at 10 pt: their
 * words are longer), page numbers (— 1 —) in the footer.
 */

import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { LightColor } from "../../engines/index.js";
import type { DispatchReportView } from "../closed-loop/dispatch.service.js";
import type { DispatchChanges } from "./dispatch-changes.js";
import {
  type ContentTable,
  changedTasksTable,
  changeSentences,
  dueTable,
  indicatorTable,
  keyPointLines,
  litTable,
  overdueTable,
  overviewSentences,
  roundLine,
  supervisionTable,
  taskForceTable,
} from "./dispatch-document-content.js";
import { type DocumentLang, WORDS } from "./dispatch-document-words.js";
import { type RankingRow, rankingTable } from "./dispatch-ranking.js";
import { columnWidths, type TableType } from "./docx-column-widths.js";

/** Fonts of an official report; Word falls back to a similar face when one is not installed. */
export const REPORT_FONTS = {
  title: "方正小标宋简体",
  heading: "黑体",
  subheading: "楷体_GB2312",
  body: "仿宋_GB2312",
  pageNumber: "宋体",
} as const;

/** Light colours as cell fills (RGB hex, the same as the web app's and the workbook's). */
export const LIGHT_FILLS: Record<LightColor, string> = {
  red: "CF1322",
  yellow: "FAAD14",
  green: "52C41A",
  grey: "BFBFBF",
  blue: "1677FF",
};

/** Font sizes in points: 二号 22, 三号 16, 四号 14, 小四 12 (English tables 10: their words are longer). */
const PT = { title: 22, heading: 16, body: 16, pageNumber: 14 } as const;
/** Table text: size in points, and the width of a Latin character against a CJK one (bold English is wide). */
const TABLE: Record<DocumentLang, TableType> = { zh: { pt: 12, latin: 0.6 }, en: { pt: 10, latin: 0.7 } };
/** A4 in twips, and the margins of GB/T 9704 (top 37 mm, bottom 35, left 28, right 26). */
const PAGE = { width: 11906, height: 16838 } as const;
const MARGIN = {
  top: convertMillimetersToTwip(37),
  bottom: convertMillimetersToTwip(35),
  left: convertMillimetersToTwip(28),
  right: convertMillimetersToTwip(26),
} as const;
/** Width of the text block, in twips. */
const TEXT_BLOCK = PAGE.width - MARGIN.left - MARGIN.right;
/** 28 pt exact line pitch (22 lines a page), in twips. */
const LINE = 560;

/** A run in one font for every script (ASCII, East Asian, complex), at `pt` points. */
function run(text: string, font: string, pt: number, bold = false): TextRun {
  return new TextRun({
    text,
    bold,
    size: pt * 2,
    font: { ascii: font, hAnsi: font, eastAsia: font, cs: font },
  });
}

const line = (text: string, font: string, pt: number, o: { center?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    children: [run(text, font, pt)],
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    ...(o.center ? { alignment: AlignmentType.CENTER } : { alignment: AlignmentType.JUSTIFIED }),
    // First-line indent of two characters of the body size.
    ...(o.indent ? { indent: { firstLine: PT.body * 2 * 20 } } : {}),
  });

const heading = (text: string) =>
  new Paragraph({
    children: [run(text, REPORT_FONTS.heading, PT.heading)],
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: PT.body * 2 * 20 },
    outlineLevel: 0,
  });

const body = (text: string) => line(text, REPORT_FONTS.body, PT.body, { indent: true });
const subheading = (text: string) =>
  new Paragraph({
    children: [run(text, REPORT_FONTS.subheading, PT.body)],
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: PT.body * 2 * 20 },
    outlineLevel: 1,
  });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

function cell(
  text: string,
  width: number,
  o: { pt: number; bold?: boolean; fill?: string | undefined },
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({
        children: [run(text, REPORT_FONTS.body, o.pt, o.bold)],
        spacing: { line: 300, lineRule: LineRuleType.AT_LEAST },
      }),
    ],
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60 },
    ...(o.fill ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: o.fill } } : {}),
  });
}

/** A bordered table with a repeated header row; the light column filled with its colour. */
function table(t: ContentTable, none: string, tt: TableType): Paragraph | Table {
  if (t.rows.length === 0) return body(none);
  const widths = columnWidths(t, tt, TEXT_BLOCK);
  const pt = tt.pt;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.head.map((h, k) => cell(h, widths[k]!, { pt, bold: true, fill: "F2F2F2" })),
  });
  const rows = t.rows.map(
    (r, i) =>
      new TableRow({
        cantSplit: true,
        children: r.map((v, k) => {
          const light = k === t.lightColumn ? t.lights?.[i] : null;
          return cell(String(v), widths[k]!, { pt, fill: light ? LIGHT_FILLS[light] : undefined });
        }),
      }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: TEXT_BLOCK, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
}

/** The report's seven parts as paragraphs and tables, in `lang`. */
function reportBody(
  view: DispatchReportView,
  lang: DocumentLang,
  changes: DispatchChanges | undefined,
  ranking: readonly RankingRow[] | undefined,
): (Paragraph | Table)[] {
  const w = WORDS[lang];
  const [h1, h2, h3, h4, h5, h6, h7] = w.headings;
  const tbl = (t: ContentTable) => table(t, w.none, TABLE[lang]);
  const out: (Paragraph | Table)[] = [heading(h1), ...overviewSentences(view, lang).map(body)];
  out.push(heading(h2), tbl(taskForceTable(view, lang)));
  out.push(subheading(w.sub.lit), tbl(litTable(view, lang)));
  out.push(heading(h3), ...changeSentences(changes, lang).map(body));
  if (changes?.newlyOverdue.length)
    out.push(subheading(w.sub.newlyOverdue), tbl(changedTasksTable(view, changes, "newlyOverdue", lang)));
  if (changes?.noLongerOverdue.length)
    out.push(
      subheading(w.sub.noLongerOverdue),
      tbl(changedTasksTable(view, changes, "noLongerOverdue", lang)),
    );
  out.push(heading(h4), subheading(w.sub.overdue), tbl(overdueTable(view, lang)));
  out.push(subheading(w.sub.due), tbl(dueTable(view, lang)));
  out.push(subheading(w.sub.supervision), tbl(supervisionTable(view, lang)));
  out.push(heading(h5), tbl(indicatorTable(view, lang, { compact: true })));
  out.push(heading(h6), tbl(rankingTable(ranking ?? [], lang)));
  out.push(heading(h7), ...keyPointLines(view, lang).map(body));
  return out;
}

/**
 * The dispatch report as a .docx file (bytes), in `lang`, titled for `organisation`. `changes`
 * (from `changesSince`) fills part 三; without it that part says the previous round is not available.
 */
export async function dispatchDocx(
  view: DispatchReportView,
  o: { organisation: string; lang: "zh" | "en"; changes?: DispatchChanges; ranking?: readonly RankingRow[] },
): Promise<Buffer> {
  const title = new Paragraph({
    children: [run(WORDS[o.lang].title(o.organisation), REPORT_FONTS.title, PT.title)],
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.AT_LEAST },
  });
  const round = line(roundLine(view, o.lang), REPORT_FONTS.subheading, PT.body, { center: true });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            size: PT.pageNumber * 2,
            font: {
              ascii: REPORT_FONTS.pageNumber,
              hAnsi: REPORT_FONTS.pageNumber,
              eastAsia: REPORT_FONTS.pageNumber,
            },
          }),
        ],
      }),
    ],
  });
  const doc = new Document({
    title: WORDS[o.lang].title(o.organisation),
    creator: "Guatu",
    styles: {
      default: {
        document: {
          run: {
            size: PT.body * 2,
            font: { ascii: REPORT_FONTS.body, hAnsi: REPORT_FONTS.body, eastAsia: REPORT_FONTS.body },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: PAGE,
            // The page number sits 7 mm below the text block.
            margin: { ...MARGIN, footer: convertMillimetersToTwip(28) },
          },
        },
        footers: { default: footer },
        children: [title, round, ...reportBody(view, o.lang, o.changes, o.ranking)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
