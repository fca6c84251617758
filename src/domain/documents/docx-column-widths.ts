/**
 * Column widths of a Word table from its text: what each column needs at least (its widest unbreakable
 * piece) and wants (its widest cell), fitted into the width of the text block.
 */
import type { Cell, ContentTable } from "./dispatch-document-content.js";

/** Table text: size in points, and the width of a Latin character against a CJK one. */
export interface TableType {
  readonly pt: number;
  readonly latin: number;
}

/**
 * Twips a character of a table cell takes — a CJK one its full size, any other one `latin` of it
 * (half in 仿宋, more in the faces Word or LibreOffice may fall back to) — and the cell's margins with
 * some slack.
 */
const charTwips = (t: TableType) => ({ cjk: t.pt * 20, other: Math.ceil(t.pt * 20 * t.latin) });
const PAD = 170;
const isCjk = (ch: string) => /[\u2e80-\uffff]/.test(ch);
const twipsOf = (v: Cell, tt: TableType): number => {
  const { cjk, other } = charTwips(tt);
  let n = 0;
  for (const ch of String(v)) n += isCjk(ch) ? cjk : other;
  return n;
};

/** Twips of the widest piece of `v` a line cannot break: a Latin word or number, or one CJK character. */
function unbreakableTwips(v: Cell, tt: TableType): number {
  const { cjk, other } = charTwips(tt);
  let widest = 0;
  for (const word of String(v).split(/\s+/)) {
    let run = 0;
    for (const ch of word) {
      if (isCjk(ch)) {
        widest = Math.max(widest, run, cjk);
        run = 0;
      } else run += other;
    }
    widest = Math.max(widest, run);
  }
  return widest;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Column widths in twips over the text block. Each column wants its widest cell and needs at least
 * its widest unbreakable piece (and two CJK characters). When the wants do not fit, short columns
 * (up to 1600 twips of text: codes, counts, dates) get what they need — a header may wrap — and the
 * long ones (names, reasons) share the rest by how much more they want; what is left goes to the short.
 */
export function columnWidths(t: ContentTable, tt: TableType, textBlock: number): number[] {
  const cells = (k: number) => [t.head[k] ?? "", ...t.rows.map((r) => r[k] ?? "")];
  const need = t.head.map(
    (_, k) => Math.max(2 * charTwips(tt).cjk, ...cells(k).map((v) => unbreakableTwips(v, tt))) + PAD,
  );
  const want = t.head.map((_, k) =>
    Math.max(need[k]!, Math.min(9600, Math.max(...cells(k).map((v) => twipsOf(v, tt)))) + PAD),
  );
  const scale = (xs: number[]) => xs.map((x) => Math.floor((x / sum(xs)) * textBlock));
  if (sum(want) <= textBlock) return scale(want);
  if (sum(need) >= textBlock) return scale(need);
  const long = want.map((w) => w - PAD > 1600);
  const widths = need.slice();
  let rest = textBlock - sum(need);
  for (const group of [long, long.map((l) => !l)]) {
    const slack = widths.map((w, k) => (group[k] ? want[k]! - w : 0));
    const total = sum(slack);
    if (total === 0 || rest <= 0) continue;
    const share = Math.min(1, rest / total);
    for (let k = 0; k < widths.length; k++) widths[k]! += Math.floor(slack[k]! * share);
    rest = textBlock - sum(widths);
  }
  return widths;
}
