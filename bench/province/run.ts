/**
 * `npm run bench:province` — the demo district scaled to a province (BENCH_FACTOR copies of its
 * task forces, default 214: 2,140 task forces, 50,076 tasks) on SQLite and PostgreSQL. For each
 * database: the load time; the compiled server in its own process; the first (cold) and second
 * (warm) answer of the main pages, with status, bytes and gzip bytes; then EVERY GET route of the
 * OpenAPI document (lists at their default and their maximum `limit`), each of which must answer
 * 2xx. Writes its section of docs/benchmarks.md; exits 1 when any GET is not 2xx.
 * Options (env): BENCH_FACTOR (214), BENCH_PG (postgres://root@127.0.0.1/postgres; "off" skips
 * PostgreSQL), BENCH_PG_LOAD ("restore": the SQLite data through `writeArchive`/`restoreArchive`,
 * the default; "demo": `loadDemo` on PostgreSQL; "both": time both, serve the restored one),
 * BENCH_ARCHIVE (a path under /tmp: when the file exists both databases are restored from it instead
 * of loaded, else the loaded data's archive is kept there, for re-runs).
 */
import { existsSync, rmSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { restoreArchive, writeArchive } from "../../src/db/backup.js";
import { openDatabase } from "../../src/db/connection.js";
import { DEMO_PASSWORD } from "../../src/domain/demo/demo-accounts.js";
import { buildDemoDataset } from "../../src/domain/demo/demo-data.js";
import { scaleDemo } from "../api/scale-demo.js";
import { freshDatabase, prepareDemoDatabase } from "../demo-database.js";
import { ensureCompiled, serveInChild } from "../serve.js";
import { writeSection } from "../write-section.js";

type Kind = "sqlite" | "postgres";

const factor = Number(process.env.BENCH_FACTOR ?? 214);
const pgAdmin = process.env.BENCH_PG ?? "postgres://root@127.0.0.1/postgres";
const pgLoad = (process.env.BENCH_PG_LOAD ?? "restore") as "restore" | "demo" | "both";
/** An archive under /tmp to start from instead of `loadDemo` (written by the first run that names it). */
const kept = process.env.BENCH_ARCHIVE || undefined;
/** A GET slower than this counts as failed (a page nobody would wait for). */
const TIMEOUT_MS = 300_000;
const HEADING = "## Province size (`npm run bench:province`)";

const load1 = () => loadavg()[0]!.toFixed(1);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const kb = (n: number) =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(2)} MB`
    : n >= 10 * 1024
      ? `${int(n / 1024)} kB`
      : `${(n / 1024).toFixed(1)} kB`;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Answer {
  readonly status: number;
  readonly ms: number;
  /** Bytes on the wire (gzip when the server compressed). */
  readonly wire: number;
  /** Bytes of the decoded body. */
  readonly bytes: number;
  readonly gzip: boolean;
  readonly body: Buffer;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** A signed-in session: its cookie, and the CSRF token writes echo. */
interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

async function signIn(base: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie()[0]!.split(";")[0]!, csrf: csrfToken };
}

/** One request as a browser sends it (accepts gzip), timed to its last byte; the body decoded. */
function request(
  base: string,
  path: string,
  session: Session,
  method = "GET",
  body?: { type: string; data: Buffer | string },
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const headers: Record<string, string> = { cookie: session.cookie, "accept-encoding": "gzip" };
    if (method !== "GET") headers["x-csrf-token"] = session.csrf;
    if (body) headers["content-type"] = body.type;
    const req = http.request(`${base}${path}`, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const ms = performance.now() - started;
        const raw = Buffer.concat(chunks);
        const gzip = res.headers["content-encoding"] === "gzip";
        const decoded = gzip ? gunzipSync(raw) : raw;
        resolve({
          status: res.statusCode ?? 0,
          ms,
          wire: raw.length,
          bytes: decoded.length,
          gzip,
          body: decoded,
        });
      });
      res.on("error", (e) => fail(e));
    });
    const fail = (e: Error) =>
      resolve({
        status: 0,
        ms: performance.now() - started,
        wire: 0,
        bytes: 0,
        gzip: false,
        body: Buffer.from(String(e)),
      });
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer in ${TIMEOUT_MS / 1000} s`)));
    req.on("error", fail);
    req.end(body?.data);
  });
}

