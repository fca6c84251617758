import { personSchemas } from "../../shared/api/org.js";
import { assertOrganisationWide } from "../accounts/scope.js";
import { appendAudit } from "../audit/audit.repository.js";
import { readerOf, type ServiceContext } from "../context.js";
import { newId } from "../ids.js";
import type { ListCriteria, Page } from "../records/list-page.js";
import { assertVersion, deleteById, getById } from "../records/record-ops.js";
import { assertRefsExist, assertUnreferenced } from "../records/references.js";
import { write } from "../records/transaction.js";
import { insertRecord, updateAtVersion } from "../records/update-at-version.js";
import type { Person, PersonCreate, PersonUpdate } from "./org.js";
import { listPersonRows } from "./org.repository.js";

const LABEL = "person";
const ENTITY = "person";

/** People matching the criteria (everyone signed in reads names and posts). */
export async function listPersons(ctx: ServiceContext, c: ListCriteria): Promise<Page<Person>> {
  const { rows, total } = await listPersonRows(readerOf(ctx), c, ctx.database.dialect);
  return { items: rows, total, limit: c.limit, offset: c.offset };
}

/** One person; 404 when unknown. */
export function getPerson(ctx: ServiceContext, id: string): Promise<Person> {
  return getById(readerOf(ctx), "persons", id, LABEL);
}

/** Creates a person in an existing org unit (admins, organisation-wide). */
export function createPerson(ctx: ServiceContext, input: PersonCreate, id = newId()): Promise<Person> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const record = personSchemas.complete(input);
    await assertRefsExist(db, [{ path: "orgUnitId", table: "org_units", id: record.orgUnitId }]);
    const at = w.now();
    const created = await insertRecord(db, "persons", {
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

/** Changes a person at their version. */
export function updatePerson(ctx: ServiceContext, id: string, input: PersonUpdate): Promise<Person> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const before = await getById(db, "persons", id, LABEL);
    const { version, ...changes } = input;
    await assertRefsExist(db, [{ path: "orgUnitId", table: "org_units", id: changes.orgUnitId }]);
    const after = await updateAtVersion(
      db,
      "persons",
      { id, version, label: LABEL },
      { ...changes, updatedAt: w.now() },
    );
    await appendAudit(w, { action: "update", entity: ENTITY, entityId: id, before, after });
    return after;
  });
}

/** Deletes a person nothing refers to (409 naming what still does). */
export function deletePerson(ctx: ServiceContext, id: string, version?: number): Promise<void> {
  return write(ctx, async (w) => {
    assertOrganisationWide(w);
    const db = w.uow.db;
    const before = await getById(db, "persons", id, LABEL);
    assertVersion(before, version, LABEL);
    await assertUnreferenced(db, "persons", id, LABEL);
    await deleteById(db, "persons", id);
    await appendAudit(w, { action: "delete", entity: ENTITY, entityId: id, before, after: null });
  });
}
