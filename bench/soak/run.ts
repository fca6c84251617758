/**
 * `npm run bench:soak` — the concurrency soak (issue 17): two compiled `guatu serve` processes on one
 * fresh PostgreSQL database holding the demo district, the first with the background worker, the
 * second `--no-worker` (as a deployment of two instances runs them). No proxy: the clients send each
 * request to the next instance in turn (one round-robin counter shared by all clients). BENCH_CLIENTS
 * clients run a mixed load for BENCH_MINUTES: task edits at the version read just before (half of
 * them on six hot tasks, so several clients contend and some lose), progress reports, supervision
 * transitions and escalations (contended too), comments, and reads (battle map, overview, a task force
 * in full, lists, the dispatch report), signed in as the demo account each action suits.
 *
 * Checks, each failing the run (exit 1): no 5xx and no network error; every refused write a 409
 * `STALE_VERSION`; every success visible afterwards (versions, fields, created records); audit
 * entries added = the successful writes, one each, plus one per task change a report makes; RSS
 * drift after the warm-up under 10 %. Every minute: p50/p99 of reads and writes, req/s, each
 * server's RSS, the load average. Writes its section of docs/benchmarks.md (BENCH_DOC=off: not).
 * Options (env): BENCH_CLIENTS (default 50), BENCH_MINUTES (default 10), BENCH_THINK_MS (mean pause
 * between a client's actions, default 100), BENCH_PG (a server URL, default
 * postgres://root@127.0.0.1/postgres).
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { DEMO_PASSWORD } from "../../src/domain/demo/demo-accounts.js";
import { buildDemoDataset } from "../../src/domain/demo/demo-data.js";
import { prepareDemoDatabase } from "../demo-database.js";
import { serveInChild } from "../serve.js";
import { writeSection } from "../write-section.js";

const clients = Number(process.env.BENCH_CLIENTS ?? 50);
const minutes = Number(process.env.BENCH_MINUTES ?? 10);
const thinkMs = Number(process.env.BENCH_THINK_MS ?? 100);
const pgAdmin = process.env.BENCH_PG ?? "postgres://root@127.0.0.1/postgres";
const writeDoc = process.env.BENCH_DOC !== "off";

const HEADING = "## Soak: two instances on PostgreSQL (`npm run bench:soak`)";
/**
 * The warm-up left out of the RSS drift: at least 2 minutes and, since V8 grows its heap (and JIT
 * code) with the work done rather than with time, until this many requests have been answered
 * (both instances together). On the shared 2-core machine the servers' RSS levelled off after
 * about 10,000–30,000 requests, which took 2 to 8 minutes depending on what else ran.
 */
const WARM_UP_MINUTES = 2;
const warmUpRequests = Number(process.env.BENCH_WARMUP_REQUESTS ?? 20_000);
/** Minutes after the warm-up the drift needs to mean anything. */
const MEASURED_MINUTES = 3;
const DRIFT_LIMIT = 0.1;
const SESSIONS_PER_ACCOUNT = 3;
const RSS_EVERY_MS = 5000;
/** Mix of a client's actions (cumulative thresholds of one random draw). */
const MIX = { read: 0.45, edit: 0.65, report: 0.75, transition: 0.9 } as const;

const dataset = buildDemoDataset();
const STATUS_DATE = dataset.statusDate;

// ---------------------------------------------------------------------------------------------
// The HTTP client: sessions, the round-robin and the record of every answer

type Account = "admin" | "supervisor" | "leader" | "lead" | "member" | "viewer";

interface Me {
  personId: string | null;
  leadTaskForceIds: string[];
  ownTaskForceIds: string[];
}

interface Sample {
  /** ms since the load began, at the answer. */
  at: number;
  ms: number;
  op: string;
  write: boolean;
  /** 0: no answer (network error). */
  status: number;
  code: string | null;
  /** Length of the answer's text (decompressed). */
  chars: number;
}

interface Answer<T> {
  status: number;
  body: T;
  code: string | null;
}

let bases: string[] = [];
let turn = 0;
let t0 = 0;
const samples: Sample[] = [];
const failures: string[] = [];
const failureCount = { server: 0, bench: 0 };

function errorCode(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const e = body.error;
  return typeof e === "object" && e !== null && "code" in e ? String(e.code) : null;
}

class Session {
  constructor(
    readonly account: Account,
    private readonly cookie: string,
    private readonly csrfToken: string,
    readonly me: Me,
  ) {}

