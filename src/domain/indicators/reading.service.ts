import { readingSchemas } from "../../shared/api/indicators.js";
import { assertMayReport, readScope } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { readerOf, type ServiceContext, type WriteContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { assertUnchanged, assertUnique, assertVersion, deleteById, getById } from "../records/record-ops.js";
import { assertRefsExist, type RefCheck } from "../records/references.js";
import { write } from "../records/transaction.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import type { Reading, ReadingCreate, ReadingUpdate } from "./indicator.js";
import { indicatorIdsOf, listReadingRows } from "./indicator.repository.js";
import { getIndicator } from "./indicator.service.js";

const LABEL = "indicator reading";
const ENTITY = "indicator_reading";

const refsOf = (r: Partial<Reading>): RefCheck[] => [
  { path: "indicatorId", table: "indicators", id: r.indicatorId },
  { path: "reportedById", table: "persons", id: r.reportedById },
];

/** Readings of the indicators of the task forces the caller may read. */
export async function listReadings(ctx: ServiceContext, c: ListCriteria): Promise<Page<Reading>> {
  const db = readerOf(ctx);
  const scope = readScope(ctx);
  let filters = c.filters;
  if (scope) {
    const mine = new Set(await indicatorIdsOf(db, scope));
    const asked = c.filters.indicatorId;
    filters = { ...filters, indicatorId: asked ? asked.filter((id) => mine.has(id)) : [...mine] };
  }
  const { rows, total } = await listReadingRows(db, { ...c, filters }, ctx.database.dialect);
  return { items: rows, total, limit: c.limit, offset: c.offset };
}

/** One reading, for whoever may read its indicator's task force. */
export async function getReading(ctx: ServiceContext, id: string): Promise<Reading> {
  const reading = await getById(readerOf(ctx), "indicator_readings", id, LABEL);
  await getIndicator(ctx, reading.indicatorId);
  return reading;
}

/** The indicator's owner, its task force's lead or an admin may report its actuals. */
async function assertMayReportOn(w: WriteContext, indicatorId: string): Promise<void> {
  const indicator = await getById(w.uow.db, "indicators", indicatorId, "indicator");
  assertMayReport(w, indicator.taskForceId, indicator.ownerPersonId, "indicator");
}

/** Records a month's actual of an indicator (one per month; `reportedAt` is stamped now). */
export function createReading(ctx: ServiceContext, input: ReadingCreate, id = newId()): Promise<Reading> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const record = readingSchemas.complete(input);
    await assertRefsExist(db, refsOf(record));
    await assertMayReportOn(w, record.indicatorId);
    await assertUnique(
      db,
      "indicator_readings",
      { indicatorId: record.indicatorId, period: record.period },
      null,
      LABEL,
    );
    const at = w.now();
    const created = await insertRecord(db, "indicator_readings", {
      id,
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...record,
      reportedAt: at,
    });
    await appendAudit(w, { action: "create", entity: ENTITY, entityId: id, before: null, after: created });
    return created;
  });
}

/** Corrects a reading at its version; its indicator is fixed. */
export function updateReading(ctx: ServiceContext, id: string, input: ReadingUpdate): Promise<Reading> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await getById(db, "indicator_readings", id, LABEL);
    await assertMayReportOn(w, before.indicatorId);
    const { version, ...changes } = input;
    assertVersion(before, version, LABEL);
    assertUnchanged(before, changes, ["indicatorId"], LABEL);
    await assertRefsExist(db, refsOf(changes));
    if (changes.period !== undefined)
      await assertUnique(
        db,
        "indicator_readings",
        { indicatorId: before.indicatorId, period: changes.period },
        id,
        LABEL,
      );
    const at = w.now();
    const after = await updateAtVersion(
      db,
      "indicator_readings",
      { id, version, label: LABEL },
      { ...changes, reportedAt: at, updatedAt: at },
    );
    await appendAudit(w, { action: "update", entity: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** Withdraws a reading. */
export function deleteReading(ctx: ServiceContext, id: string, version?: number): Promise<void> {
  return write(ctx, async (w) => {
    const before = await getById(w.uow.db, "indicator_readings", id, LABEL);
    await assertMayReportOn(w, before.indicatorId);
    assertVersion(before, version, LABEL);
    await deleteById(w.uow.db, "indicator_readings", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}
