import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonBytes } from "./parse-json-bytes.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("parseJsonBytes", () => {
  it("equals JSON.parse on schedule-like files, cut into small batches", () => {
    const file = {
      calendar: { builtin: "CN", holidays: ["2022-10-03"] },
      projectStart: "2022-07-01",
      deadline: null,
      n: -1.5e3,
      tasks: Array.from({ length: 300 }, (_, i) => ({
        id: `任务${i}`,
        name: `名称 "},{" ${i}\\`,
        duration: i % 9,
      })),
      dependencies: Array.from({ length: 299 }, (_, i) => ({
        from: `任务${i}`,
        to: `任务${i + 1}`,
        lag: [0, -1],
      })),
      empty: [],
    };
    for (const text of [
      JSON.stringify(file),
      JSON.stringify(file, null, 2),
      JSON.stringify(file, null, "\t"),
    ])
      for (const batch of [1, 50, 1000, 1 << 20])
        expect(parseJsonBytes(utf8(text), batch)).toEqual(JSON.parse(text));
  });

  it("returns undefined for anything JSON.parse rejects or it does not handle", () => {
    for (const text of [
      '{"a": [1,]}',
      '{"a": 1',
      "[1, 2]",
      '{"a": [{"b": 1},{"c": 2}] x',
      '{"__proto__": 1}',
      '{"a": "\\',
    ])
      expect(parseJsonBytes(utf8(text), 1)).toBeUndefined();
  });

  it("agrees with JSON.parse on random objects (property)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.integer({ min: 1, max: 64 }),
        (obj, batch) => {
          const text = JSON.stringify(obj);
          const got = parseJsonBytes(utf8(text), batch);
          if (got !== undefined) expect(got).toEqual(JSON.parse(text));
          else expect(Object.keys(obj)).toContain("__proto__");
        },
      ),
      { numRuns: 300 },
    );
  });
});
