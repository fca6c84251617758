import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from "kysely";

// Frozen in time: this file must never import application code.
// Booleans are integers 0/1 and JSON is text, so one schema serves SQLite and PostgreSQL.

type Table = CreateTableBuilder<string, string>;
const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

function base(t: Table): Table {
  return t
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", notNull)
    .addColumn("updated_at", "text", notNull);
}

const ref = (table: string) => (c: ColumnDefinitionBuilder) => c.references(`${table}.id`);

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
export async function up(db: Kysely<any>): Promise<void> {
  await base(db.schema.createTable("org_units"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", notNull)
    .addColumn("kind", "text", notNull)
    .addColumn("parent_id", "text", ref("org_units"))
    .addColumn("sort", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await base(db.schema.createTable("persons"))
    .addColumn("name", "text", notNull)
    .addColumn("org_unit_id", "text", ref("org_units"))
    .addColumn("post", "text")
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .execute();
  await base(db.schema.createTable("users"))
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", notNull)
    .addColumn("person_id", "text", ref("persons"))
    .addColumn("roles", "text", notNull)
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("password_hash", "text")
    .execute();
  await base(db.schema.createTable("goals"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", notNull)
    .addColumn("level", "text", notNull)
    .addColumn("parent_id", "text", ref("goals"))
    .addColumn("org_unit_id", "text", ref("org_units"))
    .addColumn("description", "text")
    .addColumn("year", "integer")
    .execute();
  await base(db.schema.createTable("task_forces"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", notNull)
    .addColumn("lead_leader_id", "text", ref("persons"))
    .addColumn("lead_unit_id", "text", ref("org_units"))
    .addColumn("objective", "text")
    .addColumn("scope", "text")
    .addColumn("measures", "text")
    .addColumn("guarantees", "text")
    .addColumn("start_date", "text")
    .addColumn("deadline", "text")
    .addColumn("status", "text", notNull)
    .execute();
  await link(db, "task_force_goals", "task_force_id", "task_forces", "goal_id", "goals");
  await link(db, "task_force_co_units", "task_force_id", "task_forces", "org_unit_id", "org_units");
  await base(db.schema.createTable("task_force_members"))
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("person_id", "text", (c) => c.notNull().references("persons.id"))
    .addColumn("post", "text", notNull)
    .addColumn("role", "text", notNull)
    .addColumn("duties", "text")
    .addUniqueConstraint("task_force_members_person_post", ["task_force_id", "person_id", "post"])
    .execute();
  await base(db.schema.createTable("tasks"))
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("parent_id", "text", ref("tasks"))
    .addColumn("code", "text", notNull)
    .addColumn("title", "text", notNull)
    .addColumn("description", "text")
    .addColumn("goal_id", "text", ref("goals"))
    .addColumn("responsible_unit_id", "text", ref("org_units"))
    .addColumn("responsible_person_id", "text", ref("persons"))
    .addColumn("responsible_post", "text")
    .addColumn("duration", "integer")
    .addColumn("deadline", "text")
    .addColumn("not_before", "text")
    .addColumn("baseline_start", "text")
    .addColumn("baseline_finish", "text")
    .addColumn("actual_start", "text")
    .addColumn("actual_finish", "text")
    .addColumn("percent", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "text", notNull)
    .addColumn("weight", "double precision", (c) => c.notNull().defaultTo(0))
    .addColumn("acceptance", "text")
    .addColumn("early_start", "text")
    .addColumn("early_finish", "text")
    .addColumn("late_start", "text")
    .addColumn("late_finish", "text")
    .addColumn("total_float", "integer")
    .addColumn("critical", "integer")
    .addUniqueConstraint("tasks_task_force_code", ["task_force_id", "code"])
    .execute();
  await db.schema.createIndex("tasks_parent").on("tasks").column("parent_id").execute();
  await link(db, "task_co_units", "task_id", "tasks", "org_unit_id", "org_units");
  await base(db.schema.createTable("dependencies"))
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("predecessor_id", "text", (c) => c.notNull().references("tasks.id"))
    .addColumn("successor_id", "text", (c) => c.notNull().references("tasks.id"))
    .addColumn("type", "text", notNull)
    .addColumn("lag", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("dependencies_pair", ["predecessor_id", "successor_id"])
    .execute();
  await db.schema.createIndex("dependencies_successor").on("dependencies").column("successor_id").execute();
  await db.schema.createIndex("dependencies_task_force").on("dependencies").column("task_force_id").execute();
  await base(db.schema.createTable("indicators"))
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("task_id", "text", ref("tasks"))
    .addColumn("code", "text", notNull)
    .addColumn("name", "text", notNull)
    .addColumn("unit", "text", notNull)
    .addColumn("kind", "text", notNull)
    .addColumn("direction", "text", notNull)
    .addColumn("year", "integer", notNull)
    .addColumn("baseline", "double precision")
    .addColumn("target", "double precision", notNull)
    .addColumn("monthly_plan", "text")
    .addColumn("owner_person_id", "text", ref("persons"))
    .addColumn("note", "text")
    .addUniqueConstraint("indicators_task_force_code", ["task_force_id", "code"])
    .execute();
  await base(db.schema.createTable("indicator_readings"))
    .addColumn("indicator_id", "text", (c) => c.notNull().references("indicators.id"))
    .addColumn("period", "text", notNull)
    .addColumn("actual", "double precision", notNull)
    .addColumn("note", "text")
    .addColumn("reported_by_id", "text", ref("persons"))
    .addColumn("reported_at", "text", notNull)
    .addUniqueConstraint("indicator_readings_period", ["indicator_id", "period"])
    .execute();
  await base(db.schema.createTable("progress_reports"))
    .addColumn("task_id", "text", (c) => c.notNull().references("tasks.id"))
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("report_date", "text", notNull)
    .addColumn("percent", "double precision", notNull)
    .addColumn("narrative", "text", notNull)
    .addColumn("problems", "text")
    .addColumn("coordination", "text")
    .addColumn("evidence", "text", notNull)
    .addColumn("reported_by_id", "text", ref("persons"))
    .execute();
  await db.schema.createIndex("progress_reports_task").on("progress_reports").column("task_id").execute();
  await base(db.schema.createTable("supervision_items"))
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("task_id", "text", ref("tasks"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("raised_by_id", "text", ref("persons"))
    .addColumn("raised_on", "text", notNull)
    .addColumn("issue", "text", notNull)
    .addColumn("required_action", "text", notNull)
    .addColumn("responsible_person_id", "text", ref("persons"))
    .addColumn("responsible_unit_id", "text", ref("org_units"))
    .addColumn("due_date", "text", notNull)
    .addColumn("state", "text", notNull)
    .addColumn("rectification", "text")
    .addColumn("submitted_on", "text")
    .addColumn("verified_on", "text")
    .addColumn("verified_by_id", "text", ref("persons"))
    .addColumn("return_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_note", "text")
    .execute();
  await db.schema
    .createTable("audit_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("at", "text", notNull)
    .addColumn("actor", "text", notNull)
    .addColumn("action", "text", notNull)
    .addColumn("entity", "text", notNull)
    .addColumn("entity_id", "text", notNull)
    .addColumn("before", "text")
    .addColumn("after", "text")
    .execute();
  await db.schema
    .createIndex("audit_entries_entity")
    .on("audit_entries")
    .columns(["entity", "entity_id"])
    .execute();
  await db.schema.createIndex("audit_entries_at").on("audit_entries").column("at").execute();
  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", notNull)
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "text", notNull)
    .execute();
}

async function link(
  // biome-ignore lint/suspicious/noExplicitAny: see up()
  db: Kysely<any>,
  table: string,
  owner: string,
  ownerTable: string,
  target: string,
  targetTable: string,
) {
  await db.schema
    .createTable(table)
    .addColumn(owner, "text", (c) => c.notNull().references(`${ownerTable}.id`).onDelete("cascade"))
    .addColumn(target, "text", (c) => c.notNull().references(`${targetTable}.id`))
    .addColumn("sort", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint(`${table}_pk`, [owner, target])
    .execute();
  await db.schema.createIndex(`${table}_${target}`).on(table).column(target).execute();
}

const TABLES = [
  "settings",
  "audit_entries",
  "supervision_items",
  "progress_reports",
  "indicator_readings",
  "indicators",
  "dependencies",
  "task_co_units",
  "tasks",
  "task_force_members",
  "task_force_co_units",
  "task_force_goals",
  "task_forces",
  "goals",
  "users",
  "persons",
  "org_units",
];

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await db.schema.dropTable(table).execute();
}
