/**
 * The zip layer of the xlsx reader (see xlsx-read.ts): sniff the format, read the central
 * directory, check that the local headers tell the same story (exceljs's streaming unzipper trusts
 * them, not the directory), inflate entries while counting so no declared size can lie, and lay out
 * the records for exceljs. The reader's limits and error type live here, at the bottom of the
 * import chain, so no module imports in a circle; xlsx-read.ts re-exports them.
 */
import { createInflateRaw } from "node:zlib";

/** Limits on an uploaded workbook; sizes in bytes, lengths in UTF-16 code units. */
export interface XlsxLimits {
  /** Largest file accepted. */
  maxBytes: number;
  /** Largest total of the entries' uncompressed sizes. */
  maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio of an entry over 1 MiB uncompressed. */
  maxRatio: number;
  /** A cell with content must lie in the first maxColumns columns. */
  maxColumns: number;
  /** Longest string cell (and formula). */
  maxCellChars: number;
  /** Most rows in the workbook (all sheets together), and the highest row number. */
  maxRows: number;
}

export const MiB = 1024 * 1024;

/** The limits used where the caller gives none. */
export const DEFAULT_LIMITS: XlsxLimits = Object.freeze({
  maxBytes: 50 * MiB,
  maxUncompressedBytes: 500 * MiB,
  maxRatio: 200,
  maxColumns: 100,
  maxCellChars: 32_767, // Excel's own cell limit
  maxRows: 1_000_000,
});

/** Why a file was refused; stable, so the caller can localize by code. */
export type XlsxProblemCode =
  | "EMPTY_FILE"
  | "NOT_XLSX"
  | "ENCRYPTED"
  | "ZIP_BOMB"
  | "TOO_LARGE"
  | "TOO_MANY_COLUMNS"
  | "CELL_TOO_LONG"
  | "UNREADABLE";

/** A refused file: a code, an English message, and the cell (0-based row and column) if one is to blame. */
export class XlsxReadError extends Error {
  constructor(
    readonly code: XlsxProblemCode,
    message: string,
    readonly where?: { sheet: string; row: number; column: number },
  ) {
    super(message);
    this.name = "XlsxReadError";
  }
}

export function unreadable(message: string): XlsxReadError {
  return new XlsxReadError("UNREADABLE", message);
}

export const damaged = (why: string) => unreadable(`The file is damaged or incomplete (${why}).`);
const zip64 = () =>
  new XlsxReadError("TOO_LARGE", "The file uses ZIP64 (parts over 4 GiB), which is not accepted.");
const bomb = (why: string) => new XlsxReadError("ZIP_BOMB", `The file expands far beyond its size (${why}).`);

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
export const SHEET_PATH = /^xl\/worksheets\/sheet\d+\.xml$/;
/** The unanchored pattern exceljs uses to spot worksheets; a near-miss name would be read as a sheet. */
const EXCELJS_SHEET_PATTERN = /xl\/worksheets\/sheet\d+[.]xml/;

export function sniff(bytes: Buffer, limits: XlsxLimits): void {
  if (bytes.length === 0) throw new XlsxReadError("EMPTY_FILE", "The file is empty.");
  if (bytes.length > limits.maxBytes) {
    throw new XlsxReadError(
      "TOO_LARGE",
      `The file has ${bytes.length} bytes; at most ${limits.maxBytes} are accepted.`,
    );
  }
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    // Excel wraps an encrypted .xlsx in an OLE file holding an "EncryptionInfo" stream; .xls is OLE too.
    if (bytes.includes(Buffer.from("EncryptionInfo", "utf16le"))) {
      throw new XlsxReadError(
        "ENCRYPTED",
        "The workbook is password-protected; remove the password in Excel and save it again.",
      );
    }
    throw new XlsxReadError(
      "NOT_XLSX",
      "The file is an .xls or another format; open it in Excel and save it as .xlsx.",
    );
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new XlsxReadError("NOT_XLSX", "The file is not an Excel workbook (.xlsx).");
  }
}

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
  /** Where the entry's name lies in the central directory, to compare with the local header. */
  readonly nameAt: number;
  readonly nameLength: number;
  /** Where the entry's data starts, and where its record (data descriptor included) ends; set by checkLocalHeaders. */
  dataStart: number;
  recordEnd: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** Where the central directory starts: it and the EOCD run from here to the end. */
  readonly cdOffset: number;
}

