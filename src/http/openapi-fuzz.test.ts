import fc from "fast-check";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import {
  adminClient,
  appFor,
  call,
  seedOneOfEach,
  seedSmall,
  signIn,
  TINY_PNG,
} from "../../test/factories.js";
import {
  type Body,
  jsonBody,
  oddHeaders,
  oversized,
  pathValue,
  queryValues,
  rawBody,
  strangerAuthorization,
  unknownQuery,
} from "../../test/openapi-fuzz/request-parts.js";
import { type Operation, operationsOf, type Vocabulary } from "../../test/openapi-fuzz/schema-values.js";
import { addUser } from "../domain/accounts/account.service.js";
import { serviceContext } from "../domain/context.js";
import { errorBody } from "../shared/api/common.js";
import { ERRORS, isErrorCode } from "../shared/errors.js";

/** Requests per database, spread evenly over the operations (issue 17: at least 10,000). */
const REQUESTS = 10_000;
const SEED = 20220815;

/** Who sends a request: a seeded caller by name, or an `Authorization` header that names nobody. */
type Who = "admin" | "member" | "nobody" | { readonly authorization: string };

interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly who: Who;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Body | undefined;
}

/** Why an answer breaks the contract: a 5xx, or a 4xx not in the documented shape; undefined when it keeps it. */
function breach(res: LightMyRequestResponse, method: string): string | undefined {
  if (res.statusCode >= 500) return "5xx";
  if (res.statusCode < 400) return undefined;
  if (res.headers["x-content-type-options"] !== "nosniff") return "no x-content-type-options";
  if (!String(res.headers["content-security-policy"]).includes("frame-ancestors 'none'")) return "no CSP";
  if (!res.headers["x-frame-options"]) return "no x-frame-options";
  if (!String(res.headers["content-type"]).startsWith("application/json")) return "not JSON";
  // A HEAD answer has the GET's headers and no body.
  if (method === "HEAD") return undefined;
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return "not JSON";
  }
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return "not the error shape";
  const { code, message } = parsed.data.error;
  if (!isErrorCode(code)) return `unregistered code ${code}`;
  if (ERRORS[code].status !== res.statusCode) return `${code} is registered as ${ERRORS[code].status}`;
  if (!message) return "empty message";
  return undefined;
}

/** Record ids by the first path segment after /api/v1 (`tasks`, `task-forces` …). */
type Pools = Record<string, readonly string[]>;

/** What requests draw on: seeded ids by resource, names and files. */
interface Seeded {
  readonly pools: Pools;
  readonly vocab: Vocabulary;
  /** Files the upload and import routes take, with their types. */
  readonly files: readonly Body[];
}

/** Requests to one operation: path, query and body values, plausible and hostile, as four callers. */
function requestsFor(op: Operation, { pools, vocab, files }: Seeded): fc.Arbitrary<FuzzRequest> {
  const resource = op.path.split("/")[3] ?? "";
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  const path = fc
    .tuple(...pathParams.map((p) => pathValue(p.name, pools[resource] ?? [])))
    .map((values) => pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i]!), op.path));
  const query = fc
    .tuple(
      ...queryParams.map((p) => {
        const values = queryValues(p, vocab, op.method);
        // A delete reaches a seeded record only with a stale version, never without one.
        if (op.method === "DELETE" && p.name === "version") return values;
        const absent = fc.constant(undefined);
        // Mostly a few parameters at once, so that plausible combinations reach the services.
        return p.required
          ? fc.oneof({ weight: 9, arbitrary: values }, absent)
          : fc.oneof({ weight: 2, arbitrary: absent }, values);
      }),
      fc.oneof(
        { weight: 7, arbitrary: fc.constant([]) },
        unknownQuery.map((x) => [x]),
      ),
    )
    .map((parts) => {
      const extra = parts.pop() as string[]; // the tuple's last part is the unknown pieces
      const pieces = parts.flatMap((values, i) =>
        ((values as string[] | undefined) ?? []).map((v) => `${queryParams[i]!.name}=${v}`),
      );
      return [...pieces, ...extra].join("&");
    });
  const who = fc.oneof(
    { weight: 16, arbitrary: fc.constant<Who>("admin") },
    { weight: 2, arbitrary: fc.constant<Who>("member") },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.constant<Who>("nobody"),
        strangerAuthorization.map((a) => ({ authorization: a })),
      ),
    },
  );
  // Now and then another method on the path (HEAD answers as GET does); never DELETE, which
  // without the delete's version would remove a seeded record.
  const method = fc.oneof(
    { weight: 30, arbitrary: fc.constant(op.method) },
    fc.constantFrom("HEAD", "OPTIONS", "PUT", "PATCH", "POST"),
  );
  const body: fc.Arbitrary<Body | undefined> =
    op.method === "GET"
      ? fc.constant(undefined)
      : op.body
        ? fc.oneof({ weight: 200, arbitrary: jsonBody(op.body, vocab) }, fc.constant(oversized))
        : fc.oneof(
            { weight: op.method === "DELETE" ? 6 : 1, arbitrary: fc.constant(undefined) },
            { weight: 2, arbitrary: rawBody(files) },
          );
  return fc.record({ method, path, query, who, headers: oddHeaders, body }).map((r) => ({
    ...r,
    url: r.query ? `${r.path}?${r.query}` : r.path,
  }));
}

