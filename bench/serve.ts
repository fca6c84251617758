import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const compiled = join(root, "dist", "cli", "main.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Benchmarks measure the compiled server: `bin/guatu.js` would quietly fall back to tsx when any
 * source file (even a test) is newer than `dist`, so compile first when `dist` is stale.
 */
export function ensureCompiled(): void {
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource(join(root, "src"))) return;
  process.stderr.write("dist is older than src: compiling (tsc -p tsconfig.build.json)…\n");
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
}

/**
 * Starts the compiled `guatu serve` on a free port as its own process (log level warn); resolves with
 * its URL. `extraArgs` go after the others (e.g. `--no-worker` for a second instance).
 */
export function serveInChild(
  dbUrl: string,
  extraArgs: readonly string[] = [],
): Promise<{ base: string; child: ChildProcess; stop: () => Promise<void> }> {
  ensureCompiled();
  const child = spawn(process.execPath, [compiled, "serve", "--port", "0", "--db", dbUrl, ...extraArgs], {
    env: { ...process.env, GUATU_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const m = /serving (http:\/\/\S+?) /.exec(String(chunk));
      if (m) resolve({ base: m[1]!, child, stop });
    });
    child.on("exit", (code) => reject(new Error(`guatu serve exited with ${code}`)));
  });
}

/** Signs in and returns the session cookie header value. */
export async function sessionCookie(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return res.headers.getSetCookie()[0]!.split(";")[0]!;
}
