import { Command, CommanderError } from "commander";
import { isAppError } from "../shared/errors.js";
import { VERSION } from "../version.js";
import { register as assessTaskForces } from "./commands/assess-task-forces.js";
import { register as checkTaskBooks } from "./commands/check-task-books.js";
import { register as dispatchReport } from "./commands/dispatch-report.js";
import { register as ledgerFiles } from "./commands/ledger-files.js";
import { register as loadDemo } from "./commands/load-demo.js";
import { register as manageUsers } from "./commands/manage-users.js";
import { register as migrateDatabase } from "./commands/migrate-database.js";
import { register as pruneAttachments } from "./commands/prune-attachments.js";
import { register as remind } from "./commands/remind.js";
import { register as reportDocuments } from "./commands/report-documents.js";
import { register as runWorker } from "./commands/run-worker.js";
import { register as scheduleProject } from "./commands/schedule-project.js";
import { register as serveApp } from "./commands/serve-app.js";
import { exitCodeFor } from "./output.js";

/** Every command module exports `register(program)`; adding a command is one line here. */
const commands: Array<(program: Command) => void> = [
  serveApp,
  loadDemo,
  migrateDatabase,
  manageUsers,
  scheduleProject,
  checkTaskBooks,
  assessTaskForces,
  dispatchReport,
  reportDocuments,
  remind,
  runWorker,
  ledgerFiles,
  pruneAttachments,
];

/** Builds the `guatu` program with all its subcommands (tests call this without spawning). */
export function buildProgram(): Command {
  const program = new Command("guatu")
    .description(
      "Guatu (挂图) — task forces, battle map, backward scheduling, lights, supervision, assessment",
    )
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  for (const register of commands) register(program);
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
    process.stderr.write(`guatu: ${isAppError(e) ? e.message : String((e as Error)?.message ?? e)}\n`);
    process.exitCode = exitCodeFor(e);
  }
}
