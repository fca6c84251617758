import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { appFor, type Client, clientFor, signIn } from "../../test/factories.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import ExcelJS from "../domain/excel/exceljs.js";
import { XLSX_TYPE } from "../shared/api/ledger.js";

describe.each(dialects)("GET /answer-sheet on the demo district on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    for (const role of DEMO_ACCOUNTS) as[role] = clientFor(app, await signIn(app, role, DEMO_PASSWORD));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("gives the district's sheet to admins, the supervision office and leaders only", async () => {
    for (const role of ["admin", "supervisor", "leader"]) {
      const r = await as[role]!("GET", "/api/v1/answer-sheet");
      expect(r.status, role).toBe(200);
      expect(r.body).toMatchObject({ statusDate: "2022-08-15", draft: true, taskForce: null });
      expect(r.body.district.rows).toHaveLength(10);
    }
    for (const role of ["lead", "member", "viewer"]) {
      const r = await as[role]!("GET", "/api/v1/answer-sheet");
      expect(r.status, role).toBe(403);
      expect((await as[role]!("GET", "/api/v1/answer-sheet.xlsx")).status, role).toBe(403);
    }
  });

  it("gives a task force's sheet to its readers, ranked among all task forces", async () => {
    const district = (await as.supervisor!("GET", "/api/v1/answer-sheet")).body;
    const line = district.district.rows.find((r: { code: string }) => r.code === "01");
    for (const role of ["lead", "member", "viewer", "leader"]) {
      const r = await as[role]!("GET", "/api/v1/task-forces/tf-01/answer-sheet");
      expect(r.status, role).toBe(200);
      expect(r.body.district).toBeNull();
      expect(r.body.taskForce).toMatchObject({
        code: "01",
        assessment: { score: line.score, rank: line.rank, of: 10 },
      });
    }
    expect((await as.viewer!("GET", "/api/v1/task-forces/tf-02/answer-sheet")).status).toBe(403);
    expect((await as.viewer!("GET", "/api/v1/task-forces/tf-02/answer-sheet.xlsx")).status).toBe(403);
    expect((await as.admin!("GET", "/api/v1/task-forces/nope/answer-sheet")).status).toBe(404);
    const final = await as.lead!("GET", "/api/v1/task-forces/tf-01/answer-sheet?statusDate=2022-12-31");
    expect(final.body.draft).toBe(false);
    expect(
      (await as.lead!("GET", "/api/v1/task-forces/tf-01/answer-sheet?statusDate=2022-13-01")).status,
    ).toBe(400);
  });

  it("downloads the sheet as a workbook named in Chinese, 草稿 in its title", async () => {
    const r = await as.supervisor!("GET", "/api/v1/answer-sheet.xlsx");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe(XLSX_TYPE);
    expect(r.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("交卷-2022-全区-草稿.xlsx")}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as ArrayBuffer);
    expect(wb.title).toBe("示范区 2022年度交卷（草稿）");
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "交卷",
      "考核排名",
      "各专班汇总",
      "区级指标",
      "指标分解衔接",
    ]);
    // The cascade sheet: the district indicator first, its shares indented under it, targets as numbers.
    const cascade: unknown[][] = [];
    wb.getWorksheet("指标分解衔接")!.eachRow((row) => {
      cascade.push((row.values as unknown[]).slice(1));
    });
    const first = cascade.findIndex((r) => r[0] === "QZB-1");
    expect(first).toBeGreaterThan(0);
    expect(cascade[first]![2]).toBe("全区");
    expect(String(cascade[first + 1]![0])).toMatch(/^　ZB/);
    expect(typeof cascade[first]![4]).toBe("number");
    const ranking = wb.getWorksheet("考核排名")!;
    expect(ranking.getCell("A4").value).toBe("名次");
    expect(ranking.getCell("A5").value).toBe(1);
    expect(typeof ranking.getCell("D5").value).toBe("number");

    const one = await as.lead!(
      "GET",
      "/api/v1/task-forces/tf-01/answer-sheet.xlsx?statusDate=2022-12-31&lang=en",
    );
    expect(one.status).toBe(200);
    expect(one.headers["content-disposition"]).toContain(encodeURIComponent("交卷-2022-01.xlsx"));
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(one.body as ArrayBuffer);
    expect(en.title).toBe("01 重大项目建设专班 — answer sheet 2022");
    expect(en.worksheets.map((w) => w.name)).toContain("Indicators");
  });
});
