/**
 * The trustworthy record's "why" list, walked in Chromium in Chinese and then English: each refusal
 * shows beside its field in the UI's language and nothing is stored; texts name records by code,
 * never by id; a plan already impossible to schedule is marked on the battle map.
 */
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { fillDate, RUN_BROWSER_TESTS, rowAction, submitDialog, useHarness } from "./harness.js";

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
type Lang = "zh" | "en";
const LANGS: readonly Lang[] = ["zh", "en"];
/** Chinese in a text (a run of two characters: a stray "·" or a name is not a sentence). */
const CHINESE = /[\u4e00-\u9fff]{2}/;
/** An English word of four letters or more in a Chinese text (codes such as DB or WBS are shorter). */
const ENGLISH_WORD = /[A-Za-z]{4,}/;
/** A record's internal id, as the demo district makes them (t-01-1.3, si-01, p-ldr-sj, tf-02 …). */
const RAW_ID = /\b(?:ou|p|u|g|tf|m|t|dep|ind|rd|pr|si)-[a-z0-9]/;
/** A wire field name in camelCase (leadLeaderId, computedAt). */
const FIELD_NAME = /\b[a-z]+(?:[A-Z][a-z]+)+\b/;

async function json<T>(p: Page, path: string): Promise<T> {
  const r = await p.request.get(`/api/v1${path}`);
  expect(r.status(), path).toBe(200);
  return (await r.json()) as T;
}

/** Switches the UI to English and waits for `landmark`. */
async function english(p: Page, landmark: string | RegExp): Promise<void> {
  await p.getByRole("combobox", { name: "语言" }).click();
  await p.locator(".ant-select-item-option", { hasText: "English" }).click();
  await p.getByText(landmark).first().waitFor();
}

/** The messages shown beside a dialog's field (found by its label), once there are any. */
async function besideField(dialog: Locator, label: string | RegExp): Promise<string> {
  // `has` is matched inside each item: a page-level label locator, not one under the dialog.
  const item = dialog.locator(".ant-form-item").filter({ has: dialog.page().getByLabel(label) });
  const error = item.locator(".ant-form-item-explain-error");
  await error.first().waitFor();
  return (await error.allTextContents()).join(" ");
}

/** The message is in `lang` only. */
function inLanguage(text: string, lang: Lang): void {
  expect(text.trim()).not.toBe("");
  if (lang === "zh") {
    expect(text).toMatch(CHINESE);
    expect(text).not.toMatch(ENGLISH_WORD);
  } else expect(text).not.toMatch(CHINESE);
}

const closeDialog = async (dialog: Locator) => {
  await dialog.locator(".ant-modal-footer .ant-btn").first().click();
  await dialog.waitFor({ state: "hidden" });
};

