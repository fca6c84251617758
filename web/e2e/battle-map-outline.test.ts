/**
 * The battle map of a large organisation in Chromium: drawn from its outline (task forces folded),
 * a task force's tasks fetched when its row is opened, filters counted from the outline, never the
 * whole map. Forced on the demo district with `?outline=1`; a province switches by itself above
 * `LARGE_ORGANISATION` task forces.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RUN_BROWSER_TESTS, useHarness } from "./harness.js";

interface Outline {
  tasks: number;
  lights: Record<string, number>;
}
interface Task {
  id: string;
  parentId: string | null;
}

const rows = async (p: Page) => Number(await p.getAttribute("[data-battle-map]", "data-rows"));

/** Opens the battle map at `search` and waits for its first frame with data. */
async function openMap(p: Page, search: string): Promise<void> {
  await p.goto(`/battle-map${search}`);
  await p.locator("[data-battle-map][data-ready=true]").waitFor();
}

describe.skipIf(!RUN_BROWSER_TESTS)("the battle map drawn from its outline, in Chromium", () => {
  const h = useHarness();

  it("folds every task force, fetches one's tasks when it is opened, and never the whole map", async () => {
    const p = await h.page("supervisor");
    await p.waitForLoadState("networkidle");
    const api = await p.evaluate(async () => (await fetch("/api/v1/battle-map?outline=true")).json());
    const outline = api.outline as Record<string, Outline>;
    const forces = api.taskForces.length as number;
    const reads: string[] = [];
    p.on("request", (r) => {
      const u = new URL(r.url());
      if (u.pathname === "/api/v1/battle-map") reads.push(u.search);
    });
    await openMap(p, "?outline=1");
    expect(await rows(p)).toBe(forces);
    await h.shot(p, "battle-map-outline");

    // ↓ to the first task force, → opens it: its tasks arrive, every one a row.
    await p.locator("[data-battle-map] [role=application]").focus();
    await p.keyboard.press("ArrowDown");
    await p.keyboard.press("ArrowRight");
    await expect.poll(() => rows(p)).toBe(forces + outline["tf-01"]!.tasks);
    await h.shot(p, "battle-map-outline-opened");
    // ← folds it again, without another request.
    const before = reads.length;
    await p.keyboard.press("ArrowLeft");
    await expect.poll(() => rows(p)).toBe(forces);
    expect(reads.length).toBe(before);
    expect(reads).toEqual(["?outline=true", "?taskForceId=tf-01"]);
    await p.context().close();
  }, 60_000);

  it("counts folded task forces under a light filter, and opens those the link names", async () => {
    const p = await h.page("supervisor");
    await p.waitForLoadState("networkidle");
    const reads: string[] = [];
    p.on("request", (r) => {
      const u = new URL(r.url());
      if (u.pathname === "/api/v1/battle-map") reads.push(u.search);
    });
    const api = await p.evaluate(async () => (await fetch("/api/v1/battle-map?outline=true")).json());
    const outline = api.outline as Record<string, Outline>;
    // Red only: the task forces with a red task, folded.
    await openMap(p, "?outline=1&light=red");
    const red = Object.values(outline).filter((o) => o.lights.red! > 0).length;
    expect(red).toBeGreaterThan(0);
    expect(red).toBeLessThan(api.taskForces.length);
    await expect.poll(() => rows(p)).toBe(red);

    // A link naming a task force opens it: its row and its tasks.
    await openMap(p, "?outline=1&tf=tf-02");
    await expect.poll(() => rows(p)).toBe(1 + outline["tf-02"]!.tasks);

    // Red only, with tf-02 opened: its red tasks and their ancestors, as the whole map draws them.
    await openMap(p, "?outline=1&tf=tf-02&light=red");
    const part = await p.evaluate(async () => (await fetch("/api/v1/battle-map?taskForceId=tf-02")).json());
    const byId = new Map<string, Task>((part.tasks as Task[]).map((t) => [t.id, t]));
    const keep = new Set<string>();
    for (const t of part.tasks as Task[])
      if (part.lights.tasks[t.id]?.color === "red")
        for (let cur: Task | undefined = t; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined)
          keep.add(cur.id);
    expect(keep.size).toBeGreaterThan(0);
    await expect.poll(() => rows(p)).toBe(1 + keep.size);
    expect(reads.every((q) => q.includes("outline=true") || q.includes("taskForceId="))).toBe(true);
    await p.context().close();
  }, 60_000);
});
