/**
 * `npm run bench:write` — writes through the HTTP API, on SQLite and PostgreSQL: building a
 * 300-task task force one request at a time, approving its plan after its start moved (every
 * task's baseline changes), and a burst of concurrent task edits (each one re-schedules the task
 * force). The server runs as its own `guatu serve` process (log level warn) on a fresh database
 * holding the demo district; this process signs in as the demo admin (session cookie and CSRF
 * token) and talks to it only over HTTP, through routes older checkouts have too, so the same file
 * can measure before and after a change.
 * Options (env): BENCH_ROUNDS (plan approvals, default 10), BENCH_EDITS (task edits in the burst,
 * default 600), BENCH_CLIENTS (concurrent editing clients, default 20), BENCH_PG (a server URL,
 * default postgres://root@127.0.0.1/postgres; "off" to skip PostgreSQL).
 */
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { DEMO_PASSWORD } from "../../src/domain/demo/demo-accounts.js";
import { buildDemoDataset } from "../../src/domain/demo/demo-data.js";
import { prepareDemoDatabase } from "../demo-database.js";
import { serveInChild } from "../serve.js";
import { writeSection } from "../write-section.js";

const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
const edits = Number(process.env.BENCH_EDITS ?? 600);
const clients = Number(process.env.BENCH_CLIENTS ?? 20);
const pgAdmin = process.env.BENCH_PG ?? "postgres://root@127.0.0.1/postgres";

const SUMMARIES = 30;
const LEAVES_PER_SUMMARY = 9;
const TASKS_PER_CLIENT = 15;
/**
 * The task force's two start dates. Both lie after the demo's status date (2022-08-15): the
 * forward pass starts work not yet begun at the status date, so moving a start that lies before it
 * (2022-07-01 ↔ 2022-07-11) would move no early date and approve nothing after the first round.
 */
const START_A = "2022-09-01";
const START_B = "2022-09-13";
const DEADLINE = "2022-12-30";

// ---------------------------------------------------------------------------------------------
// The database and the server

const prepare = (kind: "sqlite" | "postgres") =>
  prepareDemoDatabase(kind, {
    name: `guatu_bench_write_${process.pid}`,
    pgAdmin,
    dataset: buildDemoDataset(),
  });

// ---------------------------------------------------------------------------------------------
// A small HTTP client: session cookie, CSRF token, one timed request at a time

interface Answer<T> {
  status: number;
  body: T;
  ms: number;
}

class Client {
  constructor(
    private readonly base: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  /** Signs in; the session cookie goes with every request, the CSRF token with every write. */
  static async login(base: string, username: string, password: string): Promise<Client> {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = res.headers.getSetCookie()[0]?.split(";")[0];
    if (!cookie || !csrfToken) throw new Error("login answered without a session cookie or CSRF token");
    return new Client(base, cookie, csrfToken);
  }

  async request<T>(
    method: "GET" | "POST" | "PATCH" | "PUT",
    path: string,
    body?: unknown,
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (method !== "GET") headers["x-csrf-token"] = this.csrfToken;
    if (body !== undefined) headers["content-type"] = "application/json";
    const started = performance.now();
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, ms };
  }

  /** A request that must answer `expected`; anything else stops the benchmark with the answer. */
  async expect<T>(
    expected: number,
    method: "GET" | "POST" | "PATCH",
    path: string,
    body?: unknown,
  ): Promise<Answer<T>> {
    const answer = await this.request<T>(method, path, body);
    if (answer.status !== expected)
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer;
  }
}

interface Versioned {
  id: string;
  version: number;
}
interface TaskRow extends Versioned {
  code: string;
  parentId: string | null;
  duration: number | null;
}

// ---------------------------------------------------------------------------------------------
// Figures

