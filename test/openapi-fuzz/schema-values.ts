/**
 * Values for the OpenAPI-driven fuzz test (src/http/openapi-fuzz.test.ts): the operations of the
 * document, plausible values derived from the JSON schemas @fastify/swagger renders from the routes'
 * zod schemas, and hostile values beside them. The parts of requests are in request-parts.ts.
 */
import fc from "fast-check";

/** The parts of a JSON Schema the fuzz reads. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** One parameter of an operation. */
export interface Parameter {
  readonly name: string;
  readonly in: "path" | "query";
  readonly required: boolean;
  readonly schema: JsonSchema;
}

/** One operation of the document: `/api/v1/tasks/{id}` and its method, parameters and JSON body. */
export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  /** The JSON body's schema; undefined when the operation documents none (uploads take raw bytes). */
  readonly body: JsonSchema | undefined;
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
}

/** Every operation under `prefix`, in document order. */
export function operationsOf(doc: OpenApiDocument, prefix = "/api/v1/"): Operation[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith(prefix))
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        // biome-ignore lint/suspicious/noExplicitAny: the document is JSON
        const body = (op.requestBody as any)?.content?.["application/json"]?.schema as JsonSchema | undefined;
        return { method: method.toUpperCase(), path, parameters: op.parameters ?? [], body };
      }),
    );
}

/** What plausible values draw on besides the schemas. */
export interface Vocabulary {
  /** Ids of records that exist, for a field or parameter named `field` (`taskForceId`, `coUnitIds`). */
  readonly idsFor: (field: string) => readonly string[];
  /** Values a schema cannot tell, by field name (evidence references, file names). */
  readonly known: Readonly<Record<string, readonly string[]>>;
}

const ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
const DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";

/** Ids no record has, in the id syntax. */
export const unknownIds = fc.constantFrom(
  "no-such-id",
  "00000000-0000-4000-8000-000000000000",
  "x",
  "A.b_c-9",
);
const dates = fc.oneof(
  fc.constantFrom("2022-07-01", "2022-08-15", "2022-09-30", "2022-12-31", "2023-03-01", "2021-12-31"),
  // The edges the schemas admit.
  fc.constantFrom("1900-01-01", "2999-12-31", "2024-02-29"),
  fc
    .date({ min: new Date("2020-01-01"), max: new Date("2025-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const words = fc.constantFrom("重大项目", "完成立项手续", "整改到位", "ok", "Guatu", "张伟");

/** The JSON types a schema admits. */
function typesOf(schema: JsonSchema): string[] {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return branches.flatMap(typesOf);
  if (schema.enum) return [...new Set(schema.enum.map((v) => (v === null ? "null" : typeof v)))];
  return [schema.type ?? "unknown"].flat();
}

function plausibleString(schema: JsonSchema, vocab: Vocabulary, name: string): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 200;
  const min = schema.minLength ?? 0;
  const known = vocab.known[name];
  if (known?.length && !schema.enum)
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, plausibleString(schema, vocab, ""));
  const ids = vocab.idsFor(name);
  if (schema.pattern === ID_PATTERN)
    return ids.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, unknownIds) : unknownIds;
  if (schema.pattern === DATE_PATTERN) return dates;
  if (schema.format === "email") return fc.constantFrom("fuzz@example.org", "a.b@example.cn");
  // A port nothing listens on: a stored webhook must not call anywhere.
  if (schema.format === "uri")
    return fc.constantFrom("http://127.0.0.1:9/hook", "https://intranet.invalid/x");
  if (/password/i.test(name)) return fc.constantFrom("Fuzz-pass-2022!", "short");
  if (schema.pattern) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= max && s.length >= min);
  }
  return fc
    .oneof(
      { weight: 3, arbitrary: words },
      fc.string({ minLength: 1, maxLength: 20 }),
      // As long as the schema admits.
      fc.constant("长".repeat(Math.min(max, 5000))),
    )
    .map((s) => s.slice(0, max).padEnd(min, "x"));
}