/** Parses the central directory (no ZIP64) and applies the size, ratio and shape rules. */
export function readZipDirectory(b: Buffer, limits: XlsxLimits): ZipDirectory {
  const { eocd, count, cdOffset } = readEocd(b);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    const { entry, next } = readDirectoryEntry(b, p, eocd);
    p = next;
    total += entry.size;
    if (total > limits.maxUncompressedBytes)
      throw bomb(`over ${limits.maxUncompressedBytes} bytes uncompressed`);
    checkEntry(entry, names, limits);
    names.add(entry.name);
    entries.push(entry);
  }
  if (p !== eocd) throw damaged("central directory size");
  if (!names.has("xl/workbook.xml")) {
    throw new XlsxReadError(
      "NOT_XLSX",
      "The file is a zip archive but not an Excel workbook (no xl/workbook.xml).",
    );
  }
  checkLocalHeaders(b, entries, cdOffset);
  return { entries, cdOffset };
}

function readEocd(b: Buffer): { eocd: number; count: number; cdOffset: number } {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff) && eocd < 0; i--) {
    // The EOCD ends the file, after a comment of the length it states.
    if (b.readUInt32LE(i) === 0x06054b50 && i + 22 + b.readUInt16LE(i + 20) === b.length) eocd = i;
  }
  if (eocd < 0) throw damaged("no end of central directory");
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw zip64();
  if (b.readUInt32LE(eocd + 4) !== 0 || b.readUInt16LE(eocd + 8) !== count) throw damaged("a multi-part zip");
  if (cdOffset + cdSize !== eocd) throw damaged("central directory misplaced");
  return { eocd, count, cdOffset };
}

/** The central directory entry at p, and where the next one starts. */
function readDirectoryEntry(b: Buffer, p: number, eocd: number): { entry: ZipEntry; next: number } {
  if (p + 46 > eocd || b.readUInt32LE(p) !== 0x02014b50) throw damaged("bad central directory entry");
  const nameLength = b.readUInt16LE(p + 28);
  const entry: ZipEntry = {
    name: b.toString("utf8", p + 46, p + 46 + nameLength),
    flags: b.readUInt16LE(p + 8),
    method: b.readUInt16LE(p + 10),
    compressed: b.readUInt32LE(p + 20),
    size: b.readUInt32LE(p + 24),
    offset: b.readUInt32LE(p + 42),
    nameAt: p + 46,
    nameLength,
    dataStart: 0,
    recordEnd: 0,
  };
  const next = p + 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  if (next > eocd) throw damaged("bad central directory entry");
  if (entry.compressed === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff)
    throw zip64();
  return { entry, next };
}

function checkEntry(e: ZipEntry, names: Set<string>, limits: XlsxLimits): void {
  if (e.size > MiB && e.size > e.compressed * limits.maxRatio) {
    throw bomb(`${e.name} claims a ratio over ${limits.maxRatio}:1`);
  }
  if (e.flags & 1) {
    throw new XlsxReadError(
      "ENCRYPTED",
      "The file is password-protected; remove the password and save it again.",
    );
  }
  if (e.method !== 0 && e.method !== 8) throw damaged(`${e.name} uses compression method ${e.method}`);
  if (names.has(e.name)) throw damaged(`${e.name} appears twice`);
  if (EXCELJS_SHEET_PATTERN.test(e.name) && !SHEET_PATH.test(e.name))
    throw damaged(`unexpected part ${e.name}`);
}

/**
 * exceljs's unzipper reads the file front to back by local headers; insist that those lie end to
 * end and agree with the central directory, so both readers see the same bytes.
 */
