import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, demoAppFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { restoreArchive, verifyArchive, writeArchive } from "./backup.js";
import { openDatabase } from "./connection.js";

/** Where the restore goes: PostgreSQL when the run has it (CI does), else a second SQLite file. */
const target = process.env.GUATU_TEST_PG ? "postgres" : "sqlite";

/** Fields that say when or to which session an answer was made, not what the data is. */
const MOMENT = new Set(["computedAt", "expiresAt", "csrfToken", "lastSeenAt", "createdAt:session"]);
const normalise = (url: string, body: unknown): unknown => {
  // Liveness answers, and files (an xlsx zips its own timestamps): compared by status only.
  if (url.endsWith("/health") || url.includes("/health/") || Buffer.isBuffer(body)) return null;
  return JSON.parse(JSON.stringify(body), (k, v) => (MOMENT.has(k) ? undefined : v));
};

/** Views that need a query to answer. */
const QUERIES: Readonly<Record<string, string>> = { "/api/v1/search": `?q=${encodeURIComponent("招商")}` };

/**
 * Every GET of the API without a path parameter (lists, views), and every one with ids of the
 * first records its list answers: the "every list and nested read" the comparison walks.
 */
async function readUrls(app: FastifyInstance, api: Client): Promise<string[]> {
  const urls: string[] = [];
  const idsOf = new Map<string, string[]>();
  for (const { method, url } of app.routeTable) {
    if (method !== "GET" || url.endsWith(".xlsx") || url === "/api/v1/ledger") continue;
    const params = url.match(/:\w+/g) ?? [];
    if (params.length === 0) {
      urls.push(`${url}${QUERIES[url] ?? ""}`);
      continue;
    }
    const list = url.slice(0, url.indexOf("/:"));
    if (!idsOf.has(list)) {
      const res = await api("GET", `${list}?limit=3`);
      idsOf.set(list, res.status === 200 ? (res.body.items ?? []).map((r: { id: string }) => r.id) : []);
    }
    for (const id of idsOf.get(list)!) urls.push(url.replace(":id", id).replace(":number", "1"));
  }
  return urls;
}

