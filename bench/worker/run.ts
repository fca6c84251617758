/**
 * `npm run bench:worker` — outbox delivery throughput: N queued webhook deliveries (default 5,000)
 * sent by the real worker code (claim with a lease, HMAC-signed POST, mark sent) to a local receiver
 * in its own process, on SQLite (one worker) and PostgreSQL (one worker, then two workers on two
 * connection pools, as two app instances). Prints deliveries per second and checks that the receiver
 * got every delivery exactly once. Options (env): BENCH_ROWS (5000), BENCH_PG
 * (postgres://root@127.0.0.1/postgres; "off" skips PostgreSQL).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { Secret } from "../../src/config/load-config.js";
import { openDatabase } from "../../src/db/connection.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { deliverAllDue } from "../../src/domain/delivery/delivery.service.js";
import { webhookTransport } from "../../src/domain/delivery/webhook.js";
import { postChases, setUpNotifications, testClock } from "../../test/outbox-fixtures.js";
import { freshDatabase } from "../demo-database.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 5000);
const PG = process.env.BENCH_PG ?? "postgres://root@127.0.0.1/postgres";
const SECRET = "bench-worker-secret-0123456789";

/** A receiver in its own process: answers 204, counts each delivery id; GET /count tells the counts. */
const RECEIVER = `
import { createServer } from "node:http";
const seen = new Map();
const server = createServer((req, res) => {
  if (req.method === "GET") {
    const repeats = [...seen.values()].filter((n) => n > 1).length;
    res.end(JSON.stringify({ unique: seen.size, repeats }));
    if (req.url === "/reset") seen.clear();
    return;
  }
  req.resume();
  req.on("end", () => {
    const id = req.headers["x-guatu-delivery"];
    seen.set(id, (seen.get(id) ?? 0) + 1);
    res.statusCode = 204;
    res.end();
  });
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

async function startReceiver(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", RECEIVER]);
  const port = await new Promise<string>((resolve) =>
    child.stdout?.once("data", (c: Buffer) => resolve(c.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}`, child };
}

const counts = async (url: string, reset = false) =>
  (await (await fetch(`${url}/${reset ? "reset" : "count"}`)).json()) as { unique: number; repeats: number };

/** Queues ROWS deliveries in a fresh database and delivers them with `workers` workers; one result line. */
async function measure(kind: "sqlite" | "postgres", workers: number, receiver: string) {
  const { url, drop } = await freshDatabase(kind, `guatu_bench_worker_${kind}_${workers}`, PG);
  const open = () =>
    openDatabase(kind === "sqlite" ? { kind, url, path: url.slice("sqlite:".length) } : { kind, url });
  const databases = Array.from({ length: workers }, open);
  const main = databases[0]!;
  try {
    await migrateToLatest(main.db);
    const clock = testClock(new Date().toISOString());
    const { ctx, personId } = await setUpNotifications(main, clock, { webhook: `${receiver}/hook` });
    for (let i = 0; i < ROWS; i += 1000) await postChases(ctx, personId, Math.min(1000, ROWS - i));
    await counts(receiver, true);
    const transports = { webhook: webhookTransport({ secret: new Secret(SECRET) }), email: async () => {} };
    const start = performance.now();
    const tallies = await Promise.all(
      databases.map((database) => deliverAllDue({ database, transports, now: () => new Date() })),
    );
    const seconds = (performance.now() - start) / 1000;
    const got = await counts(receiver);
    const sent = tallies.reduce((n, t) => n + t.sent, 0);
    const states = await main.db
      .selectFrom("outbox")
      .select(["state"])
      .where("state", "!=", "sent")
      .execute();
    const exact = got.unique === ROWS && got.repeats === 0 && sent === ROWS && states.length === 0;
    return `| ${kind} | ${workers} | ${ROWS} | ${seconds.toFixed(2)} s | **${Math.round(ROWS / seconds)}** | ${tallies.map((t) => t.sent).join(" + ")} | ${exact ? "yes" : `NO (unique ${got.unique}, repeats ${got.repeats}, not sent ${states.length})`} |`;
  } finally {
    for (const d of databases) await d.close();
    await drop();
  }
}

const receiver = await startReceiver();
try {
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" / ")}, ${new Date().toISOString()}`,
  );
  console.log(
    "| database | workers | deliveries | time | deliveries/s | sent by each worker | each once, all sent |",
  );
  console.log("|---|---:|---:|---:|---:|---|---|");
  console.log(await measure("sqlite", 1, receiver.url));
  if (PG !== "off") {
    console.log(await measure("postgres", 1, receiver.url));
    console.log(await measure("postgres", 2, receiver.url));
  }
} finally {
  receiver.child.kill();
}
