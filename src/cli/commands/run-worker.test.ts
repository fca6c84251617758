import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { guatuEntry } from "../../../test/cli-run.js";
import { rowsWhere } from "../../../test/db-harness.js";
import { postChases, setUpNotifications, testClock } from "../../../test/outbox-fixtures.js";
import { startWebhookReceiver, type WebhookReceiver } from "../../../test/webhook-receiver.js";
import { type DatabaseHandle, openDatabase } from "../../db/connection.js";
import { migrateToLatest } from "../../db/migrate.js";

const SECRET = "cli-worker-secret-0123456789";

/** A running `guatu` process and its output so far. */
function startGuatu(args: string[]) {
  const out = { stdout: "", stderr: "" };
  const cli = guatuEntry();
  const child = spawn(process.execPath, [cli.entry, ...args], {
    env: { ...process.env, ...cli.env, GUATU_WEBHOOK_SECRET: SECRET, GUATU_LOG_LEVEL: "warn" },
  });
  child.stdout.on("data", (c: Buffer) => {
    out.stdout += c.toString();
  });
  child.stderr.on("data", (c: Buffer) => {
    out.stderr += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, out, exited };
}

describe("guatu worker and guatu serve's in-process worker", () => {
  const path = join(tmpdir(), `guatu-worker-cli-${process.pid}.db`);
  let database: DatabaseHandle;
  let receiver: WebhookReceiver;
  let fixture: Awaited<ReturnType<typeof setUpNotifications>>;
  const running: ChildProcess[] = [];
  const start = (args: string[]) => {
    const g = startGuatu([...args, "--db", `sqlite:${path}`]);
    running.push(g.child);
    return g;
  };
  const sentCount = async () => (await rowsWhere(database, "outbox", { state: "sent" })).length;

  beforeAll(async () => {
    database = openDatabase({ kind: "sqlite", url: `sqlite:${path}`, path });
    await migrateToLatest(database.db);
    receiver = await startWebhookReceiver(SECRET);
    // Queued "now" by the real clock, so the processes find the rows due.
    fixture = await setUpNotifications(database, testClock(new Date().toISOString()), {
      webhook: receiver.url,
    });
  });
  afterEach(() => {
    for (const c of running.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  });
  afterAll(async () => {
    await receiver?.close();
    await database?.close();
    for (const s of ["", "-wal", "-shm"]) rmSync(`${path}${s}`, { force: true });
  });

  it("`guatu worker` delivers the queued rows, signed, and stops cleanly on SIGTERM", async () => {
    await postChases(fixture.ctx, fixture.personId, 12);
    const w = start(["worker", "--interval", "0.2"]);
    await expect.poll(() => receiver.accepted.size, { timeout: 60_000 }).toBe(12);
    expect(receiver.requests.every((r) => r.verified)).toBe(true);
    await expect.poll(sentCount, { timeout: 10_000 }).toBe(12);
    expect(w.out.stdout).toContain(
      "Guatu worker is recording the day's 催办 and delivering notifications (database sqlite)",
    );
    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
    expect(w.out.stdout).toContain("Guatu worker stopped");
    expect(w.out.stderr).not.toContain(SECRET);
  });

  it("`guatu serve` delivers in-process by default, and not with --no-worker", async () => {
    const quiet = start(["serve", "--port", "0", "--no-worker"]);
    await expect.poll(() => quiet.out.stdout, { timeout: 60_000 }).toContain("Guatu is serving");
    await postChases(fixture.ctx, fixture.personId, 3);
    // The in-process worker's first round runs at start; give a worker that is wrongly there time to act.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await sentCount()).toBe(12);
    quiet.child.kill("SIGTERM");
    expect(await quiet.exited).toBe(0);

    const serving = start(["serve", "--port", "0"]);
    await expect.poll(sentCount, { timeout: 60_000 }).toBe(15);
    expect(serving.out.stdout).toContain("Guatu is serving");
    serving.child.kill("SIGTERM");
    expect(await serving.exited).toBe(0);
  });
});