interface Row {
  db: string;
  measure: string;
  requests: number;
  wallMs: number;
  latencies: number[];
  answers: string;
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function countByStatus(statuses: readonly (number | string)[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(String(s), (counts.get(String(s)) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s}: ${n}`)
    .join(", ");
}

const ms = (v: number) => (Number.isNaN(v) ? "" : v < 10 ? v.toFixed(1) : String(Math.round(v)));

// ---------------------------------------------------------------------------------------------
// The three measurements

interface Plan {
  taskForce: Versioned;
  tasks: number;
  /** Leaf tasks in chain order (1.1 … 30.9), with their first duration. */
  leaves: { id: string; duration: number }[];
}

/** Task force W1: 30 summaries × 9 leaves, one FS chain through every leaf. */
async function buildPlan(api: Client, db: string, rows: Row[]): Promise<Plan> {
  const latencies: number[] = [];
  const statuses: number[] = [];
  const timed = async <T>(method: "POST", path: string, body: unknown): Promise<T> => {
    const answer = await api.expect<T>(201, method, path, body);
    latencies.push(answer.ms);
    statuses.push(answer.status);
    return answer.body;
  };
  const started = performance.now();
  const taskForce = await timed<Versioned>("POST", "/api/v1/task-forces", {
    code: "W1",
    name: "W1 写入基准专班",
    startDate: START_A,
    deadline: DEADLINE,
  });
  const leaves: Plan["leaves"] = [];
  let tasks = 0;
  for (let k = 1; k <= SUMMARIES; k++) {
    const summary = await timed<Versioned>("POST", "/api/v1/tasks", {
      taskForceId: taskForce.id,
      code: String(k),
      title: `阶段 ${k}`,
    });
    tasks++;
    for (let j = 1; j <= LEAVES_PER_SUMMARY; j++) {
      const duration = 3 + ((k * 7 + j * 3) % 6);
      // Every third leaf has a deadline of its own, spread over October to December.
      const deadline =
        (k + j) % 3 === 0 ? `2022-${String(10 + (k % 3))}-${String(10 + j).padStart(2, "0")}` : null;
      const leaf = await timed<Versioned>("POST", "/api/v1/tasks", {
        taskForceId: taskForce.id,
        parentId: summary.id,
        code: `${k}.${j}`,
        title: `阶段 ${k} 事项 ${j}`,
        duration,
        deadline,
      });
      tasks++;
      leaves.push({ id: leaf.id, duration });
    }
  }
  for (let i = 1; i < leaves.length; i++)
    await timed<Versioned>("POST", "/api/v1/dependencies", {
      predecessorId: leaves[i - 1]!.id,
      successorId: leaves[i]!.id,
      type: "FS",
      lag: 0,
    });
  rows.push({
    db,
    measure: `create ${tasks} tasks + ${leaves.length - 1} dependencies, one by one (and the task force)`,
    requests: latencies.length,
    wallMs: performance.now() - started,
    latencies,
    answers: countByStatus(statuses),
  });
  return { taskForce, tasks, leaves };
}

/** Moves the task force's start, then approves the plan: every task gets a new baseline. */
async function approvals(api: Client, plan: Plan, db: string, rows: Row[]): Promise<void> {
  const moves: number[] = [];
  const approvalMs: number[] = [];
  const approved: number[] = [];
  const statuses: number[] = [];
  let taskForce = plan.taskForce;
  // Slippage against the latest baseline, so that every approval rewrites every task's baseline in
  // force as before baselines were versions (older versions refuse the setting and always did).
  await api.request("PUT", "/api/v1/settings", { plan: { slippageAgainst: "latest" } });
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const startDate = round % 2 === 0 ? START_B : START_A;
    const moved = await api.expect<Versioned>(200, "PATCH", `/api/v1/task-forces/${taskForce.id}`, {
      startDate,
      version: taskForce.version,
    });
    moves.push(moved.ms);
    taskForce = moved.body;
    const answer = await api.request<{ run: { statusDate: string }; approved: number }>(
      "POST",
      `/api/v1/task-forces/${taskForce.id}/approve-plan`,
      { reason: `bench round ${round + 1}`, number: round + 1 },
    );
    statuses.push(answer.status);
    if (answer.status !== 200) {
      process.stderr.write(`  approve-plan answered ${answer.status}: ${JSON.stringify(answer.body)}\n`);
      continue;
    }
    approvalMs.push(answer.ms);
    approved.push(answer.body.approved);
    if (answer.body.approved < plan.tasks * 0.9)
      process.stderr.write(
        `  round ${round + 1}: only ${answer.body.approved} of ${plan.tasks} tasks approved (status date ${answer.body.run.statusDate}, start ${startDate})\n`,
      );
  }
  const wallMs = performance.now() - started;
  rows.push({
    db,
    measure: `PATCH task force startDate (re-schedules ${plan.tasks} tasks)`,
    requests: moves.length,
    wallMs: moves.reduce((a, b) => a + b, 0),
    latencies: moves,
    answers: countByStatus(moves.map(() => 200)),
  });
  rows.push({
    db,
    measure: `approve plan of ${plan.tasks} tasks after the start moved`,
    requests: statuses.length,
    wallMs: approvalMs.reduce((a, b) => a + b, 0),
    latencies: approvalMs,
    answers: `${countByStatus(statuses)}; approved (median) ${percentile(approved, 50)}`,
  });
  process.stderr.write(`  ${rounds} rounds in ${(wallMs / 1000).toFixed(1)} s\n`);
}

/** `clients` concurrent clients, each editing its own leaf tasks round-robin (duration d ↔ d + 1). */
async function editBurst(api: Client, plan: Plan, db: string, rows: Row[]): Promise<void> {
  const list = await api.expect<{ items: TaskRow[] }>(
    200,
    "GET",
    `/api/v1/tasks?taskForceId=${plan.taskForce.id}&limit=1000`,
  );
  const versions = new Map(list.body.items.map((t) => [t.id, t.version]));
  const perClient = Math.min(TASKS_PER_CLIENT, Math.floor(plan.leaves.length / clients));
  if (perClient < 1) throw new Error(`${clients} clients need at least ${clients} leaf tasks`);
  const latencies: number[] = [];
  const statuses: (number | string)[] = [];
  let retries = 0;

  const patch = async (taskId: string, duration: number, version: number) => {
    try {
      const answer = await api.request<Versioned>("PATCH", `/api/v1/tasks/${taskId}`, { duration, version });
      latencies.push(answer.ms);
      statuses.push(answer.status);
      return answer;
    } catch (error) {
      statuses.push(`network error (${(error as Error).message})`);
      return undefined;
    }
  };

  const client = async (c: number) => {
    const own = plan.leaves.slice(c * perClient, (c + 1) * perClient).map((leaf) => ({
      ...leaf,
      version: versions.get(leaf.id)!,
      edits: 0,
    }));
    const count = Math.floor(edits / clients) + (c < edits % clients ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const task = own[i % own.length]!;
      const duration = task.duration + (task.edits % 2 === 0 ? 1 : 0);
      task.edits++;
      let answer = await patch(task.id, duration, task.version);
      if (answer?.status === 409) {
        retries++;
        const fresh = await api.request<Versioned>("GET", `/api/v1/tasks/${task.id}`);
        if (fresh.status === 200) answer = await patch(task.id, duration, fresh.body.version);
      }
      if (answer?.status === 200) task.version = answer.body.version;
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  const wallMs = performance.now() - started;
  rows.push({
    db,
    measure: `PATCH /tasks/:id {duration, version}, ${clients} concurrent clients × ${perClient} own leaf tasks`,
    requests: edits,
    wallMs,
    latencies,
    answers: `${countByStatus(statuses)}${retries ? `; ${retries} retried after 409` : ""}`,
  });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const rows: Row[] = [];
  const kinds: ("sqlite" | "postgres")[] = pgAdmin === "off" ? ["sqlite"] : ["sqlite", "postgres"];
  for (const kind of kinds) {
    process.stderr.write(`preparing ${kind}…\n`);
    const db = await prepare(kind);
    try {
      const { base, stop } = await serveInChild(db.url);
      try {
        const api = await Client.login(base, "admin", DEMO_PASSWORD);
        process.stderr.write("  building task force W1…\n");
        const plan = await buildPlan(api, kind, rows);
        process.stderr.write(`  ${rounds} plan approvals…\n`);
        await approvals(api, plan, kind, rows);
        process.stderr.write(`  ${edits} task edits by ${clients} clients…\n`);
        await editBurst(api, plan, kind, rows);
      } finally {
        await stop();
      }
    } finally {
      await db.drop();
    }
  }
  const table = [
    "| database | measure | requests | time s | p50 ms | p95 ms | p99 ms | req/s | answers |",
    "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ...rows.map((r) =>
      [
        "",
        r.db,
        r.measure,
        r.requests,
        (r.wallMs / 1000).toFixed(1),
        ms(percentile(r.latencies, 50)),
        ms(percentile(r.latencies, 95)),
        r.latencies.length >= 100 ? ms(percentile(r.latencies, 99)) : "",
        (r.requests / (r.wallMs / 1000)).toFixed(1),
        r.answers,
        "",
      ]
        .join(" | ")
        .trim(),
    ),
  ].join("\n");
  const when = new Date().toISOString().slice(0, 10);
  const text = [
    `Command: \`npm run bench:write\` (${rounds} plan approvals, ${edits} task edits by ${clients} concurrent clients; signed in as the demo admin with its`,
    "session cookie and CSRF token; server: `guatu serve` in its own process, log level warn, on a fresh database with the demo district).",
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node.js ${process.version}. Date: ${when}.`,
    `What is measured: task force W1 (${SUMMARIES} summary tasks × ${LEAVES_PER_SUMMARY} leaf tasks chained FS into one line) built through the API one request at a time;`,
    `then, ${rounds} times, its start moved (${START_A} ↔ ${START_B}, so every early date moves) and the plan approved (time s = the approvals alone);`,
    "then a burst of concurrent duration edits, each re-scheduling W1 (time s = wall time of the burst, req/s = edits per second).",
    "Latencies are per request as this process sees them; p99 only where there are 100 requests or more.",
    "",
    table,
  ].join("\n");
  process.stdout.write(`${table}\n`);
  writeSection("## Writes (`npm run bench:write`)", text);
}

await main();
