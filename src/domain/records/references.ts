import { sql } from "kysely";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import type { Executor } from "../context.js";

/** Tables whose records other records refer to by id. */
export type ReferredTable =
  | "org_units"
  | "persons"
  | "goals"
  | "task_forces"
  | "tasks"
  | "indicators"
  | "supervision_items";

/** What each referred table is called in messages. */
export const RECORD_LABELS: Readonly<Record<ReferredTable, string>> = {
  org_units: "org unit",
  persons: "person",
  goals: "goal",
  task_forces: "task force",
  tasks: "task",
  indicators: "indicator",
  supervision_items: "supervision item",
};

/** A column that can hold a referred record's id, and how a refusal names it. */
interface Place {
  readonly table: string;
  readonly column: string;
  /** `<resource>.<field>` as clients know it (e.g. `dependencies.predecessorId`). */
  readonly path: string;
  readonly what: string;
  readonly how: string;
}

const by = (table: string, column: string, path: string, what: string): Place => ({
  table,
  column,
  path,
  what,
  how: `refer to it by ${path.slice(path.indexOf(".") + 1)}`,
});
const listed = (table: string, column: string, path: string, what: string): Place => ({
  table,
  column,
  path,
  what,
  how: `list it in ${path.slice(path.indexOf(".") + 1)}`,
});

/**
 * Every place that can hold a record's id (the foreign keys of the schema), by referred table: what
 * a delete must find empty. Link tables owned by the deleted record are removed with it.
 */
export const REFERENCE_PLACES: Readonly<Record<ReferredTable, readonly Place[]>> = {
  org_units: [
    by("org_units", "parent_id", "org-units.parentId", "org unit"),
    by("persons", "org_unit_id", "persons.orgUnitId", "person"),
    by("goals", "org_unit_id", "goals.orgUnitId", "goal"),
    by("indicators", "org_unit_id", "indicators.orgUnitId", "indicator"),
    by("task_forces", "lead_unit_id", "task-forces.leadUnitId", "task force"),
    listed("task_force_co_units", "org_unit_id", "task-forces.coUnitIds", "task force"),
    by("tasks", "responsible_unit_id", "tasks.responsibleUnitId", "task"),
    listed("task_co_units", "org_unit_id", "tasks.coUnitIds", "task"),
    by("supervision_items", "responsible_unit_id", "supervision-items.responsibleUnitId", "supervision item"),
  ],
  persons: [
    by("org_units", "head_person_id", "org-units.headPersonId", "org unit"),
    by("users", "person_id", "users.personId", "user"),
    by("chases", "recipient_id", "chases.recipientId", "chase"),
    by("messages", "person_id", "inbox.personId", "message"),
    by("task_forces", "lead_leader_id", "task-forces.leadLeaderId", "task force"),
    by("task_force_members", "person_id", "members.personId", "task force member"),
    by("tasks", "responsible_person_id", "tasks.responsiblePersonId", "task"),
    by("indicators", "owner_person_id", "indicators.ownerPersonId", "indicator"),
    by("indicator_readings", "reported_by_id", "indicator-readings.reportedById", "indicator reading"),
    by("progress_reports", "reported_by_id", "progress-reports.reportedById", "progress report"),
    by("supervision_items", "raised_by_id", "supervision-items.raisedById", "supervision item"),
    by(
      "supervision_items",
      "responsible_person_id",
      "supervision-items.responsiblePersonId",
      "supervision item",
    ),
    by("supervision_items", "verified_by_id", "supervision-items.verifiedById", "supervision item"),
  ],
  goals: [
    by("goals", "parent_id", "goals.parentId", "goal"),
    listed("task_force_goals", "goal_id", "task-forces.goalIds", "task force"),
    by("indicators", "goal_id", "indicators.goalId", "indicator"),
    by("tasks", "goal_id", "tasks.goalId", "task"),
  ],
  task_forces: [
    by("task_force_members", "task_force_id", "members.taskForceId", "task force member"),
    by("tasks", "task_force_id", "tasks.taskForceId", "task"),
    by("dependencies", "task_force_id", "dependencies.taskForceId", "dependency"),
    by("indicators", "task_force_id", "indicators.taskForceId", "indicator"),
    by("progress_reports", "task_force_id", "progress-reports.taskForceId", "progress report"),
    by("supervision_items", "task_force_id", "supervision-items.taskForceId", "supervision item"),
    by("comments", "task_force_id", "comments.taskForceId", "comment"),
    by("attachments", "task_force_id", "attachments.taskForceId", "evidence file"),
    by("extension_requests", "task_force_id", "extension-requests.taskForceId", "extension request"),
    by("chases", "task_force_id", "chases.taskForceId", "chase"),
    by("extension_requests", "task_force_id", "extension-requests.taskForceId", "extension request"),
  ],
  tasks: [
    by("tasks", "parent_id", "tasks.parentId", "task"),
    by("extension_requests", "task_id", "extension-requests.taskId", "extension request"),
    by("dependencies", "predecessor_id", "dependencies.predecessorId", "dependency"),
    by("dependencies", "successor_id", "dependencies.successorId", "dependency"),
    by("indicators", "task_id", "indicators.taskId", "indicator"),
    by("progress_reports", "task_id", "progress-reports.taskId", "progress report"),
    by("supervision_items", "task_id", "supervision-items.taskId", "supervision item"),
    by("comments", "task_id", "comments.taskId", "comment"),
    by("attachments", "task_id", "attachments.taskId", "evidence file"),
    by("extension_requests", "task_id", "extension-requests.taskId", "extension request"),
  ],
  indicators: [
    by("indicator_readings", "indicator_id", "indicator-readings.indicatorId", "indicator reading"),
    by("indicators", "parent_id", "indicators.parentId", "indicator"),
    listed("task_indicators", "indicator_id", "tasks.indicatorIds", "task"),
  ],
  supervision_items: [by("comments", "supervision_item_id", "comments.supervisionItemId", "comment")],
};

