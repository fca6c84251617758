import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../../test/db-harness.js";
import { leadPrincipal } from "../../../test/principals.js";
import { parseDbUrl } from "../../config/load-config.js";
import { type DatabaseHandle, openDatabase } from "../../db/connection.js";
import { AppError } from "../../shared/errors.js";
import { type ServiceContext, serviceContext } from "../context.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import { newId } from "../ids.js";
import { write } from "../records/transaction.js";
import { type PlanChanges, writePlanChanges } from "./plan-bulk.service.js";

const at = () => "2022-08-15T01:00:00.000Z";
const none = { creates: [], updates: [] };

/** The batched plan write (the ledger import's) keeps every rule of the one-at-a-time services. */
describe.each(dialects)("plan changes in bulk on %s", (dialect) => {
  let t: TestDatabase;
  let ctx: ServiceContext;
  let tf: { id: string; code: string }[];

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    ctx = serviceContext(t.database, "test", at);
    await loadDemo(serviceContext(t.database, "demo", at), buildDemoDataset());
    tf = await t.database.db.selectFrom("task_forces").select(["id", "code"]).orderBy("code").execute();
  }, 120_000);
  afterAll(() => t?.drop());

  const tasksOf = (taskForceId: string) =>
    t.database.db
      .selectFrom("tasks")
      .select(["id", "code", "version", "parentId", "deadline"])
      .where("taskForceId", "=", taskForceId)
      .orderBy("code")
      .execute();
  const bulk = (c: Partial<PlanChanges>, as: ServiceContext = ctx) =>
    write(as, (w) => writePlanChanges(w, { tasks: none, dependencies: none, ...c }));
  const refused = async (c: Partial<PlanChanges>, code: string, as: ServiceContext = ctx) => {
    const before = await snapshot(t.database);
    const e = await bulk(c, as).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    expect(await snapshot(t.database)).toBe(before);
    return e as AppError;
  };
  const newTask = (taskForceId: string, code: string, parentId: string | null = null) => ({
    id: newId(),
    input: { taskForceId, code, title: `任务 ${code}`, parentId, duration: 2 },
  });

  it("creates tasks under new parents and their dependencies, updates a stored task, audits each once", async () => {
    const [a, b] = [tf[0]!, tf[1]!];
    const parent = newTask(a.id, "90");
    const kids = [newTask(a.id, "90.1", parent.id), newTask(a.id, "90.2", parent.id)];
    const other = newTask(b.id, "90");
    const stored = (await tasksOf(a.id)).find((x) => x.parentId !== null)!;
    const auditsBefore = await t.database.db.selectFrom("audit_entries").select("id").execute();
    await bulk({
      // Children listed before their parent: the write orders them.
      tasks: {
        creates: [...kids, parent, other],
        updates: [{ id: stored.id, input: { version: stored.version, title: "改过的标题" } }],
      },
      dependencies: {
        creates: [
          { id: newId(), input: { predecessorId: kids[0]!.id, successorId: kids[1]!.id } },
          { id: newId(), input: { predecessorId: stored.id, successorId: kids[0]!.id } },
        ],
        updates: [],
      },
    });
    const after = await tasksOf(a.id);
    expect(after.filter((x) => x.code.startsWith("90")).map((x) => x.code)).toEqual(["90", "90.1", "90.2"]);
    expect(after.find((x) => x.id === stored.id)?.version).toBe(stored.version + 1);
    const audits = await t.database.db.selectFrom("audit_entries").select(["entity", "action"]).execute();
    const added = audits.length - auditsBefore.length;
    expect(added).toBe(4 + 1 + 2);
  });

  it("refuses everything on one broken rule: cycle, stale version, duplicate code, missing parent", async () => {
    const [a] = [tf[0]!];
    const tasks = await tasksOf(a.id);
    const dep = await t.database.db
      .selectFrom("dependencies")
      .select(["predecessorId", "successorId"])
      .where("taskForceId", "=", a.id)
      .executeTakeFirstOrThrow();
    const code = new Map(tasks.map((x) => [x.id, x.code]));
    const cycle = await refused(
      {
        tasks: { creates: [newTask(a.id, "91")], updates: [] },
        dependencies: {
          creates: [
            { id: newId(), input: { predecessorId: dep.successorId, successorId: dep.predecessorId } },
          ],
          updates: [],
        },
      },
      "DEPENDENCY_CYCLE",
    );
    expect(cycle.message).toContain(code.get(dep.successorId)!);
    expect(cycle.message).toContain(code.get(dep.predecessorId)!);
    const one = tasks[0]!;
    await refused(
      {
        tasks: {
          creates: [newTask(a.id, "92")],
          updates: [{ id: one.id, input: { version: one.version + 5, title: "x" } }],
        },
      },
      "STALE_VERSION",
    );
    await refused({ tasks: { creates: [newTask(a.id, one.code)], updates: [] } }, "DUPLICATE");
    await refused(
      { tasks: { creates: [newTask(a.id, "93", "no-such-task")], updates: [] } },
      "MISSING_REFERENCE",
    );
  });

  it("refuses a change that makes a schedulable plan unschedulable, and a lead's change to another task force", async () => {
    const [a, b] = [tf[0]!, tf[1]!];
    const leaf = (await tasksOf(a.id)).find((x) => x.parentId !== null)!;
    await refused(
      {
        tasks: {
          creates: [],
          updates: [{ id: leaf.id, input: { version: leaf.version, deadline: "2000-01-03" } }],
        },
      },
      "UNSCHEDULABLE",
    );
    const lead = leadPrincipal([a.id]);
    await refused(
      { tasks: { creates: [newTask(a.id, "94"), newTask(b.id, "94")], updates: [] } },
      "FORBIDDEN",
      {
        ...ctx,
        principal: lead,
      },
    );
  });

  // SQLite runs one write at a time; PostgreSQL is where lock order matters.
  it.runIf(dialect === "postgres")(
    "runs two imports over the same task forces at once without a deadlock (one lock order)",
    async () => {
      const [a, b] = [tf[2]!, tf[3]!];
      const handles: DatabaseHandle[] = [openDatabase(parseDbUrl(t.url)), openDatabase(parseDbUrl(t.url))];
      try {
        // Each names the task forces in the opposite order.
        const runs = handles.map((database, i) => {
          const order = i === 0 ? [a, b] : [b, a];
          const creates = order.flatMap((f) =>
            Array.from({ length: 50 }, (_, k) => newTask(f.id, `8${i}.${k}`)),
          );
          return write(serviceContext(database, `import-${i}`, at), (w) =>
            writePlanChanges(w, { tasks: { creates, updates: [] }, dependencies: none }),
          );
        });
        await Promise.all(runs);
      } finally {
        for (const h of handles) await h.close();
      }
      const codes = [...(await tasksOf(a.id)), ...(await tasksOf(b.id))].map((x) => x.code);
      expect(codes.filter((c) => /^8[01]\./.test(c))).toHaveLength(200);
    },
  );
});
