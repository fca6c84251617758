import { Command, CommanderError } from "commander";
import { VERSION } from "../version.js";
import { exitCodeFor, failureLine } from "./output.js";

interface CommandModule {
  register(program: Command): void;
}

/**
 * Every command module by the top-level command names it registers; adding a command is one line
 * here. Loaded on demand: `guatu schedule` loads the engines it needs, not Fastify, Kysely or zod.
 */
const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  serve: () => import("./commands/serve-app.js"),
  demo: () => import("./commands/load-demo.js"),
  migrate: () => import("./commands/migrate-database.js"),
  user: () => import("./commands/manage-users.js"),
  schedule: () => import("./commands/schedule-project.js"),
  check: () => import("./commands/check-task-books.js"),
  assess: () => import("./commands/assess-task-forces.js"),
  dispatch: () => import("./commands/dispatch-report.js"),
  report: () => import("./commands/report-documents.js"),
  "answer-sheet": () => import("./commands/write-answer-sheet.js"),
  remind: () => import("./commands/remind.js"),
  worker: () => import("./commands/run-worker.js"),
  export: () => import("./commands/ledger-files.js"),
  import: () => import("./commands/ledger-files.js"),
  "prune-attachments": () => import("./commands/prune-attachments.js"),
  backup: () => import("./commands/backup-restore.js"),
  restore: () => import("./commands/backup-restore.js"),
};

/** The top-level command names, in the order `--help` lists them. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/**
 * Builds the `guatu` program: with `only` (the command on the command line), just that command's
 * module; otherwise every command (for `--help`, an unknown command, and tests).
 */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command("guatu")
    .description(
      "Guatu (挂图) — task forces, battle map, backward scheduling, lights, supervision, assessment",
    )
    .version(VERSION)
    // A usage error is one line (commander's "error: …"); `--help` shows the rest.
    .showHelpAfterError(false)
    .exitOverride();
  const loaders =
    only !== undefined && Object.hasOwn(COMMANDS, only) ? [COMMANDS[only]!] : Object.values(COMMANDS);
  const modules = new Set(await Promise.all(loaders.map((load) => load())));
  for (const m of modules) m.register(program);
  return program;
}

/** Parses argv and runs; every failure becomes one line on stderr and the SPEC's exit code. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync(argv as string[]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help / --version exit through here with code 0.
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(`guatu: ${failureLine(e)}\n`);
    process.exitCode = exitCodeFor(e);
  }
}