  static async login(account: Account): Promise<Session> {
    const base = bases[turn++ % bases.length]!;
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: account, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${account}: ${res.status} ${await res.text()}`);
    const info = (await res.json()) as Me & { csrfToken: string };
    const cookie = res.headers.getSetCookie()[0]?.split(";")[0];
    if (!cookie || !info.csrfToken) throw new Error(`login ${account}: no session cookie or CSRF token`);
    return new Session(account, cookie, info.csrfToken, info);
  }

  /** One request to the next instance; recorded under `op` unless `op` is null (the checks' reads). */
  async call<T>(
    method: "GET" | "POST" | "PATCH",
    path: string,
    body: unknown,
    op: string | null,
    /** Whether the caller reads the body; a read's 200 body is not parsed, sparing this process the CPU. */
    needBody = true,
  ): Promise<Answer<T>> {
    const write = method !== "GET";
    const instance = turn++ % bases.length;
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method !== "GET") headers["x-csrf-token"] = this.csrfToken;
    if (body !== undefined) headers["content-type"] = "application/json";
    const started = performance.now();
    let status = 0;
    let text = "";
    let parsed: unknown = null;
    try {
      const res = await fetch(`${bases[instance]}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      status = res.status;
      text = await res.text();
      if (text && (needBody || status !== 200)) parsed = JSON.parse(text);
    } catch (e) {
      text ||= String(e);
    }
    const code = errorCode(parsed);
    if (op !== null)
      samples.push({
        at: performance.now() - t0,
        ms: performance.now() - started,
        op,
        write,
        status,
        code,
        chars: text.length,
      });
    if (status === 0 || status >= 500) {
      failureCount.server++;
      if (failures.length < 8)
        failures.push(
          `${method} ${path} on instance ${instance + 1}: ${status || "no answer"} ${text.slice(0, 600)}`,
        );
    }
    return { status, body: parsed as T, code };
  }
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

// ---------------------------------------------------------------------------------------------
// The demo's records the load works on, and what each client saw succeed

interface TaskRow {
  id: string;
  taskForceId: string;
  parentId: string | null;
  code: string;
  title: string;
  duration: number | null;
  version: number;
  status: string;
  percent: number;
  responsiblePersonId: string | null;
}
interface ItemRow {
  id: string;
  taskForceId: string;
  state: string;
  version: number;
}

interface EditTarget {
  task: TaskRow;
  /** Each success: the version it answered and what it set. */
  wins: { version: number; title: string; duration: number }[];
}
interface ReportTarget {
  task: TaskRow;
  owner: number;
  /** The percent of the last report that succeeded (the task's, to begin with). */
  percent: number;
  reports: { id: string; percent: number }[];
}
interface ItemTarget {
  item: ItemRow;
  wins: { version: number; state: string }[];
}

interface World {
  sessions: Record<Account, Session[]>;
  taskForces: string[];
  leavesOf: Map<string, TaskRow[]>;
  edits: EditTarget[];
  hot: EditTarget[];
  reports: ReportTarget[];
  items: ItemTarget[];
  comments: { id: string; body: string }[];
}

const sessionOf = (w: World, account: Account, c: number): Session =>
  w.sessions[account][c % SESSIONS_PER_ACCOUNT]!;

async function prepareWorld(): Promise<World> {
  const sessions = {} as Record<Account, Session[]>;
  for (const account of ["admin", "supervisor", "leader", "lead", "member", "viewer"] as const) {
    sessions[account] = [];
    for (let k = 0; k < SESSIONS_PER_ACCOUNT; k++) sessions[account].push(await Session.login(account));
  }
  const admin = sessions.admin[0]!;
  const list = async <T>(path: string): Promise<T[]> => {
    const a = await admin.call<{ items: T[] }>("GET", path, undefined, null);
    if (a.status !== 200) throw new Error(`GET ${path}: ${a.status} ${JSON.stringify(a.body)}`);
    return a.body.items;
  };
  const taskForces = (await list<{ id: string }>("/api/v1/task-forces?limit=100")).map((t) => t.id).sort();
  const leavesOf = new Map<string, TaskRow[]>();
  for (const tf of taskForces) {
    const tasks = await list<TaskRow>(`/api/v1/tasks?taskForceId=${tf}&limit=1000`);
    const parents = new Set(tasks.map((t) => t.parentId));
    leavesOf.set(
      tf,
      tasks.filter((t) => !parents.has(t.id)),
    );
  }
  const leaves = [...leavesOf.values()].flat();
  // Edited: leaves not started (no report moves them); reported: leaves under way, well short of 100 %.
  const edits = leaves
    .filter((t) => t.status === "not_started" && (t.duration ?? 0) > 0)
    .map((task) => ({ task, wins: [] }));
  const leadTf = sessions.lead[0]!.me.leadTaskForceIds[0]!;
  const other = taskForces.find((tf) => tf !== leadTf)!;
  const hot = [
    ...edits.filter((e) => e.task.taskForceId === leadTf).slice(0, 3),
    ...edits.filter((e) => e.task.taskForceId === other).slice(0, 3),
  ];
  const reports = leaves
    .filter((t) => t.status === "in_progress" && t.percent <= 80)
    .map((task, j) => ({ task, owner: j % clients, percent: task.percent, reports: [] }));
  const items = (await list<ItemRow>("/api/v1/supervision-items?limit=100"))
    .filter((i) => i.state !== "verified")
    .map((item) => ({ item, wins: [] }));
  return { sessions, taskForces, leavesOf, edits, hot, reports, items, comments: [] };
}

