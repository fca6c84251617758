/**
 * Pass 1 of the xlsx reader (see xlsx-read.ts): inflate every part while counting, list the
 * sheets from workbook.xml and its rels, and scan each worksheet's XML for what exceljs's streaming
 * reader drops (merges, shared-formula ids, falsy cached results) and for cells beyond the column
 * and size limits.
 */
import { StringDecoder } from "node:string_decoder";
import {
  damaged,
  inflateEntry,
  MiB,
  SHEET_PATH,
  unreadable,
  type XlsxLimits,
  XlsxReadError,
  type ZipDirectory,
  type ZipEntry,
} from "./xlsx-zip.js";

export interface Plan {
  readonly zip: ZipDirectory;
  readonly sheets: readonly PlannedSheet[];
  readonly date1904: boolean;
}

export interface PlannedSheet {
  readonly name: string;
  readonly path: string;
  facts: SheetFacts;
}

/** Pass 1: every part inflated and counted, the sheets listed, every worksheet scanned. */
export async function inspect(b: Buffer, zip: ZipDirectory, limits: XlsxLimits): Promise<Plan> {
  const { entries } = zip;
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = async (name: string): Promise<string> => {
    const e = byName.get(name);
    if (!e) return "";
    if (e.size > 16 * MiB) throw new XlsxReadError("TOO_LARGE", `The part ${name} is too large.`);
    const decoder = new StringDecoder("utf8");
    let out = "";
    await inflateEntry(b, e, (chunk) => {
      out += decoder.write(chunk);
    });
    return out + decoder.end();
  };
  const workbookXml = await text("xl/workbook.xml");
  const { sheets, date1904 } = listSheets(workbookXml, await text("xl/_rels/workbook.xml.rels"), byName);
  const counts = { merges: 0 };
  for (const e of entries) {
    if (e.name === "xl/workbook.xml" || e.name === "xl/_rels/workbook.xml.rels") continue;
    if (!SHEET_PATH.test(e.name)) {
      await inflateEntry(b, e);
      continue;
    }
    // Unlisted sheets are scanned too: exceljs parses them, so they must be just as harmless.
    const planned = sheets.find((s) => s.path === e.name);
    const scanner = new SheetScanner(planned?.name ?? e.name, limits, counts);
    const decoder = new StringDecoder("utf8");
    await inflateEntry(b, e, (chunk) => scanner.feed(decoder.write(chunk)));
    scanner.feed(decoder.end());
    if (planned) planned.facts = scanner.facts;
  }
  // Without workbook relations no sheet can be found, and exceljs would park sheets in temp files.
  if (!byName.has("xl/_rels/workbook.xml.rels")) throw damaged("no xl/_rels/workbook.xml.rels");
  return { zip, sheets, date1904 };
}

/** The workbook's worksheets in tab order, named as in workbook.xml, with their part paths. */
function listSheets(workbookXml: string, relsXml: string, parts: Map<string, ZipEntry>) {
  const targets = new Map<string, string | undefined>(); // relationship id → worksheet path, if a worksheet
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^<>]*)>/g)) {
    const a = m[1] ?? "";
    const worksheet = attr(a, "Type")?.endsWith("/worksheet");
    targets.set(attr(a, "Id") ?? "", worksheet ? partPath(attr(a, "Target") ?? "") : undefined);
  }
  const sheets: PlannedSheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^<>]*)>/g)) {
    const a = m[1] ?? "";
    const id = /\s[\w.-]+:id=["']([^"']*)["']/.exec(a)?.[1] ?? "";
    const path = targets.get(id);
    const name = xmlDecode(attr(a, "name") ?? "");
    if (path === undefined && targets.has(id)) continue; // a chart or dialog sheet: no cells
    // exceljs only streams xl/worksheets/sheetN.xml; any other place would silently drop the sheet.
    if (!name || !path || !parts.has(path) || !SHEET_PATH.test(path) || sheets.some((s) => s.path === path)) {
      throw unreadable(
        `The sheet "${name}" is missing or stored in an unusual way; open and save the file in Excel.`,
      );
    }
    sheets.push({ name, path, facts: { merges: [], formulas: new Map() } });
  }
  const date1904 = /<(?:[\w.-]+:)?workbookPr\b[^<>]*\sdate1904=["'](?:1|true)["']/.test(workbookXml);
  return { sheets, date1904 };
}

/** A relationship target as a part path: relative to xl/, or absolute from the package root. */
function partPath(target: string): string {
  const out: string[] = [];
  for (const p of (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/")) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function xmlDecode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return ENTITIES[ref] ?? whole;
    const n = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return n <= 0x10ffff ? String.fromCodePoint(n) : whole;
  });
}

/** What exceljs's streaming reader drops from a worksheet. */
interface SheetFacts {
  readonly merges: string[];
  /** Formula cells whose formula or cached value exceljs loses, by cellKey(). */
  readonly formulas: Map<number, FormulaFact>;
}

interface FormulaFact {
  /** The cell's t attribute ("n" when absent). */
  readonly t: string;
  /** Shared-formula group, and whether this cell holds the group's text. */
  readonly si?: number;
  readonly master: boolean;
  /** The cached value's text. */
  v?: string;
}

