import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AsciiIdIndex } from "./id-index.js";
import { readScheduleBytes } from "./read-schedule-bytes.js";
import { readScheduleInput } from "./read-schedule-input.js";
import { computeSchedule, computeScheduleFromBytes } from "./schedule.js";
import type { ScheduleResult } from "./schedule-result.js";

/**
 * The byte reader (read-schedule-bytes.ts) against the usual path (`JSON.parse`, then
 * `computeSchedule`) on generated files, valid and not, written in odd-but-valid JSON: whitespace,
 * escapes, non-ASCII, shuffled and duplicate keys (the last wins), numbers with exponents.
 */

/** A JSON value whose objects are lists of members, so that keys can repeat. */
type J = null | boolean | number | string | J[] | { members: [string, J][] };

interface Style {
  readonly space: "" | " " | "\n  " | "\t\r\n";
  /** Write every non-ASCII character, or every letter too, as a \u escape. */
  readonly escape: "none" | "unicode" | "letters";
  /** Write whole numbers as 12e0 or 120E-1. */
  readonly exponent: boolean;
}

function str(s: string, style: Style): string {
  const plain = JSON.stringify(s);
  if (style.escape === "none") return plain;
  const re = style.escape === "unicode" ? /[\u0080-\uffff]/g : /[\u0080-\uffff]|[a-zA-Z]/g;
  return plain.replace(re, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function emit(v: J, style: Style): string {
  const w = style.space;
  if (v === null || typeof v === "boolean") return String(v);
  if (typeof v === "number")
    return style.exponent && Number.isInteger(v) && v !== 0
      ? Math.abs(v) % 2 === 0
        ? `${v}e0`
        : `${v * 10}E-1`
      : JSON.stringify(v);
  if (typeof v === "string") return str(v, style);
  if (Array.isArray(v)) return `[${w}${v.map((x) => emit(x, style)).join(`,${w}`)}${w}]`;
  return `{${w}${v.members.map(([k, x]) => `${str(k, style)}${w}:${w}${emit(x, style)}`).join(`,${w}`)}${w}}`;
}

// Short and long ids (12 bytes and more share a prefix), escapes, non-ASCII.
const IDS = [
  "T1",
  "T2",
  "T3",
  "任务4",
  'a"b',
  "x\\y",
  "T10",
  "t",
  "T1 ",
  "ü",
  "TASK-00000001",
  "TASK-00000002",
  "TASK-0000000",
  "T13",
];
const DATES = ["2022-07-01", "2022-07-15", "2022-09-30", "2022-06-20", "2022-02-30", "2022-7-1", "１"];

/** Schedule files as bytes; `badness` (0–30) makes bad values more frequent. */
function schedules(badness: number) {
  /** Mostly good values, sometimes (`bad` in 30) a bad one (then the file must be refused the usual way). */
  const maybe = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<J>): fc.Arbitrary<T | J> =>
    badness === 0 ? good : fc.oneof({ weight: 30, arbitrary: good }, { weight: badness, arbitrary: bad });
  const badValue: fc.Arbitrary<J> = fc.constantFrom<J>(null, "x", -1, 2.5, true, [], { members: [] });
  const date = maybe(
    fc.constantFrom(...DATES.slice(0, 3)),
    fc.constantFrom<J>(...DATES.slice(3), null, 7), // 2022-06-20: before the project start
  );

  /** `arb`, present in about `percent` % of cases (else undefined). */
  const opt = <T>(arb: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | undefined> =>
    fc.oneof(
      { weight: percent, arbitrary: arb },
      { weight: 100 - percent, arbitrary: fc.constant(undefined) },
    );
  const member = <T extends J>(k: string, v: fc.Arbitrary<T>): fc.Arbitrary<[string, J][]> =>
    opt(v, 30).map((x) => (x === undefined ? [] : [[k, x]]));

  /** A task without its id and parent, which depend on its place (`place` below). */
  const arbTask = fc.record({
    badId: opt(fc.constantFrom<J>("", 5, null, "T1"), 2),
    name: member("name", fc.constantFrom<J>("任务 \u0001", '名称 "引号"', "plain", "", 3, null)),
    duration: opt(maybe(fc.integer({ min: 0, max: 9 }), badValue), 98),
    duration2: fc.boolean(),
    parent: opt(fc.nat(), 25),
    deadline: member("deadline", date),
    notBefore: member("notBefore", date),
    actualStart: opt(date, 20),
    actualFinish: opt(date, 10),
    percent: opt(maybe(fc.constantFrom(0, 12.5, 50, 100), badValue), 20),
    extra: opt(fc.constantFrom<[string, J]>(["x", 1], ["__proto__", { members: [] }]), 3),
    order: fc.array(fc.nat(99), { minLength: 12, maxLength: 12 }),
  });

  /** Task `i` of the file: ids distinct unless `badId`, parents mostly earlier tasks. */
  function place(r: typeof arbTask extends fc.Arbitrary<infer T> ? T : never, i: number): J {
    const m: [string, J][] = [["id", r.badId ?? IDS[i]!], ...r.name, ...r.deadline, ...r.notBefore];
    if (r.duration !== undefined) m.push(["duration", r.duration as J]);
    // Now and then the task itself (a refusal), else an earlier one.
    if (r.parent !== undefined && (i > 0 || r.parent % 20 === 0))
      m.push(["parent", IDS[r.parent % 20 === 0 ? i : r.parent % i]!]);
    if (r.actualStart !== undefined) m.push(["actualStart", r.actualStart as J]);
    if (r.actualFinish !== undefined && (r.actualStart !== undefined || r.parent === 0))
      m.push(["actualFinish", r.actualFinish as J]);
    if (r.percent !== undefined) m.push(["percent", r.percent as J]);
    if (r.extra) m.push(r.extra);
    const shuffled = m.map((x, k) => [x, r.order[k % 12]!] as const).sort((a, b) => a[1] - b[1]);
    const members = shuffled.map(([x]) => x);
    // The same key twice: JSON.parse keeps the last.
    if (r.duration2 && r.duration !== undefined) members.unshift(["duration", "soon"]);
    return { members };
  }

  const arbDependency = fc
    .record({
      from: maybe(fc.nat(), fc.constantFrom<J>("nope", 1)),
      to: maybe(fc.nat(), fc.constantFrom<J>("nope", null)),
      type: member(
        "type",
        maybe(fc.constantFrom("FS", "SS", "FF", "SF"), fc.constantFrom<J>("XX", null, "fs")),
      ),
      lag: member("lag", maybe(fc.integer({ min: -3, max: 3 }), badValue)),
      reversed: fc.boolean(),
    })
    .map((r) => (tasks: number): J => {
      // Mostly forward in task order (fewer cycles).
      const n = Math.max(1, tasks - 1);
      const a = typeof r.from === "number" ? r.from % n : undefined;
      const b = typeof r.to === "number" ? Math.min(tasks - 1, (a ?? 0) + 1 + (r.to % 3)) : undefined;
      const end = (k: number | undefined, bad: unknown): J =>
        k === undefined ? (bad as J) : (IDS[k] ?? "nope");
      const m: [string, J][] = [["from", end(a, r.from)], ["to", end(b, r.to)], ...r.type, ...r.lag];
      return { members: r.reversed ? m.reverse() : m };
    });

  return fc
    .record({
      tasks: fc.array(arbTask, { maxLength: 8 }),
      dependencies: opt(fc.array(arbDependency, { maxLength: 10 }), 85),
      calendar: opt(
        maybe(
          fc.constant<J>({ members: [["builtin", "CN"]] }),
          fc.constant<J>({ members: [["builtin", "XX"]] }),
        ),
        70,
      ),
      projectStart: maybe(
        fc.constantFrom("2022-07-01", "2022-06-15"),
        fc.constantFrom<J>("2022-13-01", null),
      ),
      deadline: opt(date, 30),
      statusDate: opt(date, 30),
      extra: opt(fc.constantFrom<[string, J]>(["version", 2], ["notes", { members: [["a", [1, "]"]]] }]), 20),
      depsFirst: opt(fc.constant(true), 5),
      style: fc.record({
        space: fc.constantFrom<Style["space"]>("", " ", "\n  ", "\t\r\n"),
        escape: fc.constantFrom<Style["escape"]>("none", "none", "unicode", "letters"),
        exponent: fc.boolean(),
      }),
    })
    .map((r) => {
      const m: [string, J][] = [["projectStart", r.projectStart as J]];
      if (r.calendar !== undefined) m.unshift(["calendar", r.calendar]);
      if (r.deadline !== undefined) m.push(["deadline", r.deadline as J]);
      if (r.statusDate !== undefined) m.push(["statusDate", r.statusDate as J]);
      if (r.extra) m.push(r.extra);
      const lists: [string, J][] = [["tasks", r.tasks.map(place)]];
      if (r.dependencies) lists.push(["dependencies", r.dependencies.map((d) => d(r.tasks.length))]);
      if (r.depsFirst) lists.reverse();
      return new TextEncoder().encode(emit({ members: [...m, ...lists] }, r.style));
    });
}

/** What the usual path answers: the output's JSON, or the error's message and details. */
function usual(bytes: Uint8Array, statusDate?: string | null): unknown {
  try {
    const file = JSON.parse(new TextDecoder().decode(bytes));
    return json(computeSchedule(file, statusDate === undefined ? {} : { statusDate }));
  } catch (e) {
    return { error: (e as Error).message, details: (e as { details?: unknown }).details };
  }
}

const json = (r: ScheduleResult): string =>
  [...r.jsonBytes()].map((b) => new TextDecoder().decode(b)).join("");

describe("computeScheduleFromBytes", () => {
  it("gives the usual path's result, or leaves the file to it (every refusal included)", () => {
    let fast = 0;
    fc.assert(
      fc.property(
        fc.oneof(schedules(0), schedules(1)),
        fc.constantFrom<string | null | undefined>(undefined, undefined, null, "2022-07-20"),
        (bytes, statusDate) => {
          const options = statusDate === undefined ? {} : { statusDate };
          const result = computeScheduleFromBytes(bytes, options);
          const expected = usual(bytes, statusDate);
          if (result === undefined) return;
          fast++;
          expect(json(result)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
    expect(fast).toBeGreaterThan(40); // the fast path is really taken (~5% of these files)
  });

  it("reads exactly the arrays readScheduleInput makes", () => {
    fc.assert(
      fc.property(schedules(0), (bytes) => {
        const fast = readScheduleBytes(bytes);
        if (!fast) return;
        const [usualInput, problems] = readScheduleInput(JSON.parse(new TextDecoder().decode(bytes)));
        expect(problems.list).toEqual([]);
        const { index: _a, ...tasks } = fast.tasks;
        const { index: _b, ...expectedTasks } = usualInput!.tasks;
        expect({ ...fast, tasks }).toEqual({ ...usualInput, tasks: expectedTasks });
      }),
      { numRuns: 1000 },
    );
  });

  it("names the tasks for the table, and reads a plain file without a detour", () => {
    const text = JSON.stringify({
      projectStart: "2022-07-01",
      tasks: [
        { id: "S", name: "汇总" },
        { id: "A", name: "甲", duration: 2, parent: "S" },
        { id: "B", duration: 1 },
      ],
      dependencies: [{ from: "A", to: "B" }],
    });
    const names: string[] = [];
    const result = computeScheduleFromBytes(new TextEncoder().encode(text), {}, names);
    expect(names).toEqual(["汇总", "甲", ""]);
    expect(json(result!)).toEqual(usual(new TextEncoder().encode(text)));
  });
});

describe("AsciiIdIndex", () => {
  it("finds ids by their bytes, long ones and shared prefixes included, and reports duplicates", () => {
    const ids = ["T1", "TASK-00000001", "TASK-00000002", "TASK-0000000", "abcdefghijkl", "abcdefghijk", ""];
    const text = ids.join("");
    const b = new TextEncoder().encode(text);
    const start = Int32Array.from(ids, (_, i) => ids.slice(0, i).join("").length);
    const length = Int32Array.from(ids, (s) => s.length);
    const index = AsciiIdIndex.build(ids, b, start, length) as AsciiIdIndex;
    ids.forEach((id, i) => {
      expect(index.get(id)).toBe(i);
      expect(index.getAscii(b, start[i]!, start[i]! + length[i]!)).toBe(i);
      expect(index.getAscii(b, start[i]!, start[i]! + length[i]!)).toBe(i); // from the recent cache
    });
    for (const other of ["T", "T12", "TASK-00000003", "TASK-000000010", "abcdefghijklm", "ü"])
      expect(index.get(other)).toBe(-1);
    const twice = ["A", "TASK-00000001", "TASK-00000001"];
    const b2 = new TextEncoder().encode(twice.join(""));
    expect(AsciiIdIndex.build(twice, b2, Int32Array.from([0, 1, 14]), Int32Array.from([1, 13, 13]))).toEqual([
      2, 1,
    ]);
  });
});
