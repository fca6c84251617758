import { type Kysely, sql } from "kysely";

// Frozen in time: this file must never import application code.
// Indexes for every filter and sort the task list offers (issue 18, "Lists"), so a page of 100 at
// 10,000 tasks reads 100 index entries instead of sorting the table. Each sort index ends in `id`,
// the list's tie-break. PostgreSQL: text keys sort byte-wise (`collate "C"`) and missing values
// first, as the list's ORDER BY asks (records/list-page.ts); an index sorted otherwise is not used.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
const isPostgres = (db: Kysely<any>) => sql`select ${1}`.compile(db).sql.includes("$1");

/** Sort indexes of `tasks`: name → columns, each `[column, holds text]`. */
const SORTS: Record<string, readonly (readonly [string, boolean])[]> = {
  // The default sort (task force, then WBS code); also serves the `taskForceId` filter.
  tasks_list_task_force_code: [
    ["task_force_id", true],
    ["code", true],
    ["id", true],
  ],
  tasks_list_code: [
    ["code", true],
    ["id", true],
  ],
  tasks_list_title: [
    ["title", true],
    ["id", true],
  ],
  tasks_list_deadline: [
    ["deadline", true],
    ["id", true],
  ],
  tasks_list_status: [
    ["status", true],
    ["id", true],
  ],
  tasks_list_percent: [
    ["percent", false],
    ["id", true],
  ],
  tasks_list_weight: [
    ["weight", false],
    ["id", true],
  ],
};

/** Filter indexes the earlier migrations lack (others: tasks_parent, tasks_responsible_*, task_indicators_indicator). */
const FILTERS = [
  ["tasks_goal", "tasks", "goal_id"],
  ["tasks_completion", "tasks", "completion"],
  // `coUnitIds=`: the link table's key starts with the task, so finding tasks by unit scanned it.
  ["task_co_units_org_unit", "task_co_units", "org_unit_id"],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: see isPostgres()
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const [name, columns] of Object.entries(SORTS)) {
    const keys = columns.map(([c, text]) =>
      pg ? (text ? sql`${sql.id(c)} collate "C" nulls first` : sql`${sql.id(c)} nulls first`) : sql.id(c),
    );
    await sql`create index ${sql.id(name)} on tasks (${sql.join(keys)})`.execute(db);
  }
  for (const [name, table, column] of FILTERS)
    await db.schema.createIndex(name).on(table).column(column).execute();
  // Fresh statistics, so the planner knows the new indexes' worth at once.
  if (pg) await sql`analyze tasks, task_co_units, task_indicators`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see isPostgres()
export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of FILTERS) await db.schema.dropIndex(name).execute();
  for (const name of Object.keys(SORTS)) await db.schema.dropIndex(name).execute();
}
