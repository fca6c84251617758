import { isDeepStrictEqual } from "node:util";
import fastJson from "fast-json-stringify";
import type { FastifySerializerCompiler } from "fastify";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { z } from "zod";

type JsonSchema = Record<string, unknown>;
type Serialize = (data: unknown) => string;

/**
 * `anyOf: [X, {type: "null"}]` (zod's `.nullable()`) as `type: [X's type, "null"]`: fast-json-stringify
 * picks an `anyOf` branch by validating the value with Ajv, a tenth of a list's time.
 */
function simplified(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplified);
  if (node === null || typeof node !== "object") return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = simplified(v);
  const branches = out.anyOf;
  if (Array.isArray(branches) && branches.length === 2) {
    const nullAt = branches.findIndex((b) => (b as JsonSchema).type === "null");
    const other = branches[1 - nullAt] as JsonSchema | undefined;
    if (nullAt >= 0 && other && typeof other.type === "string") {
      const { anyOf: _, ...rest } = out;
      return { ...rest, ...other, nullable: true };
    }
  }
  return out;
}

/** The route's zod response schema as a fast-json-stringify function, or null when it cannot be. */
function compiledFrom(schema: z.ZodType): Serialize | null {
  try {
    const json = z.toJSONSchema(schema, { io: "output", target: "draft-07", unrepresentable: "throw" });
    return fastJson(simplified(json) as Parameters<typeof fastJson>[0]) as Serialize;
  } catch {
    return null;
  }
}

/**
 * Fastify's serializer compiler for zod response schemas: each route's schema becomes JSON Schema
 * once, at start-up, and its answers are encoded by fast-json-stringify, not validated by zod on
 * every request (only the schema's fields leave the server, as before). With `check` (tests, and
 * the default of `buildApp`), every answer is also encoded by zod as before: one that does not
 * match its schema is refused as before, and one whose two encodings differ is a bug here.
 * A schema JSON Schema cannot express keeps zod's encoding.
 */
export function jsonSerializerCompiler(options: {
  readonly check: boolean;
}): FastifySerializerCompiler<unknown> {
  return (route) => {
    const viaZod = zodSerializerCompiler(route as never) as Serialize;
    const schema = route.schema as z.ZodType;
    const fast = schema instanceof z.ZodType ? compiledFrom(schema) : null;
    return checked(fast, viaZod, options.check, `${route.method} ${route.url}`);
  };
}

function checked(fast: Serialize | null, viaZod: Serialize, check: boolean, where: string): Serialize {
  if (!fast) return viaZod;
  if (!check) return fast;
  return (data: unknown) => {
    const expected = viaZod(data);
    const actual = fast(data);
    // Same values; key order may differ (zod keeps the data's order, fast-json-stringify the schema's).
    if (actual !== expected && !isDeepStrictEqual(JSON.parse(actual), JSON.parse(expected)))
      throw new Error(
        `${where}: fast-json-stringify wrote ${actual.slice(0, 300)}, zod ${expected.slice(0, 300)}`,
      );
    return actual;
  };
}

/**
 * An encoder of one wire schema's values, made as the routes' serializers are (and checked against
 * zod's encoding under the same option): for answers assembled from rows encoded one by one and
 * kept (see EncodedRows in domain/read-cache.ts).
 */
export function encoderOf(options: { readonly check: boolean }) {
  return <T>(schema: z.ZodType<T>, label: string): ((value: T) => string) => {
    const viaZod = zodSerializerCompiler({ schema, method: "GET", url: label } as never) as Serialize;
    return checked(compiledFrom(schema), viaZod, options.check, label);
  };
}
