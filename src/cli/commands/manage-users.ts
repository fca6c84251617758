import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { addUser, setPasswordOf } from "../../domain/accounts/account.service.js";
import { serviceContext } from "../../domain/context.js";
import { type Role, roles } from "../../shared/api/org.js";
import { AppError } from "../../shared/errors.js";
import { withDatabase } from "../with-database.js";

async function readPassword(
  fromStdin: boolean | undefined,
): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: randomBytes(12).toString("base64url"), generated: true };
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  const password = text.split(/\r?\n/)[0] ?? "";
  return { password, generated: false };
}

/** `guatu user add|passwd` — manage login accounts from the command line (audited as `cli`). */
export function register(program: Command): void {
  const user = program.command("user").description("manage login accounts");
  user
    .command("add <username>")
    .description("create an account; without --password-stdin a random password is generated and shown once")
    .option("--admin", "give the admin role")
    .option("--role <role...>", `roles: ${roles.join(", ")}`)
    .option("--name <displayName>", "name shown in the app (default: the username)")
    .option("--person <id>", "link the account to a person")
    .option("--password-stdin", "read the password from the first line of standard input")
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .action(
      async (
        username: string,
        opts: {
          admin?: boolean;
          role?: string[];
          name?: string;
          person?: string;
          passwordStdin?: boolean;
          db?: string;
        },
      ) => {
        const asked = [...(opts.admin ? ["admin"] : []), ...(opts.role ?? [])];
        const wanted = asked.filter((r): r is Role => roles.some((known) => known === r));
        const bad = asked.filter((r) => !wanted.some((w) => w === r));
        if (bad.length)
          throw new AppError("VALIDATION", `--role ${bad.join(", ")}: not a role (${roles.join(", ")})`);
        const { password, generated } = await readPassword(opts.passwordStdin);
        await withDatabase(opts.db, async (database) => {
          const ctx = serviceContext(database, "cli");
          await addUser(ctx, {
            username,
            displayName: opts.name ?? username,
            roles: wanted.length ? [...new Set(wanted)] : ["viewer"],
            personId: opts.person ?? null,
            password,
          });
        });
        process.stdout.write(
          `created user ${username}${generated ? `; password (shown once): ${password}` : ""}\n`,
        );
      },
    );
  user
    .command("passwd <username>")
    .description("set a user's password and end their sessions")
    .option("--password-stdin", "read the password from the first line of standard input")
    .option("--db <url>", "sqlite:PATH or postgres://… (env GUATU_DB)")
    .action(async (username: string, opts: { passwordStdin?: boolean; db?: string }) => {
      const { password, generated } = await readPassword(opts.passwordStdin);
      await withDatabase(opts.db, async (database) => {
        await setPasswordOf(serviceContext(database, "cli"), username, password);
      });
      process.stdout.write(
        `password of ${username} changed${generated ? ` to (shown once): ${password}` : ""}\n`,
      );
    });
}
