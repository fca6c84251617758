import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { type Client, call, clientFor, signIn } from "../../test/factories.js";
import { parseDbUrl } from "../config/load-config.js";
import { type DatabaseHandle, openDatabase } from "../db/connection.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import { buildApp } from "./app.js";

/**
 * Versioned writes under real concurrency: two app instances (as behind a load balancer), each with
 * its own connection pool, over ONE database. Whatever the interleaving, a version is won by
 * exactly one writer (200 and one audit entry), every other writer of that version gets 409 and
 * changes nothing, and no request ends in a 5xx (no deadlock, no driver error leaks out).
 * PostgreSQL is the case that matters. On SQLite both apps get their own connection to one file, but
 * better-sqlite3 is synchronous: within one process the two apps' transactions did not overlap in
 * practice (separate processes would meet SQLITE_BUSY), so the SQLite run checks the same rules with
 * little real interleaving.
 */

type Answer = Awaited<ReturnType<Client>>;
type Row = Record<string, unknown> & { id: string; version: number };

/** How many answers had each status, e.g. `{"200": 1, "409": 199}`. */
function byStatus(answers: readonly Answer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) out[a.status] = (out[a.status] ?? 0) + 1;
  return out;
}

/** How many error answers had each `status code`, e.g. `{"409 STALE_VERSION": 199}`. */
function byCode(answers: readonly Answer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) {
    if (a.status < 400) continue;
    const key = `${a.status} ${a.body?.error?.code ?? "?"}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

const CONCURRENT = 200;
/** A burst takes a few seconds; deadlock detection (1 s per deadlock on PostgreSQL) more. */
const SLOW = { timeout: 60_000 };

describe.each(dialects)("versioned writes from two app instances on one %s database", (dialect) => {
  let t: TestDatabase;
  const handles: DatabaseHandle[] = [];
  const apps: FastifyInstance[] = [];
  /** `[app A, app B]`, both with the same admin API token. */
  let clients: Client[] = [];
  /** What the apps logged at level error (a 500's cause: driver code and message). */
  const serverLog: string[] = [];

  /** The i-th request goes to app A or B in turn, as a round-robin load balancer would send it. */
  const via = (i: number): Client => clients[i % clients.length]!;
  const api = (m: string, u: string, b?: unknown) => via(0)(m, u, b);

  /** Fires `n` requests at once (all issued before any answer is awaited). */
  const burst = (n: number, request: (i: number) => Promise<Answer>) =>
    Promise.all(Array.from({ length: n }, (_, i) => request(i)));

  /** The distinct causes of the 500s logged since `from` (index into `serverLog`). */
  const causes = (from: number) => {
    const seen = new Map<string, number>();
    for (const line of serverLog.slice(from)) {
      let key = line;
      try {
        const entry = JSON.parse(line) as { msg?: string; err?: { code?: string; message?: string } };
        key = `${entry.err?.code ?? ""} ${entry.err?.message ?? entry.msg ?? ""}`.trim();
      } catch {}
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return [...seen].map(([k, n]) => `${n}× ${k}`);
  };

  /** A readable account of a burst for assertion messages. */
  const report = (what: string, answers: readonly Answer[], logFrom: number) =>
    `${what} on ${dialect}: statuses ${JSON.stringify(byStatus(answers))}, errors ${JSON.stringify(
      byCode(answers),
    )}, server log ${JSON.stringify(causes(logFrom))}`;

  /** Audit entries of one record (newest first), read through the API. */
  const auditOf = async (entityId: string, entity?: string) => {
    const q = `entityId=${encodeURIComponent(entityId)}${entity ? `&entity=${entity}` : ""}`;
    const r = await api("GET", `/api/v1/audit-entries?${q}&limit=1000`);
    expect(r.status).toBe(200);
    return r.body.items as { action: string; entity: string; after: Record<string, unknown> | null }[];
  };

  const read = async (path: string): Promise<Row> => {
    const r = await api("GET", `/api/v1/${path}`);
    expect(r.status, `GET ${path}`).toBe(200);
    return r.body;
  };

  /**
   * Token stamps (`lastUsedAt`, at most once a minute) are writes of their own; touching both
   * apps first keeps them out of the bursts, so a burst measures the versioned write alone.
   */
  const warmUp = async () => {
    for (const c of clients) expect((await c("GET", "/api/v1/auth/me")).status).toBe(200);
  };

  /** Leaf tasks of a task force (no other task names them as parent), by WBS code. */
  const leavesOf = async (taskForceId: string): Promise<Row[]> => {
    const r = await api("GET", `/api/v1/tasks?taskForceId=${taskForceId}&limit=1000&sort=code`);
    expect(r.status).toBe(200);
    const tasks = r.body.items as Row[];
    const parents = new Set(tasks.map((x) => x.parentId));
    return tasks.filter((x) => !parents.has(x.id));
  };

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    const stream = new Writable({
      write(chunk, _enc, done) {
        serverLog.push(String(chunk).trim());
        done();
      },
    });
    for (let i = 0; i < 2; i++) {
      // Its own handle (own pool, or own SQLite connection) per app, as separate processes have.
      const database = openDatabase(parseDbUrl(t.url));
      handles.push(database);
      apps.push(await buildApp({ database, version: "test", logger: { level: "error", stream } }));
    }
    // Sessions and tokens live in the database: a token made through app A works on app B.
    const session = await signIn(apps[0]!, "admin", DEMO_PASSWORD);
    const token = await call(
      apps[0]!,
      "POST",
      "/api/v1/api-tokens",
      { name: "concurrency", role: "admin" },
      session,
    );
    expect(token.status).toBe(201);
    clients = apps.map((app) => clientFor(app, { bearer: token.body.token }));
    for (const c of clients) expect((await c("GET", "/api/v1/health")).body.db).toBe(dialect);
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const h of handles) await h.close();
    await t?.drop();
  });

  /** Fires CONCURRENT copies of one supervision action at `version`; checks one winner and its audit. */
  async function supervisionBurst(item: Row, action: string, body: Record<string, unknown>) {
    const auditBefore = (await auditOf(item.id)).length;
    await warmUp();
    const logFrom = serverLog.length;
    const answers = await burst(CONCURRENT, (i) =>
      via(i)("POST", `/api/v1/supervision-items/${item.id}/${action}`, { version: item.version, ...body }),
    );
    const why = report(
      `${CONCURRENT} × ${action} of ${item.id} at version ${item.version}`,
      answers,
      logFrom,
    );
    const counts = byStatus(answers);
    // Soft, so that the audit and the stored record are checked (and reported) as well.
    expect.soft(counts, why).toEqual({ 200: 1, 409: CONCURRENT - 1 });
    for (const a of answers.filter((x) => x.status === 409))
      expect(["STALE_VERSION", "BAD_TRANSITION"], why).toContain(a.body.error.code);
    const winner = answers.find((a) => a.status === 200);
    expect(winner, why).toBeDefined();
    expect(winner!.body.version, why).toBe(item.version + 1);
    const after = await auditOf(item.id);
    expect(after.length - auditBefore, `audit entries written: ${why}`).toBe(counts[200] ?? 0);
    const stored = await read(`supervision-items/${item.id}`);
    expect(stored.version, why).toBe(item.version + 1);
    return stored;
  }

  it(
    "moves a supervision item one step per version: exactly one start, then exactly one submit",
    SLOW,
    async () => {
      const open = (await api("GET", "/api/v1/supervision-items?state=open&sort=code")).body.items as Row[];
      expect(open.length).toBeGreaterThanOrEqual(2);
      const item = open[0]!;
      const started = await supervisionBurst(item, "start", { date: "2022-08-15" });
      expect(started.state).toBe("rectifying");
      const submitted = await supervisionBurst(started, "submit", {
        date: "2022-08-15",
        rectification: "已完成整改。",
      });
      expect(submitted.state).toBe("submitted");
    },
  );

  it("escalates a supervision item exactly once per version", SLOW, async () => {
    const open = (await api("GET", "/api/v1/supervision-items?state=open&sort=code")).body.items as Row[];
    // The last open item: the transitions case takes the first.
    const item = open[open.length - 1]!;
    const escalated = await supervisionBurst(item, "escalate", {
      date: "2022-08-15",
      note: "请加快整改进度。",
    });
    expect(escalated).toMatchObject({
      state: "open",
      escalatedOn: "2022-08-15",
      lastNote: "请加快整改进度。",
    });
  });

  it("approves one baseline number exactly once when approvals from one preview race", SLOW, async () => {
    const tf = "tf-03";
    const preview = await read(`task-forces/${tf}/plan-approval`);
    const before = (await api("GET", `/api/v1/task-forces/${tf}/baselines`)).body as unknown[];
    expect(preview.number).toBe(before.length + 1);
    await warmUp();
    const logFrom = serverLog.length;
    const racing = 20;
    const answers = await burst(racing, (i) =>
      via(i)("POST", `/api/v1/task-forces/${tf}/approve-plan`, {
        reason: `督查室批准（第 ${i + 1} 份）`,
        number: preview.number,
      }),
    );
    const why = report(`${racing} × approve-plan ${tf} as baseline ${preview.number}`, answers, logFrom);
    expect.soft(byStatus(answers), why).toEqual({ 200: 1, 409: racing - 1 });
    expect.soft(byCode(answers), why).toEqual({ "409 BASELINE_APPROVED_MEANWHILE": racing - 1 });
    const after = (await api("GET", `/api/v1/task-forces/${tf}/baselines`)).body as { number: number }[];
    expect(
      after.map((b) => b.number),
      why,
    ).toEqual([...before.map((_, i) => i + 1), preview.number]);
    const winner = answers.find((a) => a.status === 200);
    expect(winner, why).toBeDefined();
    expect((await auditOf(winner!.body.baseline.id, "plan_baseline")).map((e) => e.action)).toEqual([
      "approve",
    ]);
  });

  /** CONCURRENT PATCHes of one record at one version, each with its own value of `field`. */
  async function patchBurst(
    path: string,
    entity: string,
    field: string,
    valueFor: (i: number, record: Row) => number,
    extra: Record<string, unknown> = {},
  ) {
    const record = await read(`${path}/${(await firstOf(path)).id}`);
    const value = (i: number) => valueFor(i, record);
    const updatesBefore = (await auditOf(record.id, entity)).filter((e) => e.action === "update").length;
    const allBefore = (await auditOf(record.id)).length;
    await warmUp();
    const logFrom = serverLog.length;
    const answers = await burst(CONCURRENT, (i) =>
      via(i)("PATCH", `/api/v1/${path}/${record.id}`, {
        [field]: value(i),
        version: record.version,
        ...extra,
      }),
    );
    const why = report(
      `${CONCURRENT} × PATCH ${path}/${record.id} at version ${record.version}`,
      answers,
      logFrom,
    );
    const counts = byStatus(answers);
    expect.soft(counts, why).toEqual({ 200: 1, 409: CONCURRENT - 1 });
    expect.soft(byCode(answers), why).toEqual({ "409 STALE_VERSION": CONCURRENT - 1 });
    const i = answers.findIndex((a) => a.status === 200);
    expect(i, why).toBeGreaterThanOrEqual(0);
    const stored = await read(`${path}/${record.id}`);
    expect(stored, why).toMatchObject({ [field]: value(i), version: record.version + 1 });
    const entries = await auditOf(record.id, entity);
    const updates = entries.filter((e) => e.action === "update");
    expect(updates.length - updatesBefore, `update entries written: ${why}`).toBe(counts[200] ?? 0);
    expect(updates[0]?.after?.[field], why).toBe(value(i));
    // Nothing else was audited for the record (re-scheduling moves computed fields unaudited).
    expect((await auditOf(record.id)).length - allBefore, why).toBe(counts[200] ?? 0);
  }

  /** The record each PATCH case edits: a leaf task with a duration (tf-02), an indicator (tf-04). */
  async function firstOf(path: string): Promise<Row> {
    if (path === "tasks") {
      const leaves = await leavesOf("tf-02");
      const task = leaves.find((x) => typeof x.duration === "number" && x.duration > 0);
      expect(task, "a leaf task with a duration in tf-02").toBeDefined();
      return task!;
    }
    if (path === "indicator-readings") {
      // The latest actual of an indicator: a correction of it moves no later total.
      const ind = (await api("GET", "/api/v1/indicators?taskForceId=tf-04&sort=code&limit=1")).body.items[0];
      const latest = await api(
        "GET",
        `/api/v1/indicator-readings?indicatorId=${ind.id}&sort=-period&limit=1`,
      );
      expect(latest.body.items.length).toBe(1);
      return latest.body.items[0];
    }
    const r = await api("GET", "/api/v1/indicators?taskForceId=tf-04&sort=code&limit=1");
    expect(r.body.items.length).toBe(1);
    return r.body.items[0];
  }

  it("lets exactly one of 200 concurrent PATCHes of a task at one version win", SLOW, async () => {
    await patchBurst("tasks", "task", "duration", (i) => 1 + i);
  });

  it(
    "lets exactly one of 200 concurrent corrections of an indicator's actual at one version win",
    SLOW,
    async () => {
      await patchBurst(
        "indicator-readings",
        "indicator_reading",
        "actual",
        (i, r) => Number(r.actual) + (i + 1) / 1000,
        { reason: "并发更正" },
      );
    },
  );

  it("lets exactly one of 200 concurrent PATCHes of an indicator at one version win", SLOW, async () => {
    await patchBurst("indicators", "indicator", "target", (i) => 1000 + i);
  });

  /** Every indicator, read through the API (the demo has a few hundred). */
  const indicators = async (): Promise<Row[]> => {
    const r = await api("GET", "/api/v1/indicators?limit=1000&sort=code");
    expect(r.status).toBe(200);
    return r.body.items;
  };

  it("splits a district target exactly once when splits from one preview race", SLOW, async () => {
    const parent = "ind-qzb-3";
    const shares = (await indicators()).filter((x) => x.parentId === parent);
    expect(shares.length).toBeGreaterThanOrEqual(2);
    const racing = 40;
    // Each racer splits by its own shares, so the stored targets tell the winner.
    const sharesOf = (i: number) => shares.map((_, k) => (k === 0 ? 1 + i : 10));
    await warmUp();
    const logFrom = serverLog.length;
    const answers = await burst(racing, (i) =>
      via(i)("POST", `/api/v1/indicators/${parent}/split`, {
        method: "shares",
        children: shares.map((c, k) => ({ id: c.id, version: c.version, share: sharesOf(i)[k] })),
      }),
    );
    const why = report(`${racing} × split ${parent}`, answers, logFrom);
    expect.soft(byStatus(answers), why).toEqual({ 200: 1, 409: racing - 1 });
    expect.soft(byCode(answers), why).toEqual({ "409 STALE_VERSION": racing - 1 });
    const winner = answers.findIndex((a) => a.status === 200);
    expect(winner, why).toBeGreaterThanOrEqual(0);
    const saved = answers[winner]!.body.lines as { indicatorId: string; after: { target: number } }[];
    // Every share holds the winner's target, one version on, with one update audited; no loser's
    // first share was written before its second refused.
    for (const c of shares) {
      const stored = await read(`indicators/${c.id}`);
      expect(stored, why).toMatchObject({
        target: saved.find((l) => l.indicatorId === c.id)!.after.target,
        version: c.version + 1,
      });
      const updates = (await auditOf(c.id, "indicator")).filter((e) => e.action === "update");
      expect(updates[0]?.after?.target, why).toBe(stored.target);
    }
  });

  it("keeps one task's indicator links whole when 200 PATCHes of them race", SLOW, async () => {
    const task = (await leavesOf("tf-01"))[0]!;
    const pool = (await indicators()).filter((x) => x.taskForceId === "tf-01" || x.taskForceId === null);
    expect(pool.length).toBeGreaterThanOrEqual(4);
    // Racer i links two indicators of its own choosing: a mix of two racers' sets would show.
    const linksOf = (i: number) =>
      [pool[i % pool.length]!.id, pool[(i + 1 + (i % 3)) % pool.length]!.id].filter(
        (x, k, all) => all.indexOf(x) === k,
      );
    await warmUp();
    const logFrom = serverLog.length;
    const answers = await burst(CONCURRENT, (i) =>
      via(i)("PATCH", `/api/v1/tasks/${task.id}`, { indicatorIds: linksOf(i), version: task.version }),
    );
    const why = report(`${CONCURRENT} × PATCH tasks/${task.id} indicatorIds`, answers, logFrom);
    expect.soft(byStatus(answers), why).toEqual({ 200: 1, 409: CONCURRENT - 1 });
    expect.soft(byCode(answers), why).toEqual({ "409 STALE_VERSION": CONCURRENT - 1 });
    const winner = answers.findIndex((a) => a.status === 200);
    expect(winner, why).toBeGreaterThanOrEqual(0);
    const stored = await read(`tasks/${task.id}`);
    expect([...(stored.indicatorIds as string[])].sort(), why).toEqual([...linksOf(winner)].sort());
    expect(stored.version, why).toBe(task.version + 1);
  });

  // Each deadlock costs PostgreSQL's deadlock_timeout (1 s) before one side is chosen: on main this
  // case runs 15–35 s; the margin keeps its failure an assertion with counts, not a timeout.
  it("keeps mixed writers on one task force free of deadlocks and lost updates", {
    timeout: 120_000,
  }, async () => {
    const CLIENTS = 20;
    const OPERATIONS = 200;
    const PATCHERS = 12;
    const leaves = await leavesOf("tf-03");
    const withDuration = leaves.filter((x) => typeof x.duration === "number" && x.duration > 0);
    // Each patcher edits a task of its own; each reporter reports on another task of its own.
    const patched = withDuration.slice(0, PATCHERS);
    const reported = leaves.filter((x) => !patched.includes(x)).slice(0, CLIENTS - PATCHERS);
    expect(patched.length + reported.length, "leaf tasks of tf-03 for 20 clients").toBe(CLIENTS);
    const updatesBefore = new Map<string, number>();
    for (const task of patched)
      updatesBefore.set(
        task.id,
        (await auditOf(task.id, "task")).filter((e) => e.action === "update").length,
      );
    await warmUp();
    const logFrom = serverLog.length;

    /** Final answers of each operation (a PATCH after its retries), and every answer seen. */
    const finals: Answer[] = [];
    const all: Answer[] = [];
    /** Per patched task, the duration its last successful PATCH set, and how many succeeded. */
    const lastSet = new Map<string, number>();
    const wins = new Map<string, number>();
    const patches: Answer[] = [];
    const reports: Answer[] = [];
    let next = 0;
    const patchOnce = async (client: Client, taskId: string, wanted: number) => {
      let answer: Answer | undefined;
      let duration = wanted;
      for (let attempt = 0; attempt <= 3; attempt++) {
        const current = await client("GET", `/api/v1/tasks/${taskId}`);
        all.push(current);
        if (current.status !== 200) return current;
        // Always a real change, so each successful PATCH is one audited update.
        duration = current.body.duration === wanted ? wanted + 1 : wanted;
        answer = await client("PATCH", `/api/v1/tasks/${taskId}`, {
          duration,
          version: current.body.version,
        });
        all.push(answer);
        if (answer.status !== 409) break;
      }
      if (answer!.status === 200) {
        lastSet.set(taskId, duration);
        wins.set(taskId, (wins.get(taskId) ?? 0) + 1);
      }
      return answer!;
    };
    const worker = async (w: number) => {
      for (let op = next++; op < OPERATIONS; op = next++) {
        const client = via(op);
        let answer: Answer;
        if (w < PATCHERS) {
          answer = await patchOnce(client, patched[w]!.id, 5 + ((op * 7) % 60));
        } else {
          const task = reported[w - PATCHERS]!;
          answer = await client("POST", "/api/v1/progress-reports", {
            taskId: task.id,
            reportDate: "2022-08-15",
            // Never below an earlier report (that is refused): the task's percent, rising with op.
            percent: Math.max(
              Number(task.percent ?? 0),
              Math.min(99, Number(task.percent ?? 0) + Math.floor(op / CLIENTS)),
            ),
            narrative: `并发进展 ${op}`,
          });
          all.push(answer);
        }
        finals.push(answer);
        (w < PATCHERS ? patches : reports).push(answer);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, w) => worker(w)));

    const why = `${report(`${OPERATIONS} mixed writes by ${CLIENTS} clients on tf-03`, finals, logFrom)}; PATCH tasks ${JSON.stringify(byStatus(patches))}, POST progress-reports ${JSON.stringify(byStatus(reports))}; every answer incl. reads and retries ${JSON.stringify(byCode(all))}`;
    expect(finals.length).toBe(OPERATIONS);
    // Soft, so that the stored durations are checked (and reported) as well.
    expect.soft(all.filter((a) => a.status >= 500).length, why).toBe(0);
    // Nobody else edits these tasks: every operation succeeds (a PATCH within its retries).
    const counts = byStatus(finals);
    expect.soft(Object.keys(counts).sort(), why).toEqual(["200", "201"]);
    for (const task of patched) {
      const stored = await read(`tasks/${task.id}`);
      expect(stored.duration, `${task.id}: ${why}`).toBe(lastSet.get(task.id) ?? task.duration);
      const updates = (await auditOf(task.id, "task")).filter((e) => e.action === "update").length;
      expect(updates - updatesBefore.get(task.id)!, `${task.id} update entries: ${why}`).toBe(
        wins.get(task.id) ?? 0,
      );
    }
  });
});