// ---------------------------------------------------------------------------------------------
// The client's actions

async function editTask(w: World, c: number, k: number): Promise<void> {
  const target = Math.random() < 0.5 ? pick(w.hot) : pick(w.edits);
  const t = target.task;
  const lead = sessionOf(w, "lead", c);
  const s = lead.me.leadTaskForceIds.includes(t.taskForceId) ? lead : sessionOf(w, "admin", c);
  const now = await s.call<TaskRow>("GET", `/api/v1/tasks/${t.id}`, undefined, "read task (before an edit)");
  if (now.status !== 200) return;
  const title = `${t.title} ·${c}-${k}`;
  const duration = t.duration! + (k % 2);
  const a = await s.call<TaskRow>(
    "PATCH",
    `/api/v1/tasks/${t.id}`,
    { title, duration, version: now.body.version },
    "edit task",
  );
  if (a.status === 200) target.wins.push({ version: a.body.version, title, duration });
}

/** Each reported task has one client (its owner), so a report never lies below the one before. */
async function reportProgress(w: World, c: number, k: number): Promise<boolean> {
  const mine = w.reports.filter((r) => r.owner === c);
  if (mine.length === 0) return false;
  const target = pick(mine);
  const member = sessionOf(w, "member", c);
  const s = target.task.responsiblePersonId === member.me.personId ? member : sessionOf(w, "admin", c);
  // Half the reports repeat the percent (the task stays as it is), half move it up by one.
  const percent = Math.min(95, target.percent + (Math.random() < 0.5 ? 0 : 1));
  const a = await s.call<{ id: string }>(
    "POST",
    "/api/v1/progress-reports",
    { taskId: target.task.id, reportDate: STATUS_DATE, percent, narrative: `soak: client ${c}, report ${k}` },
    "progress report",
  );
  if (a.status === 201) {
    target.percent = percent;
    target.reports.push({ id: a.body.id, percent });
  }
  return true;
}

async function moveItem(w: World, c: number, k: number): Promise<void> {
  const target = pick(w.items);
  const id = target.item.id;
  const supervisor = sessionOf(w, "supervisor", c);
  const now = await supervisor.call<ItemRow>(
    "GET",
    `/api/v1/supervision-items/${id}`,
    undefined,
    "read supervision item (before a transition)",
  );
  if (now.status !== 200) return;
  const { version, state } = now.body;
  const lead = sessionOf(w, "lead", c);
  const answerer = lead.me.leadTaskForceIds.includes(target.item.taskForceId)
    ? lead
    : sessionOf(w, "admin", c);
  const note = `soak: client ${c}, step ${k}`;
  let step: { action: string; s: Session; body: object } | undefined;
  if (Math.random() < 0.2)
    step = {
      action: "escalate",
      s: k % 2 ? sessionOf(w, "leader", c) : supervisor,
      body: { version, date: STATUS_DATE, note },
    };
  // Never `verify`: a verified item leaves the cycle open → rectifying → submitted → (returned) …
  else if (state === "open") step = { action: "start", s: answerer, body: { version, date: STATUS_DATE } };
  else if (state === "rectifying")
    step = { action: "submit", s: answerer, body: { version, date: STATUS_DATE, rectification: note } };
  else if (state === "submitted")
    step = { action: "return", s: supervisor, body: { version, date: STATUS_DATE, note } };
  if (!step) return;
  const a = await step.s.call<ItemRow>(
    "POST",
    `/api/v1/supervision-items/${id}/${step.action}`,
    step.body,
    step.action === "escalate" ? "escalate supervision item" : "supervision transition",
  );
  if (a.status === 200) target.wins.push({ version: a.body.version, state: a.body.state });
}

async function comment(w: World, c: number, k: number): Promise<void> {
  const tf = pick(w.taskForces);
  const lead = sessionOf(w, "lead", c);
  const s = lead.me.ownTaskForceIds.includes(tf)
    ? pick([sessionOf(w, "member", c), lead])
    : pick([sessionOf(w, "supervisor", c), sessionOf(w, "leader", c), sessionOf(w, "admin", c)]);
  const task = Math.random() < 0.5 ? pick(w.leavesOf.get(tf)!) : undefined;
  const body = `soak: client ${c}, comment ${k}`;
  const a = await s.call<{ id: string }>(
    "POST",
    "/api/v1/comments",
    { taskForceId: tf, taskId: task?.id ?? null, body },
    "comment",
  );
  if (a.status === 201) w.comments.push({ id: a.body.id, body });
}

