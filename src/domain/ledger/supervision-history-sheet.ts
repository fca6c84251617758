/**
 * The export's 督办历程 sheet: every supervision item's history, step by step (raised, started,
 * submitted, returned, escalated, verified, edited) with its day, the state moved from and to, the
 * note and who did it. Export only: the import skips this sheet, as an item's state moves only
 * through its state machine.
 */
import { ENUMS } from "../../engines/ledger/enums.js";
import { type HistoryRow, historyRows } from "../../engines/ledger/supervision-history.js";
import { auditOfRecords } from "../audit/audit.repository.js";
import type { ServiceContext } from "../context.js";
import { readerOf } from "../context.js";
import type * as Excel from "../excel/exceljs.js";
import { actionDayOf, organisationSettings } from "../settings/settings.service.js";
import type { LedgerRecords } from "./ledger.repository.js";
import { HEADER_FILL } from "./xlsx-write.js";

export const HISTORY_SHEET = "督办历程";

const STEP_WORDS: Readonly<Record<HistoryRow["step"], string>> = {
  raised: "交办",
  started: "开始整改",
  submitted: "报结",
  returned: "退回",
  verified: "销号",
  escalated: "提级督办",
  edited: "修改督办内容",
};
const STATE_WORDS = new Map(ENUMS.supervisionState.map((e) => [e.value, e.zh]));
const HEAD = ["督办编号", "专班编码", "日期", "环节", "状态变化", "意见或整改情况", "操作人"] as const;
const WIDTHS = [14, 10, 12, 14, 18, 60, 14] as const;

/** The history rows of the exported supervision items, item by item in code order. */
export async function supervisionHistory(
  ctx: ServiceContext,
  records: LedgerRecords,
): Promise<{ code: string; taskForceCode: string; row: HistoryRow }[]> {
  // Dated as the timeline dates them: never past a fixed status date (the demo's "as of" day).
  const settings = await organisationSettings(ctx);
  const dayOf = (instant: string) => actionDayOf(settings, new Date(instant));
  const entries = await auditOfRecords(
    readerOf(ctx),
    "supervision_item",
    records.supervision.map((s) => s.id),
  );
  const byItem = new Map<string, typeof entries>();
  for (const e of entries) {
    const list = byItem.get(e.entityId);
    if (list) list.push(e);
    else byItem.set(e.entityId, [e]);
  }
  const tfCode = new Map(records.taskForces.map((t) => [t.id, t.code]));
  return [...records.supervision]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .flatMap((item) =>
      historyRows(byItem.get(item.id) ?? [], dayOf).map((row) => ({
        code: item.code,
        taskForceCode: tfCode.get(item.taskForceId) ?? "",
        row,
      })),
    );
}

/** Writes the 督办历程 sheet into a streaming workbook. */
export async function writeSupervisionHistorySheet(
  wb: Excel.WorkbookWriter,
  rows: Awaited<ReturnType<typeof supervisionHistory>>,
): Promise<void> {
  const ws = wb.addWorksheet(HISTORY_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const head = ws.getRow(1);
  HEAD.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEADER_FILL;
  });
  head.commit();
  const state = (s: string | null) => (s ? (STATE_WORDS.get(s) ?? s) : "");
  for (const { code, taskForceCode, row } of rows)
    ws.addRow([
      code,
      taskForceCode,
      row.date,
      STEP_WORDS[row.step],
      row.from || row.to ? `${state(row.from)} → ${state(row.to)}`.replace(/^ → /, "") : "",
      row.note ?? "",
      row.actor,
    ]).commit();
  ws.commit();
}