describe(`backup of a live SQLite server under write load, restored into ${target}`, () => {
  let dir: string;
  let live: TestDatabase;
  let restored: TestDatabase;
  let app: FastifyInstance;
  let api: Client;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "guatu-backup-"));
    live = await createTestDatabase("sqlite");
    app = await demoAppFor(live);
    api = clientFor(app, await signIn(app, "admin", DEMO_PASSWORD));
    restored = await createTestDatabase(target, { migrate: false });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await live?.drop();
    await restored?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const commentCount = async (database = live.database) =>
    Number((await sql<{ n: number }>`select count(*) as n from comments`.execute(database.db)).rows[0]!.n);

  it("archives one consistent state while writes go on, and restores it with counts and checksums", async () => {
    const tfs = (await api("GET", "/api/v1/task-forces?limit=5")).body.items as { id: string }[];
    let stop = false;
    let written = 0;
    const writer = async (k: number) => {
      while (!stop) {
        const res = await api("POST", "/api/v1/comments", {
          taskForceId: tfs[k % tfs.length]!.id,
          body: `批示 ${k}-${written}`,
        });
        expect(res.status).toBe(201);
        written++;
      }
    };
    const writers = [0, 1, 2].map(writer);
    while (written < 20) await new Promise((r) => setImmediate(r));
    // The backup reads through its own connection, as `guatu backup` in another process does.
    const reader = openDatabase({ kind: "sqlite", url: live.url, path: live.url.slice("sqlite:".length) });
    const before = await commentCount();
    const file = join(dir, "under-load.jsonl.gz");
    let summary: Awaited<ReturnType<typeof writeArchive>>;
    try {
      summary = await writeArchive(reader, file);
    } finally {
      await reader.close();
    }
    const after = await commentCount();
    while (written < after + 20) await new Promise((r) => setImmediate(r));
    stop = true;
    await Promise.all(writers);
    // Writes went on during the backup; the archive holds one state between its start and end.
    const archived = summary.tables.find((t) => t.name === "comments")!.rows;
    expect(after).toBeGreaterThan(before);
    expect(archived).toBeGreaterThanOrEqual(before);
    expect(archived).toBeLessThanOrEqual(after);
    const audit = summary.tables.find((t) => t.name === "audit_entries")!.rows;
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from audit_entries where entity = 'comment'`.execute(live.database.db);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    expect(audit).toBeGreaterThan(0);

    expect((await verifyArchive(file)).tables).toEqual(summary.tables);
    await restoreArchive(restored.database, file);
    expect(await commentCount(restored.database)).toBe(archived);
  }, 120_000);

  it("once quiet, a second archive restored with --replace answers every list and nested read as the live server does", async () => {
    const file = join(dir, "quiet.jsonl.gz");
    await writeArchive(live.database, file);
    await restoreArchive(restored.database, file, { replace: true });
    const other = await appFor(restored);
    try {
      const api2 = clientFor(other, await signIn(other, "admin", DEMO_PASSWORD));
      const urls = await readUrls(app, api);
      expect(urls.length).toBeGreaterThan(60);
      const differ: string[] = [];
      for (const url of urls) {
        const [a, b] = [await api("GET", url), await api2("GET", url)];
        expect(a.status, url).toBe(200);
        if (
          b.status !== a.status ||
          JSON.stringify(normalise(url, a.body)) !== JSON.stringify(normalise(url, b.body))
        )
          differ.push(`${url}: ${b.status} ${JSON.stringify(b.body).slice(0, 200)}`);
      }
      expect(differ).toEqual([]);
    } finally {
      await other.close();
    }
  }, 180_000);

  it("refuses a damaged, cut-short or foreign file and a target holding data, changing nothing", async () => {
    const good = join(dir, "quiet.jsonl.gz");
    const text = gunzipSync(readFileSync(good)).toString("utf8");
    const lines = text.split("\n");
    const row = lines.findIndex((l) => l.startsWith('{"table":"comments"')) + 1;
    const cases: [string, string, RegExp][] = [
      [
        "one value changed",
        lines.map((l, i) => (i === row ? l.replace('["', '["x') : l)).join("\n"),
        /table comments holds \d+ rows with checksum .*: the file is damaged/,
      ],
      ["cut short", lines.slice(0, row + 1).join("\n"), /cut short \(no end marker\)/],
      [
        "a row too short",
        lines.map((l, i) => (i === row ? '["x"]' : l)).join("\n"),
        /line \d+: a row of comments with 1 values/,
      ],
      ["not ours", '{"hello":1}\n', /line 1: not a Guatu backup archive/],
    ];
    for (const [name, body, message] of cases) {
      const file = join(dir, `${name}.jsonl.gz`);
      writeFileSync(file, gzipSync(body));
      await expect(verifyArchive(file), name).rejects.toThrow(message);
      const empty = await createTestDatabase("sqlite", { migrate: false });
      try {
        await expect(restoreArchive(empty.database, file), name).rejects.toThrow(message);
        const { rows } = await sql<{ n: number }>`
          select count(*) as n from sqlite_master where type = 'table'`.execute(empty.database.db);
        expect(Number(rows[0]!.n), `${name}: nothing written`).toBe(0);
      } finally {
        await empty.drop();
      }
    }
    writeFileSync(join(dir, "not-gzip"), "plain text");
    await expect(verifyArchive(join(dir, "not-gzip"))).rejects.toThrow(/the file is damaged or cut short/);
    await expect(verifyArchive(join(dir, "missing.jsonl.gz"))).rejects.toThrow(/no such file/);
    const comments = await commentCount(restored.database);
    await expect(restoreArchive(restored.database, good)).rejects.toThrow(
      /already holds data \(\d+ rows in \w+\): restore into an empty database, or pass --replace/,
    );
    expect(await commentCount(restored.database)).toBe(comments);
  }, 120_000);
});