function checkLocalHeaders(b: Buffer, entries: ZipEntry[], cdOffset: number): void {
  let pos = 0;
  for (const e of [...entries].sort((x, y) => x.offset - y.offset)) {
    if (e.offset !== pos || pos + 30 > cdOffset || b.readUInt32LE(pos) !== 0x04034b50) {
      throw damaged(`${e.name} is not where the directory says`);
    }
    const flags = b.readUInt16LE(pos + 6);
    const compressed = b.readUInt32LE(pos + 18);
    const nameLength = b.readUInt16LE(pos + 26);
    const sameName =
      nameLength === e.nameLength &&
      b.compare(b, e.nameAt, e.nameAt + nameLength, pos + 30, pos + 30 + nameLength) === 0;
    if (!sameName || b.readUInt16LE(pos + 8) !== e.method || (flags & 9) !== (e.flags & 9)) {
      throw damaged(`${e.name} has a mismatched local header`);
    }
    e.dataStart = pos + 30 + nameLength + b.readUInt16LE(pos + 28);
    const dataEnd = e.dataStart + e.compressed;
    if (!(flags & 8) || compressed > 0) {
      if (compressed !== e.compressed) throw damaged(`${e.name} has a mismatched local header`);
      pos = dataEnd;
    } else {
      // Sizes follow the data: the unzipper cuts at the first data-descriptor signature, then skips 16 bytes.
      if (b.indexOf(DESCRIPTOR, e.dataStart) !== dataEnd)
        throw damaged(`${e.name} has a bad data descriptor`);
      pos = dataEnd + 16;
    }
    e.recordEnd = pos;
  }
  if (pos !== cdOffset) throw damaged("unlisted data before the central directory");
}

/** Inflates one entry, handing chunks on; more output than the header declares is a bomb. */
export async function inflateEntry(b: Buffer, e: ZipEntry, onChunk?: (chunk: Buffer) => void): Promise<void> {
  const data = b.subarray(e.dataStart, e.dataStart + e.compressed);
  const source = e.method === 0 ? [data] : createInflateRaw({ chunkSize: 256 * 1024 }).end(data);
  let size = 0;
  try {
    // zlib's inflate streams yield Buffers; the stream types say `any`.
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      // The directory's sizes passed the limits; holding every entry to them bounds the real total.
      if (size > e.size) throw bomb(`${e.name} holds more data than its header declares`);
      onChunk?.(chunk);
    }
  } catch (err) {
    if (err instanceof XlsxReadError) throw err;
    throw damaged(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const FIRST_PARTS = [
  "xl/_rels/workbook.xml.rels",
  "xl/workbook.xml",
  "xl/styles.xml",
  "xl/sharedStrings.xml",
];

/**
 * The zip as exceljs gets it: the same local records (checked in pass 1), workbook parts first,
 * then the central directory. exceljs parses a sheet straight from the stream only once relations
 * and shared strings are in; otherwise it parks the sheet in a temp file, left behind when we stop
 * early, and a sheet before workbook.xml or styles.xml loses its name or its dates. A file without
 * shared strings gets an empty table for the same reason. 64 KiB pieces keep unzipper's buffer small.
 */
export function* recordsForExceljs(b: Buffer, zip: ZipDirectory): Generator<Buffer> {
  const first = FIRST_PARTS.flatMap((name) => zip.entries.filter((e) => e.name === name));
  const rest = zip.entries.filter((e) => !FIRST_PARTS.includes(e.name));
  const pieces = (from: number, to: number) =>
    Array.from({ length: Math.ceil((to - from) / 65_536) }, (_, i) =>
      b.subarray(from + i * 65_536, Math.min(to, from + (i + 1) * 65_536)),
    );
  for (const e of first) yield* pieces(e.offset, e.recordEnd);
  if (!zip.entries.some((e) => e.name === "xl/sharedStrings.xml"))
    yield storedRecord("xl/sharedStrings.xml", "<sst/>");
  for (const e of rest) yield* pieces(e.offset, e.recordEnd);
  yield* pieces(zip.cdOffset, b.length);
}

/** A stored (uncompressed) local zip record; unzipper does not check its CRC. */
function storedRecord(name: string, text: string): Buffer {
  const [n, data] = [Buffer.from(name), Buffer.from(text)];
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed: 2.0
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(n.length, 26);
  return Buffer.concat([header, n, data]);
}
