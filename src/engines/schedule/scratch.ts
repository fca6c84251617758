/**
 * Working memory of one schedule computation, carved from one reusable ArrayBuffer.
 *
 * Why: at a million tasks the working arrays add up to ~150 MB. Allocated one by one, every 64 MB
 * of new ArrayBuffers makes V8 run a full mark-compact of the whole heap, which holds the caller's
 * parsed file (~250 MB of objects): ~300 ms each. One up-front buffer (its untouched pages cost no
 * RAM) triggers at most one. The engine is synchronous, so one computation uses it at a time;
 * arrays that outlive the call (the result's) are never taken from here.
 */
let buffer = new ArrayBuffer(0);
let used = 0;
/** Buffers up to this size are kept for the next computation; larger ones are dropped after use. */
const KEEP_BYTES = 64 << 20;

/** Starts a computation that will need about `bytes` of working arrays. */
export function scratchBegin(bytes: number): void {
  if (buffer.byteLength < bytes) buffer = new ArrayBuffer(bytes);
  used = 0;
}

/** Ends the computation: later arrays are ordinary allocations until the next `scratchBegin`. */
export function scratchEnd(): void {
  if (buffer.byteLength > KEEP_BYTES) buffer = new ArrayBuffer(0);
  used = buffer.byteLength; // nothing left to hand out
}

function take(bytes: number): number {
  const at = used;
  const next = at + ((bytes + 7) & ~7);
  if (next > buffer.byteLength) return -1;
  used = next;
  return at;
}

/** An Int32Array of `n` elements set to `fill`, from scratch memory when there is room. */
export function int32(n: number, fill = 0): Int32Array {
  const at = take(n * 4);
  if (at < 0) return fill === 0 ? new Int32Array(n) : new Int32Array(n).fill(fill);
  return new Int32Array(buffer, at, n).fill(fill);
}

/** A Uint8Array of `n` zeros, from scratch memory when there is room. */
export function uint8(n: number): Uint8Array {
  const at = take(n);
  return at < 0 ? new Uint8Array(n) : new Uint8Array(buffer, at, n).fill(0);
}

/** A Float64Array of `n` zeros, from scratch memory when there is room. */
export function float64(n: number): Float64Array {
  const at = take(n * 8);
  return at < 0 ? new Float64Array(n) : new Float64Array(buffer, at, n).fill(0);
}

/** Working bytes to reserve for `tasks` tasks and `deps` dependencies (generous: untouched pages are free). */
export const scratchEstimate = (tasks: number, deps: number): number => 4096 + 200 * tasks + 40 * deps;

/**
 * Optional, for callers about to parse a large schedule file: reserves the engine's working memory
 * now, while the heap is small, so that the allocation does not make V8 collect the freshly parsed
 * file's garbage during `computeSchedule`. `fileBytes` is the JSON file's size.
 */
export function reserveScheduleMemory(fileBytes: number): void {
  // Typical files hold ~160 bytes per task with its two dependencies (bench/schedule/generate.ts);
  // assume terse ones (80): reserving too much costs only address space.
  const tasks = Math.ceil(fileBytes / 80);
  if (buffer.byteLength < scratchEstimate(tasks, 2 * tasks)) scratchBegin(scratchEstimate(tasks, 2 * tasks));
  used = buffer.byteLength;
}
