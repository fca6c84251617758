import { describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonSerializerCompiler } from "./serializer.js";

const route = (schema: z.ZodType) => ({ schema, method: "GET", url: "/x", httpStatus: "200" });
const item = z.object({
  id: z.string(),
  note: z.string().nullable(),
  n: z.number().int(),
  tags: z.array(z.string()),
});
const schema = z.object({ items: z.array(item), total: z.number().int() });

describe("jsonSerializerCompiler", () => {
  it("writes what zod's encoding writes, unlisted fields left out", () => {
    const value = {
      items: [
        { id: "a", note: null, n: 1, tags: ["x"], secret: "s" },
        { id: "b", note: '说明\n"', n: 2, tags: [] },
      ],
      total: 2,
    };
    const fast = jsonSerializerCompiler({ check: false })(route(schema));
    const checked = jsonSerializerCompiler({ check: true })(route(schema));
    const expected = {
      items: [
        { id: "a", note: null, n: 1, tags: ["x"] },
        { id: "b", note: '说明\n"', n: 2, tags: [] },
      ],
      total: 2,
    };
    expect(JSON.parse(fast(value))).toEqual(expected);
    expect(JSON.parse(checked(value))).toEqual(expected);
  });

  it('refuses, when checking, a value its schema does not accept (the fast path would write null as "")', () => {
    const value = { items: [{ id: null, note: null, n: 1, tags: [] }], total: 1 };
    expect(jsonSerializerCompiler({ check: false })(route(schema))(value)).toContain('"id":""');
    expect(() => jsonSerializerCompiler({ check: true })(route(schema))(value)).toThrow();
  });
});