const json = (a: Answer): unknown => {
  try {
    return JSON.parse(a.body.toString("utf8"));
  } catch {
    return undefined;
  }
};
const excerpt = (a: Answer) =>
  a.body.toString("utf8").slice(0, 200).replace(/\s+/g, " ").replace(/\|/g, "\\|");

// ---------------------------------------------------------------------------------------------
// Loading

interface Loaded {
  readonly url: string;
  readonly drop: () => Promise<void>;
  /** What was timed, e.g. "`loadDemo`: 312.4 s (load 3.1)". */
  readonly times: string[];
}

const dataset = () => scaleDemo(buildDemoDataset(), factor);
const dbName = (what: string) => `guatu_province_${what}_${process.pid}`;

async function timed<T>(what: () => Promise<T>): Promise<{ value: T; ms: number; load: string }> {
  const t = performance.now();
  const value = await what();
  return { value, ms: performance.now() - t, load: load1() };
}

/** Restores `file` into a fresh database of `kind`; how long it took. */
async function restoreInto(kind: Kind, file: string, what: string) {
  const target = await freshDatabase(kind, dbName(kind), pgAdmin);
  const database = openDatabase(
    kind === "sqlite" ? { kind, url: target.url, path: target.url.slice(7) } : { kind, url: target.url },
  );
  const restored = await timed(() => restoreArchive(database, file));
  await database.close();
  return {
    ...target,
    time: `\`restoreArchive\` of ${what} (verify, migrate, insert in one transaction, re-checksum): ${seconds(restored.ms)} (load ${restored.load})`,
  };
}

async function loadSqlite(): Promise<Loaded> {
  if (kept && existsSync(kept)) {
    log(`restoring SQLite from ${kept}…`);
    const r = await restoreInto("sqlite", kept, `BENCH_ARCHIVE (${kept})`);
    return { url: r.url, drop: r.drop, times: [r.time] };
  }
  log(`loading SQLite (×${factor}) through loadDemo…`);
  const { value, ms, load } = await timed(() =>
    prepareDemoDatabase("sqlite", { name: dbName("sqlite"), pgAdmin, dataset: dataset() }),
  );
  return {
    ...value,
    times: [`\`loadDemo\` (migrate, then every record through its service): ${seconds(ms)} (load ${load})`],
  };
}

/**
 * The archive of the freshly loaded SQLite database (before its server writes anything), for
 * PostgreSQL to restore: the same data, one transaction of batched inserts.
 */
async function archiveOf(sqliteUrl: string): Promise<{ file: string; time: string }> {
  if (kept && existsSync(kept)) return { file: kept, time: "the same archive" };
  log("writing the SQLite archive…");
  const file = kept ?? join(tmpdir(), `${dbName("archive")}.guatu.gz`);
  const source = openDatabase({ kind: "sqlite", url: sqliteUrl, path: sqliteUrl.slice(7) });
  const written = await timed(() => writeArchive(source, file));
  await source.close();
  return {
    file,
    time: `\`writeArchive\` of the SQLite database: ${seconds(written.ms)} (load ${written.load})`,
  };
}

async function loadPostgres(archive: { file: string; time: string } | null): Promise<Loaded> {
  const times: string[] = [];
  let demo: { url: string; drop: () => Promise<void> } | undefined;
  if (pgLoad === "demo" || pgLoad === "both") {
    log(`loading PostgreSQL (×${factor}) through loadDemo…`);
    const r = await timed(() =>
      prepareDemoDatabase("postgres", { name: dbName("pgdemo"), pgAdmin, dataset: dataset() }),
    );
    demo = r.value;
    times.push(`\`loadDemo\`: ${seconds(r.ms)} (load ${r.load})`);
  }
  if (!archive) return { ...demo!, times };
  times.push(archive.time);
  log("restoring it into PostgreSQL…");
  const target = await restoreInto("postgres", archive.file, "it");
  times.push(target.time);
  return {
    url: target.url,
    drop: async () => {
      await target.drop();
      await demo?.drop();
    },
    times,
  };
}

// ---------------------------------------------------------------------------------------------
// Pages

interface PageRow {
  readonly db: Kind;
  readonly page: string;
  readonly path: string;
  readonly cold: Answer;
  readonly warm: Answer;
  readonly load: string;
}

