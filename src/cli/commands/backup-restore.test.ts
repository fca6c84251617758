import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guatuEntry, runGuatu } from "../../../test/cli-run.js";
import { buildProgram } from "../index.js";
import { parseEvery } from "./backup-restore.js";

/** `guatu backup` / `guatu restore` as an operator runs them: exits, lines, rotation, the lock. */
describe("guatu backup and guatu restore", () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "guatu-backup-cli-"));
    db = `sqlite:${join(dir, "live.db")}`;
    expect(runGuatu(["demo", "--db", db]).code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("backs up, verifies and restores into a new database, one line each", () => {
    const out = join(dir, "one.jsonl.gz");
    const b = runGuatu(["backup", "--db", db, "--out", out]);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(
      /^wrote .*one\.jsonl\.gz: \d+ tables, \d+ rows \(schema .*, from sqlite at .*\)\n$/,
    );
    expect(existsSync(`${out}.partial`)).toBe(false);
    expect(runGuatu(["restore", out, "--verify-only"]).stdout).toMatch(/is intact: \d+ tables/);
    const r = runGuatu(["restore", out, "--db", `sqlite:${join(dir, "copy.db")}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/counts and checksums match\n$/);
    const again = runGuatu(["restore", out, "--db", `sqlite:${join(dir, "copy.db")}`]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /^guatu: the target database already holds data \(\d+ rows in \w+\).*--replace\n$/,
    );
    expect(runGuatu(["restore", out, "--db", `sqlite:${join(dir, "copy.db")}`, "--replace"]).code).toBe(0);
  }, 120_000);

  it("refuses to restore into a SQLite file a server is serving", () => {
    const served = join(dir, "served.db");
    // The lock a running `guatu serve` holds, naming a live process (this one).
    writeFileSync(`${served}.serve-lock`, String(process.pid));
    const r = runGuatu(["restore", join(dir, "one.jsonl.gz"), "--db", `sqlite:${served}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`another guatu serve (pid ${process.pid}) uses this SQLite file`);
    expect(existsSync(served)).toBe(false);
  });

  it("keeps the newest --keep archives in --dir", () => {
    const rot = join(dir, "rot");
    // An older archive and a file of someone else's: only ours are pruned.
    runGuatu(["backup", "--db", db, "--dir", rot]);
    writeFileSync(join(rot, "guatu-20200101T000000Z.jsonl.gz"), "old");
    writeFileSync(join(rot, "notes.txt"), "keep me");
    const r = runGuatu(["backup", "--db", db, "--dir", rot, "--keep", "1"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/deleted 2 older archive\(s\)\n$/);
    const left = readdirSync(rot).sort();
    expect(left).toHaveLength(2);
    expect(left[1]).toBe("notes.txt");
    expect(left[0]).toMatch(/^guatu-\d{8}T\d{9}Z\.jsonl\.gz$/);
  }, 120_000);

  it("repeats with --every until SIGTERM", async () => {
    const every = join(dir, "every");
    const cli = guatuEntry();
    const child = spawn(
      process.execPath,
      [cli.entry, "backup", "--db", db, "--dir", every, "--every", "1s", "--keep", "2"],
      { env: { ...process.env, ...cli.env } },
    );
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await expect
      .poll(() => out.match(/^wrote /gm)?.length ?? 0, { timeout: 60_000, interval: 100 })
      .toBeGreaterThanOrEqual(3);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(out).toMatch(/deleted 1 older archive\(s\)/);
    expect(readdirSync(every).length).toBeLessThanOrEqual(2);
  }, 90_000);

  it("copies the SQLite file with the online backup API", () => {
    const copy = join(dir, "copy-file.db");
    const r = runGuatu(["backup", "--db", db, "--format", "sqlite", "--out", copy]);
    expect(r.code, r.stderr).toBe(0);
    const check = runGuatu(["check", "--db", `sqlite:${copy}`]);
    expect(check.code, check.stderr).not.toBe(2);
  }, 120_000);

  it.each([
    [["backup", "--db", "sqlite::memory:"], "say where to write: --out FILE or --dir FOLDER"],
    [["backup", "--out", "a", "--dir", "b"], "say where to write: --out FILE or --dir FOLDER"],
    [["backup", "--out", "a", "--every", "1h"], "--every needs --dir"],
    [["backup", "--dir", "/tmp/x", "--keep", "0"], "--keep 0: a whole number, 1 or more"],
    [["backup", "--dir", "/tmp/x", "--every", "soon"], "--every soon: a period such as 30m, 24h or 7d"],
    [["backup", "--out", "a", "--format", "tar"], "--format tar: archive or sqlite"],
    [
      ["backup", "--db", "sqlite::memory:", "--out", "/nonexistent/dir/a.gz"],
      "--out /nonexistent/dir/a.gz: cannot write it (ENOENT)",
    ],
    [["restore", "/nonexistent.jsonl.gz", "--db", "sqlite::memory:"], "/nonexistent.jsonl.gz: no such file"],
    [["restore", "/nonexistent.jsonl.gz", "--verify-only"], "/nonexistent.jsonl.gz: no such file"],
  ])("guatu %j is refused: %s", async (args, text) => {
    // In-process (the exit code and the one line come from runProgram, tested in src/cli/exits.test.ts).
    await expect((await buildProgram()).parseAsync(["node", "guatu", ...args])).rejects.toThrow(text);
  });

  it("parses periods", () => {
    expect(parseEvery("90s")).toBe(90_000);
    expect(parseEvery("24h")).toBe(86_400_000);
    expect(parseEvery("7d")).toBe(604_800_000);
    expect(() => parseEvery("0s")).toThrow(/at least 1s/);
  });
});
