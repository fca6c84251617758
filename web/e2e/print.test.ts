/**
 * The printable task book and 督办通知单, printed to PDF by Chromium: A4 pages, one per section, the
 * document number, the issuing and receiving units, the responsibility table, the milestones and the
 * signature and seal block, and no text cut off at a page's edge or a cell's.
 */
import { writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RUN_BROWSER_TESTS, SHOTS, useHarness } from "./harness.js";

/** A4 in PDF points, as Chromium writes its MediaBox (±1 pt). */
const A4 = { width: 595.28, height: 841.89 };
/** The printable width and height of a page: A4 less the margins of print-doc.css (18 mm, 20 mm), in CSS px. */
const MM = 96 / 25.4;
const PRINTABLE = { width: (210 - 36) * MM, height: (297 - 40) * MM };

/** The pages of a PDF with their MediaBox sizes (Chromium writes page objects uncompressed). */
function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString("latin1");
  const pages = [...text.matchAll(/\/Type\s*\/Page\b(?!s)/g)].length;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  return Array.from({ length: pages }, (_, i) => boxes[i] ?? boxes[0] ?? { width: 0, height: 0 });
}

/**
 * The document laid out as print lays it out (print media, the printable width): each section's
 * height, and every element whose content overflows its box or the page's width.
 */
async function printLayout(p: Page) {
  await p.emulateMedia({ media: "print" });
  await p.setViewportSize({ width: Math.floor(PRINTABLE.width), height: 1000 });
  return p.evaluate((pageWidth) => {
    const sections = Array.from(document.querySelectorAll<HTMLElement>(".doc-page")).map((s) => ({
      name: s.dataset.section ?? "",
      height: s.getBoundingClientRect().height,
    }));
    const clipped: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(".doc-page *"))) {
      const r = el.getBoundingClientRect();
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
        clipped.push(`${el.tagName} ${el.textContent?.slice(0, 30)}`);
      if (r.right > pageWidth + 1)
        clipped.push(`${el.tagName} past the page: ${el.textContent?.slice(0, 30)}`);
      // A table cell's text wider than its cell spills into the next one.
      if ((el.tagName === "TD" || el.tagName === "TH") && el.scrollWidth > el.clientWidth + 1)
        clipped.push(`${el.tagName} ${el.textContent?.slice(0, 30)}`);
    }
    return { sections, clipped, width: document.documentElement.scrollWidth };
  }, PRINTABLE.width);
}

