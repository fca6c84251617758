import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The CLI transpiled once per run (test/global-setup.ts): its entry, `<folder>/cli/main.js`. */
    guatuBuild: string;
  }
}

const bin = join(import.meta.dirname, "..", "bin", "guatu.js");

/**
 * How a test starts a real `guatu` process: node with this entry and these variables. The run's
 * transpiled CLI (test/global-setup.ts), or the sources through bin/guatu.js where that setup did
 * not run.
 */
export function guatuEntry(): { readonly entry: string; readonly env: Record<string, string> } {
  const build = inject("guatuBuild");
  return build ? { entry: build, env: {} } : { entry: bin, env: { GUATU_FROM_SOURCE: "1" } };
}

/** Runs a real `guatu` process ({@link guatuEntry}) and returns its exit code and output. */
export function runGuatu(args: string[], env: Record<string, string> = {}, input?: string) {
  const cli = guatuEntry();
  const r = spawnSync(process.execPath, [cli.entry, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...cli.env, ...env },
    timeout: 120_000,
    ...(input === undefined ? {} : { input }),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