async function read(w: World, c: number): Promise<void> {
  const account = pick<Account>(["admin", "supervisor", "leader", "lead", "member", "viewer"]);
  const s = sessionOf(w, account, c);
  const own = s.me.ownTaskForceIds;
  const tf =
    account === "lead" || account === "member" || account === "viewer" ? pick(own) : pick(w.taskForces);
  const paths: [string, string][] = [
    ["battle map", "/api/v1/battle-map"],
    ["battle map", `/api/v1/battle-map?taskForceId=${tf}`],
    ["overview", "/api/v1/overview"],
    ["task force in full", `/api/v1/task-forces/${tf}/full`],
    ["list tasks", `/api/v1/tasks?taskForceId=${tf}&limit=200`],
    ["list supervision items", `/api/v1/supervision-items?taskForceId=${tf}&limit=50`],
    ["list progress reports", `/api/v1/progress-reports?taskForceId=${tf}&limit=50`],
  ];
  // The dispatch report is the supervision office's (leads: their own task forces).
  if (account !== "member" && account !== "viewer")
    paths.push(["dispatch report", "/api/v1/dispatch-report"]);
  const [op, path] = pick(paths);
  await s.call("GET", path, undefined, op, false);
}

async function client(w: World, c: number, until: number): Promise<void> {
  for (let k = 0; performance.now() < until; k++) {
    const x = Math.random();
    try {
      if (x < MIX.read) await read(w, c);
      else if (x < MIX.edit) await editTask(w, c, k);
      else if (x < MIX.report) {
        // A client that reports on no task comments instead.
        if (!(await reportProgress(w, c, k))) await comment(w, c, k);
      } else if (x < MIX.transition) await moveItem(w, c, k);
      else await comment(w, c, k);
    } catch (e) {
      failureCount.bench++;
      if (failures.length < 8) failures.push(`client ${c}: ${(e as Error).stack ?? String(e)}`);
    }
    await sleep(Math.random() * 2 * thinkMs);
  }
}

// ---------------------------------------------------------------------------------------------
// Per-minute figures: latencies from the samples, RSS and load average sampled every 5 s

