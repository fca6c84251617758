/**
 * `JSON.parse` for a large UTF-8 document given as bytes, without ever making one string of the
 * whole text (for a 160 MB file with Chinese names that string alone is 320 MB of UTF-16). The top
 * level must be an object; an array value is parsed in batches of about `batchBytes` (small
 * enough for V8's young generation: the batch strings die cheaply), cut after a
 * `},` that turns out to end an element, everything else in one piece. Any surprise (invalid
 * JSON, an odd layout) returns `undefined`: the caller then parses the whole text the usual way,
 * which also yields the usual error. Valid results equal `JSON.parse`'s: every piece goes through
 * `JSON.parse`, and a batch cut inside a string or an element cannot parse.
 */
export function parseJsonBytes(bytes: Uint8Array, batchBytes = 32 << 10): unknown {
  try {
    return parseTopObject(bytes, batchBytes);
  } catch {
    return undefined;
  }
}

const decoder = new TextDecoder("utf-8", { fatal: true });
const text = (b: Uint8Array, from: number, to: number): string => decoder.decode(b.subarray(from, to));
const isWs = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipWs(b: Uint8Array, i: number): number {
  let k = i;
  while (isWs(b[k])) k++;
  return k;
}

class Surprise extends Error {}

/** Index after the string whose opening quote is at `i`. */
function stringEnd(b: Uint8Array, i: number): number {
  let k = i + 1;
  while (k < b.length && b[k] !== 0x22) k += b[k] === 0x5c ? 2 : 1;
  if (k >= b.length) throw new Surprise();
  return k + 1;
}

/** End (exclusive) of the JSON value starting at `i`: strings and nesting tracked byte by byte. */
function valueEnd(b: Uint8Array, i: number): number {
  if (b[i] === 0x22) return stringEnd(b, i);
  if (b[i] !== 0x7b && b[i] !== 0x5b) {
    let k = i; // a number or a literal
    while (k < b.length && b[k] !== 0x2c && b[k] !== 0x7d && b[k] !== 0x5d && !isWs(b[k])) k++;
    return k;
  }
  return closing(b, i + 1) + 1;
}

/** Index of the bracket closing the object or array whose content starts at `from`. */
function closing(b: Uint8Array, from: number): number {
  let depth = 0;
  for (let k = from; k < b.length; k++) {
    const c = b[k]!;
    if (c === 0x22) k = stringEnd(b, k) - 1;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (depth === 0) return k;
      depth--;
    }
  }
  throw new Surprise();
}

/** Parses the array starting at `open` (a `[`) in batches; returns it and the index after `]`. */
function parseArray(b: Uint8Array, open: number, batchBytes: number): [unknown[], number] {
  const out: unknown[] = [];
  const push = (items: unknown[]): void => {
    for (const x of items) out.push(x);
  };
  let start = open + 1;
  for (;;) {
    let cut = b.indexOf(0x7d, start + batchBytes); // a "}" followed by "," may end an element
    while (cut >= 0 && b[cut + 1] !== 0x2c) cut = b.indexOf(0x7d, cut + 1);
    if (cut < 0) break;
    try {
      push(JSON.parse(`[${text(b, start, cut + 1)}]`) as unknown[]);
      start = cut + 2;
    } catch {
      break; // not an element boundary after all: finish the array exactly
    }
  }
  const end = closing(b, start); // scanned from the last cut only
  if (b[end] !== 0x5d) throw new Surprise();
  push(JSON.parse(`[${text(b, start, end)}]`) as unknown[]);
  return [out, end + 1];
}

function parseTopObject(b: Uint8Array, batchBytes: number): unknown {
  let i = skipWs(b, 0);
  if (b[i] !== 0x7b) throw new Surprise();
  const result: Record<string, unknown> = {};
  i = skipWs(b, i + 1);
  if (b[i] === 0x7d) i++;
  else
    for (;;) {
      if (b[i] !== 0x22) throw new Surprise();
      const keyEnd = stringEnd(b, i);
      const key = JSON.parse(text(b, i, keyEnd)) as string;
      if (key === "__proto__") throw new Surprise(); // JSON.parse makes it an own property: leave that to it
      i = skipWs(b, keyEnd);
      if (b[i] !== 0x3a) throw new Surprise();
      i = skipWs(b, i + 1);
      if (b[i] === 0x5b) [result[key], i] = parseArray(b, i, batchBytes);
      else {
        const end = valueEnd(b, i);
        result[key] = JSON.parse(text(b, i, end));
        i = end;
      }
      i = skipWs(b, i);
      if (b[i] === 0x7d) {
        i++;
        break;
      }
      if (b[i] !== 0x2c) throw new Surprise();
      i = skipWs(b, i + 1);
    }
  if (skipWs(b, i) !== b.length) throw new Surprise();
  return result;
}
