import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { adminClient, appFor, type Client, call, clientFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import type { ErrorDetail } from "../shared/errors.js";
import { fieldLabel } from "../shared/field-labels.js";
import { detailText, type Lang } from "../shared/messages.js";

type Hit = { kind: string; id: string; code: string | null; title: string; taskForceId: string | null };
type Result = { query: string; groups: { kind: string; items: Hit[] }[]; more: boolean };

/** A refusal as the person reads it: "field：message" in their language. */
const said = (d: ErrorDetail, lang: Lang) =>
  `${fieldLabel(d.path, lang)}${lang === "zh" ? "：" : ": "}${detailText(d, lang)}`;

/** `GET /search` through the API: scope by session, freshness after writes, refusals. */
describe.each(dialects)("the search route on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let admin: Client;
  let member: Client;
  const codes = async (client: Client, q: string) => {
    const res = await client("GET", `/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    return (res.body as Result).groups.flatMap((g) => g.items.map((i) => i.code));
  };
  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    admin = await adminClient(app, t);
    member = clientFor(app, await signIn(app, "member", DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("finds a task by pinyin initials and by part of its code", async () => {
    expect(await codes(admin, "jlzsxmxsk")).toEqual(["02.1.2"]);
    expect(await codes(admin, "2.1")).toContain("01.2.1");
  });

  it("does not let the demo member (task forces 01 and 05) find task force 02's task", async () => {
    expect(await codes(member, "jlzsxmxsk")).toEqual([]);
    expect(await codes(member, "xmlxjkypf")).toEqual(["01.2.1"]);
  });

  it("finds a task created through the API at once, by its new title after a rename, and not after its deletion", async () => {
    const created = await admin("POST", "/api/v1/tasks", {
      taskForceId: "tf-02",
      code: "02.9.9",
      title: "数字人民币试点推广",
      duration: 5,
      deadline: "2022-09-30",
    });
    expect(created.status).toBe(201);
    expect(await codes(admin, "szrmb")).toEqual(["02.9.9"]);
    const renamed = await admin("PATCH", `/api/v1/tasks/${created.body.id}`, {
      version: created.body.version,
      title: "跨境电商综试区申报",
    });
    expect(renamed.status).toBe(200);
    expect(await codes(admin, "szrmb")).toEqual([]);
    expect(await codes(admin, "kjds")).toEqual(["02.9.9"]);
    const gone = await admin("DELETE", `/api/v1/tasks/${created.body.id}?version=${renamed.body.version}`);
    expect(gone.status).toBe(204);
    expect(await codes(admin, "kjds")).toEqual([]);
  });

  it.each([
    ["q=", "querystring.q", "搜索内容：不能为空", "Search text: must not be empty"],
    [`q=${"招".repeat(101)}`, "querystring.q", "搜索内容", "Search text"],
    [
      "q=zs&kinds=task,goal",
      "querystring.kinds",
      "搜索类别：须为以下之一",
      "Kinds to search: must be one of",
    ],
    ["q=zs&limit=51", "querystring.limit", "每页条数", "Page size"],
  ])("refuses %s naming the field in both languages", async (query, path, zh, en) => {
    const res = await admin("GET", `/api/v1/search?${query}`);
    expect([res.status, res.body.error.code]).toEqual([400, "VALIDATION"]);
    const detail = (res.body.error.details as ErrorDetail[]).find((d) => d.path === path)!;
    expect(said(detail, "zh")).toContain(zh);
    expect(said(detail, "en")).toContain(en);
  });

  it("answers only signed-in callers", async () => {
    expect((await call(app, "GET", "/api/v1/search?q=zs")).status).toBe(401);
  });
});
