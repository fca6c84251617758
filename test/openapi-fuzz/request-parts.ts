/**
 * The parts of a fuzz request (src/http/openapi-fuzz.test.ts) as fast-check arbitraries: JSON and
 * raw bodies, path and query values as URL text, and headers.
 */
import fc from "fast-check";
import {
  hostileValue,
  type JsonSchema,
  type Parameter,
  plausible,
  unknownIds,
  type Vocabulary,
  wrongType,
} from "./schema-values.js";

/** Every path of nodes inside a JSON value (the root is `[]`). */
function pathsIn(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value && typeof value === "object"
      ? Object.entries(value)
      : [];
  return [at, ...children.flatMap(([k, v]) => pathsIn(v, [...at, k]))];
}

/** `value` with the node at `path` replaced (copies, never mutates). */
function replaceAt(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (!path.length) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, next) : v));
  // biome-ignore lint/suspicious/noExplicitAny: a JSON object
  const obj = value as Record<string, any>;
  return { ...obj, [head as string]: replaceAt(obj[head as string], rest, next) };
}

/** A request body: its bytes and Content-Type (none when undefined). */
export interface Body {
  readonly payload: string | Buffer;
  readonly contentType: string | undefined;
}

const json = (v: unknown): Body => ({ payload: JSON.stringify(v), contentType: "application/json" });

const otherTypes = fc.constantFrom(
  undefined,
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----x",
  "application/xml",
  "application/json; charset=utf-16",
  "application/json; charset=latin1",
  "application/vnd.api+json",
  "*/*",
  "",
);

const brokenJson = fc.constantFrom(
  "{",
  "[",
  "nul",
  "{'a':1}",
  '{"a":}',
  '{"version":1,}',
  "\u0000",
  "",
  "\ufeff{}",
  '{"a":1,"a":2}',
  "[".repeat(5000),
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
);

/** Bodies for an operation with a JSON body: plausible, with one part hostile, or not JSON at all. */
export function jsonBody(schema: JsonSchema, vocab: Vocabulary): fc.Arbitrary<Body> {
  const valid = plausible(schema, vocab);
  const props = Object.keys(schema.properties ?? {});
  const required = [...(schema.required ?? [])];
  const options: fc.WeightedArbitrary<Body>[] = [
    { weight: 4, arbitrary: valid.map(json) },
    // Any node of a plausible body replaced by a hostile value.
    {
      weight: 4,
      arbitrary: fc
        .tuple(valid, fc.nat(), hostileValue)
        .map(([v, i, h]) => {
          const paths = pathsIn(v);
          return replaceAt(v, paths[i % paths.length]!, h);
        })
        .map(json),
    },
    // Unknown fields, prototype names among them.
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          valid,
          fc.constantFrom("__proto__", "constructor", "toString", "", "id", "createdAt", "x"),
          hostileValue,
        )
        .map(([v, k, h]) => (v && typeof v === "object" && !Array.isArray(v) ? { ...v, [k]: h } : v))
        .map(json),
    },
    // Not a body of the route at all, or not JSON.
    { weight: 1, arbitrary: hostileValue.map(json) },
    { weight: 1, arbitrary: brokenJson.map((payload) => ({ payload, contentType: "application/json" })) },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 64 })
        .map((b) => ({ payload: Buffer.from(b), contentType: "application/json" })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, otherTypes).map(([v, contentType]) => ({
        payload: JSON.stringify(v),
        contentType,
      })),
    },
  ];
  if (props.length) {
    options.push({
      weight: 3,
      arbitrary: fc
        .constantFrom(...props)
        .chain((k) =>
          fc.tuple(
            valid,
            fc.constant(k),
            wrongType(schema.properties![k]!),
            fc.constantFrom("\u0000", "\ud800"),
          ),
        )
        .map(([v, k, wrong, nasty]) => {
          const obj = v as Record<string, unknown>; // an object schema gives an object
          const old = obj[k];
          return { ...obj, [k]: typeof old === "string" ? `${old}${nasty}` : wrong };
        })
        .map(json),
    });
  }
  if (required.length) {
    options.push({
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...required))
        .map(([v, k]) => Object.fromEntries(Object.entries(v as object).filter(([f]) => f !== k)))
        .map(json),
    });
  }
  return fc.oneof(...options);
}

/** A body over the 1 MiB limit of JSON routes. */
export const oversized: Body = {
  payload: JSON.stringify({ x: "x".repeat(1024 * 1024 + 10) }),
  contentType: "application/json",
};

/**
 * Bytes for an operation that documents no JSON body (uploads, imports, actions without input):
 * real files with their types (`samples`), and any bytes with any type.
 */
export function rawBody(samples: readonly Body[]): fc.Arbitrary<Body> {
  const any = fc.record({
    payload: fc.oneof(
      fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
      fc.constantFrom(...samples.map((b) => b.payload)),
      fc.constantFrom("", "{}", "PK\u0003\u0004garbage", "%PDF-1.4\n%garbage", "plain text 说明"),
    ),
    contentType: fc.constantFrom(
      undefined,
      "image/png",
      "image/jpeg",
      "application/pdf",
      "text/plain",
      "application/octet-stream",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/json",
      "text/html",
      "image/svg+xml",
      "multipart/form-data; boundary=----x",
    ),
  });
  return fc.oneof(fc.constantFrom(...samples), any);
}

