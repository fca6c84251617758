import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { type RawBuilder, sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type CrashBase,
  demoBase,
  differingTables,
  everyRow,
  fingerprint,
  type GuatuProcess,
  idsIn,
  killHard,
  soundnessProblems,
  startGuatu,
  untilWriting,
  type WorkDatabase,
  waitOrExit,
  watchWrites,
} from "../../test/crash-harness.js";
import { dialects } from "../../test/db-harness.js";
import { serviceContext } from "../domain/context.js";
import { mulberry32 } from "../domain/demo/data/prng.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import ExcelJS, { type Worksheet } from "../domain/excel/exceljs.js";
import { exportLedger } from "../domain/ledger/ledger.service.js";
import { XLSX_TYPE } from "../shared/api/ledger.js";
import type { DatabaseHandle } from "./connection.js";

/**
 * kill -9 at random points (issue 17), on SQLite and PostgreSQL: during a ledger import (`guatu
 * import`, one transaction) and during a stream of multi-row writes to a running `guatu serve`
 * (imports over HTTP, plan approvals, the slippage setting that rewrites every task's baseline,
 * concurrent task edits). After every kill the database opens, passes its integrity checks and
 * holds all or none of each transaction. GUATU_CRASH_POINTS kills per scenario and database
 * (default 4: each kill costs a process start, 1.5–10 s on 2 cores; the file takes 55 s at 4 on a
 * quiet machine, 85 s at 8, and 2.5 min at 4 under a load of 8–10; `npm run crash` runs 100),
 * GUATU_CRASH_SEED seeds the random delays.
 */
const POINTS = Number(process.env.GUATU_CRASH_POINTS ?? 4);
const SEED = Number(process.env.GUATU_CRASH_SEED ?? 17);

/** Appended to every marked cell: which import a row came from. */
const MARK = "·改";
/** The ledger cells the marked workbook changes, with the column each lands in. */
const MARKED = [
  { sheet: "任务", key: "title", table: "tasks", column: "title" },
  { sheet: "人员", key: "post", table: "persons", column: "post" },
  { sheet: "专班成员", key: "duties", table: "task_force_members", column: "duties" },
  { sheet: "指标", key: "note", table: "indicators", column: "note" },
] as const;

/** Versioned tables and their audit entity: every row's version is the latest its audit trail names. */
const VERSIONED = [
  ["org_units", "org_unit"],
  ["persons", "person"],
  ["users", "user"],
  ["goals", "goal"],
  ["task_forces", "task_force"],
  ["task_force_members", "task_force_member"],
  ["tasks", "task"],
  ["dependencies", "dependency"],
  ["indicators", "indicator"],
  ["indicator_readings", "indicator_reading"],
  ["progress_reports", "progress_report"],
  ["supervision_items", "supervision_item"],
] as const;

/** A ledger sheet's column number by its English key (row 2). */
function columnOf(ws: Worksheet, key: string): number {
  let col = 0;
  ws.getRow(2).eachCell((c, n) => {
    if (String(c.value) === key) col = n;
  });
  if (!col) throw new Error(`sheet ${ws.name} has no column ${key}`);
  return col;
}

/**
 * The exported ledger with every MARKED cell marked, plus `grow.people` new people and a new summary
 * task with `grow.tasks` leaves under task force 01: one import changing many rows of many tables.
 */