describe.skipIf(!RUN_BROWSER_TESTS)("printed documents in Chromium", () => {
  const h = useHarness();

  it("prints a task force's task book on A4, one page per section, nothing cut off", async () => {
    const p = await h.open("admin", "/task-forces/tf-01");
    await p.getByRole("tab", { name: "任务书" }).click();
    await p.getByTestId("print-task-book-link").click();
    const doc = p.getByTestId("print-task-book");
    await doc.locator("[data-section=responsibilities] tbody tr").first().waitFor();
    await h.shot(p, "print-task-book");
    expect(await p.getByTestId("doc-number").textContent()).toBe("区督查〔2022〕1号");
    const text = (await doc.textContent()) ?? "";
    for (const words of [
      "区委区政府督查室",
      "主送：",
      "责任分工表",
      "里程碑",
      "牵头领导（签字）",
      "（盖章）",
    ])
      expect(text).toContain(words);
    const rows = await doc.locator("[data-testid=doc-responsibilities] tbody tr").count();
    const tasks = (await (await p.request.get("/api/v1/tasks?taskForceId=tf-01&limit=1")).json()).total;
    expect(rows).toBe(tasks);
    expect(await doc.locator("[data-testid=doc-milestones] tbody tr").count()).toBeGreaterThan(0);

    const layout = await printLayout(p);
    await doc
      .locator("[data-section=responsibilities]")
      .screenshot({ path: `${SHOTS}/print-task-book-table.png` });
    expect(layout.clipped).toEqual([]);
    expect(layout.width).toBeLessThanOrEqual(Math.ceil(PRINTABLE.width));
    expect(layout.sections.map((s) => s.name)).toEqual([
      "cover",
      "work",
      "responsibilities",
      "milestones",
      "check",
    ]);
    for (const s of layout.sections) expect(s.height, s.name).toBeLessThanOrEqual(PRINTABLE.height);
    const pdf = await p.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(`${SHOTS}/task-book-tf-01.pdf`, pdf);
    const pages = pdfPages(pdf);
    expect(pages).toHaveLength(layout.sections.length);
    for (const page of pages) {
      expect(Math.abs(page.width - A4.width)).toBeLessThan(1.5);
      expect(Math.abs(page.height - A4.height)).toBeLessThan(1.5);
    }
    await p.context().close();
  }, 90_000);

  it("prints a 督办通知单 on one A4 page with its number, units, matter, seal block and reply slip", async () => {
    const p = await h.open("supervisor", "/supervision");
    const first = p.locator("[data-print-notice]").first();
    await first.waitFor();
    const code = await first.getAttribute("data-print-notice");
    await first.click();
    const doc = p.getByTestId("print-notice");
    await doc.getByTestId("doc-matter").waitFor();
    await h.shot(p, "print-notice");
    expect(await p.getByTestId("doc-number").textContent()).toMatch(/^区督查督字〔2022〕\d+号$/);
    const text = (await doc.textContent()) ?? "";
    for (const words of [
      "督办通知单",
      code ?? "",
      "整改要求",
      "整改期限",
      "发文单位：区委区政府督查室",
      "回　执",
    ])
      expect(text).toContain(words);
    const layout = await printLayout(p);
    await doc.locator(".doc-page").screenshot({ path: `${SHOTS}/print-notice-page.png` });
    expect(layout.clipped).toEqual([]);
    expect(layout.sections).toHaveLength(1);
    expect(layout.sections[0]!.height).toBeLessThanOrEqual(PRINTABLE.height);
    const pages = pdfPages(await p.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(pages).toHaveLength(1);
    expect(Math.abs(pages[0]!.width - A4.width)).toBeLessThan(1.5);
    await p.context().close();
  }, 90_000);

  it("prints a 督办单's timeline on A4 from its drawer: every step in Chinese, who did it, the print date", async () => {
    const p = await h.open("supervisor", "/supervision?state=verified");
    const opener = p.locator("[data-item-comments]").first();
    await opener.waitFor();
    const code = (await opener.getAttribute("data-item-comments")) ?? "";
    await opener.click();
    const events = p.getByTestId("timeline").locator("[data-event]");
    await expect.poll(() => events.count()).toBeGreaterThanOrEqual(4);
    expect(await events.first().getAttribute("data-event")).toBe("raised");
    // A comment written in the drawer shows on its timeline at once, last.
    const before = await events.count();
    const form = p.getByTestId("comment-form");
    await form.getByRole("textbox").fill("整改到位，同意销号");
    await form.getByRole("button").click();
    await expect.poll(() => events.count()).toBe(before + 1);
    expect(await events.last().getAttribute("data-event")).toBe("commented");
    expect(await events.last().textContent()).toContain("整改到位，同意销号");
    await h.shot(p, "timeline-drawer");
    await p.locator(`[data-print-timeline="${code}"]`).click();
    const doc = p.getByTestId("print-timeline");
    await doc.locator("[data-testid=doc-timeline] tbody tr[data-event=verified]").waitFor();
    await h.shot(p, "print-timeline");
    const text = (await doc.textContent()) ?? "";
    for (const words of [
      "区委区政府督查室",
      "督办事项时间线",
      code,
      "交办",
      "开始整改",
      "报结",
      "销号",
      "批示",
      "整改到位，同意销号",
      "打印日期：2022-08-15",
    ])
      expect(text).toContain(words);
    const steps = await doc
      .locator("[data-testid=doc-timeline] tbody tr")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-event")));
    expect(steps[0]).toBe("raised");
    expect(steps).toContain("verified");
    const layout = await printLayout(p);
    expect(layout.clipped).toEqual([]);
    expect(layout.width).toBeLessThanOrEqual(Math.ceil(PRINTABLE.width));
    const pdf = await p.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(`${SHOTS}/timeline-${code}.pdf`, pdf);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) {
      expect(Math.abs(page.width - A4.width)).toBeLessThan(1.5);
      expect(Math.abs(page.height - A4.height)).toBeLessThan(1.5);
    }
    await p.context().close();
  }, 90_000);

  it("shows a task's timeline in its task force's 时间线 tab and prints it", async () => {
    const p = await h.page("lead");
    const tasks = (await (await p.request.get("/api/v1/tasks?taskForceId=tf-01&limit=500")).json()).items as {
      id: string;
      code: string;
    }[];
    const reported = (
      await (await p.request.get("/api/v1/progress-reports?taskForceId=tf-01&limit=1")).json()
    ).items[0] as { taskId: string };
    const task = tasks.find((x) => x.id === reported.taskId)!;
    await p.goto(`/task-forces/tf-01?tab=timeline&task=${encodeURIComponent(task.id)}`);
    const events = p.getByTestId("timeline").locator("[data-event]");
    await expect.poll(() => events.count()).toBeGreaterThan(0);
    expect(await p.getByTestId("timeline").locator("[data-event=reported]").count()).toBeGreaterThan(0);
    await h.shot(p, "timeline-task-tab");
    await p.locator(`[data-print-timeline="${task.code}"]`).click();
    const doc = p.getByTestId("print-timeline");
    await doc.locator("[data-testid=doc-timeline] tbody tr[data-event=reported]").first().waitFor();
    const text = (await doc.textContent()) ?? "";
    for (const words of ["任务时间线", task.code, "报送进展", "完成时限", "打印日期：2022-08-15"])
      expect(text).toContain(words);
    expect((await printLayout(p)).clipped).toEqual([]);
    await p.context().close();
  }, 90_000);
});