/** The seeded ids a field or parameter names by its name (`leadUnitId` → org units); any id for others. */
function idsFor(field: string, pools: Pools, all: readonly string[]): readonly string[] {
  const f = field.replace(/Ids?$/, "");
  const kinds: [RegExp, string[]][] = [
    [/taskForce/i, ["task-forces"]],
    [/unit/i, ["org-units"]],
    [/person|leader|by$|recipient|owner|head/i, ["persons", "users"]],
    [/goal/i, ["goals"]],
    [/indicator/i, ["indicators"]],
    [/supervisionItem/i, ["supervision-items"]],
    [/task|predecessor|successor|subject/i, ["tasks", "supervision-items"]],
  ];
  const kind = kinds.find(([re]) => re.test(f));
  return kind ? kind[1].flatMap((k) => pools[k] ?? []) : all;
}

/** Values no schema tells: evidence references and file names. */
const knownValues = (attachmentId: string) => ({
  evidence: [
    `attachment:${attachmentId}:photo.png`,
    "attachment:no-such-id:x.png",
    "https://example.org/a.pdf",
  ],
  name: ["photo.png", "报告.pdf", "台账.xlsx", "../x.png", "a\u202egnp.exe"],
  mapping: [
    "{}",
    '{"sheets":{"tasks":"任务"}}',
    '{"sheets":{"tasks":"任务\\u0000"}}',
    '{"columns":{"tasks":{"title":"\\ud800"}}}',
    "not json",
  ],
});