interface Probe {
  at: number;
  rss: number[];
  load: number;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (v: number) => (Number.isNaN(v) ? "–" : v < 10 ? v.toFixed(1) : String(Math.round(v)));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

interface MinuteRow {
  minute: number;
  requests: number;
  perSecond: number;
  read: [number, number];
  write: [number, number];
  ok: number;
  conflicts: number;
  errors: number;
  rss: number[];
  load: number;
  /** Mean length of a read's answer, KB. */
  readKb: number;
}

function minuteRows(probes: readonly Probe[], instances: number): MinuteRow[] {
  const count = Math.ceil(minutes);
  const rows: MinuteRow[] = [];
  for (let m = 0; m < count; m++) {
    const last = m === count - 1;
    const inMinute = (at: number) => at >= m * 60_000 && (last || at < (m + 1) * 60_000);
    const s = samples.filter((x) => inMinute(x.at));
    const p = probes.filter((x) => inMinute(x.at));
    const seconds = Math.min(60, minutes * 60 - m * 60);
    const lat = (write: boolean) => s.filter((x) => x.write === write).map((x) => x.ms);
    rows.push({
      minute: m + 1,
      requests: s.length,
      perSecond: s.length / seconds,
      read: [percentile(lat(false), 50), percentile(lat(false), 99)],
      write: [percentile(lat(true), 50), percentile(lat(true), 99)],
      ok: s.filter((x) => x.status >= 200 && x.status < 300).length,
      conflicts: s.filter((x) => x.status === 409).length,
      errors: s.filter((x) => x.status === 0 || x.status >= 500).length,
      rss: Array.from({ length: instances }, (_, i) => mean(p.map((x) => x.rss[i]!))),
      load: p.at(-1)?.load ?? Number.NaN,
      readKb: mean(s.filter((x) => !x.write).map((x) => x.chars)) / 1024,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The checks after the load

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

async function inBatches<T>(xs: readonly T[], fn: (x: T) => Promise<void>, width = 8): Promise<void> {
  for (let i = 0; i < xs.length; i += width) await Promise.all(xs.slice(i, i + width).map(fn));
}

/** Whether the versions a record's successes answered are exactly from+1 … from+n: no write lost or doubled. */
const contiguous = (versions: readonly number[], from: number) =>
  [...versions].sort((a, b) => a - b).every((v, i) => v === from + 1 + i);

async function checkVisible(w: World, reportDelta: Map<string, number>): Promise<Check> {
  const s = w.sessions.admin[0]!;
  const wrong: string[] = [];
  const note = (m: string) => {
    if (wrong.length < 10) wrong.push(m);
  };
  await inBatches(w.edits, async (e) => {
    const a = await s.call<TaskRow>("GET", `/api/v1/tasks/${e.task.id}`, undefined, null);
    const n = e.wins.length;
    if (a.status !== 200) return note(`task ${e.task.code}: GET ${a.status}`);
    if (a.body.version !== e.task.version + n)
      note(`task ${e.task.code}: version ${a.body.version}, expected ${e.task.version} + ${n} edits`);
    if (
      !contiguous(
        e.wins.map((x) => x.version),
        e.task.version,
      )
    )
      note(
        `task ${e.task.code}: successful edits answered versions ${e.wins.map((x) => x.version).join(",")}`,
      );
    const lastWin = e.wins.reduce<EditTarget["wins"][number] | undefined>(
      (best, x) => (!best || x.version > best.version ? x : best),
      undefined,
    );
    if (lastWin && (a.body.title !== lastWin.title || a.body.duration !== lastWin.duration))
      note(
        `task ${e.task.code}: holds "${a.body.title}"/${a.body.duration}, the last edit set "${lastWin.title}"/${lastWin.duration}`,
      );
  });
  await inBatches(w.reports, async (r) => {
    const a = await s.call<TaskRow>("GET", `/api/v1/tasks/${r.task.id}`, undefined, null);
    if (a.status !== 200) return note(`reported task ${r.task.code}: GET ${a.status}`);
    if (a.body.percent !== r.percent)
      note(`reported task ${r.task.code}: percent ${a.body.percent}, its last report said ${r.percent}`);
    reportDelta.set(r.task.id, a.body.version - r.task.version);
  });
  const created = w.reports.flatMap((r) => r.reports);
  await inBatches(created, async (r) => {
    const a = await s.call<{ percent: number }>("GET", `/api/v1/progress-reports/${r.id}`, undefined, null);
    if (a.status !== 200 || a.body.percent !== r.percent) note(`progress report ${r.id}: GET ${a.status}`);
  });
  await inBatches(w.comments, async (x) => {
    const a = await s.call<{ body: string }>("GET", `/api/v1/comments/${x.id}`, undefined, null);
    if (a.status !== 200 || a.body.body !== x.body) note(`comment ${x.id}: GET ${a.status}`);
  });
  await inBatches(w.items, async (t) => {
    const a = await s.call<ItemRow>("GET", `/api/v1/supervision-items/${t.item.id}`, undefined, null);
    const n = t.wins.length;
    if (a.status !== 200) return note(`supervision item ${t.item.id}: GET ${a.status}`);
    if (a.body.version !== t.item.version + n)
      note(`supervision item ${t.item.id}: version ${a.body.version}, expected ${t.item.version} + ${n}`);
    if (
      !contiguous(
        t.wins.map((x) => x.version),
        t.item.version,
      )
    )
      note(
        `supervision item ${t.item.id}: successes answered versions ${t.wins.map((x) => x.version).join(",")}`,
      );
    const lastWin = t.wins.reduce<ItemTarget["wins"][number] | undefined>(
      (best, x) => (!best || x.version > best.version ? x : best),
      undefined,
    );
    if (lastWin && a.body.state !== lastWin.state)
      note(`supervision item ${t.item.id}: state ${a.body.state}, its last success left it ${lastWin.state}`);
  });
  const edits = w.edits.reduce((n, e) => n + e.wins.length, 0);
  const moves = w.items.reduce((n, t) => n + t.wins.length, 0);
  return {
    name: "every success visible",
    ok: wrong.length === 0,
    detail:
      wrong.length === 0
        ? `${w.edits.length} edited tasks at version = first + successful edits (${edits}), versions contiguous, last edit's title and duration; ` +
          `${created.length} progress reports and ${w.comments.length} comments read back; ${w.reports.length} reported tasks at their last report's percent; ` +
          `${w.items.length} supervision items at version = first + successes (${moves}), state of the last success`
        : wrong.join("; "),
  };
}

async function auditIds(url: string): Promise<Set<string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return new Set((await c.query<{ id: string }>("SELECT id FROM audit_entries")).rows.map((r) => r.id));
  } finally {
    await c.end();
  }
}

/**
 * The rule: each successful write appends exactly one entry of its own record — `task/update` per
 * edit, `progress_report/create` per report, `comment/create` per comment, `supervision_item/
 * transition` per transition or escalation — and a report that changes its task (percent, status)
 * appends one `task/update` more (the task's own write path, which also bumps its version; so the
 * reported tasks' version increase counts those). Nothing else writes audit entries meanwhile.
 */
async function checkAudit(
  url: string,
  before: Set<string>,
  w: World,
  reportDelta: Map<string, number>,
): Promise<Check> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const rows = (
    await c.query<{ id: string; entity: string; entity_id: string; action: string }>(
      "SELECT id, entity, entity_id, action FROM audit_entries",
    )
  ).rows.filter((r) => !before.has(r.id));
  await c.end();
  const found = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.entity}/${r.action} ${r.entity_id}`;
    found.set(key, (found.get(key) ?? 0) + 1);
  }
  const expected = new Map<string, number>();
  const expect = (key: string, n: number) => {
    if (n > 0) expected.set(key, (expected.get(key) ?? 0) + n);
  };
  for (const e of w.edits) expect(`task/update ${e.task.id}`, e.wins.length);
  for (const r of w.reports) {
    expect(`task/update ${r.task.id}`, reportDelta.get(r.task.id) ?? 0);
    for (const x of r.reports) expect(`progress_report/create ${x.id}`, 1);
  }
  for (const x of w.comments) expect(`comment/create ${x.id}`, 1);
  for (const t of w.items) expect(`supervision_item/transition ${t.item.id}`, t.wins.length);
  const wrong = [...new Set([...found.keys(), ...expected.keys()])]
    .filter((k) => found.get(k) !== expected.get(k))
    .map((k) => `${k}: ${found.get(k) ?? 0} entries, expected ${expected.get(k) ?? 0}`);
  const writes = samples.filter((s) => s.write && s.status >= 200 && s.status < 300).length;
  const byReports = [...reportDelta.values()].reduce((a, b) => a + b, 0);
  return {
    name: "audit entries = successful writes",
    ok: wrong.length === 0 && rows.length === writes + byReports,
    detail:
      `${rows.length} entries added; ${writes} successful writes + ${byReports} task updates made by reports = ${writes + byReports}` +
      (wrong.length
        ? `; per record: ${wrong.slice(0, 10).join("; ")}${wrong.length > 10 ? ` … (${wrong.length})` : ""}`
        : "; every record's count matches"),
  };
}

// ---------------------------------------------------------------------------------------------

async function pgVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const v = (await c.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  await c.end();
  return v;
}

function countBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return new Map([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

const answers = (m: Map<string, number>) => [...m.entries()].map(([k, n]) => `${k}: ${n}`).join(", ");

async function main(): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = loadavg();
  process.stderr.write("preparing a PostgreSQL database with the demo district…\n");
  const db = await prepareDemoDatabase("postgres", {
    name: `guatu_bench_soak_${process.pid}`,
    pgAdmin,
    dataset,
  });
  const servers: Awaited<ReturnType<typeof serveInChild>>[] = [];
  try {
    // One after the other: each migrates the database (a no-op by then) as it starts.
    servers.push(await serveInChild(db.url));
    servers.push(await serveInChild(db.url, ["--no-worker"]));
    bases = servers.map((s) => s.base);
    const pids = servers.map((s) => s.child.pid!);
    process.stderr.write(`instances: ${bases.join(", ")} (pids ${pids.join(", ")}); signing in…\n`);
    const w = await prepareWorld();
    process.stderr.write(
      `${w.edits.length} editable tasks (${w.hot.length} hot), ${w.reports.length} reported tasks, ${w.items.length} supervision items\n`,
    );
    const auditBefore = await auditIds(db.url);
    const probes: Probe[] = [];
    t0 = performance.now();
    const probe = () =>
      probes.push({ at: performance.now() - t0, rss: pids.map(rssMb), load: loadavg()[0]! });
    probe();
    const timer = setInterval(probe, RSS_EVERY_MS);
    const progress = setInterval(() => {
      const done = samples.length;
      const bad = samples.filter((s) => s.status === 0 || s.status >= 500).length;
      process.stderr.write(
        `  ${((performance.now() - t0) / 60_000).toFixed(1)} min: ${done} requests, ${bad} 5xx, load ${loadavg()[0]!.toFixed(2)}\n`,
      );
    }, 60_000);
    process.stderr.write(`${clients} clients for ${minutes} min…\n`);
    const until = t0 + minutes * 60_000;
    await Promise.all(Array.from({ length: clients }, (_, c) => client(w, c, until)));
    probe();
    clearInterval(timer);
    clearInterval(progress);
    const loadSeconds = (performance.now() - t0) / 1000;
    process.stderr.write("checking what the writes left…\n");
    const reportDelta = new Map<string, number>();
    const visible = await checkVisible(w, reportDelta);
    const audit = await checkAudit(db.url, auditBefore, w, reportDelta);
    const pgServer = await pgVersion(db.url);

    // Verdicts
    const writes = samples.filter((s) => s.write);
    const refused = writes.filter((s) => s.status < 200 || s.status >= 300);
    const badRefusals = refused.filter((s) => s.status !== 409 || s.code !== "STALE_VERSION");
    const badReads = samples.filter((s) => !s.write && s.status !== 200);
    const rows = minuteRows(probes, pids.length);
    let warmUp = Math.max(WARM_UP_MINUTES, rows.length);
    for (let m = 0, answered = 0; m < rows.length; m++) {
      answered += rows[m]!.requests;
      if (answered >= warmUpRequests) {
        warmUp = Math.max(WARM_UP_MINUTES, m + 1);
        break;
      }
    }
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    const signed = (x: number) => `${x >= 0 ? "+" : ""}${pct(x)}`;
    // Drift is a rise: the highest minute after the warm-up against the first one. A fall (V8 giving
    // heap back after a full collection) is no leak, so the spread (max − min) is shown, not judged.
    const rssDrift = (after: number) => {
      const later = rows.filter((r) => r.minute > after);
      return pids.map((_, i) => {
        const xs = later.map((r) => r.rss[i]!);
        return {
          first: xs[0]!,
          rise: Math.max(...xs) / xs[0]! - 1,
          last: xs.at(-1)!,
          min: Math.min(...xs),
          max: Math.max(...xs),
        };
      });
    };
    const drift = rssDrift(warmUp);
    const enough = rows.length - warmUp >= MEASURED_MINUTES;
    // The fixed 2-minute warm-up, for comparison (not judged).
    const fixed = rssDrift(WARM_UP_MINUTES);
    const checks: Check[] = [
      {
        name: "0 × 5xx",
        ok: failureCount.server === 0 && failureCount.bench === 0,
        detail:
          failureCount.server + failureCount.bench === 0
            ? `no 5xx, no network error in ${samples.length} requests`
            : `${failureCount.server} 5xx or unanswered, ${failureCount.bench} bench errors; first: ${failures.join(" | ")}`,
      },
      {
        name: "every loser a 409",
        ok: badRefusals.length === 0,
        detail:
          `${refused.length} of ${writes.length} writes refused, ${refused.length - badRefusals.length} of them 409 STALE_VERSION` +
          (badRefusals.length
            ? `; others: ${answers(countBy(badRefusals, (s) => `${s.op} ${s.status} ${s.code}`))}`
            : ""),
      },
      {
        name: "every read answered 200",
        ok: badReads.length === 0,
        detail: badReads.length
          ? answers(countBy(badReads, (s) => `${s.op} ${s.status} ${s.code}`))
          : `${samples.length - writes.length} reads`,
      },
      visible,
      audit,
      {
        name: `RSS drift after warm-up < ${DRIFT_LIMIT * 100} %`,
        ok: enough && drift.every((d) => d.rise < DRIFT_LIMIT),
        detail: [
          `warm-up: ${warmUp} minutes (at least ${WARM_UP_MINUTES}, and until ${warmUpRequests} requests were answered)`,
          enough ? "" : `, leaving fewer than ${MEASURED_MINUTES} minutes to measure`,
          ...drift.map((d, i) =>
            Number.isNaN(d.first)
              ? ""
              : `; instance ${i + 1}: minute ${warmUp + 1} ${Math.round(d.first)} MB, highest later minute ${Math.round(d.max)} MB (${signed(d.rise)}), last ${Math.round(d.last)} MB, spread ${Math.round(d.min)}–${Math.round(d.max)} MB`,
          ),
          ...fixed.map((d, i) =>
            Number.isNaN(d.first)
              ? ""
              : `${i === 0 ? `. After the first ${WARM_UP_MINUTES} minutes alone (not judged): ` : ", "}instance ${i + 1} ${Math.round(d.first)} → highest ${Math.round(d.max)} MB (${signed(d.rise)})`,
          ),
        ].join(""),
      },
    ];

    // Tables
    const minuteTable = [
      "| minute | load 1 min | requests | req/s | reads p50 / p99 ms | writes p50 / p99 ms | 2xx | 409 | 5xx | read KB (mean) | RSS instance 1 MB | RSS instance 2 MB |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...rows.map(
        (r) =>
          `| ${r.minute}${r.minute <= warmUp ? " (warm-up)" : ""} | ${r.load.toFixed(2)} | ${r.requests} | ${r.perSecond.toFixed(1)} | ${ms(r.read[0])} / ${ms(r.read[1])} | ${ms(r.write[0])} / ${ms(r.write[1])} | ${r.ok} | ${r.conflicts} | ${r.errors} | ${Math.round(r.readKb)} | ${Math.round(r.rss[0]!)} | ${Math.round(r.rss[1]!)} |`,
      ),
    ].join("\n");
    const ops = countBy(samples, (s) => s.op);
    const opTable = [
      "| request | count | answers | p50 ms | p99 ms | answer KB (mean) |",
      "|---|---:|---|---:|---:|---:|",
      ...[...ops.keys()].map((op) => {
        const s = samples.filter((x) => x.op === op);
        const lat = s.map((x) => x.ms);
        return `| ${op} | ${s.length} | ${answers(countBy(s, (x) => (x.code ? `${x.status} ${x.code}` : String(x.status))))} | ${ms(percentile(lat, 50))} | ${ms(percentile(lat, 99))} | ${(mean(s.map((x) => x.chars)) / 1024).toFixed(1)} |`;
      }),
    ].join("\n");
    const checkTable = [
      "| check | verdict | figures |",
      "|---|---|---|",
      ...checks.map(
        (c) => `| ${c.name} | ${c.ok ? "pass" : "**FAIL**"} | ${c.detail.replaceAll("|", "\\|")} |`,
      ),
    ].join("\n");
    process.stdout.write(`\n${minuteTable}\n\n${opTable}\n\n${checkTable}\n`);

    const allOk = checks.every((c) => c.ok);
    const measured = rows.filter((r) => r.minute > warmUp).length
      ? rows.filter((r) => r.minute > warmUp)
      : rows;
    if (writeDoc) {
      const cpu = cpus();
      const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" / ");
      const text = [
        `**Command:** \`npm run bench:soak\` (BENCH_CLIENTS=${clients}, BENCH_MINUTES=${minutes}, BENCH_THINK_MS=${thinkMs}, BENCH_PG=${pgAdmin.replace(/\/\/[^@/]*@/, "//…@")}).`,
        `**Machine:** ${cpu.length} cores (${cpu[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node.js ${process.version}, Linux ${release()},`,
        `PostgreSQL ${pgServer} on the same machine. **Date:** ${startedAt.toISOString().slice(0, 10)}, ${startedAt.toISOString().slice(11, 16)} UTC, ${Math.round(loadSeconds)} s of load;`,
        `load average ${load(loadAtStart)} (1 / 5 / 15 min) at the start, shared with other engineers' work; each minute's 1-minute load average is in the table.`,
        "",
        "**What is measured** (`bench/soak/run.ts`): two compiled `guatu serve` processes (log level warn) on one fresh",
        "PostgreSQL database holding the demo district — instance 1 with the background worker (outbox delivery, the",
        "day's 催办), instance 2 `--no-worker`. No proxy: the bench sends each request to the next instance in turn (one",
        `round-robin counter over all clients), so a record read from one instance is written through the other. ${clients} clients,`,
        `each signed in (session cookie and CSRF token; ${SESSIONS_PER_ACCOUNT} sessions per demo account), loop for ${minutes} minutes with a random pause`,
        `of 0–${2 * thinkMs} ms between actions: 45 % reads (battle map, overview, a task force in full, task, supervision and`,
        "report lists, dispatch report, as any of the six demo accounts); 20 % task edits (`GET` the task, then `PATCH` title and",
        `duration at the version read; half of them on ${w.hot.length} hot tasks of two task forces, the rest on all ${w.edits.length} not-started leaves;`,
        "the lead edits its task force's tasks, the admin the others); 10 % progress reports on the leaves under way (each task",
        "reported by one client, as the member for its own tasks, else as the admin; half repeat the percent, half add 1);",
        `15 % supervision actions on the ${w.items.length} items not yet verified (\`GET\`, then the next step — start, submit, or`,
        "return — at the version read; one in five an escalation; never verify, so the items keep cycling); 10 % comments.",
        "A loser is a write whose version was stale by the time it ran: it must answer 409 `STALE_VERSION`.",
        "Latencies are per request as the bench sees them; reads include the reads before a write. RSS is each server process's",
        `VmRSS (/proc/<pid>/status) every ${RSS_EVERY_MS / 1000} s, averaged per minute. The warm-up lasts at least ${WARM_UP_MINUTES} minutes and until`,
        `${warmUpRequests} requests have been answered (BENCH_WARMUP_REQUESTS): V8 sizes its heap by the work done, not by the clock, and on`,
        "this shared machine the servers' RSS levelled off after about 10,000–30,000 requests, 2 to 8 minutes into a run. The drift is how far",
        `RSS rises after that: the highest per-minute mean of the later minutes (at least ${MEASURED_MINUTES}) against the first of them. A fall (V8`,
        "handing heap back after a full collection) is not drift; the spread is shown beside it, and so is the rise after a fixed",
        `${WARM_UP_MINUTES}-minute warm-up.`,
        "",
        minuteTable,
        "",
        `All ${minutes} minutes, by request (answers: status and error code):`,
        "",
        opTable,
        "",
        "**Reading the figures.**",
        `- ${samples.length} requests in ${Math.round(loadSeconds)} s (${(samples.length / loadSeconds).toFixed(1)} req/s over both instances), ${writes.length} of them writes:`,
        `  ${writes.length - refused.length} succeeded, ${refused.length} lost to a concurrent write (${pct(refused.length / writes.length)}).`,
        `- ${measured === rows ? "Over all minutes" : "After the warm-up"}, p99 per minute ranged ${ms(Math.min(...measured.map((r) => r.read[1])))}–${ms(Math.max(...measured.map((r) => r.read[1])))} ms for reads and ${ms(Math.min(...measured.map((r) => r.write[1])))}–${ms(Math.max(...measured.map((r) => r.write[1])))} ms for writes;`,
        "  with these pauses the clients keep both servers busy, so the latencies include queueing behind each other's requests",
        "  (and behind whatever else ran on the machine: see the load average).",
        "",
        `**Checks** (the bench exits 1 when one fails): ${allOk ? "all pass." : "**some fail.**"}`,
        "",
        checkTable,
        "",
        "The audit rule checked: each successful write appends exactly one entry of its own record (`task/update` per edit,",
        "`progress_report/create` per report, `comment/create` per comment, `supervision_item/transition` per transition or",
        "escalation), and a report that changes its task's percent appends one `task/update` more, through the task's own",
        "versioned write path — counted as the increase of the reported tasks' versions. Entries are compared per record",
        "(entity, action, id) as well as in total; the worker and the sign-ins write none.",
      ].join("\n");
      writeSection(HEADING, text);
    }
    process.stderr.write(allOk ? "all checks pass\n" : "SOME CHECKS FAIL\n");
    return allOk ? 0 : 1;
  } finally {
    for (const s of servers) await s.stop();
    await db.drop();
  }
}

process.exitCode = await main();