/** In this order after start: each page's summary is its first answer, then its details and the full read. */
const PAGES: readonly (readonly [string, string])[] = [
  ["overview summary", "/api/v1/overview/summary"],
  ["overview, task forces page 1", "/api/v1/overview/task-forces?limit=100"],
  ["overview, one task force's indicators", "/api/v1/overview/indicators?taskForceId=tf-01"],
  ["overview (full)", "/api/v1/overview"],
  ["battle map outline", "/api/v1/battle-map?outline=true"],
  ["battle map, one task force", "/api/v1/battle-map?taskForceId=tf-01"],
  ["battle map (full)", "/api/v1/battle-map"],
  ["dispatch summary", "/api/v1/dispatch-report/summary"],
  ["dispatch, one task force", "/api/v1/dispatch-report?taskForceId=tf-01"],
  ["dispatch report (full)", "/api/v1/dispatch-report"],
  ["check", "/api/v1/check"],
];
/**
 * Read again after one progress report (a change in one task force): what every user waits for after
 * anyone's write, as the pages above are what the first user waits for after a start.
 */
const AFTER_A_CHANGE: readonly (readonly [string, string])[] = [
  ["overview summary, after one progress report", "/api/v1/overview/summary"],
  ["dispatch summary, after it", "/api/v1/dispatch-report/summary"],
  ["battle map outline, after it", "/api/v1/battle-map?outline=true"],
  ["check, after it", "/api/v1/check"],
];

/** One progress report on an in-progress task (percent up by one), as a task-force member would send it. */
async function reportProgress(base: string, session: Session): Promise<Answer> {
  const [task] =
    (
      json(await request(base, "/api/v1/tasks?limit=1&sort=code&status=in_progress", session)) as {
        items?: { id: string; percent: number }[];
      }
    )?.items ?? [];
  const summary = json(await request(base, "/api/v1/overview/summary", session)) as { statusDate?: string };
  if (!task || !summary?.statusDate) throw new Error("no in-progress task or status date to report on");
  const body = {
    taskId: task.id,
    reportDate: summary.statusDate,
    percent: Math.min(99, task.percent + 1),
    narrative: "省级规模基准：调度",
  };
  const answer = await request(base, "/api/v1/progress-reports", session, "POST", {
    type: "application/json",
    data: JSON.stringify(body),
  });
  if (answer.status >= 300) throw new Error(`progress report: ${answer.status} ${excerpt(answer)}`);
  return answer;
}

/** The assessment page's ranking: the snapshots as the web app reads them (`fetchAssessments`). */
const RANKING: readonly [string, string] = ["ranking (assessments)", "/api/v1/assessments?limit=100"];

async function page(db: Kind, base: string, session: Session, [name, path]: readonly [string, string]) {
  const load = load1();
  const cold = await request(base, path, session);
  const warm = await request(base, path, session);
  log(`  ${name}: ${cold.status} ${kb(cold.bytes)} ${int(cold.ms)} ms cold, ${int(warm.ms)} ms warm`);
  return { db, page: name, path, cold, warm, load };
}

// ---------------------------------------------------------------------------------------------
// Records the sweep needs an id of that the demo does not hold

interface Fixture {
  readonly what: string;
  readonly answer: Answer;
}

async function createFixtures(
  base: string,
  session: Session,
  made: Fixture[],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const first = async (path: string) =>
    ((json(await request(base, path, session)) as { items?: { id: string; taskForceId: string }[] })?.items ??
      [])[0];
  const task = await first("/api/v1/tasks?limit=1&sort=code&status=in_progress");
  const record = async (what: string, resource: string, answer: Answer) => {
    made.push({ what, answer });
    const id = (json(answer) as { id?: string } | undefined)?.id;
    if (answer.status < 300 && id) ids[resource] = id;
  };
  const post = (path: string, body?: unknown) =>
    request(
      base,
      path,
      session,
      "POST",
      body === undefined ? undefined : { type: "application/json", data: JSON.stringify(body) },
    );
  await record(
    "POST /api/v1/assessments (a snapshot of every task force)",
    "assessments",
    await post("/api/v1/assessments"),
  );
  if (!task) return ids;
  await record(
    "POST /api/v1/comments",
    "comments",
    await post("/api/v1/comments", {
      taskForceId: task.taskForceId,
      taskId: task.id,
      body: "省级规模基准",
    }),
  );
  await record(
    "POST /api/v1/tasks/{id}/extension-requests",
    "extension-requests",
    await post(`/api/v1/tasks/${encodeURIComponent(task.id)}/extension-requests`, {
      requestedDeadline: "2023-06-30",
      reason: "省级规模基准",
    }),
  );
  await record(
    "POST /api/v1/attachments",
    "attachments",
    await request(
      base,
      `/api/v1/attachments?taskId=${encodeURIComponent(task.id)}&name=bench.txt`,
      session,
      "POST",
      {
        type: "text/plain",
        data: "省级规模基准\n",
      },
    ),
  );
  return ids;
}

