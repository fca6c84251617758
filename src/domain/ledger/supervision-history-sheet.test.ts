import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../../test/db-harness.js";
import { serviceContext } from "../context.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import { transitionSupervisionItem } from "../supervision/supervision.service.js";
import { readLedgerRecords } from "./ledger.repository.js";
import { supervisionHistory } from "./supervision-history-sheet.js";

/** The export's 督办历程 dates a step as the timeline does: never past the fixed status date. */
describe.each(dialects)("the supervision history sheet on %s", (dialect) => {
  let demo: TestDatabase;
  const loaded = () => "2022-08-15T01:00:00.000Z";

  beforeAll(async () => {
    demo = await createTestDatabase(dialect, { migrate: true });
    await loadDemo(serviceContext(demo.database, "demo", loaded), buildDemoDataset());
  }, 120_000);
  afterAll(async () => {
    await demo?.drop();
  });

  it("dates a step taken by the real clock after the demo's fixed status date on that status date", async () => {
    const item = await demo.database.db
      .selectFrom("supervision_items")
      .select(["id", "code", "version"])
      .where("state", "=", "open")
      .orderBy("code")
      .executeTakeFirstOrThrow();
    // Years after the demo's status date (2022-08-15, fixed), as a user of the demo acts. Starting
    // the rectification names no day of its own: the sheet dates it by when it was recorded.
    const later = serviceContext(demo.database, "lead", () => "2026-03-02T03:00:00.000Z");
    await transitionSupervisionItem(later, item.id, {
      action: "start",
      version: item.version,
      date: "2022-08-15",
    });
    const rows = await supervisionHistory(later, await readLedgerRecords(demo.database.db, null));
    const mine = rows.filter((r) => r.code === item.code).map((r) => r.row);
    expect(mine.find((r) => r.step === "started")).toMatchObject({ date: "2022-08-15", actor: "lead" });
    expect(mine.every((r) => r.date <= "2022-08-15")).toBe(true);
  }, 60_000);
});
