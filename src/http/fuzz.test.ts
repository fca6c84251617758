import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../test/db-harness.js";
import { adminClient, appFor, type Client, seedOneOfEach, seedSmall } from "../../test/factories.js";
import { RECORD_KINDS } from "../../test/record-kinds.js";

/** The JSON type a zod field accepts, after optional/nullable/default wrappers. */
function jsonKind(schema: z.ZodType): string {
  // biome-ignore lint/suspicious/noExplicitAny: walking zod internals
  let s: any = schema;
  while (["optional", "nullable", "default", "pipe"].includes(s._zod.def.type))
    s = s._zod.def.innerType ?? s._zod.def.in;
  const t = s._zod.def.type as string;
  return t === "enum" ? "string" : t === "record" ? "object" : t;
}

/** Values of a JSON type other than `kind` (so the field is certainly wrong). */
const wrongValueFor = (kind: string): fc.Arbitrary<unknown> => {
  const candidates: [string, fc.Arbitrary<unknown>][] = [
    ["string", fc.string()],
    ["number", fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))],
    ["boolean", fc.boolean()],
    ["array", fc.array(fc.integer(), { maxLength: 3 })],
    ["object", fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 })],
  ];
  return fc.oneof(...candidates.filter(([k]) => k !== kind).map(([, a]) => a));
};

const nasty = fc.constantFrom("\u0000", "\ud800", "abc\udfffdef", "\u0000\u0000", "x\u0000y");

/** A body that a route must refuse, as raw text, built from a valid one. */
function malformed(
  valid: Record<string, unknown>,
  shape: Record<string, z.ZodType>,
  required: string[],
): fc.Arbitrary<string> {
  const fields = Object.keys(shape);
  const textFields = fields.filter((f) => jsonKind(shape[f]!) === "string");
  const asJson = (b: unknown) => JSON.stringify(b);
  const options: fc.Arbitrary<string>[] = [
    // Broken JSON: truncated, trailing garbage, bare words.
    fc.nat({ max: Math.max(1, asJson(valid).length - 2) }).map((n) => asJson(valid).slice(0, n + 1)),
    fc.string({ minLength: 1 }).map((g) => `${asJson(valid)}${g}x`),
    fc.constantFrom("{", "[", "nul", "{'a':1}", '{"a":}', "\u0000", '{"version":1,}'),
    // Not an object.
    fc
      .oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 }))
      .map(asJson),
    // A wrong type in one field.
    fc
      .constantFrom(...fields)
      .chain((f) => wrongValueFor(jsonKind(shape[f]!)).map((v) => asJson({ ...valid, [f]: v }))),
    // Unknown fields, including odd unicode keys.
    fc
      .tuple(
        fc
          .string({ minLength: 1, maxLength: 20 })
          .filter((k) => !fields.includes(k) && k !== "version" && k !== "__proto__"),
        fc.anything(),
      )
      .map(([k, v]) => asJson({ ...valid, [k]: v ?? 1 })),
  ];
  if (required.length) {
    options.push(
      fc
        .constantFrom(...required)
        .map((f) => asJson(Object.fromEntries(Object.entries(valid).filter(([k]) => k !== f)))),
    );
  }
  if (textFields.length) {
    // Huge strings and unicode edge cases (NUL, lone surrogates) in text fields.
    options.push(fc.constantFrom(...textFields).map((f) => asJson({ ...valid, [f]: "长".repeat(10_001) })));
    options.push(
      fc
        .tuple(fc.constantFrom(...textFields), nasty)
        .map(([f, v]) => asJson({ ...valid, [f]: `${valid[f] ?? ""}${v}` })),
    );
  }
  return fc.oneof(...options);
}

const RUNS = 500;

