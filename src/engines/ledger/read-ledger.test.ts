import { describe, expect, it } from "vitest";
import { type ExistingRecords, planImport } from "./plan-import.js";
import { problemAddress, readLedger } from "./read-ledger.js";
import { SHEETS, type SheetKey, sheetSpec } from "./sheets.js";
import type { Cell, CellValue, SheetData, WorkbookData } from "./workbook.js";

const c = (value: CellValue, extra: Partial<Cell> = {}): Cell => ({ value, ...extra });

/** A workbook with every sheet (headers only) and `rows` for some, under the template's two header rows. */
function workbook(
  rows: Partial<Record<SheetKey, (CellValue | Cell)[][]>> = {},
  o: {
    titleRows?: number;
    merges?: Partial<Record<SheetKey, string[]>>;
    drop?: SheetKey[];
    headers?: Partial<Record<SheetKey, string[]>>;
  } = {},
): WorkbookData {
  const sheets: SheetData[] = SHEETS.filter((s) => !o.drop?.includes(s.key)).map((spec) => {
    const title = Array.from({ length: o.titleRows ?? 0 }, (_, i) => (i === 0 ? [c(`${spec.zh}台账`)] : []));
    const header = (o.headers?.[spec.key] ?? spec.columns.map((col) => col.zh)).map((h) => c(h));
    // A sheet with its own headers has no English key row (as a real-world ledger).
    const keys = o.headers?.[spec.key] ? [] : spec.columns.map((col) => c(col.en));
    const data = (rows[spec.key] ?? []).map((r) =>
      r.map((v) =>
        v !== null && typeof v === "object" && !(v instanceof Date) ? (v as Cell) : c(v as CellValue),
      ),
    );
    const head = keys.length ? [header, keys] : [header];
    return { name: spec.zh, rows: [...title, ...head, ...data], merges: o.merges?.[spec.key] ?? [] };
  });
  return { sheets };
}

/** A task row in the template's column order. */
const task = (o: Partial<Record<string, CellValue | Cell>>) =>
  sheetSpec("tasks").columns.map((col) => (o[col.key] ?? null) as CellValue | Cell);