// ---------------------------------------------------------------------------------------------
// The sweep: every GET of the OpenAPI document

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: { maximum?: number; default?: unknown; enum?: unknown[]; pattern?: string };
}
interface SweepRow {
  readonly route: string;
  readonly url: string;
  readonly answer: Answer;
}

/** A value for a required query parameter. */
function queryValue(p: Parameter): string {
  if (p.name === "q") return "招商";
  if (p.schema?.enum?.length) return String(p.schema.enum[0]);
  if (p.schema?.default !== undefined) return String(p.schema.default);
  if (p.schema?.pattern?.includes("\\d{4}-")) return "2022-08-15";
  return "1";
}

async function sweep(base: string, session: Session, fixtures: Record<string, string>): Promise<SweepRow[]> {
  const doc = json(await request(base, "/api/v1/openapi.json", session)) as {
    paths: Record<string, { get?: { parameters?: Parameter[] } }>;
  };
  const lists = new Map<string, unknown[]>();
  /** The first item of the list at `path` (a GET of the document, else none): its `field`. */
  const firstOf = async (template: string, path: string, field: string): Promise<string | undefined> => {
    if (!doc.paths[template]?.get) return undefined;
    if (!lists.has(path)) {
      const body = json(await request(base, path, session));
      lists.set(
        path,
        Array.isArray(body) ? body : ((body as { items?: unknown[] } | undefined)?.items ?? []),
      );
    }
    const item = lists.get(path)![0] as Record<string, unknown> | undefined;
    return item?.[field] === undefined ? undefined : String(item[field]);
  };
  const rows: SweepRow[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    if (!ops.get) continue;
    const params = ops.get.parameters ?? [];
    let path = template;
    let missing: string | undefined;
    for (const p of params.filter((x) => x.in === "path")) {
      const at = `/{${p.name}}`;
      const prefix = template.slice(0, template.indexOf(at));
      const resource = prefix.split("/").at(-1)!;
      const value =
        (await firstOf(prefix, path.slice(0, path.indexOf(at)), p.name)) ??
        (p.name === "id" ? fixtures[resource] : undefined);
      if (value === undefined) {
        missing = `no ${resource} to take {${p.name}} from`;
        break;
      }
      path = path.replace(`{${p.name}}`, encodeURIComponent(value));
    }
    const query = params
      .filter((x) => x.in === "query" && x.required)
      .map((x) => `${x.name}=${encodeURIComponent(queryValue(x))}`);
    const url = (extra: string[]) => (extra.length ? `${path}?${extra.join("&")}` : path);
    const limit = params.find((x) => x.in === "query" && x.name === "limit")?.schema?.maximum;
    const variants = [url(query), ...(limit ? [url([...query, `limit=${limit}`])] : [])];
    for (const u of variants) {
      const route = `GET ${template}${u.includes("limit=") ? `?limit=${limit}` : ""}`;
      const answer = missing
        ? { status: 0, ms: 0, wire: 0, bytes: 0, gzip: false, body: Buffer.from(missing) }
        : await request(base, u, session);
      if (answer.status < 200 || answer.status >= 300) log(`  ${route}: ${answer.status} ${excerpt(answer)}`);
      rows.push({ route, url: u, answer });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------

interface DbResult {
  readonly kind: Kind;
  readonly load: string[];
  readonly start: string;
  /** From listening to the first pages rendered ahead (`readModels: ready`). */
  readonly warmUp: string;
  readonly counts: string;
  readonly pages: PageRow[];
  readonly fixtures: Fixture[];
  readonly sweep: SweepRow[];
  readonly sweepLoad: [string, string];
  readonly sweepMs: number;
}

async function run(kind: Kind, db: Loaded): Promise<DbResult> {
  ensureCompiled(); // not part of the start time
  const t = performance.now();
  // Without the worker: its first reminder tick lands seconds after start (about 1,300 chases at
  // factor 214), moves the data revision and would have the pages rendered before it rendered again.
  const { base, stop } = await serveInChild(db.url, ["--no-worker"]);
  const listening = performance.now();
  const start = `${seconds(listening - t)} (load ${load1()})`;
  // The server renders the first pages ahead after it starts listening (src/http/warm-up.ts); the
  // first answers below are those after it, as a reader arriving a little after a restart gets them.
  while (
    ((await (await fetch(`${base}/api/v1/health`)).json()) as { readModels: string }).readModels !== "ready"
  )
    await new Promise((r) => setTimeout(r, 50));
  const warmUp = `${seconds(performance.now() - listening)} (load ${load1()})`;
  try {
    const session = await signIn(base);
    const count = async (path: string) =>
      (json(await request(base, `${path}?limit=1`, session)) as { total?: number })?.total ?? 0;
    const counts = `${int(await count("/api/v1/task-forces"))} task forces, ${int(await count("/api/v1/tasks"))} tasks`;
    log(`${kind}: ${counts}; pages…`);
    const pages: PageRow[] = [];
    for (const p of PAGES) pages.push(await page(kind, base, session, p));
    const fixtures: Fixture[] = [];
    fixtures.push({
      what: "POST /api/v1/progress-reports (one task)",
      answer: await reportProgress(base, session),
    });
    for (const p of AFTER_A_CHANGE) pages.push(await page(kind, base, session, p));
    const ids = await createFixtures(base, session, fixtures);
    pages.push(await page(kind, base, session, RANKING));
    log(`${kind}: the sweep…`);
    const before = load1();
    const s = performance.now();
    const rows = await sweep(base, session, ids);
    return {
      kind,
      load: db.times,
      start,
      warmUp,
      counts,
      pages,
      fixtures,
      sweep: rows,
      sweepLoad: [before, load1()],
      sweepMs: performance.now() - s,
    };
  } finally {
    await stop();
  }
}

async function postgresVersion(): Promise<string> {
  const c = new pg.Client({ connectionString: pgAdmin });
  await c.connect();
  const { rows } = await c.query<{ server_version: string }>("show server_version");
  await c.end();
  return rows[0]!.server_version.split(" ")[0]!;
}

const ok = (a: Answer) => a.status >= 200 && a.status < 300;

/** Issue 18's budgets: the overview's and dispatch report's first answers under 1 MB, check and dispatch report under 500 ms. */
function targets(results: DbResult[]): string {
  const verdict = (met: boolean) => (met ? "met" : "**not met**");
  const lines = results.flatMap((r) => {
    const of = (name: string) => r.pages.find((p) => p.page === name)!;
    const size = (name: string) =>
      `${name} ${kb(of(name).cold.bytes)} (${verdict(of(name).cold.bytes < 1024 * 1024)})`;
    const time = (name: string) =>
      `${name} ${int(of(name).cold.ms)} / ${int(of(name).warm.ms)} ms (${verdict(of(name).cold.ms < 500)})`;
    return [
      `- ${r.kind}: under 1 MB uncompressed — ${size("overview summary")}, ${size("dispatch summary")}; under 500 ms, first / second answer — ${time("check")}, ${time("dispatch summary")}, ${time("dispatch, one task force")}; after one progress report — ${AFTER_A_CHANGE.map(([name]) => time(name)).join(", ")}.`,
    ];
  });
  return ["Against the budgets of issue 18 (sizes uncompressed; times of the first answer):", ...lines].join(
    "\n",
  );
}

function report(results: DbResult[], started: Date, startLoad: string, pgVersion: string | null): string {
  const cpu = cpus();
  const size = (a: Answer) => `${kb(a.bytes)}${a.gzip ? ` (gzip ${kb(a.wire)})` : ""}`;
  const pageTable = [
    "| database | page | GET | status | bytes (gzip on the wire) | first answer ms | second ms | load |",
    "|---|---|---|---|---:|---:|---:|---:|",
    ...results.flatMap((r) =>
      r.pages.map(
        (p) =>
          `| ${p.db} | ${p.page} | \`${p.path}\` | ${p.cold.status} | ${size(p.cold)} | ${int(p.cold.ms)} | ${int(p.warm.ms)} | ${p.load} |`,
      ),
    ),
  ].join("\n");
  const perDb = results.map((r) => {
    const failed = r.sweep.filter((x) => !ok(x.answer));
    const routes = new Set(r.sweep.map((x) => x.route.replace(/\?limit=\d+$/, ""))).size;
    const slowest = [...r.sweep].sort((a, b) => b.answer.ms - a.answer.ms).slice(0, 10);
    return [
      `**${r.kind}** (${r.counts}). Load: ${r.load.join("; ")}. Server start to listening: ${r.start}; then the first pages rendered ahead (\`readModels: ready\`) in ${r.warmUp}.`,
      `Records made for the sweep: ${r.fixtures.map((f) => `${f.what} → ${f.answer.status} in ${int(f.answer.ms)} ms`).join("; ")}.`,
      "",
      `Sweep: ${routes} GET routes, ${r.sweep.length} requests (lists also at their maximum \`limit\`) in ${seconds(r.sweepMs)}, load ${r.sweepLoad[0]} → ${r.sweepLoad[1]}: ${
        failed.length === 0
          ? "**every answer 2xx**."
          : `**${failed.length} not 2xx**:\n\n${failed.map((f) => `- \`${f.url}\` → ${f.answer.status}: ${excerpt(f.answer)}`).join("\n")}`
      }`,
      "",
      "| slowest GETs | status | bytes | ms |",
      "|---|---|---:|---:|",
      ...slowest.map(
        (x) => `| \`${x.url}\` | ${x.answer.status} | ${size(x.answer)} | ${int(x.answer.ms)} |`,
      ),
    ].join("\n");
  });
  return [
    `**Command:** \`npm run bench:province\` (BENCH_FACTOR=${factor}, BENCH_PG=${pgAdmin === "off" ? "off" : pgAdmin}, BENCH_PG_LOAD=${pgLoad}).`,
    `**Machine:** ${cpu.length} cores (${cpu[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node.js ${process.version}${pgVersion ? `, PostgreSQL ${pgVersion} on 127.0.0.1` : ""}.`,
    `**Date:** ${started.toISOString().slice(0, 16).replace("T", " ")}–${new Date().toISOString().slice(11, 16)} UTC; load average (1 min) ${startLoad} at the start, ${load1()} at the end, and beside each figure below.`,
    "",
    `**What is measured** (\`bench/province/run.ts\`): the demo district with its task forces copied ${factor} times (\`scaleDemo\`), served by the compiled \`guatu serve --no-worker\` in its own process (log level warn; with the in-process worker, its first daily reminder tick about 10 s after start writes about 1,300 chases at factor 214, which moves the data revision, so the pages first rendered before it are rendered again on their second request), signed in as the demo admin. Each page's first answer after the server started and rendered its first pages ahead (the overview summary, the dispatch summary, the battle-map outline and the check, as \`guatu serve\` does after it starts listening; the bench waits for \`GET /api/v1/health\` to say \`readModels: ready\`) (in the order below; the ranking after an assessment snapshot is taken) and its second, timed to the last byte by a client that accepts gzip as a browser does; then one progress report on an in-progress task (a change in one task force: POST /api/v1/progress-reports, percent up by one) and the pages marked "after" read again, first and second answer. Then every GET of the OpenAPI document once, path parameters taken from the first item of the matching list, \`q=招商\` for search.`,
    "",
    pageTable,
    "",
    targets(results),
    "",
    ...perDb.flatMap((d) => [d, ""]),
  ].join("\n");
}

async function main() {
  const started = new Date();
  const startLoad = load1();
  const kinds: Kind[] = pgAdmin === "off" ? ["sqlite"] : ["sqlite", "postgres"];
  const pgVersion = kinds.includes("postgres") ? await postgresVersion() : null;
  const results: DbResult[] = [];
  const sqlite = await loadSqlite();
  const archive = kinds.includes("postgres") && pgLoad !== "demo" ? await archiveOf(sqlite.url) : null;
  try {
    results.push(await run("sqlite", sqlite));
    if (kinds.includes("postgres")) {
      const postgres = await loadPostgres(archive);
      try {
        results.push(await run("postgres", postgres));
      } finally {
        await postgres.drop();
      }
    }
  } finally {
    await sqlite.drop();
    if (archive && archive.file !== kept) rmSync(archive.file, { force: true });
    agent.destroy();
  }
  const text = report(results, started, startLoad, pgVersion);
  process.stdout.write(`${text}\n`);
  writeSection(HEADING, text);
  const failed = results.flatMap((r) => r.sweep.filter((x) => !ok(x.answer)));
  if (failed.length > 0 || results.some((r) => r.pages.some((p) => !ok(p.cold) || !ok(p.warm))))
    process.exitCode = 1;
}

await main();
