import { type Kysely, sql } from "kysely";

// Frozen in time: this file must never import application code.
// The indicator cascade (层层衔接): an indicator may be a share of a parent indicator (any depth);
// a district-level indicator belongs to no task force but to a goal; a share may name the unit or
// street it is for and carry a weight (rate/level roll-up). Tasks name the indicators they advance.
// SQLite cannot drop a NOT NULL in place, so `indicators` is rebuilt there; its readings are set
// aside first (dropping a referenced table counts every reading as a broken foreign key).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and schema-agnostic
const isPostgres = (db: Kysely<any>) => sql`select ${1}`.compile(db).sql.includes("$1");

const OLD_COLUMNS = [
  "id",
  "version",
  "created_at",
  "updated_at",
  "task_force_id",
  "task_id",
  "code",
  "name",
  "unit",
  "kind",
  "direction",
  "year",
  "baseline",
  "target",
  "monthly_plan",
  "owner_person_id",
  "note",
];

// biome-ignore lint/suspicious/noExplicitAny: see isPostgres()
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table indicators alter column task_force_id drop not null`.execute(db);
    await db.schema
      .alterTable("indicators")
      .addColumn("parent_id", "text", (c) => c.references("indicators.id"))
      .execute();
    await db.schema
      .alterTable("indicators")
      .addColumn("goal_id", "text", (c) => c.references("goals.id"))
      .execute();
    await db.schema
      .alterTable("indicators")
      .addColumn("org_unit_id", "text", (c) => c.references("org_units.id"))
      .execute();
    await db.schema.alterTable("indicators").addColumn("weight", "double precision").execute();
  } else {
    // Kysely runs SQLite migrations outside a transaction: the rebuild takes its own.
    await db.transaction().execute((trx) => rebuildUp(trx));
  }
  await finishUp(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see isPostgres()
async function rebuildUp(db: Kysely<any>): Promise<void> {
  {
    await sql`create table indicators_before_cascade as select * from indicators`.execute(db);
    await sql`create table readings_before_cascade as select * from indicator_readings`.execute(db);
    await sql`delete from indicator_readings`.execute(db);
    await sql`drop table indicators`.execute(db);
    await db.schema
      .createTable("indicators")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("task_force_id", "text", (c) => c.references("task_forces.id"))
      .addColumn("task_id", "text", (c) => c.references("tasks.id"))
      .addColumn("code", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("unit", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("direction", "text", (c) => c.notNull())
      .addColumn("year", "integer", (c) => c.notNull())
      .addColumn("baseline", "double precision")
      .addColumn("target", "double precision", (c) => c.notNull())
      .addColumn("monthly_plan", "text")
      .addColumn("owner_person_id", "text", (c) => c.references("persons.id"))
      .addColumn("note", "text")
      .addColumn("parent_id", "text", (c) => c.references("indicators.id"))
      .addColumn("goal_id", "text", (c) => c.references("goals.id"))
      .addColumn("org_unit_id", "text", (c) => c.references("org_units.id"))
      .addColumn("weight", "double precision")
      .addUniqueConstraint("indicators_task_force_code", ["task_force_id", "code"])
      .execute();
    const cols = sql.join(OLD_COLUMNS.map((c) => sql.ref(c)));
    await sql`insert into indicators (${cols}) select ${cols} from indicators_before_cascade`.execute(db);
    await sql`insert into indicator_readings select * from readings_before_cascade`.execute(db);
    await sql`drop table indicators_before_cascade`.execute(db);
    await sql`drop table readings_before_cascade`.execute(db);
    await db.schema
      .createIndex("indicators_owner_person")
      .on("indicators")
      .column("owner_person_id")
      .execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see isPostgres()
async function finishUp(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("indicators_parent").on("indicators").column("parent_id").execute();
  await db.schema.createIndex("indicators_goal").on("indicators").column("goal_id").execute();
  // Codes of district-level indicators (no task force) are unique among themselves.
  await sql`create unique index indicators_district_code on indicators (code) where task_force_id is null`.execute(
    db,
  );

  await db.schema
    .createTable("task_indicators")
    .addColumn("task_id", "text", (c) => c.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("indicator_id", "text", (c) => c.notNull().references("indicators.id"))
    .addColumn("sort", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("task_indicators_pk", ["task_id", "indicator_id"])
    .execute();
  await db.schema
    .createIndex("task_indicators_indicator")
    .on("task_indicators")
    .column("indicator_id")
    .execute();
}

// Fails while district-level indicators (no task force) exist: they have no place in the old schema.
// biome-ignore lint/suspicious/noExplicitAny: see isPostgres()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("task_indicators").execute();
  await db.schema.dropIndex("indicators_district_code").execute();
  await db.schema.dropIndex("indicators_goal").execute();
  await db.schema.dropIndex("indicators_parent").execute();
  if (isPostgres(db)) {
    for (const c of ["weight", "org_unit_id", "goal_id", "parent_id"])
      await db.schema.alterTable("indicators").dropColumn(c).execute();
    await sql`alter table indicators alter column task_force_id set not null`.execute(db);
    return;
  }
  await db.transaction().execute((trx) => rebuildDown(trx));
}

// biome-ignore lint/suspicious/noExplicitAny: see isPostgres()
async function rebuildDown(db: Kysely<any>): Promise<void> {
  await sql`create table indicators_after_cascade as select * from indicators`.execute(db);
  await sql`create table readings_after_cascade as select * from indicator_readings`.execute(db);
  await sql`delete from indicator_readings`.execute(db);
  await sql`drop table indicators`.execute(db);
  await db.schema
    .createTable("indicators")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("task_force_id", "text", (c) => c.notNull().references("task_forces.id"))
    .addColumn("task_id", "text", (c) => c.references("tasks.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("baseline", "double precision")
    .addColumn("target", "double precision", (c) => c.notNull())
    .addColumn("monthly_plan", "text")
    .addColumn("owner_person_id", "text", (c) => c.references("persons.id"))
    .addColumn("note", "text")
    .addUniqueConstraint("indicators_task_force_code", ["task_force_id", "code"])
    .execute();
  const cols = sql.join(OLD_COLUMNS.map((c) => sql.ref(c)));
  await sql`insert into indicators (${cols}) select ${cols} from indicators_after_cascade`.execute(db);
  await sql`insert into indicator_readings select * from readings_after_cascade`.execute(db);
  await sql`drop table indicators_after_cascade`.execute(db);
  await sql`drop table readings_after_cascade`.execute(db);
  await db.schema.createIndex("indicators_owner_person").on("indicators").column("owner_person_id").execute();
}
