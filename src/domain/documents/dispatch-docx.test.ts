import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../../test/db-harness.js";
import { serviceContext } from "../context.js";
import { loadDemo } from "../demo/demo.service.js";
import { buildDemoDataset } from "../demo/demo-data.js";
import { type DispatchDocumentInput, dispatchDocumentInput } from "./dispatch-document.service.js";
import { colorWord } from "./dispatch-document-words.js";
import { dispatchDocx } from "./dispatch-docx.js";

/** The text of document.xml, one paragraph (or table cell) a line, entities decoded. */
function plainText(xml: string): string {
  return xml
    .replace(/<w:p[ >]/g, "\n$&")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

async function unzip(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const part = (name: string) => zip.file(name)?.async("string") ?? Promise.resolve(undefined);
  return { document: await part("word/document.xml"), footer: await part("word/footer1.xml") };
}

describe.each(dialects)("dispatchDocx for the demo district on %s", (dialect) => {
  let t: TestDatabase;
  let input: DispatchDocumentInput;
  let bytes: Buffer;
  let xml: string;
  let text: string;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    await loadDemo(
      serviceContext(t.database, "demo", () => "2022-08-15T01:00:00.000Z"),
      buildDemoDataset(),
    );
    input = await dispatchDocumentInput(serviceContext(t.database, "test"), { statusDate: "2022-08-15" });
    bytes = await dispatchDocx(input.view, {
      organisation: input.organisation ?? "本区",
      lang: "zh",
      changes: input.changes,
      ranking: input.ranking,
    });
    xml = (await unzip(bytes)).document ?? "";
    text = plainText(xml);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  it("is a zip with word/document.xml", () => {
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    expect(xml).toContain("<w:document");
  });

  it("carries the title with the organisation and the round's dates", () => {
    expect(input.organisation).toBe("示范区");
    expect(text).toContain("\n示范区重点工作调度通报\n");
    expect(text).toContain("（2022年第33周 · 2022-08-15 至 2022-08-21 · 统计截至 2022-08-15）");
    for (const h of [
      "一、总体情况",
      "二、各专班亮灯情况",
      "三、本轮变化",
      "四、超期和即将到期事项",
      "五、指标运行情况",
    ])
      expect(text).toContain(`\n${h}\n`);
  });

  it("gives the totals and every task force's row with its light and the view's counts", () => {
    const { view } = input;
    expect(view.taskForces).toHaveLength(10);
    const c = view.total.taskCounts;
    expect(text).toContain(`红灯${c.red}项、黄灯${c.yellow}项、绿灯${c.green}项`);
    expect(text).toContain(`超期未完成${view.total.overdue}项`);
    for (const s of view.taskForces) {
      const k = s.summary.taskCounts;
      expect(text).toContain(`\n${s.code}\n${s.name}\n${colorWord(s.color, "zh")}\n${k.red}\n${k.yellow}\n`);
    }
  });

  it("lists the overdue task by WBS code in part 四, and the red tasks' reasons in part 二", () => {
    const overdue = input.view.taskForces.flatMap((s) => s.overdue);
    expect(overdue.map((e) => e.code)).toEqual(["01.2.5"]);
    const part4 = text.slice(text.indexOf("四、超期和即将到期事项"), text.indexOf("五、指标运行情况"));
    expect(part4).toContain("\n01.2.5\n固定资产投资项目节能审查\n2022-07-31\n11个工作日\n0%");
    const red = input.view.taskForces[0]!.red[0]!;
    expect(text).toContain(red.reasons[0]!.text.zh);
  });

  it("names the indicators with their trend stages and the key points", () => {
    const part5 = text.slice(text.indexOf("五、指标运行情况"));
    for (const s of input.view.taskForces)
      for (const i of s.indicators) expect(part5).toContain(`\n${i.name}（${i.unit}）\n`);
    expect(part5).toContain("\n回升\n");
    expect(part5).toContain(`1. ${input.view.keyPoints[0]!.text.zh}`);
  });

  it("ranks the task forces by their assessment score, before the key points", () => {
    const part6 = text.slice(text.indexOf("六、考核排名"), text.indexOf("七、要点提示"));
    expect(input.ranking).toHaveLength(input.view.taskForces.length);
    const [first, second] = input.ranking;
    expect(first!.rank).toBe(1);
    expect(first!.score).toBeGreaterThanOrEqual(second!.score ?? 0);
    expect(part6).toContain(`\n1\n${first!.code}\n${first!.name}\n${first!.score}\n`);
    expect(part6.indexOf(first!.name)).toBeLessThan(part6.indexOf(second!.name));
  });

  it("says what changed since the previous round", () => {
    expect(text).toContain("与上一轮（截至2022-08-14）相比");
    for (const x of input.changes.colorChanges) expect(text).toContain(`${x.code} ${x.name}由`);
  });

  it("is typeset as an official report: A4, GB/T 9704 margins, fonts, page numbers in the footer", async () => {
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    // 二号 title (22 pt = 44 half-points), 三号 body (16 pt = 32), 小四 tables (12 pt = 24).
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/>(<[^>]+>)*<w:sz w:val="44"\/>/);
    expect(xml).toContain('<w:sz w:val="32"/>');
    expect(xml).toContain('<w:sz w:val="24"/>');
    expect(xml).toContain("<w:tblBorders>");
    const { footer } = await unzip(bytes);
    expect(footer).toMatch(/PAGE/);
  });

  it("writes the same structure in English", async () => {
    const en = plainText(
      (
        await unzip(
          await dispatchDocx(input.view, {
            organisation: "Demo District",
            lang: "en",
            changes: input.changes,
          }),
        )
      ).document ?? "",
    );
    expect(en).toContain("\nDemo District: key work dispatch report\n");
    expect(en).toContain("(week 33 of 2022 · 2022-08-15 to 2022-08-21 · as of 2022-08-15)");
    expect(en).toContain("\n1. Overview\n");
    expect(en).toContain("\n01.2.5\n固定资产投资项目节能审查\n2022-07-31\n11 working days\n0%");
  });
});
