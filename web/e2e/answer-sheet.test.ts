/**
 * The year's answer sheet (交卷), opened from the task force page and the overview, printed to PDF by
 * Chromium on A4 with no text cut off (no cell narrower than its text, nothing past the page), its
 * figures those of the API, and downloaded as a workbook.
 */
import { writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import ExcelJS from "../../src/domain/excel/exceljs.js";
import { RUN_BROWSER_TESTS, SHOTS, useHarness } from "./harness.js";

/** A4 in PDF points, as Chromium writes its MediaBox (±1 pt). */
const A4 = { width: 595.28, height: 841.89 };
/** The printable width of a page: A4 less the margins of print-doc.css (18 mm each side), in CSS px. */
const MM = 96 / 25.4;
const PRINTABLE_WIDTH = (210 - 36) * MM;

/** The MediaBox sizes of a PDF's pages (Chromium writes page objects uncompressed). */
function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString("latin1");
  const pages = [...text.matchAll(/\/Type\s*\/Page\b(?!s)/g)].length;
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  return Array.from({ length: pages }, (_, i) => boxes[i] ?? boxes[0] ?? { width: 0, height: 0 });
}

/** Laid out as print lays it out (print media, the printable width): what is clipped or sticks out. */
async function clippedInPrint(p: Page) {
  await p.emulateMedia({ media: "print" });
  await p.setViewportSize({ width: Math.floor(PRINTABLE_WIDTH), height: 1000 });
  return p.evaluate((pageWidth) => {
    const clipped: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(".doc-page *"))) {
      const text = el.textContent?.slice(0, 30);
      if ((el.tagName === "TD" || el.tagName === "TH") && el.scrollWidth > el.clientWidth + 1)
        clipped.push(`${el.tagName} ${text}: ${el.scrollWidth} > ${el.clientWidth}`);
      else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
        clipped.push(`${el.tagName} ${text}`);
      if (el.getBoundingClientRect().right > pageWidth + 1)
        clipped.push(`${el.tagName} past the page: ${text}`);
    }
    return { clipped, width: document.documentElement.scrollWidth };
  }, PRINTABLE_WIDTH);
}

/** Prints the page to PDF: A4 pages, kept in the screenshots folder. */
async function printA4(p: Page, name: string) {
  const pdf = await p.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(`${SHOTS}/${name}.pdf`, pdf);
  const pages = pdfPages(pdf);
  expect(pages.length).toBeGreaterThanOrEqual(1);
  for (const page of pages) {
    expect(Math.abs(page.width - A4.width)).toBeLessThan(1.5);
    expect(Math.abs(page.height - A4.height)).toBeLessThan(1.5);
  }
}

/** Downloads the workbook through the page's button and reads it back. */
async function downloadWorkbook(p: Page) {
  const [download] = await Promise.all([
    p.waitForEvent("download"),
    p.getByTestId("answer-sheet-xlsx").click(),
  ]);
  const path = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return { wb, name: download.suggestedFilename() };
}

describe.skipIf(!RUN_BROWSER_TESTS)("the answer sheet (交卷) in Chromium", () => {
  const h = useHarness();

  it("prints a task force's sheet from its page on A4, nothing cut off, and downloads its workbook", async () => {
    const p = await h.open("lead", "/task-forces/tf-01");
    await p.getByTestId("answer-sheet-link").click();
    const doc = p.getByTestId("print-answer-sheet");
    await doc.getByTestId("answer-sheet-indicators").waitFor();
    await h.shot(p, "answer-sheet-tf-01");
    const api = await (await p.request.get("/api/v1/task-forces/tf-01/answer-sheet")).json();
    expect(await doc.getByTestId("answer-sheet-title").textContent()).toBe(
      "01 重大项目建设专班 2022年度交卷草稿",
    );
    expect(await doc.getByTestId("answer-sheet-draft").isVisible()).toBe(true);
    const text = (await doc.textContent()) ?? "";
    for (const words of [
      "草稿：按 2022-08-15 的数据生成",
      "服务目标",
      "指标完成情况",
      "节点完成情况",
      "督办事项",
      "延期情况",
      `${api.taskForce.assessment.rank} / 10`,
      `牵头领导：${api.taskForce.signature.name}`,
      "签字：",
      "日期：",
    ])
      expect(text).toContain(words);
    const rows = doc.locator("[data-testid=answer-sheet-indicators] tbody tr");
    expect(await rows.count()).toBe(api.taskForce.indicators.length);
    // A turn of the first indicator that has one shows with its month.
    const turned = api.taskForce.indicators.find((i: { turns: unknown[] }) => i.turns.length);
    if (turned) expect(text).toContain(turned.turns[0].period);

    const { wb, name } = await downloadWorkbook(p);
    expect(name).toBe("交卷-2022-01-草稿.xlsx");
    expect(wb.title).toBe("01 重大项目建设专班 2022年度交卷（草稿）");

    const layout = await clippedInPrint(p);
    expect(layout.clipped).toEqual([]);
    expect(layout.width).toBeLessThanOrEqual(Math.ceil(PRINTABLE_WIDTH));
    await printA4(p, "answer-sheet-tf-01");
    await p.context().close();
  }, 120_000);

  it("prints the district's sheet from the overview, final at Dec 31, and downloads it", async () => {
    const p = await h.open("supervisor", "/");
    await p.getByTestId("answer-sheet-link").click();
    const doc = p.getByTestId("print-answer-sheet");
    await doc.getByTestId("answer-sheet-ranking").waitFor();
    expect(await doc.locator("[data-testid=answer-sheet-rows] tbody tr").count()).toBe(10);
    expect(await doc.getByTestId("answer-sheet-draft").count()).toBe(1);
    // The year-end sheet: no draft mark.
    await p.goto("/print/answer-sheet?statusDate=2022-12-31");
    await doc.getByTestId("answer-sheet-ranking").waitFor();
    await expect.poll(() => doc.getByTestId("answer-sheet-title").textContent()).toBe("示范区 2022年度交卷");
    expect(await doc.getByTestId("answer-sheet-draft").count()).toBe(0);
    await h.shot(p, "answer-sheet-district");
    const api = await (await p.request.get("/api/v1/answer-sheet?statusDate=2022-12-31")).json();
    const first = await doc.locator("[data-testid=answer-sheet-ranking] tbody tr").first().textContent();
    expect(first).toContain(`${api.district.ranking[0].code} ${api.district.ranking[0].name}`);

    const { wb, name } = await downloadWorkbook(p);
    expect(name).toBe("交卷-2022-全区.xlsx");
    expect(wb.worksheets.map((w) => w.name)).toContain("考核排名");

    const layout = await clippedInPrint(p);
    expect(layout.clipped).toEqual([]);
    expect(layout.width).toBeLessThanOrEqual(Math.ceil(PRINTABLE_WIDTH));
    await printA4(p, "answer-sheet-district");
    await p.context().close();
  }, 120_000);

  it("keeps the district's sheet from a task force's viewer, and offers no button for it", async () => {
    const p = await h.open("viewer", "/");
    await p.getByRole("heading", { level: 3 }).first().waitFor();
    expect(await p.getByTestId("answer-sheet-link").count()).toBe(0);
    await p.goto("/print/answer-sheet");
    await p.locator(".ant-result-403").waitFor();
    await p.context().close();
  }, 60_000);
});
