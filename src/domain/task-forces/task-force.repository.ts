import type { Selectable } from "kysely";
import type { Executor, UnitOfWork } from "../context.js";
import { type LinkTable, readLinks, writeLinks } from "../records/links.js";
import { textSortsOf } from "../records/list.js";
import { type ListCriteria, listPage } from "../records/list-page.js";
import { MEMBER_LIST, type Member, TASK_FORCE_LIST, type TaskForce } from "./task-force.js";
import type { TaskForceTable } from "./task-force.table.js";

type Dialect = "sqlite" | "postgres";

const GOALS: LinkTable = { table: "task_force_goals", owner: "taskForceId", target: "goalId" };
const CO_UNITS: LinkTable = { table: "task_force_co_units", owner: "taskForceId", target: "orgUnitId" };

export const TASK_FORCE_COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "code",
  "name",
  "leadLeaderId",
  "leadUnitId",
  "objective",
  "scope",
  "measures",
  "guarantees",
  "startDate",
  "deadline",
  "status",
] as const;

const MEMBER_COLUMNS = [
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "taskForceId",
  "personId",
  "post",
  "role",
  "duties",
] as const;

/** Task-force rows → wire records, with their goals and co-units (two queries for any number). */
export async function toTaskForces(
  db: Executor,
  // Its reminder settings are read on their own (domain/chasing).
  rows: readonly Omit<Selectable<TaskForceTable>, "reminderSettings">[],
): Promise<TaskForce[]> {
  const ids = rows.map((r) => r.id);
  const goals = await readLinks(db, GOALS, ids);
  const coUnits = await readLinks(db, CO_UNITS, ids);
  return rows.map((r) => ({ ...r, goalIds: goals.get(r.id) ?? [], coUnitIds: coUnits.get(r.id) ?? [] }));
}

/** The task force with this id, or undefined. */
export async function findTaskForce(db: Executor, id: string): Promise<TaskForce | undefined> {
  const row = await db
    .selectFrom("task_forces")
    .select(TASK_FORCE_COLUMNS)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? (await toTaskForces(db, [row]))[0] : undefined;
}

/** Task forces by id (all when `ids` is null), by code. */
export async function readTaskForces(db: Executor, ids: readonly string[] | null): Promise<TaskForce[]> {
  let q = db.selectFrom("task_forces").select(TASK_FORCE_COLUMNS);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where("id", "in", ids);
  }
  const rows = await q.execute();
  return toTaskForces(
    db,
    rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
  );
}

/** A page of task forces. */
export async function listTaskForceRows(db: Executor, c: ListCriteria, dialect: Dialect) {
  const links = {
    goalIds: { table: GOALS.table, owner: GOALS.owner, target: GOALS.target },
    coUnitIds: { table: CO_UNITS.table, owner: CO_UNITS.owner, target: CO_UNITS.target },
  } as const;
  const spec = {
    table: "task_forces",
    columns: TASK_FORCE_COLUMNS,
    textSorts: textSortsOf(TASK_FORCE_LIST),
    search: TASK_FORCE_LIST.search,
    links,
    dialect,
  } as const;
  return listPage(db, spec, c);
}

/** Replaces a task force's goals and co-units (those given). */
export async function writeTaskForceLinks(
  db: Executor,
  id: string,
  links: { goalIds?: readonly string[]; coUnitIds?: readonly string[] },
): Promise<void> {
  if (links.goalIds) await writeLinks(db, GOALS, id, links.goalIds);
  if (links.coUnitIds) await writeLinks(db, CO_UNITS, id, links.coUnitIds);
}

/** Deletes a task force's own link rows (before the task force itself). */
export async function deleteTaskForceLinks(db: Executor, id: string): Promise<void> {
  await writeLinks(db, GOALS, id, []);
  await writeLinks(db, CO_UNITS, id, []);
}

/**
 * Takes the task force's row lock (PostgreSQL) so that writes to one task force's plan run one at a
 * time, in one order: task force, then its records, then (at commit) the revision counter. SQLite
 * runs one write transaction at a time anyway. Foreign-key checks of other writes take only a key
 * share lock, which this lock does not block.
 */
export async function lockTaskForce(uow: UnitOfWork, dialect: Dialect, id: string): Promise<void> {
  if (dialect !== "postgres") return;
  await uow.db.selectFrom("task_forces").select("id").where("id", "=", id).forNoKeyUpdate().execute();
}

/** A page of memberships. */
export const listMemberRows = (db: Executor, c: ListCriteria, dialect: Dialect) =>
  listPage(
    db,
    {
      table: "task_force_members",
      columns: MEMBER_COLUMNS,
      textSorts: textSortsOf(MEMBER_LIST),
      search: MEMBER_LIST.search,
      dialect,
    },
    c,
  );

/** The memberships of a task force, by role then id. */
export function membersOf(db: Executor, taskForceId: string): Promise<Member[]> {
  return db
    .selectFrom("task_force_members")
    .select(MEMBER_COLUMNS)
    .where("taskForceId", "=", taskForceId)
    .orderBy("role")
    .orderBy("id")
    .execute();
}

/** People and task forces as people read them: `张伟`, `01 重大项目建设专班`. */
export async function memberNames(
  db: Executor,
  member: { personId: string; taskForceId: string },
): Promise<{ person: string; taskForce: string }> {
  const person = await db
    .selectFrom("persons")
    .select("name")
    .where("id", "=", member.personId)
    .executeTakeFirst();
  const tf = await db
    .selectFrom("task_forces")
    .select(["code", "name"])
    .where("id", "=", member.taskForceId)
    .executeTakeFirst();
  return {
    person: person?.name ?? member.personId,
    taskForce: tf ? `${tf.code} ${tf.name}` : member.taskForceId,
  };
}

/** A task force's status, or undefined when there is none. */
export async function taskForceStatus(
  db: Executor,
  id: string,
): Promise<TaskForceTable["status"] | undefined> {
  return (await db.selectFrom("task_forces").select("status").where("id", "=", id).executeTakeFirst())
    ?.status;
}
