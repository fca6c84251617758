import { AppError, type ErrorDetail } from "../../shared/errors.js";
import { assertCanRead, assertCanWrite, readFilter } from "../accounts/access.js";
import { appendAudit } from "../audit/audit.repository.js";
import type { Executor, ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import { allResources, OTHER_REFERENCES, resourceByPath } from "../registry.js";
import {
  countWhere,
  deleteRow,
  existingIds,
  findDuplicate,
  findRow,
  insertRow,
  type ListCriteria,
  listRows,
  loadLinks,
  recordToRow,
  rowToRecord,
  updateRowAtVersion,
  writeLinks,
} from "./resource.repository.js";
import type { ResourceDef, Row } from "./resource-def.js";
import { parseOrThrow } from "./zod-details.js";

/** Runs `fn` in the context's transaction, or opens one (multi-record writes are all-or-nothing). */
export async function inTransaction<T>(ctx: ServiceContext, fn: (trx: Executor) => Promise<T>): Promise<T> {
  if (ctx.trx) return fn(ctx.trx);
  return ctx.database.db.transaction().execute(fn);
}

const executor = (ctx: ServiceContext): Executor => ctx.trx ?? ctx.database.db;

/** Rows → wire records, with link fields filled in. */
export async function toRecords(db: Executor, def: ResourceDef, rows: readonly Row[]): Promise<Row[]> {
  const links = def.links?.length
    ? await loadLinks(
        db,
        def,
        rows.map((r) => r.id as string),
      )
    : undefined;
  return rows.map((r) => ({ ...rowToRecord(def, r), ...links?.get(r.id as string) }));
}

/** The wire record with this id, or undefined. */
export async function readRecord(db: Executor, def: ResourceDef, id: string): Promise<Row | undefined> {
  const row = await findRow(db, def, id);
  return row ? (await toRecords(db, def, [row]))[0] : undefined;
}

const notFound = (def: ResourceDef, id: string) =>
  new AppError("not_found", `no ${def.label} with id "${id}"`, {
    details: [{ path: "id", message: "not found" }],
  });

/** A page of records matching the criteria. */
export async function listRecords(ctx: ServiceContext, def: ResourceDef, c: ListCriteria) {
  const db = executor(ctx);
  const criteria = withScope(c, await readFilter(ctx, db, def));
  if (!criteria) return { items: [], total: 0, limit: c.limit, offset: c.offset };
  const { rows, total } = await listRows(db, def, criteria, ctx.database.dialect);
  return { items: await toRecords(db, def, rows), total, limit: c.limit, offset: c.offset };
}

/** Narrows list criteria to a reader's scope; null when nothing can match. */
function withScope(c: ListCriteria, scope: Record<string, string[]> | null): ListCriteria | null {
  if (!scope) return c;
  const filters: Record<string, readonly string[]> = { ...c.filters };
  for (const [field, allowed] of Object.entries(scope)) {
    const asked = filters[field];
    const values = asked ? asked.filter((v) => allowed.includes(v)) : allowed;
    if (values.length === 0) return null;
    filters[field] = values;
  }
  return { ...c, filters };
}

/** One record; 404 when unknown. */
export async function getRecord(ctx: ServiceContext, def: ResourceDef, id: string): Promise<Row> {
  const record = await readRecord(executor(ctx), def, id);
  if (!record) throw notFound(def, id);
  await assertCanRead(ctx, executor(ctx), def, record);
  return record;
}

/** Checks that every reference in `fields` points at an existing record (422 otherwise). */
async function checkRefs(db: Executor, def: ResourceDef, record: Row, fields: Set<string>): Promise<void> {
  const details: ErrorDetail[] = [];
  for (const ref of def.refs ?? []) {
    const value = record[ref.field];
    if (!fields.has(ref.field) || value == null) continue;
    const target = resourceByPath(ref.target);
    if (!(await existingIds(db, target.table, [value as string])).has(value as string)) {
      details.push({ path: ref.field, message: `no ${target.label} with id "${value}"` });
    }
  }
  for (const link of def.links ?? []) {
    const values = record[link.field] as string[] | undefined;
    if (!fields.has(link.field) || !values?.length) continue;
    const target = resourceByPath(link.target);
    const found = await existingIds(db, target.table, values);
    values.forEach((v, i) => {
      if (!found.has(v))
        details.push({ path: `${link.field}.${i}`, message: `no ${target.label} with id "${v}"` });
    });
    if (new Set(values).size !== values.length)
      details.push({ path: link.field, message: "lists an id twice" });
  }
  if (details.length) {
    throw new AppError("unprocessable", `${details[0]!.path}: ${details[0]!.message}`, {
      code: "MISSING_REFERENCE",
      details,
    });
  }
}

async function checkUniques(
  db: Executor,
  def: ResourceDef,
  record: Row,
  changed: Set<string>,
  id: string | null,
) {
  for (const fields of def.uniques ?? []) {
    if (!fields.some((f) => changed.has(f))) continue;
    const values = Object.fromEntries(fields.map((f) => [f, record[f] ?? null]));
    const other = await findDuplicate(db, def.table, values, id);
    if (other) {
      const last = fields[fields.length - 1]!;
      throw new AppError(
        "conflict",
        `a ${def.label} with ${last} "${record[last]}" already exists (id ${other})`,
        {
          code: "DUPLICATE",
          details: [{ path: last, message: `already used by ${def.label} ${other}` }],
        },
      );
    }
  }
}

/** Creates a record (validated, references checked, audited) and returns it. */
export async function createRecord(
  ctx: ServiceContext,
  def: ResourceDef,
  input: unknown,
  options: { id?: string } = {},
): Promise<Row> {
  const body = parseOrThrow(def.schemas.create, input, `${def.label}`) as Row;
  return inTransaction(ctx, async (trx) => {
    const id = options.id ?? newId();
    if (options.id && (await findRow(trx, def, id))) {
      throw new AppError("conflict", `a ${def.label} with id "${id}" already exists`, { code: "DUPLICATE" });
    }
    let record: Row = { ...def.defaults, ...body, ...def.readOnlyDefaults };
    record = { ...record, ...(await def.hooks?.beforeWrite?.(ctx, trx, record, null)) };
    const all = new Set(Object.keys(record));
    await checkRefs(trx, def, record, all);
    await assertCanWrite(ctx, trx, def, record);
    await checkUniques(trx, def, record, all, null);
    const now = ctx.now();
    await insertRow(
      trx,
      def,
      recordToRow(def, { id, version: 1, createdAt: now, updatedAt: now, ...record }),
    );
    await writeLinks(trx, def, id, record);
    const after = (await readRecord(trx, def, id))!;
    await appendAudit(trx, {
      at: now,
      actor: ctx.actor,
      action: "create",
      entity: def.name,
      entityId: id,
      before: null,
      after,
    });
    await def.hooks?.afterWrite?.({ ...ctx, trx }, trx, after, null);
    return after;
  });
}

/** Applies a patch if `version` is current (409 otherwise); returns the updated record. */
export async function updateRecord(
  ctx: ServiceContext,
  def: ResourceDef,
  id: string,
  input: unknown,
): Promise<Row> {
  const { version, ...changes } = parseOrThrow(def.schemas.update, input, `${def.label} update`) as Row;
  return inTransaction(ctx, async (trx) => {
    const before = await readRecord(trx, def, id);
    if (!before) throw notFound(def, id);
    await assertCanWrite(ctx, trx, def, before);
    if (before.version !== version) throw staleVersion(def, id, version as number, before.version as number);
    for (const f of def.immutable ?? []) {
      if (f in changes && changes[f] !== before[f]) {
        throw new AppError("unprocessable", `${f} of a ${def.label} cannot be changed`, {
          code: "IMMUTABLE_FIELD",
          details: [{ path: f, message: "cannot be changed after creation" }],
        });
      }
    }
    let next: Row = { ...before, ...changes };
    const derived = (await def.hooks?.beforeWrite?.(ctx, trx, next, before)) ?? {};
    next = { ...next, ...derived };
    const changed = new Set(Object.keys(changes));
    await checkRefs(trx, def, next, changed);
    await assertCanWrite(ctx, trx, def, next);
    await checkUniques(trx, def, next, changed, id);
    const now = ctx.now();
    const ok = await updateRowAtVersion(
      trx,
      def,
      id,
      version as number,
      recordToRow(def, { ...changes, ...derived, updatedAt: now }),
    );
    if (!ok) throw staleVersion(def, id, version as number, null);
    await writeLinks(trx, def, id, changes);
    const after = (await readRecord(trx, def, id))!;
    await appendAudit(trx, {
      at: now,
      actor: ctx.actor,
      action: "update",
      entity: def.name,
      entityId: id,
      before,
      after,
    });
    await def.hooks?.afterWrite?.({ ...ctx, trx }, trx, after, before);
    return after;
  });
}

function staleVersion(def: ResourceDef, id: string, sent: number, current: number | null) {
  const now = current === null ? "it was changed meanwhile" : `it is now at version ${current}`;
  return new AppError(
    "conflict",
    `${def.label} ${id} was changed by someone else: you sent version ${sent}, ${now}`,
    {
      code: "STALE_VERSION",
      details: [{ path: "version", message: "stale; reload the record and reapply your change" }],
    },
  );
}

/** What still refers to a record, as details naming each referring kind and field. */
async function referrers(db: Executor, def: ResourceDef, id: string): Promise<ErrorDetail[]> {
  // Every (table, column) that can hold the id, with how a refusal names it.
  const places: { table: string; column: string; path: string; what: string; how: string }[] = [];
  for (const other of allResources()) {
    for (const ref of other.refs ?? [])
      if (ref.target === def.path)
        places.push({
          table: other.table,
          column: ref.field,
          path: `${other.path}.${ref.field}`,
          what: other.label,
          how: `refer to it by ${ref.field}`,
        });
    for (const link of other.links ?? [])
      if (link.target === def.path)
        places.push({
          table: link.table,
          column: link.targetColumn,
          path: `${other.path}.${link.field}`,
          what: other.label,
          how: `list it in ${link.field}`,
        });
  }
  for (const ref of OTHER_REFERENCES)
    if (ref.target === def.path)
      places.push({
        table: ref.table,
        column: ref.field,
        path: `${ref.table}.${ref.field}`,
        what: ref.label,
        how: `refer to it by ${ref.field}`,
      });
  const out: ErrorDetail[] = [];
  for (const p of places) {
    const n = await countWhere(db, p.table, p.column, id);
    if (n > 0) out.push({ path: p.path, message: `${n} ${p.what}(s) ${p.how}` });
  }
  return out;
}

/** Deletes a record that nothing refers to (409 naming the referrers otherwise). */
export async function deleteRecord(
  ctx: ServiceContext,
  def: ResourceDef,
  id: string,
  version?: number,
): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const before = await readRecord(trx, def, id);
    if (!before) throw notFound(def, id);
    await assertCanWrite(ctx, trx, def, before);
    if (version !== undefined && before.version !== version) {
      throw staleVersion(def, id, version, before.version as number);
    }
    const refs = await referrers(trx, def, id);
    if (refs.length) {
      const what = refs.map((d) => d.message).join("; ");
      throw new AppError("conflict", `${def.label} ${id} is still referenced: ${what}`, {
        code: "STILL_REFERENCED",
        details: refs,
      });
    }
    await def.hooks?.beforeDelete?.(ctx, trx, before);
    await deleteRow(trx, def, id);
    await def.hooks?.afterDelete?.({ ...ctx, trx }, trx, before);
    const at = ctx.now();
    await appendAudit(trx, {
      at,
      actor: ctx.actor,
      action: "delete",
      entity: def.name,
      entityId: id,
      before,
      after: null,
    });
  });
}
