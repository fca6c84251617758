import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, snapshot, type TestDatabase } from "../../test/db-harness.js";
import { type Auth, appFor, signIn } from "../../test/factories.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import ExcelJS from "../domain/excel/exceljs.js";
import { readXlsx } from "../domain/ledger/xlsx-read.js";
import { XLSX_TYPE } from "../shared/api/ledger.js";

/** The ledger over HTTP: template, export within the caller's scope, import with a preview. */
describe.each(dialects)("the ledger API on %s", (dialect) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const auth: Record<string, Auth> = {};

  beforeAll(async () => {
    t = await createTestDatabase(dialect, { demo: true });
    app = await appFor(t);
    for (const who of ["admin", "lead", "member", "supervisor"])
      auth[who] = await signIn(app, who, DEMO_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const headersOf = (a: Auth): Record<string, string> =>
    a && "cookie" in a ? { cookie: `guatu_session=${a.cookie}`, "x-csrf-token": a.csrf ?? "" } : {};
  const get = (who: string, url: string) =>
    app.inject({ method: "GET", url, headers: headersOf(auth[who]!) });
  const post = (who: string, url: string, bytes: Buffer, type = XLSX_TYPE) =>
    app.inject({
      method: "POST",
      url,
      payload: bytes,
      headers: { ...headersOf(auth[who]!), "content-type": type },
    });
  /** The task force codes of an exported ledger's 专班 sheet. */
  const taskForceCodes = async (bytes: Buffer) =>
    (await readXlsx(bytes)).sheets
      .find((s) => s.name === "专班")!
      .rows.slice(2)
      .map((r) => r?.[0]?.value);
  /** An export with the first task of each named task force retitled. */
  const retitled = async (bytes: Buffer, codes: string[]) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    for (const code of codes) {
      let done = false;
      wb.getWorksheet("任务")!.eachRow((row) => {
        if (done || row.getCell(1).value !== code) return;
        row.getCell(3).value = `${row.getCell(3).value}（修订）`;
        done = true;
      });
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  it("gives anyone signed in the template, and each caller the ledger of the task forces they may read", async () => {
    const template = await get("member", "/api/v1/ledger/template");
    expect(template.statusCode).toBe(200);
    expect(template.headers["content-type"]).toBe(XLSX_TYPE);
    expect(template.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const all = await get("admin", "/api/v1/ledger");
    expect(await taskForceCodes(all.rawPayload)).toHaveLength(10);
    const lead = await get("lead", "/api/v1/ledger");
    expect(await taskForceCodes(lead.rawPayload)).toEqual(["01"]);
    expect((await get("lead", "/api/v1/ledger?taskForceCode=02")).statusCode).toBe(404);
    expect((await get("admin", "/api/v1/ledger/template")).headers["content-disposition"]).toContain(".xlsx");
  });

  it("previews an import without writing, and refuses one with problems by sheet and cell (422)", async () => {
    const exported = (await get("admin", "/api/v1/ledger")).rawPayload;
    const before = await snapshot(t.database);
    const preview = await post("admin", "/api/v1/imports?dryRun=true", exported);
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, written: false, changes: [], problems: [] });
    expect(preview.json().counts.tasks).toEqual({ create: 0, update: 0, unchanged: 234 });
    const broken = await post("admin", "/api/v1/imports", Buffer.from("这不是工作簿"));
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error).toMatchObject({
      code: "LEDGER_PROBLEMS",
      details: [{ key: "ledgerFile", params: { code: "NOT_XLSX" } }],
    });
    expect((await post("admin", "/api/v1/imports", Buffer.from("{}"), "application/json")).statusCode).toBe(
      415,
    );
    expect(await snapshot(t.database)).toBe(before);
  });

  it("lets a lead import into their own task force only, and a member not at all", async () => {
    const exported = (await get("admin", "/api/v1/ledger")).rawPayload;
    const both = await retitled(exported, ["01", "02"]);
    const before = await snapshot(t.database);
    const refused = await post("lead", "/api/v1/imports", both);
    expect(refused.statusCode).toBe(422);
    expect(
      refused.json().error.details.map((d: { key: string; path: string }) => [d.key, d.path.split("!")[0]]),
    ).toEqual([["ledgerScope", "任务"]]);
    expect((await post("member", "/api/v1/imports", both)).statusCode).toBe(403);
    expect(await snapshot(t.database)).toBe(before);

    const own = await post(
      "lead",
      "/api/v1/imports?name=%E5%8F%B0%E8%B4%A6.xlsx",
      await retitled(exported, ["01"]),
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      written: true,
      changes: [{ sheet: "tasks", action: "update", fields: ["title"] }],
    });
    const audit = await app.inject({
      method: "GET",
      url: "/api/v1/audit-entries?entity=ledger",
      headers: headersOf(auth.supervisor!),
    });
    expect(audit.json().items[0]).toMatchObject({
      action: "import",
      after: { fileName: "台账.xlsx", sha256: own.json().sha256 },
    });
  });

  it("refuses a changed actual without its 更正原因 by cell (422, not 500), and records the reason given", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get("lead", "/api/v1/ledger")).rawPayload as never);
    const ws = wb.getWorksheet("月度实际")!;
    const col = new Map<string, number>();
    ws.getRow(1).eachCell((c, n) => col.set(String(c.value).replace(/\*$/, ""), n));
    const row = ws.getRow(3);
    const actual = row.getCell(col.get("实际值")!);
    actual.value = Number(actual.value) + 2;
    const before = await snapshot(t.database);
    const refused = await post("lead", "/api/v1/imports", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(refused.statusCode, refused.body).toBe(422);
    const reasonAt = `月度实际!${row.getCell(col.get("更正原因")!).address}`;
    expect(refused.json().error.details.map((d: { key: string; path: string }) => [d.key, d.path])).toEqual([
      ["ledgerCorrectionReason", reasonAt],
    ]);
    expect(await snapshot(t.database)).toBe(before);

    row.getCell(col.get("更正原因")!).value = "月报口径调整";
    const done = await post("lead", "/api/v1/imports", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().changes).toEqual([expect.objectContaining({ sheet: "readings", action: "update" })]);
    const audit = await app.inject({
      method: "GET",
      url: "/api/v1/audit-entries?entity=indicator_reading",
      headers: headersOf(auth.supervisor!),
    });
    expect(audit.json().items[0]).toMatchObject({ action: "update", reason: "月报口径调整" });
  });

  it("takes a header mapping with an import, refusing one that is not JSON or names no such sheet, by parameter", async () => {
    const exported = (await get("admin", "/api/v1/ledger")).rawPayload;
    const notJson = await post("admin", "/api/v1/imports?dryRun=true&mapping=%7Bnope", exported);
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.details[0]).toMatchObject({ path: "mapping", key: "mappingNotJson" });
    const badSheet = await post(
      "admin",
      `/api/v1/imports?dryRun=true&mapping=${encodeURIComponent(JSON.stringify({ sheets: { nope: "x" } }))}`,
      exported,
    );
    expect(badSheet.statusCode).toBe(400);
    expect(badSheet.json().error.details[0].path).toMatch(/^mapping\.sheets/);
    const fine = await post(
      "admin",
      `/api/v1/imports?dryRun=true&mapping=${encodeURIComponent(JSON.stringify({ sheets: { readings: null } }))}`,
      exported,
    );
    expect(fine.statusCode, fine.body).toBe(200);
    expect(fine.json()).toMatchObject({
      dryRun: true,
      mapping: { sheets: { readings: null } },
      findings: null,
    });
    expect(fine.json().fileSheets.map((f: { name: string }) => f.name)).toContain("作战图");
  });
});
