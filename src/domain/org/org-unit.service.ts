import { orgUnitSchemas } from "../../shared/api/org.js";
import { assertOrganisationWide } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { readerOf, type ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { assertUnique, assertVersion, deleteById, getById } from "../records/record-ops.js";
import { assertRefsExist, assertUnreferenced } from "../records/references.js";
import { write } from "../records/transaction.js";
import { assertNotOwnAncestor } from "../records/tree.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import type { OrgUnit, OrgUnitCreate, OrgUnitUpdate } from "./org.js";
import { listOrgUnitRows } from "./org.repository.js";

const LABEL = "org unit";
const ENTITY = "org_unit";

/** Org units matching the criteria (everyone signed in reads the organisation tree). */
export async function listOrgUnits(ctx: ServiceContext, c: ListCriteria): Promise<Page<OrgUnit>> {
  const { rows, total } = await listOrgUnitRows(readerOf(ctx), c, ctx.database.dialect);
  return { items: rows, total, limit: c.limit, offset: c.offset };
}

/** One org unit; 404 when unknown. */
export function getOrgUnit(ctx: ServiceContext, id: string): Promise<OrgUnit> {
  return getById(readerOf(ctx), "org_units", id, LABEL);
}

/** Creates an org unit under an existing parent with a code of its own (admins, organisation-wide). */
export function createOrgUnit(ctx: ServiceContext, input: OrgUnitCreate, id = newId()): Promise<OrgUnit> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const record = orgUnitSchemas.complete(input);
    await assertRefsExist(db, [
      { path: "parentId", table: "org_units", id: record.parentId },
      { path: "headPersonId", table: "persons", id: record.headPersonId },
    ]);
    await assertUnique(db, "org_units", { code: record.code }, null, LABEL);
    const at = w.now();
    const created = await insertRecord(db, "org_units", {
      id,
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...record,
    });
    await appendAudit(w, { action: "create", entity: ENTITY, entityId: id, before: null, after: created });
    return created;
  });
}

/** Changes an org unit at its version; it may not move under itself. */
export function updateOrgUnit(ctx: ServiceContext, id: string, input: OrgUnitUpdate): Promise<OrgUnit> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const before = await getById(db, "org_units", id, LABEL);
    const { version, ...changes } = input;
    await assertRefsExist(db, [
      { path: "parentId", table: "org_units", id: changes.parentId },
      { path: "headPersonId", table: "persons", id: changes.headPersonId },
    ]);
    if (changes.parentId !== undefined)
      await assertNotOwnAncestor(db, "org_units", id, changes.parentId, LABEL);
    if (changes.code !== undefined) await assertUnique(db, "org_units", { code: changes.code }, id, LABEL);
    const after = await updateAtVersion(
      db,
      "org_units",
      { id, version, label: LABEL },
      { ...changes, updatedAt: w.now() },
    );
    await appendAudit(w, { action: "update", entity: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** Deletes an org unit nothing refers to (409 naming what still does). */
export function deleteOrgUnit(ctx: ServiceContext, id: string, version?: number): Promise<void> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const before = await getById(db, "org_units", id, LABEL);
    assertVersion(before, version, LABEL);
    await assertUnreferenced(db, "org_units", id, LABEL);
    await deleteById(db, "org_units", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}