describe("readLedger", () => {
  it("reads typed rows under title rows, with text and serial dates, Chinese choices and number text", () => {
    const wb = workbook(
      {
        units: [["DRC", "发展和改革局", "部门", null, "3"]],
        tasks: [
          task({
            taskForceCode: "01",
            code: "1",
            title: "前期",
            duration: 10,
            deadline: "2022年8月31日",
            weight: "20",
          }),
          task({
            taskForceCode: "01",
            code: "1.1",
            title: "立项",
            parentCode: "1",
            duration: c(5),
            deadline: 44804,
          }),
          task({
            taskForceCode: "01",
            code: "1.2",
            title: "开工",
            deadline: new Date("2022-10-31T00:00:00Z"),
          }),
        ],
        dependencies: [["01", "1.1", "1.2", "完成-开始", 2]],
      },
      { titleRows: 2, merges: { tasks: ["A1:K1"] } },
    );
    const r = readLedger(wb);
    expect(r.problems).toEqual([]);
    expect(r.rows.units[0]?.values).toMatchObject({ code: "DRC", kind: "department", sort: 3 });
    expect(r.rows.tasks.map((t) => [t.row, t.values.code, t.values.deadline, t.values.weight])).toEqual([
      [5, "1", "2022-08-31", 20],
      [6, "1.1", "2022-08-31", null],
      [7, "1.2", "2022-10-31", null],
    ]);
    expect(r.rows.dependencies[0]?.values).toMatchObject({ type: "FS", lag: 2 });
  });

  it("maps moved columns by their headers and ignores a notes column", () => {
    const spec = sheetSpec("units");
    const headers = ["备注", ...[...spec.columns].reverse().map((x) => x.zh)];
    const wb = workbook({}, { headers: { units: headers } });
    const sheet = wb.sheets.find((s) => s.name === "单位")! as unknown as { rows: (Cell | null)[][] };
    sheet.rows.push([c("自填"), c(1), null, c("部门"), c("统计局"), c("STAT")]);
    const r = readLedger(wb);
    expect(r.problems).toEqual([]);
    expect(r.rows.units[0]?.values).toMatchObject({
      code: "STAT",
      name: "统计局",
      kind: "department",
      sort: 1,
    });
  });

  it("names each problem by sheet, row and column: missing sheet and column, bad dates, text in a number column", () => {
    const wb = workbook(
      {
        tasks: [
          task({ taskForceCode: "01", code: "1", title: "前期", deadline: "8月底" }),
          task({ taskForceCode: "01", code: "2", title: "中期", deadline: "1999-12-31", duration: "五天" }),
          task({ taskForceCode: "01", code: "3", title: "后期", deadline: 9_999_999 }),
          task({ taskForceCode: "01", code: "4", title: "" }),
          task({ taskForceCode: "01", code: "5", title: "重复", weight: 1.5 }),
          task({ taskForceCode: "01", code: "5", title: "重复" }),
        ],
      },
      { drop: ["readings"], headers: { units: ["单位编码", "名称写错了", "单位类型"] } },
    );
    const r = readLedger(wb);
    const got = r.problems.map((p) => `${problemAddress(p)} ${p.key}`);
    expect(got).toEqual([
      "单位!1 ledgerMissingColumn",
      "任务!I3 ledgerNotDate",
      "任务!H4 ledgerNotNumber",
      "任务!I4 ledgerDateRange",
      "任务!I5 ledgerBadSerial",
      "任务!C6 ledgerRequired",
      "任务!J7 ledgerNotInteger",
      "月度实际 ledgerMissingSheet",
    ]);
    expect(r.problems.find((p) => p.key === "ledgerNotDate")?.params).toEqual({ value: "8月底" });
  });

  it("uses a formula's saved value, refuses one without, and refuses error cells, merged data cells and duplicates", () => {
    const wb = workbook(
      {
        tasks: [
          task({ taskForceCode: "01", code: "1", title: "前期", duration: c(8, { formula: "4*2" }) }),
          task({ taskForceCode: "01", code: "2", title: "中期", duration: c(null, { formula: "A1*2" }) }),
          task({ taskForceCode: "01", code: "3", title: "后期", weight: c(null, { error: "#REF!" }) }),
          task({ taskForceCode: "01", code: "1", title: "又一个" }),
        ],
      },
      { merges: { tasks: ["C4:C5"] } },
    );
    const r = readLedger(wb);
    expect(r.problems.map((p) => `${problemAddress(p)} ${p.key}`)).toEqual([
      "任务!C4 ledgerMerged",
      "任务!H4 ledgerFormulaNoValue",
      "任务!J5 ledgerCellError",
      "任务!B6 ledgerDuplicate",
    ]);
    expect(r.rows.tasks[0]?.values.duration).toBe(8);
  });

  it("accepts an enum by its English value and refuses one not in the list", () => {
    const r = readLedger(
      workbook({
        units: [
          ["A", "甲", "department"],
          ["B", "乙", "局"],
        ],
      }),
    );
    expect(r.rows.units.map((u) => u.values.kind)).toEqual(["department"]);
    expect(r.problems.map((p) => `${problemAddress(p)} ${p.key}`)).toEqual(["单位!C4 ledgerNotInList"]);
  });
});

const NONE: ExistingRecords = {
  units: [],
  persons: [],
  taskForces: [],
  members: [],
  tasks: [],
  dependencies: [],
  indicators: [],
  districtIndicators: [],
  readings: [],
  supervision: [],
};