export const cellKey = (row: number, col: number) => row * 16_384 + col;
const EXCEL_COLUMNS = 16_384;
const TAG = /<(\/?)(c|f|v|is|mergeCell)\b([^<>]*)>/g; // [^<>] keeps every attempt short: linear time
const R_ATTR = /\sr=["']([A-Z]+)(\d+)["']/;
const T_ATTR = /\st=["'](\w+)["']/;
const SI_ATTR = /\ssi=["'](\d+)["']/;
const REF_ATTR = /\sref=["']([^"']*)["']/;
const RANGE = /^[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?$/;

/**
 * A regex scan of a worksheet's XML, chunk by chunk. It also refuses content beyond maxColumns, and
 * any cell beyond Excel's last column: exceljs would build a Column object for every column up to it.
 */
class SheetScanner {
  readonly facts: SheetFacts = { merges: [], formulas: new Map() };
  private carry = "";
  private cell: { attrs: string; row: number; col: number; content: boolean; fact?: FormulaFact } | undefined;

  constructor(
    private readonly sheet: string,
    private readonly limits: XlsxLimits,
    private readonly counts: { merges: number },
  ) {}

  feed(text: string): void {
    const buf = this.carry + text;
    this.carry = "";
    const tag = new RegExp(TAG);
    let done = 0;
    for (let m = tag.exec(buf); m; m = tag.exec(buf)) {
      const [, close, name, attrs = ""] = m;
      if (name === "c") {
        if (close) this.endCell();
        else this.startCell(attrs);
      } else if (name === "mergeCell") {
        this.addMerge(attrs);
      } else if (!close && this.cell) {
        this.markContent(this.cell);
        if (name === "f") {
          this.cell.fact = formulaFact(this.cell.attrs, attrs);
        } else if (name === "v" && this.cell.fact) {
          const end = buf.indexOf("<", tag.lastIndex);
          if (end < 0) {
            // The value runs into the next chunk: read this tag again then. Values we need are short.
            if (buf.length - m.index < 4096) this.carry = buf.slice(m.index);
            return;
          }
          this.cell.fact.v = buf.slice(tag.lastIndex, end);
        }
      }
      done = tag.lastIndex;
    }
    const partial = buf.lastIndexOf("<");
    if (partial >= done && buf.length - partial < 4096) this.carry = buf.slice(partial);
  }

  private addMerge(attrs: string): void {
    const ref = REF_ATTR.exec(attrs)?.[1];
    if (ref && RANGE.test(ref)) this.facts.merges.push(ref);
    if (++this.counts.merges > this.limits.maxRows) {
      throw new XlsxReadError("TOO_LARGE", "The workbook has too many merged ranges.");
    }
  }

  private startCell(attrs: string): void {
    const r = R_ATTR.exec(attrs);
    const letters = r?.[1] ?? "";
    const col =
      letters.length > 3
        ? Number.POSITIVE_INFINITY
        : [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const row = Number(r?.[2] ?? 0);
    if (col > EXCEL_COLUMNS) throw tooManyColumns(this.sheet, row - 1, col - 1, this.limits);
    this.cell = { attrs, row, col, content: false };
    if (attrs.endsWith("/")) this.endCell();
  }

  private markContent(cell: { row: number; col: number; content: boolean }): void {
    if (cell.content) return;
    cell.content = true;
    if (cell.col > this.limits.maxColumns)
      throw tooManyColumns(this.sheet, cell.row - 1, cell.col - 1, this.limits);
  }

  private endCell(): void {
    const cell = this.cell;
    this.cell = undefined;
    const fact = cell?.fact;
    if (!cell || !fact || cell.col === 0) return;
    // exceljs keeps a cached result only when truthy, reads "b" and "e" results as numbers, and
    // gives a shared formula's other cells an empty formula: note those cells only.
    const zero = fact.t === "n" && fact.v !== undefined && Number(fact.v) === 0;
    if (fact.si !== undefined || fact.t === "b" || fact.t === "e" || zero) {
      this.facts.formulas.set(cellKey(cell.row, cell.col), fact);
    }
  }
}

/** A formula cell's fact, from the attributes of its c tag and its f tag. */
function formulaFact(cellAttrs: string, fAttrs: string): FormulaFact {
  const shared = /\st=["']shared["']/.test(fAttrs);
  const si = shared ? Number(SI_ATTR.exec(fAttrs)?.[1]) : Number.NaN;
  const t = T_ATTR.exec(cellAttrs)?.[1] ?? "n";
  return Number.isNaN(si) ? { t, master: false } : { t, si, master: REF_ATTR.test(fAttrs) };
}

export function tooManyColumns(
  sheet: string,
  row: number,
  column: number,
  limits: XlsxLimits,
): XlsxReadError {
  const place = Number.isFinite(column) ? `column ${column + 1}` : "a column beyond Excel's last";
  return new XlsxReadError(
    "TOO_MANY_COLUMNS",
    `Sheet "${sheet}", row ${row + 1}: content in ${place}; at most ${limits.maxColumns} columns are accepted.`,
    { sheet, row, column: Number.isFinite(column) ? column : EXCEL_COLUMNS },
  );
}