/** Path parameter values, as URL text: real ids mostly, unknown, long, traversal, bad escapes, empty. */
export function pathValue(name: string, real: readonly string[]): fc.Arbitrary<string> {
  const hostile = fc.constantFrom(
    "..",
    ".",
    "%2e%2e",
    "%00",
    "a%00b",
    "%2F",
    "..%2F..%2Fetc",
    "%",
    "%ZZ",
    "%E4%BB%BB%E5%8A%A1",
    "%F0%9F%92%A9",
    "%ED%A0%80",
    "",
    "%20",
    "constructor",
    "__proto__",
    "-1",
    "0",
    "1e309",
    "null",
  );
  const long = fc.integer({ min: 101, max: 300 }).map((n) => "a".repeat(n));
  const known =
    name === "number"
      ? fc.constantFrom("1", "2", "99999999999", "1.5", "abc")
      : real.length
        ? fc.constantFrom(...real)
        : unknownIds;
  return fc.oneof(
    { weight: 6, arbitrary: known },
    { weight: 1, arbitrary: unknownIds },
    { weight: 1, arbitrary: long },
    { weight: 2, arbitrary: hostile },
  );
}

/** Query values as URL text, whatever the parameter: wrong types, edges, bad escapes, prototype names. */
const hostileQuery = fc.constantFrom(
  "",
  "abc",
  "-1",
  "0",
  "1.5",
  "1e309",
  "99999999999999999999",
  "2147483648",
  "NaN",
  "Infinity",
  "true",
  "null",
  "undefined",
  "[]",
  "%7B%7D",
  "constructor",
  "__proto__",
  "toString",
  "-valueOf",
  "hasOwnProperty",
  "9999-12-31",
  "0001-01-01",
  "2022-02-30",
  "%00",
  "a%00b",
  "%",
  "%ZZ",
  "%ED%A0%80",
  "%E4%BB%BB%E5%8A%A1",
  "+",
  "%20",
  ",",
  "a,,b",
  // LIKE and SQL metacharacters: backslash, percent, underscore, quotes.
  "%5C",
  "a%25b",
  "_",
  "%27%3B--",
  "%22",
  "x".repeat(3000),
);

const sorts = fc.constantFrom(
  "id",
  "-id",
  "code",
  "-code",
  "createdAt",
  "-updatedAt",
  "title",
  "name",
  "deadline,-code",
);

/** Text for a plausible value in a query: arrays joined with commas, as the list routes take them. */
const queryText = (v: unknown) => encodeURIComponent(Array.isArray(v) ? v.join(",") : String(v));

/**
 * Values of one query parameter as URL text (two or more repeat it). `version` of a delete is a
 * stale number or not a number at all, so that no seeded record is deleted.
 */
export function queryValues(p: Parameter, vocab: Vocabulary, method: string): fc.Arbitrary<string[]> {
  const plausibleText =
    method === "DELETE" && p.name === "version"
      ? fc.constantFrom("1000", "4242", "2147483647")
      : p.name === "sort"
        ? sorts
        : plausible(p.schema, vocab, p.name).map(queryText);
  const one = fc.oneof({ weight: 5, arbitrary: plausibleText }, { weight: 1, arbitrary: hostileQuery });
  return fc.oneof(
    { weight: 5, arbitrary: one.map((v) => [v]) },
    { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }) },
  );
}

/** Query pieces no operation documents. */
export const unknownQuery = fc.constantFrom(
  "unknown=1",
  "__proto__=1",
  "__proto__%5Bx%5D=1",
  "constructor=x",
  "toString=",
  "%00=1",
  "a%5Bb%5D=1",
  "q",
  "&&",
  "=x",
  "limit=1&limit=2",
);

/** Authorization headers that name nobody: unknown tokens, other schemes, nothing after the scheme. */
export const strangerAuthorization = fc.constantFrom(
  "Bearer not-a-token",
  "Bearer ",
  "Bearer",
  "Bearer a b",
  "Basic YWRtaW46eA==",
  "bearer x",
  `Bearer ${"x".repeat(2000)}`,
);

/** Request headers beside authentication that routes and plugins read (caches, cookies, ids, CSRF). */
export const oddHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  fc.record(
    {
      "if-none-match": fc.constantFrom("*", '"x"', 'W/"abc"', ""),
      "accept-encoding": fc.constantFrom("gzip", "br", "deflate", "identity;q=0", "*", "gzip;q=abc"),
      accept: fc.constantFrom("text/html", "application/xml", "*/*", "text/html,application/json;q=0.9"),
      "x-request-id": fc.constantFrom("abc", "a".repeat(100), "../x", "a b", ""),
      cookie: fc.constantFrom("guatu_session=garbage", "guatu_session=", "a=b; guatu_session=%ZZ", "=;;"),
      "x-csrf-token": fc.constantFrom("x", ""),
    },
    { requiredKeys: [] },
  ),
);
