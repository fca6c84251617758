/**
 * exceljs, loaded with one mend: its streaming XML reader decodes each zip chunk on its own
 * (`utils/parse-sax.js`), so a Chinese character whose UTF-8 bytes straddle two chunks comes back
 * as U+FFFD. This module puts a chunk-safe reader in its place before exceljs loads, and refuses
 * to load when exceljs was loaded first (the mend would silently not apply). Import exceljs only
 * from here; exceljs is pinned (4.4.0), and the test of long Chinese text guards an upgrade.
 */
import { createRequire } from "node:module";
import { StringDecoder } from "node:string_decoder";
import type ExcelJSType from "exceljs";

const require = createRequire(import.meta.url);
const fromExceljs = createRequire(require.resolve("exceljs"));
// saxes is exceljs's own XML parser, loaded as exceljs loads it (CommonJS, untyped here).
const { SaxesParser } = fromExceljs("saxes") as {
  SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(s: string): void };
};

type SaxEvent = { eventType: "opentag" | "text" | "closetag"; value: unknown };

/** exceljs's parse-sax, decoding the byte stream with one decoder so characters survive chunking. */
async function* parseSax(iterable: AsyncIterable<Buffer | string>): AsyncGenerator<SaxEvent[]> {
  const parser = new SaxesParser();
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on("error", (e) => {
    error = e;
  });
  for (const eventType of ["opentag", "text", "closetag"] as const)
    parser.on(eventType, (value) => events.push({ eventType, value }));
  const decoder = new StringDecoder("utf8");
  for await (const chunk of iterable) {
    parser.write(typeof chunk === "string" ? chunk : decoder.write(chunk));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

const path = fromExceljs.resolve("./lib/utils/parse-sax.js");
if (require.cache[path] && require.cache[path]?.exports !== parseSax)
  throw new Error("exceljs was loaded before src/domain/excel/exceljs.ts: import exceljs only from there");
// A module record of our own: Node hands `exports` to whoever requires the path next.
require.cache[path] = {
  id: path,
  filename: path,
  loaded: true,
  exports: parseSax,
} as unknown as NodeJS.Module;

// Loaded by require, after the mend: an ESM import would be hoisted above it.
const ExcelJS = require("exceljs") as typeof ExcelJSType;
export default ExcelJS;
/** The types callers name (type-only: importing them loads nothing). */
export type {
  Cell,
  CellFormulaValue,
  CellValue,
  DataValidation,
  Fill,
  Font,
  Row,
  Style,
  Workbook,
  Worksheet,
} from "exceljs";

/** exceljs's streaming workbook writer (its typings keep it in a namespace). */
export type WorkbookWriter = ExcelJSType.stream.xlsx.WorkbookWriter;
