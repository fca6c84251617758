import { readingSchemas } from "../../shared/api/indicators.js";
import type { Settings } from "../../shared/api/settings.js";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { assertMayEditDistrictPlan, assertMayReport, attributedTo, readScope } from "../accounts/scope.js";
import { appendAudit, appendAudits } from "../audit/audit.repository.js";
import { readerOf, type ServiceContext, type WriteContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import {
  assertReasonGiven,
  assertUnchanged,
  assertUnique,
  assertVersion,
  deleteById,
  duplicate,
  getById,
  rowsById,
} from "../records/record-ops.js";
import { assertRefsExist, type RefCheck } from "../records/references.js";
import { write } from "../records/transaction.js";
import { insertMany, insertRecord, notFound, updateAtVersion } from "../records/update-at-version.js";
import { organisationSettings, statusDateOf } from "../settings/settings.service.js";
import type { Reading, ReadingCreate, ReadingUpdate } from "./indicator.js";
import { indicatorIdsOf, listReadingRows, previousReading } from "./indicator.repository.js";
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

/**
 * The indicator's owner, its task force's lead or an admin may report its actuals; a district-level
 * one's (e.g. the statistics bureau's figure), its owner or the supervision office. Answers the indicator.
 */
async function assertMayReportOn(w: WriteContext, indicatorId: string) {
  const indicator = await getById(w.uow.db, "indicators", indicatorId, "indicator");
  assertMayReportOnIndicator(w, indicator);
  return indicator;
}

function assertMayReportOnIndicator(
  w: WriteContext,
  indicator: { taskForceId: string | null; ownerPersonId: string | null },
): void {
  if (indicator.taskForceId !== null)
    assertMayReport(w, indicator.taskForceId, indicator.ownerPersonId, "indicator");
  else if (
    !(
      w.principal?.personId &&
      w.principal.personId === indicator.ownerPersonId &&
      !w.principal.taskForceScope
    )
  )
    assertMayEditDistrictPlan(w);
}

type PlausibilityIndicator = {
  id: string;
  kind: string;
  direction: string;
  target: number;
  baseline: number | null;
  unit: string;
};

/**
 * An actual is refused (422 `READING_RULE`) when its month has not begun at the status date, or —
 * unless a note confirms it — when it lies far outside the span of its target, its baseline and
 * the last actual (by the `plausibility.readingBand` setting, a multiple of the larger of them), or
 * when a higher-better year-to-date total falls below the last one.
 */
async function assertPlausibleReading(
  w: WriteContext,
  indicator: PlausibilityIndicator,
  reading: Pick<Reading, "period" | "actual" | "note"> & { id: string | null },
): Promise<void> {
  const settings = await organisationSettings(w);
  const statusDate = statusDateOf(settings, new Date(w.now()));
  const last = await previousReading(w.uow.db, indicator.id, reading.period, reading.id);
  assertPlausible(settings, statusDate, indicator, reading, last);
}

/** {@link assertPlausibleReading} given the settings, the status date and the actual before it. */
function assertPlausible(
  settings: Settings,
  statusDate: string,
  indicator: PlausibilityIndicator,
  reading: Pick<Reading, "period" | "actual" | "note">,
  last: { period: string; actual: number } | undefined,
): void {
  const details: ErrorDetail[] = [];
  if (reading.period > statusDate.slice(0, 7))
    details.push(ruleDetail("period", "periodNotBegun", { period: reading.period, statusDate }));
  const confirmed = !!reading.note?.trim();
  const anchors = [indicator.target, indicator.baseline, last?.actual].filter(
    (x): x is number => typeof x === "number",
  );
  const band =
    (settings.plausibility.readingBand ?? DEFAULT_READING_BAND) * Math.max(1, ...anchors.map(Math.abs));
  const low = Math.min(...anchors) - band;
  const high = Math.max(...anchors) + band;
  const unit = indicator.unit ? ` ${indicator.unit}` : "";
  const lastParams = { last: last?.actual ?? null, lastPeriod: last?.period ?? null, unit };
  if (!confirmed && (reading.actual < low || reading.actual > high))
    details.push(
      ruleDetail("actual", "actualFarOff", {
        actual: reading.actual,
        low: round(low),
        high: round(high),
        target: indicator.target,
        ...lastParams,
      }),
    );
  if (!confirmed && last && indicator.kind === "cumulative" && reading.actual < last.actual)
    details.push(ruleDetail("actual", "totalFalls", lastParams));
  if (details.length)
    throw new AppError("READING_RULE", `${details[0]!.path}: ${details[0]!.message}`, details);
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * How far (a multiple of the larger of target, baseline and last actual) an actual may lie outside
 * their span without a note: wide enough for the 2022 lockdown months (−30 % after −3 %), narrow
 * enough that a typing slip (9,999,999 % for 95 %) is caught.
 */
export const DEFAULT_READING_BAND = 3;

/** Records a month's actual of an indicator (one per month; `reportedAt` is stamped now). */
export function createReading(ctx: ServiceContext, input: ReadingCreate, id = newId()): Promise<Reading> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const given = readingSchemas.complete(input);
    const record = { ...given, reportedById: attributedTo(w, given.reportedById) };
    await assertRefsExist(db, refsOf(record));
    const indicator = await assertMayReportOn(w, record.indicatorId);
    await assertPlausibleReading(w, indicator, { ...record, id: null });
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

/**
 * Records many actuals in one write (the demo's), under the rules of {@link createReading}: each is
 * checked against the stored readings and those before it in the list, as if created one by one,
 * but the indicators, their readings and the settings are read once and the rows written in bulk.
 */
export function createReadings(
  ctx: ServiceContext,
  creates: readonly { readonly id: string; readonly input: ReadingCreate }[],
): Promise<Reading[]> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const records = creates.map(({ id, input }) => {
      const given = readingSchemas.complete(input);
      return { id, ...given, reportedById: attributedTo(w, given.reportedById) };
    });
    const refs = new Map(records.flatMap(refsOf).map((r) => [`${r.table}\u0000${r.id}`, r]));
    await assertRefsExist(db, [...refs.values()]);
    const indicatorIds = [...new Set(records.map((r) => r.indicatorId))];
    const indicators = new Map((await rowsById(db, "indicators", indicatorIds)).map((i) => [i.id, i]));
    for (const i of indicators.values()) assertMayReportOnIndicator(w, i);
    const settings = await organisationSettings(w);
    const statusDate = statusDateOf(settings, new Date(w.now()));
    const byIndicator = new Map<string, { id: string; period: string; actual: number }[]>();
    const earlierOf = (id: string) => byIndicator.get(id) ?? byIndicator.set(id, []).get(id)!;
    for (let k = 0; k < indicatorIds.length; k += 5000) {
      const stored = await db
        .selectFrom("indicator_readings")
        .select(["id", "indicatorId", "period", "actual"])
        .where("indicatorId", "in", indicatorIds.slice(k, k + 5000))
        .execute();
      for (const r of stored) earlierOf(r.indicatorId).push(r);
    }
    for (const r of records) {
      const indicator = indicators.get(r.indicatorId);
      if (!indicator) throw notFound("indicator", r.indicatorId);
      const earlier = earlierOf(r.indicatorId);
      let last: { period: string; actual: number } | undefined;
      for (const e of earlier) if (e.period < r.period && (!last || e.period > last.period)) last = e;
      assertPlausible(settings, statusDate, indicator, r, last);
      const same = earlier.find((e) => e.period === r.period);
      if (same) throw duplicate(LABEL, "period", r.period, same.id);
      earlier.push(r);
    }
    const at = w.now();
    await insertMany(
      db,
      "indicator_readings",
      records.map(({ id, ...r }) => ({ id, version: 1, createdAt: at, updatedAt: at, ...r, reportedAt: at })),
    );
    const created = await rowsById(
      db,
      "indicator_readings",
      records.map((r) => r.id),
    );
    await appendAudits(
      w,
      created.map((after) => ({ action: "create", entity: ENTITY, entityId: after.id, before: null, after })),
    );
    return created;
  });
}

