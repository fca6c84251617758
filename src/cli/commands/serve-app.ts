import type { Command } from "commander";
import { loadConfig } from "../../config/load-config.js";
import { startServer } from "../../http/server.js";

/** `guatu serve [--host] [--port] [--db] [--no-worker]` — serve the web app and API until interrupted. */
export function register(program: Command): void {
  program
    .command("serve")
    .description("serve the web app and the API (migrates the database first)")
    .option("--host <host>", "address to listen on (env GUATU_HOST)", undefined)
    .option("--port <port>", "port to listen on (env GUATU_PORT)", undefined)
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB; default sqlite:./data/guatu.db)")
    .option(
      "--no-worker",
      "do not deliver notifications in this process (another instance or `guatu worker` does)",
    )
    .action(async (opts: { host?: string; port?: string; db?: string; worker: boolean }) => {
      const config = loadConfig(process.env, { host: opts.host, port: opts.port, db: opts.db });
      const server = await startServer(config, { worker: opts.worker });
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        await server.close();
        process.exit(0);
      };
      // Before the line that says it serves: until a listener exists, the OS's default for SIGTERM
      // kills at once, and whoever read the line and signalled left the lock behind.
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      process.stdout.write(
        `Guatu is serving ${server.url} (database ${config.db.kind}); API docs at ${server.url}/api/docs\n`,
      );
    });
}
