import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/db-harness.js";
import { cascadeReadings } from "../closed-loop/closed-loop.input.js";
import { serviceContext } from "../context.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import { answerSheet } from "./answer-sheet.service.js";

// Counts the answer sheet's roll-ups of the cascade (the overview's own calls are inside their module).
vi.mock("../closed-loop/closed-loop.input.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../closed-loop/closed-loop.input.js")>();
  return { ...actual, cascadeReadings: vi.fn(actual.cascadeReadings) };
});

/**
 * The district's sheet once rolled the whole cascade up again for each task force: at province
 * size (2,140 task forces) GET /answer-sheet gave no answer in 5 minutes (bench:province).
 */
describe("the district's answer sheet with many task forces", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    await loadDemo(
      serviceContext(t.database, "demo", () => "2022-08-15T01:00:00.000Z"),
      buildDemoDataset(),
    );
  }, 120_000);
  afterAll(() => t?.drop());

  it("rolls the cascade up once, not once per task force", async () => {
    vi.mocked(cascadeReadings).mockClear();
    const sheet = await answerSheet(serviceContext(t.database, "test", () => "2022-08-15T01:00:00.000Z"));
    expect(sheet.district!.rows).toHaveLength(10);
    expect(vi.mocked(cascadeReadings)).toHaveBeenCalledTimes(1);
  });
});
