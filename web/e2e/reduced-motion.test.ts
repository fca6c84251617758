/**
 * Reduced motion (WCAG 2.3.3): when the system asks for it, antd's motion is off — buttons change
 * at once, dialogs and dropdowns open and close without fading or zooming, charts are drawn at
 * once — and it follows the setting as it changes, without a reload. The other browser tests run
 * with reduced motion (harness default); this one starts with motion, as most users have it.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RUN_BROWSER_TESTS, useHarness } from "./harness.js";

/** The transition durations of the page's first primary button, e.g. ["0.2s", "0.2s"]. */
const buttonDurations = (p: Page) =>
  p
    .locator(".ant-btn-primary")
    .first()
    .evaluate((el) => getComputedStyle(el).transitionDuration.split(/,\s*/));

const still = (durations: string[]) => durations.every((d) => Number.parseFloat(d) === 0);

describe.skipIf(!RUN_BROWSER_TESTS)("reduced motion", () => {
  const h = useHarness({ motion: true });

  it("keeps antd's motion by default, and turns it off when the system asks for reduced motion", async () => {
    const p = await h.open("admin", "/task-forces/tf-01?tab=tasks");
    await p.getByTestId("add-task").waitFor();
    await expect.poll(async () => still(await buttonDurations(p))).toBe(false);

    const dialog = p.locator(".ant-modal").first();

    await p.emulateMedia({ reducedMotion: "reduce" });
    await expect.poll(async () => still(await buttonDurations(p))).toBe(true);
    // Without motion a dialog is whole as soon as it shows: no zoom class on it.
    await p.getByTestId("add-task").click();
    await dialog.waitFor();
    expect(await dialog.getAttribute("class")).not.toMatch(/zoom/);
    await p.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });

    // And back, without a reload, when the system setting changes again.
    await p.emulateMedia({ reducedMotion: "no-preference" });
    await expect.poll(async () => still(await buttonDurations(p))).toBe(false);
  });
});