describe.each(dialects)("every operation of the OpenAPI document on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let tokens: { admin: string; member: string };
  let seeded: Seeded;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    app = await appFor(t);
    const api = await adminClient(app, t);
    const s = await seedSmall(api);
    const one = await seedOneOfEach(s);
    const ext = await s.post(`tasks/${s.t1.id}/extension-requests`, {
      requestedDeadline: "2022-12-30",
      reason: "拆迁未完成",
    });
    const approval = await api("POST", `/api/v1/task-forces/${s.tf.id}/approve-plan`, {
      reason: "首次基线",
      number: 1,
    });
    expect(approval.status).toBe(200);
    const assessment = await api("POST", "/api/v1/assessments?statusDate=2022-08-15");
    expect(assessment.status).toBe(201);
    const upload = await app.inject({
      method: "POST",
      url: `/api/v1/attachments?taskId=${s.t1.id}&name=photo.png`,
      headers: { authorization: `Bearer ${api.bearer}`, "content-type": "image/png" },
      payload: TINY_PNG,
    });
    expect(upload.statusCode).toBe(201);
    // A member of the task force, for the scope checks of a caller who is not an admin.
    await addUser(serviceContext(t.database, "test"), {
      username: "fuzzmember",
      displayName: "成员",
      roles: ["member"],
      personId: s.person.id,
      password: "member-password",
    });
    const session = await signIn(app, "fuzzmember", "member-password");
    const memberToken = await call(
      app,
      "POST",
      "/api/v1/api-tokens",
      { name: "fuzz", role: "member" },
      session,
    );
    expect(memberToken.status).toBe(201);
    tokens = { admin: api.bearer, member: memberToken.body.token };
    const pools: Pools = {
      "org-units": [s.unit.id],
      persons: [s.person.id],
      users: [one.user.id],
      goals: [s.goal.id],
      "task-forces": [s.tf.id],
      members: [one.member.id],
      tasks: [s.t1.id, s.t2.id, s.t3.id],
      dependencies: [one.dependency.id],
      indicators: [one.indicator.id],
      "indicator-readings": [one.reading.id],
      "progress-reports": [one.report.id],
      "supervision-items": [one.item.id],
      comments: [one.comment.id],
      "extension-requests": [ext.id],
      assessments: [assessment.body.id],
      attachments: [upload.json().id],
    };
    const all = Object.values(pools).flat();
    const template = await app.inject({
      url: "/api/v1/ledger/template",
      headers: { authorization: `Bearer ${api.bearer}` },
    });
    const ledger = await app.inject({
      url: "/api/v1/ledger",
      headers: { authorization: `Bearer ${api.bearer}` },
    });
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    seeded = {
      pools,
      vocab: { idsFor: (field) => idsFor(field, pools, all), known: knownValues(upload.json().id) },
      files: [
        { payload: TINY_PNG, contentType: "image/png" },
        { payload: template.rawPayload, contentType: xlsx },
        { payload: ledger.rawPayload, contentType: xlsx },
      ],
    };
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it(`answers ${REQUESTS} generated requests with no 5xx, every 4xx in the documented error shape`, async () => {
    const doc = await app.inject({ url: "/api/docs/json" });
    expect(doc.statusCode).toBe(200);
    const ops = operationsOf(doc.json());
    expect(ops.length).toBeGreaterThan(100);
    const perOp = Math.ceil(REQUESTS / ops.length);
    const breaches = new Map<string, string>();
    let sent = 0;
    let answered = 0;
    for (const [i, op] of ops.entries()) {
      for (const req of fc.sample(requestsFor(op, seeded), { numRuns: perOp, seed: SEED + i })) {
        const headers: Record<string, string> = { ...req.headers };
        if (typeof req.who === "object") headers.authorization = req.who.authorization;
        else if (req.who !== "nobody") headers.authorization = `Bearer ${tokens[req.who]}`;
        if (req.body?.contentType !== undefined) headers["content-type"] = req.body.contentType;
        const res = await app.inject({
          method: req.method as "GET",
          url: req.url,
          headers,
          ...(req.body ? { payload: req.body.payload } : {}),
        });
        sent++;
        if (res.statusCode < 400) answered++;
        const why = breach(res, req.method);
        const key = `${req.method} ${op.path} → ${res.statusCode} ${why}`;
        if (why && !breaches.has(key)) {
          const payload = req.body ? String(req.body.payload).slice(0, 200) : "";
          breaches.set(
            key,
            `${key}: ${req.method} ${req.url.slice(0, 300)} as ${JSON.stringify(req.who)} with ${JSON.stringify(headers).slice(0, 300)}: ${JSON.stringify(payload)} → ${res.body.slice(0, 300)}`,
          );
        }
      }
    }
    expect([...breaches.values()]).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(REQUESTS);
    // The seeded ids make the routes do real work, not only refuse, and no seeded record was deleted.
    expect(answered).toBeGreaterThan(sent / 10);
    const gone: string[] = [];
    for (const [resource, ids] of Object.entries(seeded.pools))
      for (const id of ids) {
        const url = `/api/v1/${resource}/${id}`;
        const res = await app.inject({ url, headers: { authorization: `Bearer ${tokens.admin}` } });
        if (res.statusCode !== 200) gone.push(`${url} → ${res.statusCode}`);
      }
    expect(gone).toEqual([]);
  }, 180_000);
});
