import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");

/** Starts `guatu serve` on a free port as its own process (log level warn); resolves with its URL. */
export function serveInChild(
  dbUrl: string,
): Promise<{ base: string; child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [join(root, "bin", "guatu.js"), "serve", "--port", "0", "--db", dbUrl],
    {
      env: { ...process.env, GUATU_LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
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
