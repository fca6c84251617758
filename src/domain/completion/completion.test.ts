import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../../test/db-harness.js";
import { type ServiceContext, serviceContext } from "../context.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import { newId } from "../ids.js";
import { write } from "../records/transaction.js";
import { writePlanChanges } from "../tasks/plan-bulk.service.js";
import { completionAfter, RETURNED_PERCENT, reportFloor, returnedPercent } from "./completion.js";

describe("the completion rule", () => {
  it.each([
    ["a report finishing work claims it", "in_progress", null, "done", "claimed", "claimed"],
    ["a lead's edit finishing work confirms it", "not_started", null, "done", "confirmed", "confirmed"],
    ["a new finished task takes the writer's word", null, null, "done", "confirmed", "confirmed"],
    ["finished before and after: a claim stays a claim", "done", "claimed", "done", "confirmed", "claimed"],
    ["finished before review existed stays so", "done", null, "done", "claimed", null],
    ["work no longer finished has none", "done", "confirmed", "in_progress", "claimed", null],
  ] as const)("%s", (_, status, completion, next, finishedAs, expected) => {
    const before = status === null ? null : { status, completion };
    expect(completionAfter(before, { status: next }, finishedAs)).toBe(expected);
  });

  it("sends work back to the percent reported before the claim, or 90 %", () => {
    expect(returnedPercent(60)).toBe(60);
    expect(returnedPercent(0)).toBe(0);
    expect(returnedPercent(100)).toBe(RETURNED_PERCENT);
    expect(returnedPercent(null)).toBe(90);
  });

  it("lets a sent-back task report again from where it stands, not from its 100 % report", () => {
    expect(reportFloor({ status: "in_progress", percent: 60 }, 100)).toBe(60);
    expect(reportFloor({ status: "done", percent: 100 }, 100)).toBe(100);
    expect(reportFloor({ status: "in_progress", percent: 60 }, 40)).toBe(40);
  });
});

/** The ledger import writes tasks through the batched plan write: the office's own record is confirmed. */
describe.each(dialects)("completion of imported tasks on %s", (dialect) => {
  let t: TestDatabase;
  let ctx: ServiceContext;
  const at = () => "2022-08-15T01:00:00.000Z";
  const none = { creates: [], updates: [] };
  const stored = (id: string) =>
    t.database.db
      .selectFrom("tasks")
      .select(["id", "version", "status", "completion"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    ctx = serviceContext(t.database, "import", at);
    await loadDemo(serviceContext(t.database, "demo", at), buildDemoDataset());
  }, 120_000);
  afterAll(() => t?.drop());

  it("confirms a task the import creates or finishes, clears one it reopens, and leaves a claim it does not touch", async () => {
    const created = newId();
    const [inProgress, claimed, confirmed] = await Promise.all(
      ["t-01-4.2", "t-01-2.3", "t-01-1.1"].map(stored),
    );
    expect([inProgress!.status, claimed!.completion, confirmed!.completion]).toEqual([
      "in_progress",
      "claimed",
      "confirmed",
    ]);
    await write(ctx, (w) =>
      writePlanChanges(w, {
        tasks: {
          creates: [
            {
              id: created,
              input: {
                taskForceId: "tf-01",
                code: "01.9",
                title: "已完成的台账事项",
                duration: 2,
                status: "done",
                percent: 100,
                actualStart: "2022-07-04",
                actualFinish: "2022-07-05",
              },
            },
          ],
          updates: [
            {
              id: inProgress!.id,
              input: {
                version: inProgress!.version,
                status: "done",
                percent: 100,
                actualFinish: "2022-08-12",
              },
            },
            { id: claimed!.id, input: { version: claimed!.version, title: "环境影响评价审批（台账）" } },
            {
              id: confirmed!.id,
              input: { version: confirmed!.version, status: "in_progress", percent: 80, actualFinish: null },
            },
          ],
        },
        dependencies: none,
      }),
    );
    expect((await stored(created)).completion).toBe("confirmed");
    expect((await stored(inProgress!.id)).completion).toBe("confirmed");
    expect((await stored(claimed!.id)).completion).toBe("claimed");
    expect((await stored(confirmed!.id)).completion).toBe(null);
  });
});