describe("planImport", () => {
  let n = 0;
  const newId = () => `new-${++n}`;
  const base = {
    units: [["DRC", "发展和改革局", "部门"]] as CellValue[][],
    people: [
      ["张伟", "DRC"],
      ["李娜", "DRC"],
      ["李娜", null],
    ] as CellValue[][],
    taskForces: [["01", "重大项目专班"]] as CellValue[][],
  };

  it("refuses unknown codes and people, an ambiguous name, and a dependency cycle named by its codes", () => {
    const r = readLedger(
      workbook({
        ...base,
        tasks: [
          task({ taskForceCode: "01", code: "1", title: "甲", person: "张伟", unitCode: "DRC" }),
          task({ taskForceCode: "01", code: "2", title: "乙", parentCode: "9", person: "王五" }),
          task({ taskForceCode: "01", code: "3", title: "丙", person: "李娜", unitCode: "XXX" }),
          task({ taskForceCode: "02", code: "1", title: "丁" }),
          task({ taskForceCode: "01", code: "4", title: "戊", person: "李娜（DRC）" }),
        ],
        dependencies: [
          ["01", "1", "4"],
          ["01", "4", "1"],
        ],
      }),
    );
    expect(r.problems).toEqual([]);
    const plan = planImport(r, NONE, newId);
    expect(plan.problems.map((p) => `${problemAddress(p)} ${p.key} ${JSON.stringify(p.params)}`)).toEqual([
      '任务!D4 ledgerUnknownCode {"what":"parent task","code":"9"}',
      '任务!F4 ledgerUnknownPerson {"name":"王五"}',
      '任务!E5 ledgerUnknownCode {"what":"unit","code":"XXX"}',
      '任务!F5 ledgerAmbiguousPerson {"name":"李娜","units":"DRC、—"}',
      '任务!A6 ledgerUnknownCode {"what":"task force","code":"02"}',
      '前置关系!C4 ledgerCycle {"codes":"4 → 1 → 4"}',
    ]);
    // A name two people share, written without the unit, fits neither.
    const ambiguous = planImport(
      readLedger(
        workbook({ ...base, tasks: [task({ taskForceCode: "01", code: "1", title: "甲", person: "李娜" })] }),
      ),
      NONE,
      newId,
    );
    expect(ambiguous.problems.map((p) => `${problemAddress(p)} ${p.key}`)).toEqual([
      "任务!F3 ledgerAmbiguousPerson",
    ]);
  });

  it("resolves the cascade's codes: a share's parent in its task force or the district, a task's 支撑指标; cycles and unknowns refused", () => {
    const indicator = (o: Partial<Record<string, CellValue>>) =>
      sheetSpec("indicators").columns.map(
        (col) =>
          (o[col.key] ??
            { taskForceCode: "01", name: "指标", kind: "累计值", year: 2022, target: 10 }[col.key] ??
            null) as CellValue,
      );
    const existing = { ...NONE, districtIndicators: [{ id: "ind-qzb-3", code: "QZB-3" }] };
    const ok = planImport(
      readLedger(
        workbook({
          ...base,
          tasks: [task({ taskForceCode: "01", code: "1", title: "甲", indicatorCodes: "ZB01-2、QZB-3" })],
          indicators: [
            indicator({ code: "ZB01-2", parentCode: "ZB01-1", weight: 2 }),
            indicator({ code: "ZB01-1", parentCode: "QZB-3", unitCode: "DRC" }),
          ],
        }),
      ),
      existing,
      newId,
    );
    expect(ok.problems).toEqual([]);
    const byCode = new Map(ok.changes.filter((x) => x.sheet === "indicators").map((x) => [x.label, x]));
    const [share, top] = [byCode.get("01 ZB01-2")!, byCode.get("01 ZB01-1")!];
    expect(share.fields).toMatchObject({ parentId: top.id, weight: 2, orgUnitId: null });
    expect(top.fields).toMatchObject({ parentId: "ind-qzb-3", weight: null });
    expect(top.fields.orgUnitId).toBe(ok.changes.find((x) => x.sheet === "units")!.id);
    const t = ok.changes.find((x) => x.sheet === "tasks")!;
    expect(t.fields.indicatorIds).toEqual([share.id, "ind-qzb-3"]);

    const bad = planImport(
      readLedger(
        workbook({
          ...base,
          tasks: [task({ taskForceCode: "01", code: "1", title: "甲", indicatorCodes: "ZB09-9" })],
          indicators: [
            indicator({ code: "A", parentCode: "B" }),
            indicator({ code: "B", parentCode: "A" }),
            indicator({ code: "C", parentCode: "QZB-9" }),
          ],
        }),
      ),
      existing,
      newId,
    );
    expect(bad.problems.map((p) => `${problemAddress(p)} ${p.key} ${JSON.stringify(p.params)}`)).toEqual([
      `任务!L3 ledgerUnknownCode {"what":"indicator","code":"ZB09-9"}`,
      `指标!L3 ledgerCycle {"codes":"A → B → A"}`,
      `指标!L5 ledgerUnknownCode {"what":"indicator","code":"QZB-9"}`,
    ]);
  });

  it("plans nothing to change when the stored records already say what the rows say", () => {
    const ledger = readLedger(
      workbook({
        ...base,
        tasks: [task({ taskForceCode: "01", code: "1", title: "甲", duration: 5, weight: 10 })],
      }),
    );
    const first = planImport(ledger, NONE, newId);
    expect(first.problems).toEqual([]);
    expect(first.changes.map((x) => `${x.sheet} ${x.action}`)).toEqual([
      "units create",
      "people create",
      "people create",
      "people create",
      "taskForces create",
      "tasks create",
    ]);
    // The stored state after the first import, as the repository would read it back.
    const f = (sheet: string) => first.changes.find((x) => x.sheet === sheet)!;
    const stored: ExistingRecords = {
      ...NONE,
      units: [
        {
          id: f("units").id,
          version: 1,
          code: "DRC",
          name: "发展和改革局",
          kind: "department",
          parentId: null,
          sort: 0,
        },
      ],
      persons: first.changes
        .filter((x) => x.sheet === "people")
        .map((x) => ({
          id: x.id,
          version: 1,
          post: null,
          phone: null,
          email: null,
          ...(x.fields as { name: string; orgUnitId: string | null }),
        })),
      taskForces: [{ id: f("taskForces").id, version: 1, ...(f("taskForces").fields as object) } as never],
      tasks: [{ id: f("tasks").id, version: 1, ...(f("tasks").fields as object) } as never],
    };
    const second = planImport(ledger, stored, newId);
    expect(second.problems).toEqual([]);
    expect(second.changes.every((x) => x.action === "unchanged")).toBe(true);
    const retitled = readLedger(
      workbook({
        ...base,
        tasks: [task({ taskForceCode: "01", code: "1", title: "甲乙", duration: 5, weight: 10 })],
      }),
    );
    const third = planImport(retitled, stored, newId).changes.find((x) => x.sheet === "tasks")!;
    expect(third).toMatchObject({
      action: "update",
      fields: { title: "甲乙" },
      version: 1,
      columns: { title: "C" },
    });
  });
});