describe.skipIf(!RUN_BROWSER_TESTS)(
  "refusals of the trustworthy record in Chromium, in Chinese and English",
  () => {
    const h = useHarness();
    type Task = { id: string; code: string; weight: number; deadline: string | null };
    const tasksOf = (p: Page) =>
      json<{ items: Task[] }>(p, "/tasks?taskForceId=tf-01&limit=1000").then((x) => x.items);

    it("refuses a too-long name, a weight of 1000 (not clamped) and a deadline that breaks the schedule, beside each field; nothing is stored", async () => {
      const p = await h.open("lead", "/task-forces/tf-01");
      const before = await tasksOf(p);
      const dialog = p.getByRole("dialog");
      const labels = {
        zh: { title: "任务名称", weight: "考核权重", deadline: "截止日期", duration: /^工期/ },
        en: { title: "Task name", weight: "Assessment weight", deadline: "Deadline", duration: /^Duration/ },
      };
      for (const lang of LANGS) {
        if (lang === "en") await english(p, "Task forces");
        const l = labels[lang];
        await p.getByTestId("add-task").click();
        await dialog.getByLabel(l.title).waitFor();
        await dialog.getByLabel(l.title).fill("长".repeat(201));
        await dialog.getByLabel(l.weight).fill("1000");
        await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
        const tooLong = await besideField(dialog, l.title);
        const tooHeavy = await besideField(dialog, l.weight);
        inLanguage(tooLong, lang);
        inLanguage(tooHeavy, lang);
        expect(tooLong).toMatch(lang === "zh" ? /200/ : /200/);
        expect(tooHeavy).toContain(lang === "zh" ? "不能大于 100" : "100");
        // Valid on its face, but a deadline before the task force starts: the server refuses it.
        await dialog.getByLabel(l.title).fill(lang === "zh" ? "试填任务" : "Trial task");
        await dialog.getByLabel(l.weight).fill("5");
        await dialog.getByLabel(l.duration).fill("5");
        await fillDate(p, dialog.getByLabel(l.deadline), "2021-01-01", "Tab");
        await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
        const unschedulable = await besideField(dialog, l.deadline);
        inLanguage(unschedulable, lang);
        expect(unschedulable).toContain("2021-01-01");
        await h.shot(p, `refusal-task-${lang}`);
        await closeDialog(dialog);
      }
      expect(await tasksOf(p)).toEqual(before);
      await p.context().close();
    }, 120_000);

    it("refuses an inline deadline that would leave the task force unschedulable, on the row, and keeps the old one", async () => {
      const p = await h.open("lead", "/task-forces/tf-01");
      const row = p.locator("tr", { hasText: "01.5.1" }).first();
      const was = (await json<Task>(p, "/tasks/t-01-5.1")).deadline;
      for (const lang of LANGS) {
        if (lang === "en") await english(p, "Task forces");
        const label = lang === "zh" ? "截止日期" : "Deadline";
        const field = row.getByLabel(label);
        // A menu click that lands while the menu moves or the row re-renders opens no edit: again.
        for (let attempt = 1; (await field.count()) === 0; attempt++) {
          await rowAction(p, row, lang === "zh" ? /编辑/ : /Edit/);
          try {
            await field.waitFor({ timeout: 5_000 });
          } catch (e) {
            if (attempt === 3) throw e;
          }
        }
        await field.fill("2021-01-01");
        await field.press("Enter");
        const alert = p.locator(".ant-alert-error").first();
        await alert.waitFor();
        const text = (await alert.textContent()) ?? "";
        inLanguage(text, lang);
        expect(text).toContain("01.5.1");
        await poll(() => row.locator(".ant-picker-status-error").count()).toBe(1);
        await h.shot(p, `refusal-inline-deadline-${lang}`);
        // Escape closes the picker if it is open, then cancels the edit.
        for (let i = 0; i < 2 && (await field.count()) > 0; i++) await field.press("Escape");
        await field.waitFor({ state: "detached" });
      }
      expect((await json<Task>(p, "/tasks/t-01-5.1")).deadline).toBe(was);
      await p.context().close();
    }, 90_000);

    it("refuses a report dated after the status date beside its date, and an .exe named .pdf as evidence; nothing is stored", async () => {
      const p = await h.open("member", "/my");
      type Report = { id: string };
      const reports = () =>
        json<{ items: Report[] }>(p, "/progress-reports?taskId=t-01-4.1&limit=100").then((x) => x.items);
      const before = await reports();
      const dialog = p.getByRole("dialog");
      const exe = Buffer.concat([
        Buffer.from("MZ"),
        Buffer.alloc(58),
        Buffer.from([0x80, 0, 0, 0]),
        Buffer.alloc(200),
      ]);
      for (const lang of LANGS) {
        if (lang === "en") await english(p, "My tasks");
        const l =
          lang === "zh"
            ? { date: "报告日期", percent: /完成率/, narrative: "进展情况" }
            : { date: "Report date", percent: /Percent/, narrative: /^Progress$/ };
        await p.locator('[data-report-task="01.4.1"]').click();
        await dialog.getByLabel(l.date).waitFor();
        await fillDate(p, dialog.getByLabel(l.date), "2031-05-05", "Tab");
        await dialog.getByLabel(l.percent).fill("90");
        await dialog.getByLabel(l.narrative).fill(lang === "zh" ? "已完成主体工程" : "Main works done");
        await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
        const future = await besideField(dialog, l.date);
        inLanguage(future, lang);
        expect(future).toContain("2022-08-15");

        const upload = p.waitForResponse(
          (r) => r.url().includes("/api/v1/attachments?") && r.request().method() === "POST",
        );
        await dialog.locator("input[type=file]").setInputFiles({
          name: "验收报告.pdf",
          mimeType: "application/pdf",
          buffer: exe,
        });
        expect((await upload).status()).toBe(415);
        const refused = dialog.locator("[data-upload-error]");
        await refused.first().waitFor();
        const why = (await refused.first().textContent()) ?? "";
        expect(why).toContain(".exe");
        inLanguage(why.replace("验收报告.pdf", ""), lang);
        await h.shot(p, `refusal-report-${lang}`);
        await closeDialog(dialog);
      }
      expect(await reports()).toEqual(before);
      await p.context().close();
    }, 90_000);

    it("asks a note for an actual far outside its target, refuses a month entered twice, and corrects a reading with a reason", async () => {
      const p = await h.open("lead", "/task-forces/tf-01?tab=indicators");
      type Reading = { id: string; period: string; actual: number };
      type Indicator = { id: string; code: string };
      const indicator = (
        await json<{ items: Indicator[] }>(p, "/indicators?taskForceId=tf-01&limit=100")
      ).items.find((i) => i.code === "ZB01-1")!;
      const readings = () =>
        json<{ items: Reading[] }>(p, `/indicator-readings?indicatorId=${indicator.id}&limit=100`).then(
          (x) => x.items,
        );
      const before = await readings();
      const last = [...before].sort((a, b) => b.period.localeCompare(a.period))[0]!;
      const card = p.locator(".ant-card", { hasText: "ZB01-1" }).first();
      const dialog = p.getByRole("dialog");
      for (const lang of LANGS) {
        if (lang === "en") await english(p, "Task forces");
        const l =
          lang === "zh" ? { actual: /^实际/, period: "月份" } : { actual: /^Actual/, period: "Month" };
        await card.getByTestId("report-reading").click();
        await dialog.getByLabel(l.actual).waitFor();
        await fillDate(p, dialog.getByLabel(l.period), "2022-09", "Tab");
        await dialog.getByLabel(l.actual).fill("99999999999");
        await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
        const implausible = await besideField(dialog, l.actual);
        inLanguage(implausible.replace(/[\d.,–%]+/g, ""), lang);
        // The month already reported: refused beside the month, by its value, no id.
        await fillDate(p, dialog.getByLabel(l.period), last.period, "Tab");
        await dialog.getByLabel(l.actual).fill(String(last.actual));
        await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
        const twice = await besideField(dialog, l.period);
        inLanguage(twice.replace(last.period, ""), lang);
        expect(twice).toContain(last.period);
        expect(twice).not.toMatch(RAW_ID);
        await h.shot(p, `refusal-reading-${lang}`);
        await closeDialog(dialog);
      }
      expect(await readings()).toEqual(before);

      // A correction with a reason: the old value stays in the history, the new one counts.
      await card.locator(`[data-reading="${last.period}"] [data-action="correct"]`).click();
      await dialog.getByLabel(/Reason for the correction/).waitFor();
      await dialog.getByLabel(/^Actual/).fill(String(last.actual + 1));
      await dialog.getByLabel(/Reason for the correction/).fill("Statistics bureau revised the figure");
      await submitDialog(dialog);
      await poll(async () => (await readings()).find((r) => r.id === last.id)?.actual).toBe(last.actual + 1);
      const sup = await h.page("supervisor");
      type Entry = { action: string; reason: string | null; before: { actual: number } | null };
      const trail = await json<{ items: Entry[] }>(
        sup,
        `/audit-entries?entity=indicator_reading&entityId=${last.id}`,
      );
      expect(trail.items[0]).toMatchObject({
        action: "update",
        reason: "Statistics bureau revised the figure",
        before: { actual: last.actual },
      });
      await sup.context().close();
      await p.context().close();
    }, 120_000);

    it("refuses a rectification deadline before the issue date beside it, then numbers a new item on the server", async () => {
      const p = await h.open("supervisor", "/supervision");
      type Item = { id: string; code: string };
      const items = () => json<{ items: Item[] }>(p, "/supervision-items?limit=1000").then((x) => x.items);
      const before = await items();
      const dialog = p.getByRole("dialog");
      for (const lang of LANGS) {
        if (lang === "en") await english(p, "Supervision");
        const l =
          lang === "zh"
            ? { raise: /下发督办单/, tf: "专班", issue: "存在问题", action: "整改要求", due: "整改期限" }
            : {
                raise: /Raise a supervision item/,
                tf: "Task force",
                issue: "Issue",
                action: "Required action",
                due: "Due date",
              };
        await p.getByRole("button", { name: l.raise }).click();
        await dialog.getByLabel(l.tf).click();
        await p.locator(".ant-select-item-option:visible", { hasText: "01 " }).first().click();
        await dialog.getByLabel(l.issue).fill("项目入统进度滞后");
        await dialog.getByLabel(l.action).fill("补报入统");
        await fillDate(p, dialog.getByLabel(l.due), "2022-08-01", "Tab");
        await dialog.locator(".ant-modal-footer .ant-btn-primary").click();
        const early = await besideField(dialog, l.due);
        inLanguage(early, lang);
        expect(early).toMatch(lang === "zh" ? /下发日期/ : /raised/i);
        await h.shot(p, `refusal-supervision-due-${lang}`);
        if (lang === "zh") await closeDialog(dialog);
      }
      expect(await items()).toEqual(before);
      await fillDate(p, dialog.getByLabel("Due date"), "2022-08-31", "Tab");
      await submitDialog(dialog);
      const added = (await items()).filter((i) => !before.some((b) => b.id === i.id));
      const highest = Math.max(...before.map((i) => Number(i.code.slice(-3))));
      expect(added.map((i) => i.code)).toEqual([`DB-2022-${String(highest + 1).padStart(3, "0")}`]);
      await p.context().close();
    }, 90_000);

    it("names tasks, items and people by code and name in every text and the history, never by id or field name", async () => {
      const p = await h.page("supervisor");
      const pages = [
        { path: "/", landmark: { zh: "总览", en: "Overview" } },
        { path: "/dispatch", landmark: { zh: "调度报告", en: "Dispatch" } },
        { path: "/supervision", landmark: { zh: "督办", en: "Supervision" } },
        { path: "/task-forces/tf-01?tab=history", landmark: { zh: "变更内容", en: "Change" } },
      ];
      for (const lang of LANGS) {
        for (const page of pages) {
          await p.goto(page.path);
          if (lang === "en" && page === pages[0]) await english(p, page.landmark.en);
          await p.getByText(page.landmark[lang]).first().waitFor();
          await p.waitForLoadState("networkidle");
          // The rendered text, line by line: textContent would join "Red" and "Battle map" into one word.
          // biome-ignore lint/performance/useDomNodeTextContent: the words as a person reads them
          const text = await p.locator("main, .ant-layout-content").first().innerText();
          expect(text, `${page.path} in ${lang}`).not.toMatch(RAW_ID);
          if (page.path.includes("history")) expect(text, `${page.path} in ${lang}`).not.toMatch(FIELD_NAME);
        }
      }
      await p.context().close();
    }, 120_000);

    it("tells a member why the dispatch report is closed to them: their role, not their task force", async () => {
      const p = await h.open("member", "/dispatch");
      await p.getByText("您的角色无权查看此内容").first().waitFor();
      expect(await p.getByText("仅可查看本人所在专班").count()).toBe(0);
      await english(p, "Your role may not see this");
      await p.context().close();
    }, 60_000);

    it("shows the live ranking in English too", async () => {
      const p = await h.open("supervisor", "/assessments");
      await p.getByTestId("live-ranking").waitFor();
      await english(p, "Live ranking (status date 2022-08-15)");
      await poll(() => p.getByTestId("live-ranking").locator("tbody tr.ant-table-row").count()).toBe(10);
      await p.context().close();
    }, 60_000);
  },
);

