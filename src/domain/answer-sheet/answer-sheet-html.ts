/**
 * The answer sheet (交卷) as one standalone HTML page for A4 printing: inline CSS, no external
 * resource, every text escaped. Tables take the page's width and wrap long names instead of
 * overflowing; a draft says 草稿 in its title and in a red stamp.
 */
import type { AnswerSheet } from "../../shared/api/answer-sheet.js";
import type { DocumentLang } from "../documents/dispatch-document-words.js";
import { answerSheetContent, type SheetCell, type SheetSection } from "./answer-sheet-content.js";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
// Numbers, dates, codes and short names never break inside; longer text wraps.
const cell = (c: SheetCell) =>
  c === null
    ? "—"
    : typeof c === "number" || (c.length <= 10 && !/\s/.test(c))
      ? `<span class="num">${esc(String(c))}</span>`
      : esc(c);

const CSS = `
@page { size: A4 portrait; margin: 20mm 18mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #000; font-size: 10.5pt; line-height: 1.5;
  font-family: FangSong, "FangSong_GB2312", STFangsong, "Noto Serif CJK SC", "Source Han Serif SC",
    "Noto Sans CJK SC", "WenQuanYi Micro Hei", serif; }
main { max-width: 174mm; margin: 0 auto; }
h1, h2 { font-family: SimHei, "黑体", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; }
h1 { text-align: center; font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 5mm 0 2mm; }
.subtitle { text-align: center; margin: 0 0 4mm; }
.draft { color: #c00; border: 2px solid #c00; padding: 0 2mm; font-weight: 700; }
p { margin: 0 0 2mm; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
th, td { border: 1px solid #000; padding: 0.8mm 1.2mm; font-size: 8.5pt; line-height: 1.3;
  vertical-align: top; overflow-wrap: break-word; }
th { background: #f2f2f2; font-weight: 600; text-align: center; }
.num { white-space: nowrap; }
tr { break-inside: avoid; }
.signature { margin-top: 10mm; display: flex; flex-wrap: wrap; gap: 4mm 12mm; }
.signature .line { display: inline-block; min-width: 40mm; border-bottom: 1px solid #000; }
`;

function section(s: SheetSection): string {
  const lines = s.lines.map((l) => `<p>${esc(l)}</p>`).join("");
  const table = s.table?.rows.length
    ? `<table data-section-table="${esc(s.key)}"><thead><tr>${s.table.head
        .map((h) => `<th>${esc(h)}</th>`)
        .join("")}</tr></thead><tbody>${s.table.rows
        .map((r) => `<tr>${r.map((c) => `<td>${cell(c)}</td>`).join("")}</tr>`)
        .join("")}</tbody></table>`
    : "";
  return `<section data-section="${esc(s.key)}"><h2>${esc(s.title)}</h2>${lines}${table}</section>`;
}

/** The answer sheet as a standalone HTML document in `lang`. */
export function answerSheetHtml(sheet: AnswerSheet, lang: DocumentLang): string {
  const doc = answerSheetContent(sheet, lang);
  const stamp = doc.draft ? ` <span class="draft">${lang === "zh" ? "草稿" : "DRAFT"}</span>` : "";
  const sign = doc.signature;
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head><meta charset="utf-8"><title>${esc(doc.title)}</title><style>${CSS}</style></head>
<body><main>
<h1>${esc(doc.heading)}${stamp}</h1>
<p class="subtitle">${esc(doc.subtitle)}</p>
${doc.sections.map(section).join("\n")}
<div class="signature" data-signature>
<span>${esc(sign.role)}${sign.name ? esc(sign.name) : '<span class="line"></span>'}</span>
<span>${esc(sign.sign)}<span class="line"></span></span>
<span>${esc(sign.date)}<span class="line"></span></span>
</div>
</main></body></html>
`;
}