describe("readLedger with a header mapping", () => {
  const own = () => {
    const wb = workbook(
      { tasks: [task({ taskForceCode: "01", code: "1", title: "前期" })] },
      {
        drop: ["readings"],
        headers: { tasks: sheetSpec("tasks").columns.map((col) => (col.key === "code" ? "序号" : col.zh)) },
      },
    );
    return { sheets: wb.sheets.map((s) => (s.name === "任务" ? { ...s, name: "重点任务台账" } : s)) };
  };

  it("reads the office's own sheet and header names once mapped, and a sheet it does not keep as absent", () => {
    const unmapped = readLedger(own());
    expect(unmapped.problems.map((p) => `${p.sheet} ${p.key}`)).toEqual([
      "任务 ledgerMissingSheet",
      "月度实际 ledgerMissingSheet",
    ]);
    const mapped = readLedger(own(), {
      sheets: { tasks: "重点任务台账", readings: null },
      columns: { tasks: { code: "序号" } },
    });
    expect(mapped.problems).toEqual([]);
    expect(mapped.sheetNames.tasks).toBe("重点任务台账");
    expect(mapped.rows.tasks.map((r) => [r.values.code, r.values.title])).toEqual([["1", "前期"]]);
    expect(mapped.rows.readings).toEqual([]);
  });

  it("still reads the template's own sheets and headers under a remembered mapping", () => {
    const remembered = {
      sheets: { tasks: "重点任务台账", readings: null },
      columns: { tasks: { code: "序号" } },
    };
    const wb = workbook({ tasks: [task({ taskForceCode: "01", code: "1", title: "前期" })] });
    const r = readLedger(wb, remembered);
    expect(r.problems).toEqual([]);
    expect(r.rows.tasks).toHaveLength(1);
  });
});