/**
 * Refuses (409 `STILL_REFERENCED`, one detail per kind of referrer with its count) the delete of a
 * record something still refers to. One query, whatever the number of places.
 */
export async function assertUnreferenced(
  db: Executor,
  table: ReferredTable,
  id: string,
  label: string,
): Promise<void> {
  const places = REFERENCE_PLACES[table];
  const counts = places.map(
    (p, k) =>
      sql`select ${sql.lit(k)} as k, count(*) as n from ${sql.raw(p.table)} where ${sql.raw(p.column)} = ${id}`,
  );
  const { rows } = await sql<{ k: number; n: number }>`${sql.join(counts, sql` union all `)}`.execute(db);
  const details: ErrorDetail[] = [];
  for (const r of [...rows].sort((a, b) => Number(a.k) - Number(b.k))) {
    const n = Number(r.n);
    const p = places[Number(r.k)];
    if (n > 0 && p) details.push(ruleDetail(p.path, "stillReferenced", { n, what: p.what, how: p.how }));
  }
  if (details.length) {
    const what = details.map((d) => d.message).join("; ");
    throw new AppError("STILL_REFERENCED", `${label} ${id} is still referenced: ${what}`, details);
  }
}

/** A field's reference to check: the record of `table` with id `id` must exist (null: none named). */
export interface RefCheck {
  /** The field as the client sent it (`responsibleUnitId`, `coUnitIds.2`). */
  readonly path: string;
  readonly table: ReferredTable;
  readonly id: string | null | undefined;
}

/** The checks of a list field (`coUnitIds`): one per entry, located by its position. */
export const listRefs = (
  field: string,
  table: ReferredTable,
  ids: readonly string[] | undefined,
): RefCheck[] => (ids ?? []).map((id, k) => ({ path: `${field}.${k}`, table, id }));

/**
 * Refuses (422 `MISSING_REFERENCE`, one detail per field) references to records that do not exist,
 * and a list that names an id twice. One query for every reference of the write.
 */
export async function assertRefsExist(db: Executor, checks: readonly RefCheck[]): Promise<void> {
  const named = checks.filter((c): c is RefCheck & { id: string } => typeof c.id === "string");
  const missing: ErrorDetail[] = [];
  // SQLite allows at most 500 terms in one compound SELECT.
  for (let from = 0; from < named.length; from += 400) {
    const chunk = named.slice(from, from + 400);
    const probes = chunk.map(
      (c, k) => sql`select ${sql.lit(k)} as k from ${sql.raw(c.table)} where id = ${c.id}`,
    );
    const { rows } = await sql<{ k: number }>`${sql.join(probes, sql` union all `)}`.execute(db);
    const found = new Set(rows.map((r) => Number(r.k)));
    chunk.forEach((c, k) => {
      if (!found.has(k))
        missing.push(ruleDetail(c.path, "missingRecord", { what: RECORD_LABELS[c.table], id: c.id }));
    });
  }
  const details = [...missing, ...listedTwice(named)];
  if (details.length)
    throw new AppError("MISSING_REFERENCE", `${details[0]!.path}: ${details[0]!.message}`, details);
}

/** A detail for each list field (`coUnitIds`) whose checks name one id twice. */
function listedTwice(checks: readonly (RefCheck & { id: string })[]): ErrorDetail[] {
  const seen = new Map<string, Set<string>>();
  const twice = new Set<string>();
  for (const c of checks) {
    const field = c.path.replace(/\.\d+$/, "");
    if (field === c.path) continue;
    const ids = seen.get(field) ?? new Set<string>();
    if (ids.has(c.id)) twice.add(field);
    ids.add(c.id);
    seen.set(field, ids);
  }
  return [...twice].map((path) => ruleDetail(path, "listsTwice"));
}