describe.each(dialects)("malformed bodies on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let api: Client & { bearer: string };
  let valid: Record<string, Record<string, unknown>>;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    app = await appFor(t);
    api = await adminClient(app, t);
    const s = await seedSmall(api);
    const one = await seedOneOfEach(s);
    valid = {
      "org-units": { code: "NEW", name: "新单位", kind: "street" },
      persons: { name: "李娜", orgUnitId: s.unit.id },
      users: { username: "newuser", displayName: "新用户", roles: ["viewer"] },
      goals: { code: "GNEW", title: "发展要安全", level: "annual" },
      "task-forces": { code: "TNEW", name: "新专班", goalIds: [s.goal.id] },
      members: { taskForceId: s.tf.id, personId: s.person.id, post: "副组长" },
      tasks: { taskForceId: s.tf.id, code: "NEW", title: "新任务", duration: 5 },
      dependencies: { predecessorId: s.t1.id, successorId: s.t3.id, type: "FS", lag: 0 },
      indicators: {
        taskForceId: s.tf.id,
        code: "INEW",
        name: "新增市场主体",
        kind: "cumulative",
        target: 1000,
        year: 2022,
      },
      "indicator-readings": { indicatorId: one.indicator.id, period: "2022-02", actual: 2 },
      "progress-reports": {
        taskId: s.t1.id,
        reportDate: "2022-08-02",
        percent: 10,
        narrative: "完成立项",
      },
      "supervision-items": {
        taskForceId: s.tf.id,
        code: "FNEW",
        raisedOn: "2022-08-01",
        issue: "问题",
        requiredAction: "整改",
        dueDate: "2022-08-20",
      },
      comments: { taskForceId: s.tf.id, taskId: s.t1.id, body: "请抓紧推进" },
    };
    ids = {
      "org-units": s.unit.id,
      persons: s.person.id,
      users: one.user.id,
      goals: s.goal.id,
      "task-forces": s.tf.id,
      members: one.member.id,
      tasks: s.t1.id,
      dependencies: one.dependency.id,
      indicators: one.indicator.id,
      "indicator-readings": one.reading.id,
      "progress-reports": one.report.id,
      "supervision-items": one.item.id,
      comments: one.comment.id,
    };
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const send = async (method: string, url: string, payload: string) => {
    const res = await app.inject({
      method: method as "POST",
      url,
      payload,
      headers: { "content-type": "application/json", authorization: `Bearer ${api.bearer}` },
    });
    return res;
  };

  it(`answers ${RUNS} malformed bodies per write route with 4xx only and leaves the database unchanged`, async () => {
    const before = await snapshot(t.database);
    let sent = 0;
    for (const def of RECORD_KINDS) {
      const shape = def.schemas.create.shape as Record<string, z.ZodType>;
      const required = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
      const routes = [
        { method: "POST", url: `/api/v1/${def.path}`, body: valid[def.path]!, required },
        {
          method: "PATCH",
          url: `/api/v1/${def.path}/${ids[def.path]}`,
          body: { version: 1 },
          required: ["version"],
        },
      ];
      for (const r of routes) {
        const updateShape =
          r.method === "PATCH" ? (def.schemas.update.shape as Record<string, z.ZodType>) : shape;
        await fc.assert(
          fc.asyncProperty(malformed(r.body, updateShape, r.required), async (payload) => {
            const res = await send(r.method, r.url, payload);
            sent++;
            if (res.statusCode < 400 || res.statusCode >= 500) {
              throw new Error(
                `${r.method} ${r.url} answered ${res.statusCode} to ${payload.slice(0, 200)}: ${res.body.slice(0, 300)}`,
              );
            }
            expect(JSON.parse(res.body).error.code).toBeTypeOf("string");
          }),
          { numRuns: RUNS, seed: 20220815 },
        );
      }
    }
    for (const action of ["start", "submit", "return", "verify", "escalate"]) {
      const url = `/api/v1/supervision-items/${ids["supervision-items"]}/${action}`;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constantFrom(
              "{",
              "[]",
              "null",
              '{"version":"1","date":"2022-08-02"}',
              '{"version":1}',
              '{"version":1,"date":"2022-13-45"}',
            ),
            fc.string().map((s) => JSON.stringify({ version: 1, date: "2022-08-02", note: `${s}\u0000` })),
            fc.anything().map((x) => JSON.stringify({ version: 1, date: "2022-08-02", extra: x ?? 0 })),
          ),
          async (payload) => {
            const res = await send("POST", url, payload);
            sent++;
            expect(
              res.statusCode,
              `${url} ${payload.slice(0, 100)} → ${res.body.slice(0, 200)}`,
            ).toBeGreaterThanOrEqual(400);
            expect(res.statusCode).toBeLessThan(500);
          },
        ),
        { numRuns: RUNS, seed: 20220815 },
      );
    }
    const big = await send(
      "POST",
      "/api/v1/tasks",
      JSON.stringify({ ...valid.tasks, description: "x".repeat(2 * 1024 * 1024) }),
    );
    expect(big.statusCode).toBe(413);
    expect(sent).toBeGreaterThanOrEqual(RECORD_KINDS.length * 2 * RUNS);
    expect(await snapshot(t.database)).toBe(before);
  }, 240_000);
});