function plausibleNumber(schema: JsonSchema, name: string, integer: boolean): fc.Arbitrary<number> {
  if (name === "version") return fc.integer({ min: 1, max: 3 });
  const lo = schema.minimum ?? schema.exclusiveMinimum ?? -100;
  const hi = Math.min(schema.maximum ?? lo + 1000, lo + 1000);
  // The edges the schema admits (a duration of 100,000 working days, a measure of 1e15).
  const edges = [schema.minimum, schema.maximum].filter((x): x is number => x !== undefined);
  const edge = edges.length ? [{ weight: 1, arbitrary: fc.constantFrom(...edges) }] : [];
  if (integer)
    return fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) },
      ...edge,
    );
  return fc.oneof(
    ...edge,
    fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }),
    fc.double({
      min: lo,
      max: hi,
      noNaN: true,
      noDefaultInfinity: true,
      minExcluded: schema.exclusiveMinimum !== undefined,
    }),
  );
}

/** A value the schema admits (or nearly: references to ids that may not exist, dates out of order). */
export function plausible(
  schema: JsonSchema,
  vocab: Vocabulary,
  name = "",
  depth = 0,
): fc.Arbitrary<unknown> {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => plausible(b, vocab, name, depth)));
  if (schema.allOf?.[0]) return plausible(schema.allOf[0], vocab, name, depth);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if ("const" in schema) return fc.constant(schema.const);
  const types = [schema.type ?? "unknown"].flat();
  if (types.length > 1)
    return fc.oneof(...types.map((type) => plausible({ ...schema, type }, vocab, name, depth)));
  switch (types[0]) {
    case "string":
      return plausibleString(schema, vocab, name);
    case "integer":
    case "number":
      return plausibleNumber(schema, name, types[0] === "integer");
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      if (depth > 5) return fc.constant([]);
      const minLength = schema.minItems ?? 0;
      // Any choice of a few values, every one included (seven weekend days).
      if (schema.items?.enum) return fc.subarray([...schema.items.enum], { minLength });
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      return fc.array(plausible(schema.items ?? {}, vocab, name, depth + 1), { minLength, maxLength });
    }
    case "object": {
      if (depth > 5) return fc.constant({});
      const props = schema.properties ?? {};
      if (!Object.keys(props).length && typeof schema.additionalProperties === "object")
        return fc.dictionary(words, plausible(schema.additionalProperties, vocab, name, depth + 1), {
          maxKeys: 3,
        });
      const fields = Object.fromEntries(
        Object.entries(props).map(([k, s]) => [k, plausible(s, vocab, k, depth + 1)]),
      );
      return fc.record(fields, { requiredKeys: [...(schema.required ?? [])] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const HUGE = "长".repeat(10_001);

/** Values of every JSON type that break schemas and services: edges, odd text, wrong types. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\ud800",
    "a\udfffb",
    "x\u0000y",
    HUGE,
    "a".repeat(65),
    "constructor",
    "__proto__",
    "toString",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "9999-12-31",
    "0001-01-01",
    "2022-02-30",
    "2022-13-01",
    "2022-8-1",
    "NaN",
    "💩",
    "\u202eabc",
    "%00",
    "null",
  ),
  fc.constantFrom(0, -0, -1, 1.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, 1e-320, 100.0001, 1e15 + 1),
  fc.constantFrom(true, false, null),
  fc.constantFrom(
    [],
    [null],
    ["x", "x"],
    Array.from({ length: 101 }, (_, i) => `id-${i}`),
    [[[[]]]],
  ),
  fc.constantFrom({}, { a: 1 }, { constructor: { prototype: 1 } }, JSON.parse('{"__proto__":{"x":1}}')),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A JSON value of a type the schema does not admit (or, when it admits every type, a hostile one). */
export function wrongType(schema: JsonSchema): fc.Arbitrary<unknown> {
  const admitted = new Set(typesOf(schema));
  const all: [string, fc.Arbitrary<unknown>][] = [
    ["string", fc.string({ maxLength: 10 })],
    ["number", fc.double({ noNaN: true, noDefaultInfinity: true })],
    ["integer", fc.integer()],
    ["boolean", fc.boolean()],
    ["null", fc.constant(null)],
    ["array", fc.array(fc.integer(), { maxLength: 3 })],
    ["object", fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 })],
  ];
  const wrong = all.filter(([k]) => !admitted.has(k)).map(([, a]) => a);
  return wrong.length ? fc.oneof(...wrong) : hostileValue;
}
