import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runGuatu } from "../../test/cli-run.js";
import { signIn } from "../../test/factories.js";
import { openDatabase } from "../db/connection.js";
import { buildApp } from "../http/app.js";

const dbPath = join(tmpdir(), `guatu-cli-${process.pid}.db`);
afterAll(() => {
  for (const s of ["", "-wal", "-shm"]) rmSync(`${dbPath}${s}`, { force: true });
});

describe("guatu CLI", () => {
  it("prints help listing its commands, exit 0", () => {
    const r = runGuatu(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["serve", "demo", "migrate"]) expect(r.stdout).toContain(c);
    expect(runGuatu(["serve", "--help"]).stdout).toContain("--port");
  });

  it("prints the package's version", () => {
    const r = runGuatu(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(
      JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8")).version,
    );
  });

  it("exits 2 with one line for a bad --db URL", () => {
    const r = runGuatu(["migrate", "--db", "mysql://x"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--db mysql://x: expected sqlite:PATH or postgres://");
  });

  it("exits 2 naming a bad port", () => {
    const r = runGuatu(["serve", "--port", "99999", "--db", `sqlite:${dbPath}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--port 99999");
  });

  it("exits 2 naming a bad --older-than of prune-attachments", () => {
    const r = runGuatu(["prune-attachments", "--older-than", "-1", "--db", `sqlite:${dbPath}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--older-than -1: must be a whole number of days");
  });

  it("exits 2 for an unknown command", () => {
    expect(runGuatu(["frobnicate"]).code).toBe(2);
  });

  it("migrates a new database, then reports it up to date (GUATU_DB works too)", () => {
    const first = runGuatu(["migrate"], { GUATU_DB: `sqlite:${dbPath}` });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("applied 2026-11-29-0001-core: Success");
    expect(first.stdout).toContain("applied 2026-11-29-0002-accounts: Success");
    expect(first.stdout).toContain("applied 2026-11-29-0003-revisions: Success");
    expect(first.stdout).toContain("applied 2026-11-29-0007-indexes: Success");
    const again = runGuatu(["migrate", "--db", `sqlite:${dbPath}`]);
    expect(again.stdout).toContain("up to date");
  });

  it("adds a user with a password from stdin who can then sign in; passwd changes it", async () => {
    const db = `sqlite:${dbPath}`;
    const add = runGuatu(
      ["user", "add", "zhangsan", "--role", "lead", "--name", "张三", "--password-stdin", "--db", db],
      {},
      "first-password\n",
    );
    expect(add.code).toBe(0);
    expect(add.stdout).toContain("created user zhangsan");
    expect(add.stdout).not.toContain("first-password");
    const dup = runGuatu(["user", "add", "zhangsan", "--db", db]);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain("already exists");
    const badRole = runGuatu(["user", "add", "lisi", "--role", "boss", "--db", db]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("--role boss");
    expect(runGuatu(["user", "passwd", "nobody", "--db", db]).code).toBe(2);
    const generated = runGuatu(["user", "passwd", "zhangsan", "--db", db]);
    expect(generated.code).toBe(0);
    const password = generated.stdout.trim().split(" ").pop()!;
    const database = openDatabase({ kind: "sqlite", url: db, path: dbPath });
    const app = await buildApp({ database, version: "test" });
    try {
      const session = await signIn(app, "zhangsan", password);
      expect(session.csrf).toBeTruthy();
      await expect(signIn(app, "zhangsan", "first-password")).rejects.toThrow(/401/);
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);

  it("loads the demo once, checks its task books (exit 1, exactly the planted gaps) and assesses it", () => {
    const db = `sqlite:${dbPath}.demo`;
    const first = runGuatu(["demo", "--db", db]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("10 task-forces");
    expect(runGuatu(["demo", "--db", db]).stdout).toContain("already loaded");
    const check = runGuatu(["check", "--db", db, "--format", "json"]);
    expect(check.code).toBe(1);
    type F = { wbs: string | null; code: string; params?: { indicatorId?: string } };
    const all = JSON.parse(check.stdout).findings as F[];
    const findings = all.filter((f) => !f.params?.indicatorId).map((f) => `${f.wbs ?? "07"} ${f.code}`);
    expect(findings).toHaveLength(8);
    // The demo's planted cascade findings (层层衔接, docs/demo.md).
    expect(
      all.flatMap((f) => (f.params?.indicatorId ? [`${f.code} ${f.params.indicatorId}`] : [])).sort(),
    ).toEqual(["CASCADE_MONTHS ind-08-5-fy", "CASCADE_SHARES ind-08-5", "INDICATOR_NO_TASK ind-07-3"]);
    expect(runGuatu(["check", "--db", db, "--lang", "zh"]).stdout).toContain("个问题");
    const assess = runGuatu(["assess", "--db", db, "--save", "--lang", "en"]);
    expect(assess.code).toBe(0);
    expect(assess.stdout).toContain("Saved assessment snapshot");
    expect(assess.stdout.split("\n").filter((l) => /^\d+ /.test(l))).toHaveLength(10);
    expect(runGuatu(["assess", "--db", db, "--status-date", "15.8.2022"]).code).toBe(2);
    for (const s of ["", "-wal", "-shm"]) rmSync(`${dbPath}.demo${s}`, { force: true });
  }, 180_000);
});
