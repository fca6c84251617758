import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guatuEntry, runGuatu } from "../../test/cli-run.js";

/**
 * Exit codes exactly as documented (hostile-input issue, item 15): a database path that is a file,
 * under a file or under /proc (which spun at 100 % CPU), a port in use and a usage error all exit 2
 * with one line on stderr naming what is wrong.
 */
describe("guatu's exits on odd paths, ports and usage", () => {
  let busy: Server;
  let port = 0;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(() => {
    busy.close();
  });

  it.each([
    [["migrate", "--db", "sqlite:/etc/passwd"], "cannot open it as a SQLite database"],
    [["migrate", "--db", "sqlite:/etc/passwd/x.db"], "/etc/passwd is a file, not a folder"],
    [["migrate", "--db", "sqlite:/proc/x/y.db"], "/proc cannot hold a database file"],
    [["migrate", "--nope"], "unknown option '--nope'"],
  ])("guatu %j exits 2 with one line", (args, text) => {
    const r = runGuatu(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 naming the address when the port is in use", () => {
    const r = runGuatu(["serve", "--no-worker", "--port", String(port), "--db", "sqlite::memory:"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`guatu: 127.0.0.1:${port} is already in use (--host, --port)`);
  });

  /** `guatu serve` on `db` in the background, resolved once it listens. */
  function serving(db: string): Promise<ChildProcess> {
    const cli = guatuEntry();
    const child = spawn(process.execPath, [cli.entry, "serve", "--port", "0", "--no-worker", "--db", db], {
      env: { ...process.env, ...cli.env, GUATU_LOG_LEVEL: "silent" },
    });
    return new Promise((resolve, reject) => {
      let out = "";
      child.stdout?.on("data", (d) => {
        out += d;
        if (out.includes("Guatu is serving")) resolve(child);
      });
      child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
  }
  const exited = (child: ChildProcess) => new Promise((resolve) => child.once("exit", resolve));

  it("refuses a second server on one SQLite file, and takes over the lock of one that died", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guatu-lock-"));
    const db = `sqlite:${join(dir, "guatu.db")}`;
    try {
      const first = await serving(db);
      const second = runGuatu(["serve", "--port", "0", "--no-worker", "--db", db]);
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(`another guatu serve (pid ${first.pid}) uses this SQLite file`);
      expect(second.stderr.trim().split("\n")).toHaveLength(1);
      // Killed without a chance to clean up: the lock stays, naming a dead process.
      first.kill("SIGKILL");
      await exited(first);
      expect(existsSync(join(dir, "guatu.db.serve-lock"))).toBe(true);
      const third = await serving(db);
      third.kill("SIGTERM");
      expect(await exited(third)).toBe(0);
      expect(existsSync(join(dir, "guatu.db.serve-lock"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
