import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, rowsWhere, type TestDatabase } from "../../../test/db-harness.js";
import { buildTask, buildTaskForce } from "../../../test/factories.js";
import { taskForceSchemas } from "../../shared/api/task-forces.js";
import { taskSchemas } from "../../shared/api/tasks.js";
import { auditOfRecords } from "../audit/audit.repository.js";
import { serviceContext } from "../context.js";
import { newId } from "../ids.js";
import { write } from "../records/transaction.js";
import { updateSettings } from "../settings/settings.service.js";
import { createTaskForce } from "../task-forces/task-force.service.js";
import { createTask } from "../tasks/task.service.js";
import { recordBaseline } from "./baseline.service.js";

/**
 * The slippage setting rewrites every task's baseline in force in one transaction. On PostgreSQL a
 * task edit could commit between its read of a task and its rewrite: the rewrite then moved the
 * version on once more while auditing the version it had read plus one, leaving a version no audit
 * entry named (found by the kill -9 test's invariants, src/db/crash.test.ts). It now locks the task
 * forces first, as their own writers do.
 */
describe.runIf(dialects.includes("postgres"))("the slippage setting against a task edit (PostgreSQL)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("rewrites a task's baseline after the edit in flight commits, auditing the version it writes", async () => {
    const ctx = serviceContext(t.database, "test", () => "2022-08-15T01:00:00.000Z");
    const tf = await createTaskForce(ctx, taskForceSchemas.create.parse(buildTaskForce()));
    const task = await createTask(ctx, taskSchemas.create.parse(buildTask(tf.id)));
    const o = { reason: "plan", statusDate: "2022-08-15" };
    await write(ctx, async (w) => {
      await recordBaseline(w, tf.id, [{ taskId: task.id, start: "2022-09-01", finish: "2022-09-14" }], o);
      await recordBaseline(w, tf.id, [{ taskId: task.id, start: "2022-09-05", finish: "2022-09-16" }], o);
    });
    // A task edit in flight, as the task service writes one: its task force locked, the task moved
    // to its next version and audited, not yet committed.
    const edit = new pg.Client({ connectionString: t.url });
    await edit.connect();
    try {
      await edit.query("begin");
      await edit.query("select id from task_forces where id = $1 for no key update", [tf.id]);
      const moved = await edit.query<{ version: number }>(
        "update tasks set title = 'edited', version = version + 1 where id = $1 returning version",
        [task.id],
      );
      await edit.query(
        "insert into audit_entries (id, at, actor, action, entity, entity_id, after) values ($1, $2, 'test', 'update', 'task', $3, $4)",
        [newId(), ctx.now(), task.id, JSON.stringify({ id: task.id, version: moved.rows[0]!.version })],
      );
      const toggled = updateSettings(ctx, { plan: { slippageAgainst: "latest" } });
      const waiting = async () =>
        (
          await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(t.database.db)
        ).rows[0]!.n;
      await expect.poll(waiting).toBe(1);
      await edit.query("commit");
      await toggled;
    } finally {
      await edit.end();
    }
    const [stored] = await rowsWhere(t.database, "tasks", { id: task.id });
    const audited = (await auditOfRecords(t.database.db, "task", [task.id])).map(
      (a) => (a.after as { version?: number } | null)?.version ?? 0,
    );
    expect(stored).toMatchObject({
      title: "edited",
      baselineStart: "2022-09-05",
      baselineFinish: "2022-09-16",
    });
    expect(stored!.version).toBe(Math.max(...audited));
    expect(new Set(audited).size, "every version audited once").toBe(audited.length);
  });
});
