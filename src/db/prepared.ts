import { type Compilable, type CompiledQuery, createQueryId } from "kysely";
import type { Db } from "./connection.js";
import { nameStatement } from "./named-statements.js";

const MARK = "\u0000guatu-param:";

interface Prepared {
  readonly query: CompiledQuery;
  /** Per parameter: the name to fill in, or a constant the builder used. */
  readonly slots: readonly ({ name: string } | { value: unknown })[];
}

/**
 * A query built and compiled once per database handle, then run with new parameter values: for
 * the few queries on every request's path, where Kysely's builder and compiler cost more than
 * the query itself. `build` receives `param(name)` to stand where a value goes (typed `never` so it
 * fits any column); plugins (camelCase)
 * still map the result rows. Compiled per handle (each dialect has its own SQL).
 */
export function preparedQuery<Row, Name extends string>(
  build: (db: Db, param: (name: Name) => never) => Compilable<Row>,
): (db: Db, values: Readonly<Record<Name, unknown>>) => Promise<Row[]> {
  const compiled = new WeakMap<Db, Prepared>();
  return async (db, values) => {
    let p = compiled.get(db);
    if (!p) {
      // The marker stands for a value of any column's type until the values are filled in.
      const query = build(db, (name) => `${MARK}${name}` as never).compile();
      const slots = query.parameters.map((v) =>
        typeof v === "string" && v.startsWith(MARK) ? { name: v.slice(MARK.length) } : { value: v },
      );
      // PostgreSQL: parsed and planned once per connection (src/db/named-statements.ts).
      nameStatement(query.sql);
      p = { query, slots };
      compiled.set(db, p);
    }
    const parameters = p.slots.map((s) => ("name" in s ? values[s.name as Name] : s.value));
    const result = await db.executeQuery<Row>({ ...p.query, parameters, queryId: createQueryId() });
    return result.rows;
  };
}
