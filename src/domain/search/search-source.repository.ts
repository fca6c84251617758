/** The records the search index is built from, and the names its hits are shown with. */
import type { SearchKind } from "../../shared/api/search.js";
import type { Executor } from "../context.js";

/** A searchable record as its own table holds it. */
export interface SourceRecord {
  readonly id: string;
  /** Its task force (a task force: itself); null for a person. */
  readonly taskForceId: string | null;
  /** "" for a person. */
  readonly code: string;
  readonly title: string;
}

/** Which records to read: some by id, those of one task force, or all. */
export type SourceScope =
  | { readonly ids: readonly string[] }
  | { readonly taskForceId: string }
  | { readonly all: true };

/** The records of `kind` in `scope` (ids in slices: SQLite takes at most 32,766 parameters). */
export async function readSources(
  db: Executor,
  kind: SearchKind,
  scope: SourceScope,
): Promise<SourceRecord[]> {
  if (!("ids" in scope)) return readSlice(db, kind, scope);
  const out: SourceRecord[] = [];
  for (let k = 0; k < scope.ids.length; k += 5000)
    out.push(...(await readSlice(db, kind, { ids: scope.ids.slice(k, k + 5000) })));
  return out;
}

async function readSlice(db: Executor, kind: SearchKind, scope: SourceScope): Promise<SourceRecord[]> {
  const ids = "ids" in scope ? [...scope.ids] : null;
  const tf = "taskForceId" in scope ? scope.taskForceId : null;
  switch (kind) {
    case "task": {
      let q = db.selectFrom("tasks").select(["id", "taskForceId", "code", "title"]);
      if (ids) q = q.where("id", "in", ids);
      if (tf) q = q.where("taskForceId", "=", tf);
      return q.execute();
    }
    case "supervisionItem": {
      let q = db.selectFrom("supervision_items").select(["id", "taskForceId", "code", "issue as title"]);
      if (ids) q = q.where("id", "in", ids);
      if (tf) q = q.where("taskForceId", "=", tf);
      return q.execute();
    }
    case "indicator": {
      let q = db.selectFrom("indicators").select(["id", "taskForceId", "code", "name as title"]);
      if (ids) q = q.where("id", "in", ids);
      if (tf) q = q.where("taskForceId", "=", tf);
      return q.execute();
    }
    case "taskForce": {
      let q = db.selectFrom("task_forces").select(["id", "id as taskForceId", "code", "name as title"]);
      if (ids) q = q.where("id", "in", ids);
      if (tf) q = q.where("id", "=", tf);
      return q.execute();
    }
    case "person": {
      // People belong to no task force: a task-force scope holds none of them.
      if (tf) return [];
      let q = db.selectFrom("persons").select(["id", "name as title"]);
      if (ids) q = q.where("id", "in", ids);
      return (await q.execute()).map((r) => ({ ...r, taskForceId: null, code: "" }));
    }
  }
}

/** `code name` of each task force among `ids`. */
export async function taskForceNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("task_forces")
    .select(["id", "code", "name"])
    .where("id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.code} ${r.name}`]));
}

/** `post · unit` of each person among `ids` (what is known of the two). */
export async function personDetails(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("persons as p")
    .leftJoin("org_units as u", "u.id", "p.orgUnitId")
    .select(["p.id", "p.post", "u.name as unitName"])
    .where("p.id", "in", [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, [r.post, r.unitName].filter(Boolean).join(" · ")]));
}
