import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dialects, type TestDatabase } from "../../test/db-harness.js";
import { demoAppFor, signIn } from "../../test/factories.js";
import { parseDbUrl } from "../config/load-config.js";
import { type DatabaseHandle, openDatabase } from "../db/connection.js";
import { DEMO_PASSWORD } from "../domain/demo/demo-accounts.js";
import ExcelJS from "../domain/excel/exceljs.js";
import { XLSX_TYPE } from "../shared/api/ledger.js";
import { buildApp } from "./app.js";

/**
 * The same ledger imported at once through two app instances on one PostgreSQL database: one import
 * writes; the other is refused with a 409 (its plan went stale: a task it would create now exists,
 * a task it would change moved on) or, planned after the first committed, finds nothing to change.
 * Never a 500, never the changes twice.
 */
describe.runIf(dialects.includes("postgres"))(
  "two instances importing one ledger at once on PostgreSQL",
  () => {
    let t: TestDatabase;
    const apps: FastifyInstance[] = [];
    const handles: DatabaseHandle[] = [];
    let headers: Record<string, string>;

    beforeAll(async () => {
      t = await createTestDatabase("postgres");
      apps.push(await demoAppFor(t));
      const second = openDatabase(parseDbUrl(t.url));
      handles.push(second);
      apps.push(await buildApp({ database: second, version: "test" }));
      const admin = await signIn(apps[0]!, "admin", DEMO_PASSWORD);
      headers = {
        cookie: `guatu_session=${admin.cookie}`,
        "x-csrf-token": admin.csrf,
        "content-type": XLSX_TYPE,
      };
    }, 120_000);
    afterAll(async () => {
      for (const a of apps) await a.close();
      for (const h of handles) await h.close();
      await t?.drop();
    });

    /** The exported ledger with task 01's first row retitled and `n` new tasks under task force 01. */
    async function edited(round: number): Promise<Buffer> {
      const res = await apps[0]!.inject({ method: "GET", url: "/api/v1/ledger", headers });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const tasks = wb.getWorksheet("任务")!;
      tasks.getRow(3).getCell(3).value = `第${round}轮修订`;
      for (let k = 1; k <= 20; k++)
        tasks.addRow(["01", `9${round}.${k}`, `并发导入${round}-${k}`, null, null, null, null, 2]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    }

    it("writes each file once: the other import gets a 409 or changes nothing, never a 500", async () => {
      for (let round = 1; round <= 4; round++) {
        const file = await edited(round);
        const answers = await Promise.all(
          apps.map((app) =>
            app.inject({ method: "POST", url: "/api/v1/imports?name=x.xlsx", headers, payload: file }),
          ),
        );
        const statuses = answers.map((a) => a.statusCode).sort();
        for (const a of answers) expect([200, 409], a.body).toContain(a.statusCode);
        const written = answers.filter((a) => a.statusCode === 200 && a.json().written === true);
        expect(written, statuses.join(",")).toHaveLength(1);
        const loser = answers.find((a) => a !== written[0])!;
        if (loser.statusCode === 409)
          expect(["DUPLICATE", "STALE_VERSION"]).toContain(loser.json().error.code);
        else expect(loser.json()).toMatchObject({ written: false, problems: [] });
        const created = await t.database.db
          .selectFrom("tasks")
          .select("code")
          .where("code", "like", `9${round}.%`)
          .execute();
        expect(created).toHaveLength(20);
      }
    }, 180_000);
  },
);