async function markedLedger(bytes: Buffer, grow = { people: 0, tasks: 0 }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  for (const m of MARKED) {
    const ws = wb.getWorksheet(m.sheet)!;
    const col = columnOf(ws, m.key);
    for (let r = 3; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (!row.getCell(1).text) continue;
      row.getCell(col).value = `${row.getCell(col).text}${MARK}`;
    }
  }
  const append = (sheet: string, rows: readonly Record<string, string | number>[]) => {
    const ws = wb.getWorksheet(sheet)!;
    let at = ws.rowCount + 1;
    for (const values of rows) {
      const row = ws.getRow(at++);
      for (const [key, v] of Object.entries(values)) row.getCell(columnOf(ws, key)).value = v;
      row.commit();
    }
  };
  const unit = wb.getWorksheet("单位")!.getRow(3).getCell(1).text;
  append(
    "人员",
    Array.from({ length: grow.people }, (_, k) => ({
      name: `新增干部${k + 1}`,
      unitCode: unit,
      post: "科员",
    })),
  );
  if (grow.tasks)
    append("任务", [
      { taskForceCode: "01", code: "90", title: "新增工作" },
      ...Array.from({ length: grow.tasks }, (_, k) => ({
        taskForceCode: "01",
        code: `90.${k + 1}`,
        title: `新增事项${k + 1}`,
        parentCode: "90",
        duration: 1 + (k % 5),
      })),
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A state read after a kill: its soundness problems and every row. */
async function stateOf(work: WorkDatabase) {
  const database = await work.open();
  try {
    return { problems: await soundnessProblems(database), rows: await everyRow(database) };
  } finally {
    await database.close();
  }
}

const pct = (n: number, of: number) => `${n}/${of}`;

// ---------------------------------------------------------------------------------------------
// The server's side: a small HTTP client and the stream of writes

interface Api {
  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    type?: string,
  ): Promise<{ status: number; body: T }>;
}

/** Waits for `guatu serve` to say where it serves, then signs in as the demo admin. */
async function signIn(server: GuatuProcess): Promise<Api> {
  const until = performance.now() + 120_000;
  let base: string | undefined;
  while (!base) {
    base = /Guatu is serving (http:\/\/\S+)/.exec(server.out.stdout)?.[1];
    if (server.child.exitCode !== null) throw new Error(`guatu serve exited: ${server.out.stderr}`);
    if (performance.now() > until) throw new Error(`guatu serve did not start: ${server.out.stderr}`);
    await sleep(20);
  }
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie()[0]!.split(";")[0]!;
  return {
    async request<T>(method: string, path: string, body?: unknown, type = "application/json") {
      const headers: Record<string, string> = { cookie, "x-csrf-token": csrfToken };
      if (body !== undefined) headers["content-type"] = type;
      const r = await fetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await r.text();
      const json = text !== "" && !!r.headers.get("content-type")?.includes("json");
      return { status: r.status, body: (json ? JSON.parse(text) : {}) as T };
    },
  };
}

/** What the stream's writes answered, by kind and status ("import 200": 3). */
type Answers = Map<string, number>;

const answered = (a: Answers) =>
  [...a.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([k, n]) => `${k}: ${n}`)
    .join(", ");

interface Versioned {
  id: string;
  version: number;
}

/**
 * Multi-row writes until the server is gone, four clients at once: ledger imports over HTTP (the
 * marked and the plain workbook in turn: each rewrites hundreds of rows of four tables); plan
 * approvals (a baseline of every scheduled task, the tasks' baselines in force refreshed) and now
 * and then the slippage setting toggled (every task's baseline in force rewritten); and two
 * clients editing durations (each edit re-schedules its task force); the others pause during every
 * other import. With `o.imports`, every client stops once the importing one has made that many.
 */
function writeStream(
  api: Api,
  rnd: () => number,
  ledgers: { plain: Buffer; marked: Buffer },
  answers: Answers,
  o: { imports?: number; firstMarked?: boolean } = {},
) {
  let stopped = false;
  let imported = 0;
  let answeredImport = () => {};
  const firstImport = new Promise<void>((resolve) => {
    answeredImport = resolve;
  });
  const note = (kind: string, status: number) => {
    const k = `${kind} ${status}`;
    answers.set(k, (answers.get(k) ?? 0) + 1);
  };
  const listed = Promise.all([
    api.request<{ items: Versioned[] }>("GET", "/api/v1/task-forces?limit=100"),
    api.request<{ items: (Versioned & { duration: number | null })[] }>("GET", "/api/v1/tasks?limit=1000"),
  ]);
  let marked = o.firstMarked === undefined ? rnd() < 0.5 : !o.firstMarked;
  // Every other import has the server to itself: among concurrent writes, PostgreSQL's imports were
  // almost all refused as stale (409: a task moved on between the import's check and its write).
  let alone = false;
  const importOne = async () => {
    marked = !marked;
    alone = imported % 2 === 0;
    const r = await api
      .request("POST", "/api/v1/imports?name=crash.xlsx", marked ? ledgers.marked : ledgers.plain, XLSX_TYPE)
      .finally(() => {
        alone = false;
      });
    note(`import${r.status === 200 && r.body.written ? " written" : ""}`, r.status);
    answeredImport();
    if (++imported === o.imports) stopped = true;
  };
  const approveOne = async () => {
    const items = (await listed)[0].body.items;
    const tf = items[Math.floor(rnd() * items.length)]!;
    const preview = await api.request<{ number: number; mayApprove: boolean }>(
      "GET",
      `/api/v1/task-forces/${tf.id}/plan-approval`,
    );
    if (preview.status !== 200 || !preview.body.mayApprove) return note("plan-approval", preview.status);
    const r = await api.request("POST", `/api/v1/task-forces/${tf.id}/approve-plan`, {
      reason: "kill -9 test",
      number: preview.body.number,
    });
    note("approve-plan", r.status);
  };
  const planOne = () => (rnd() < 0.7 ? approveOne() : toggleOne());
  const toggleOne = async () => {
    const settings = await api.request<{ plan?: { slippageAgainst?: string } }>("GET", "/api/v1/settings");
    const plan = settings.body.plan ?? {};
    const slippageAgainst = plan.slippageAgainst === "latest" ? "first" : "latest";
    const r = await api.request("PUT", "/api/v1/settings", { plan: { ...plan, slippageAgainst } });
    note("settings", r.status);
  };
  const editOne = async () => {
    const leaves = (await listed)[1].body.items.filter((t) => t.duration !== null && t.duration > 0);
    const leaf = leaves[Math.floor(rnd() * leaves.length)]!;
    const now = await api.request<Versioned & { duration: number }>("GET", `/api/v1/tasks/${leaf.id}`);
    const d = now.body.duration;
    const r = await api.request("PATCH", `/api/v1/tasks/${leaf.id}`, {
      duration: d % 2 ? d + 1 : d - 1,
      version: now.body.version,
    });
    note("task edit", r.status);
  };
  // A request to a server that is gone throws: its client stops. A pause between writes lets
  // the imports through (back to back, the other clients kept SQLite's one connection busy).
  const client = async (step: () => Promise<void>, waits: boolean) => {
    while (!stopped)
      try {
        while (waits && alone && !stopped) await sleep(10);
        await step();
        await sleep(rnd() * 50);
      } catch {
        return;
      }
  };
  const done = Promise.all([
    client(importOne, false),
    client(planOne, true),
    client(editOne, true),
    client(editOne, true),
  ]);
  return {
    done,
    /** Resolves once the first import is answered (written, or refused as stale). */
    firstImport,
    stop: () => {
      stopped = true;
    },
  };
}

/** Rows of a raw query (snake_case names in, camelCase keys out, as the app's plugin maps them). */
async function rows<T>(database: DatabaseHandle, query: RawBuilder<unknown>): Promise<T[]> {
  return (await query.execute(database.db)).rows as T[];
}

/**
 * What breaks the invariants every write keeps in its one transaction, as lines (none: each
 * transaction is all there or not at all):
 * - the data revision is the last of the data-change log, which has no gap;
 * - every versioned row's version is the latest its audit trail names, and each version before it is
 *   named too (a write and its audit entry);
 * - every plan baseline has its approval audit entry naming its number of tasks, and those tasks;
 * - every task's baseline in force is the one the slippage setting chooses (first or latest), and
 *   the setting is the one its latest audit entry names;
 * - the ledger import's marked cells are all marked or none (`full`: their counts when marked).
 */
async function invariantProblems(
  database: DatabaseHandle,
  full: readonly number[] | null,
): Promise<string[]> {
  const problems: string[] = [];
  const sqlite = database.dialect === "sqlite";
  const [rev] = await rows<{ n: number }>(database, sql`select n from revisions where scope = 'data'`);
  const [log] = await rows<{ lo: number; hi: number; n: number }>(
    database,
    sql`select min(revision) as lo, max(revision) as hi, count(*) as n from data_changes`,
  );
  if (Number(log!.hi) !== Number(rev!.n) || Number(log!.n) !== Number(log!.hi) - Number(log!.lo) + 1)
    problems.push(`data revision ${rev!.n}, change log ${JSON.stringify(log)}`);

  const version = sqlite ? sql`json_extract(after, '$.version')` : sql`(after::json ->> 'version')::int`;
  for (const [table, entity] of VERSIONED) {
    const audited = await rows<{ id: string; hi: number; n: number }>(
      database,
      sql`select entity_id as id, max(${version}) as hi, count(distinct ${version}) as n
        from audit_entries where entity = ${entity} group by entity_id`,
    );
    const latest = new Map(audited.map((r) => [r.id, Number(r.hi)]));
    for (const r of audited)
      if (Number(r.n) !== Number(r.hi)) problems.push(`${table} ${r.id}: versions 1…${r.hi}, ${r.n} audited`);
    for (const r of await rows<{ id: string; version: number }>(
      database,
      sql`select id, version from ${sql.table(table)}`,
    ))
      if (latest.get(r.id) !== r.version)
        problems.push(`${table} ${r.id}: version ${r.version}, audited ${latest.get(r.id)}`);
  }

  const baselines = await rows<{ id: string; n: number }>(
    database,
    sql`select b.id, count(t.task_id) as n from plan_baselines b
      left join plan_baseline_tasks t on t.baseline_id = b.id group by b.id`,
  );
  const approvals = new Map(
    (
      await rows<{ id: string; after: string }>(
        database,
        sql`select entity_id as id, after from audit_entries where entity = 'plan_baseline' and action = 'approve'`,
      )
    ).map((r) => [r.id, (JSON.parse(r.after) as { taskCount: number }).taskCount]),
  );
  for (const b of baselines)
    if (approvals.get(b.id) !== Number(b.n))
      problems.push(`baseline ${b.id}: ${b.n} tasks, approval audited ${approvals.get(b.id)}`);
  if (approvals.size !== baselines.length)
    problems.push(`${baselines.length} baselines, ${approvals.size} approvals audited`);

  const [setting] = await rows<{ value: string }>(
    database,
    sql`select value from settings where key = 'plan'`,
  );
  const against = (setting ? JSON.parse(setting.value).slippageAgainst : undefined) ?? "first";
  const [audit] = await rows<{ after: string }>(
    database,
    sql`select after from audit_entries where entity = 'settings' order by at desc, id desc limit 1`,
  );
  const audited = (audit ? JSON.parse(audit.after).plan?.slippageAgainst : undefined) ?? "first";
  if (audited !== against) problems.push(`slippage against ${against}, audited ${audited}`);
  const spans = await rows<{ taskId: string; number: number; start: string; finish: string }>(
    database,
    sql`select t.task_id, b.number, t.start, t.finish from plan_baseline_tasks t
      join plan_baselines b on b.id = t.baseline_id`,
  );
  const chosen = new Map<string, { number: number; start: string; finish: string }>();
  for (const s of spans) {
    const had = chosen.get(s.taskId);
    if (!had || (against === "first" ? s.number < had.number : s.number > had.number))
      chosen.set(s.taskId, s);
  }
  for (const t of await rows<{ id: string; baselineStart: string | null; baselineFinish: string | null }>(
    database,
    sql`select id, baseline_start, baseline_finish from tasks`,
  )) {
    const c = chosen.get(t.id);
    if ((c?.start ?? null) !== t.baselineStart || (c?.finish ?? null) !== t.baselineFinish)
      problems.push(
        `task ${t.id}: baseline ${t.baselineStart}…${t.baselineFinish}, ${against} is ${c?.start}…${c?.finish}`,
      );
  }

  if (full) {
    const counts = await markedCounts(database);
    if (counts.some((n) => n !== 0) && counts.some((n, i) => n !== full[i]))
      problems.push(`marked cells ${counts.join(", ")}: neither none nor all (${full.join(", ")})`);
  }
  return problems;
}

/** How many rows of each MARKED column carry the mark. */
async function markedCounts(database: DatabaseHandle): Promise<number[]> {
  const out: number[] = [];
  for (const m of MARKED) {
    const [r] = await rows<{ n: number }>(
      database,
      sql`select count(*) as n from ${sql.table(m.table)} where ${sql.ref(m.column)} like ${`%${MARK}`}`,
    );
    out.push(Number(r!.n));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

describe.each(dialects)("kill -9 at random points (%s)", (kind) => {
  let base: CrashBase;
  let dir: string;
  let plain: Buffer;
  const running: GuatuProcess[] = [];
  const since = new Date().toISOString();

  beforeAll(async () => {
    base = await demoBase(kind);
    dir = mkdtempSync(join(tmpdir(), "guatu-crash-ledger-"));
    const database = base.open();
    try {
      plain = await exportLedger(serviceContext(database, "cli"));
    } finally {
      await database.close();
    }
  }, 180_000);
  afterEach(async () => {
    for (const p of running.splice(0)) await killHard(p);
  });
  afterAll(async () => {
    await base?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const start = (args: readonly string[]) => {
    const p = startGuatu(args);
    running.push(p);
    return p;
  };

  it(
    `an import killed at ${POINTS} random points holds all or none of it`,
    async () => {
      const started = performance.now();
      const rnd = mulberry32(SEED);
      const work = await base.copy("import");
      const file = join(dir, "ledger.xlsx");
      writeFileSync(file, await markedLedger(plain, { people: 100, tasks: 100 }));
      const args = ["import", file, "--db", work.url];

      const initial = await stateOf(work);
      expect(initial.problems).toEqual([]);
      const known = idsIn(initial.rows);
      const before = fingerprint(initial.rows, known, since);
      const auditsBefore = initial.rows.get("audit_entries")!.length;

      // One import uninterrupted, watched: how long it runs, when its transaction is open, what it leaves.
      let probe = await work.probe();
      const whole = start(args);
      const seen = await watchWrites(whole, probe);
      await probe.close();
      const end = await whole.exited;
      expect(end.code, whole.out.stderr).toBe(0);
      expect(seen.first, "the probe saw the import's transaction").not.toBeNull();
      const duration = end.at - whole.startedAt;
      const transaction = Math.max(seen.last! - seen.first!, 5);
      const finished = await stateOf(work);
      expect(finished.problems).toEqual([]);
      const after = fingerprint(finished.rows, known, since);
      const auditsAfter = finished.rows.get("audit_entries")!.length;
      expect(differingTables(before, after)).toEqual(
        expect.arrayContaining(["audit_entries", "persons", "tasks", "task_force_members", "indicators"]),
      );
      await work.reset();

      // Even attempts: a delay over the whole run. Odd ones: once the transaction is open, a delay of
      // up to twice its measured length, so that some land after the commit (while the findings run).
      // An attempt whose import ends before its delay kills nothing: it is checked, not counted.
      const tally = { before: 0, after: 0, writing: 0, wal: 0, finished: 0 };
      for (let i = 0, kills = 0; kills < POINTS; i++) {
        expect(i, "attempts").toBeLessThan(POINTS * 3);
        probe = await work.probe();
        const p = start(args);
        if (i % 2 === 0) await waitOrExit(p, rnd() * duration);
        else if (await untilWriting(p, probe)) await waitOrExit(p, rnd() * transaction * 2);
        const writing = p.child.exitCode === null && (await probe.writing());
        // Closed first: the last connection to close would recover the log before the app opens it.
        await probe.close();
        const ended = await killHard(p);
        const killed = ended.signal === "SIGKILL";
        if (!killed) expect(ended.code, p.out.stderr).toBe(0);
        const wal = work.walBytes() > 0;
        await work.settle();
        const now = await stateOf(work);
        expect(now.problems, `attempt ${i}`).toEqual([]);
        const f = fingerprint(now.rows, known, since);
        const outcome = f.all === before.all ? "before" : f.all === after.all ? "after" : null;
        expect(
          outcome,
          `attempt ${i}: differs from before in ${differingTables(f, before)}, from after in ${differingTables(f, after)}`,
        ).not.toBeNull();
        expect([auditsBefore, auditsAfter]).toContain(now.rows.get("audit_entries")!.length);
        if (outcome === "after") await work.reset();
        if (!killed) {
          expect(outcome).toBe("after");
          tally.finished++;
          continue;
        }
        kills++;
        tally[outcome!]++;
        if (writing) tally.writing++;
        if (wal) tally.wal++;
      }
      console.log(
        `crash ${kind} import: ${POINTS} kills (seed ${SEED}; import ${Math.round(duration)} ms, its transaction ${Math.round(transaction)} ms): ` +
          `${tally.before} held none of it, ${tally.after} all of it; ${pct(tally.writing, POINTS)} killed with the transaction open` +
          `${kind === "sqlite" ? `, ${tally.wal} left a WAL to recover` : ""}; ${tally.finished} more attempts finished before their kill; ${Math.round((performance.now() - started) / 1000)} s`,
      );
      await work.drop();
    },
    120_000 + POINTS * 30_000,
  );

  it(
    `a server killed at ${POINTS} random points during bulk writes keeps each transaction whole`,
    async () => {
      const started = performance.now();
      const rnd = mulberry32(SEED + 1);
      const work = await base.copy("serve");
      const ledgers = { plain, marked: await markedLedger(plain) };
      const serveArgs = ["serve", "--port", "0", "--db", work.url];
      const answers: Answers = new Map();
      const check = async (full: readonly number[] | null) => {
        const database = await work.open();
        try {
          return [...(await soundnessProblems(database)), ...(await invariantProblems(database, full))];
        } finally {
          await database.close();
        }
      };
      expect(await check(null)).toEqual([]);

      // A round uninterrupted, timed: the marked ledger imported and the plain one back, the other
      // clients writing meanwhile; then the marked one again (its counts of marked cells are the
      // full ones). The invariants hold without a kill.
      let server = start(serveArgs);
      let api = await signIn(server);
      const roundStart = performance.now();
      const warmUp: Answers = new Map();
      const round = writeStream(api, mulberry32(SEED), ledgers, warmUp, { imports: 2, firstMarked: true });
      await round.done;
      const roundMs = performance.now() - roundStart;
      const marked = await api.request("POST", "/api/v1/imports?name=crash.xlsx", ledgers.marked, XLSX_TYPE);
      expect(marked.status, JSON.stringify(marked.body)).toBe(200);
      server.child.kill("SIGTERM");
      expect((await server.exited).code).toBe(0);
      const database = await work.open();
      const full = await markedCounts(database);
      await database.close();
      expect(full.every((n) => n > 0)).toBe(true);
      expect(await check(full)).toEqual([]);

      // Three kinds of points in turn: a delay over one round of writes; the first moment a write
      // transaction is open after a random part of a round, then up to 5 ms on; and once the first
      // import is answered, a delay over half a round (a server's first import is slow to start, so
      // the first kind seldom sees an import commit: this one kills after one did).
      const tally = { writing: 0, wal: 0, marked: 0 };
      let markedNow = true;
      for (let i = 0; i < POINTS; i++) {
        server = start(serveArgs);
        api = await signIn(server);
        const probe = await work.probe();
        // The first import changes the ledger's state, so that it may commit before the kill.
        const stream = writeStream(api, mulberry32(SEED * 1000 + i), ledgers, answers, {
          firstMarked: !markedNow,
        });
        if (i % 3 === 0) await waitOrExit(server, rnd() * roundMs);
        else if (i % 3 === 1) {
          await waitOrExit(server, (rnd() * roundMs) / 2);
          if (await untilWriting(server, probe)) await waitOrExit(server, rnd() * 5);
        } else {
          await Promise.race([stream.firstImport, server.exited, sleep(120_000, undefined, { ref: false })]);
          await waitOrExit(server, (rnd() * roundMs) / 2);
        }
        if (await probe.writing()) tally.writing++;
        await probe.close();
        const ended = await killHard(server);
        expect(ended.signal, server.out.stderr).toBe("SIGKILL");
        stream.stop();
        await stream.done;
        if (work.walBytes() > 0) tally.wal++;
        await work.settle();
        expect(await check(full), `point ${i}`).toEqual([]);
        const now = await work.open();
        markedNow = (await markedCounts(now))[0]! > 0;
        await now.close();
        if (markedNow) tally.marked++;
      }
      const summary = answered(answers);
      console.log(
        `crash ${kind} serve: ${POINTS} kills (seed ${SEED}; a round of writes ${Math.round(roundMs)} ms): ` +
          `${pct(tally.writing, POINTS)} killed with a write transaction open${kind === "sqlite" ? `, ${tally.wal} left a WAL to recover` : ""}, ` +
          `${tally.marked} with the marked ledger in; answered before the kills: ${summary} (the timed round: ${answered(warmUp)}); ${Math.round((performance.now() - started) / 1000)} s`,
      );

      // The checks are not blind: a write torn in each of these ways is reported.
      const torn = await work.open();
      try {
        const db = torn.db;
        const oneTask = sql`(select min(id) from tasks where baseline_start is not null)`;
        await sql`update tasks set title = ${markedNow ? "x" : `x${MARK}`} where id = ${oneTask}`.execute(db);
        await sql`update tasks set baseline_start = '2000-01-03' where id = ${oneTask}`.execute(db);
        await sql`update persons set version = version + 1 where id = (select min(id) from persons)`.execute(
          db,
        );
        await sql`delete from plan_baseline_tasks where task_id = ${oneTask}`.execute(db);
        await sql`update revisions set n = n + 1 where scope = 'data'`.execute(db);
        const found = (await invariantProblems(torn, full)).join("\n");
        for (const said of [
          "data revision",
          "persons ",
          "approval audited",
          ": baseline 2000-01-03",
          "marked cells",
        ])
          expect(found).toContain(said);
      } finally {
        await torn.close();
      }
      await work.drop();
    },
    120_000 + POINTS * 40_000,
  );
});