/** Corrects a reading at its version; its indicator is fixed. */
export function updateReading(ctx: ServiceContext, id: string, input: ReadingUpdate): Promise<Reading> {
  return write(ctx, async (w) => {
    const db = w.uow.db;
    const before = await getById(db, "indicator_readings", id, LABEL);
    const indicator = await assertMayReportOn(w, before.indicatorId);
    const { version, reason, ...changes } = input;
    assertVersion(before, version, LABEL);
    // Who entered an actual stays who entered it; a correction's author is in the audit trail.
    assertUnchanged(before, changes, w.principal ? ["indicatorId", "reportedById"] : ["indicatorId"], LABEL);
    await assertRefsExist(db, refsOf(changes));
    await assertPlausibleReading(w, indicator, { ...before, ...changes });
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
    await appendAudit(w, {
      action: "update",
      entity: ENTITY,
      entityId: id,
      before,
      after,
      reason: reason.trim(),
    });
    return after;
  });
}

/**
 * Withdraws a reading, saying why (the old value and the reason stay in the audit trail). A reason is
 * required of people; the system (a reset, a loader) may withdraw without one.
 */
export function deleteReading(
  ctx: ServiceContext,
  id: string,
  version?: number,
  reason?: string,
): Promise<void> {
  return write(ctx, async (w) => {
    const before = await getById(w.uow.db, "indicator_readings", id, LABEL);
    await assertMayReportOn(w, before.indicatorId);
    assertVersion(before, version, LABEL);
    assertReasonGiven(w, reason);
    await deleteById(w.uow.db, "indicator_readings", id);
    await appendAudit(w, {
      action: "delete",
      entity: ENTITY,
      entityId: id,
      before,
      after: null,
      reason: reason?.trim() ?? null,
    });
  });
}