describe.skipIf(!RUN_BROWSER_TESTS)("a plan already unschedulable on the battle map", () => {
  // As an old ledger would hold it: a deadline before task force 03's start, written before the rule.
  const h = useHarness({
    prepare: async (database) => {
      await database.db
        .updateTable("tasks")
        .set({ deadline: "2021-01-01" })
        .where("id", "=", "t-03-1.1")
        .execute();
    },
  });

  it("names the task force, the task and the reason above the map, in Chinese and English", async () => {
    const p = await h.open("supervisor", "/battle-map");
    const notice = p.getByTestId("unschedulable");
    await notice.waitFor();
    const zh = (await notice.textContent()) ?? "";
    expect(zh).toContain("计划无法排程");
    expect(zh).toContain("任务 03.1.1");
    expect(zh).toContain("2021-01-01");
    expect(
      await notice
        .locator("[data-unschedulable]")
        .evaluateAll((l) => l.map((e) => e.getAttribute("data-unschedulable"))),
    ).toEqual(["tf-03"]);
    await h.shot(p, "battle-map-unschedulable-zh");
    await english(p, "Battle map");
    await poll(() => notice.textContent()).toContain("cannot be scheduled");
    const en = (await notice.textContent()) ?? "";
    expect(en).toContain("Task 03.1.1");
    expect(en).not.toContain("无法排程");
    await h.shot(p, "battle-map-unschedulable-en");
    await p.context().close();
  }, 60_000);
});
