import pg from "pg";

/** SQL texts sent as named prepared statements, and their names (`preparedQuery`'s: a handful). */
const names = new Map<string, string>();

/**
 * Has PostgreSQL parse and plan `sql` once per connection instead of on every run. Only for the few
 * fixed texts on every request's path: a connection keeps each named statement until it closes.
 */
export function nameStatement(sql: string): void {
  if (!names.has(sql)) names.set(sql, `guatu_${names.size + 1}`);
}

/**
 * The pool's client: a query whose text was named above goes as a named statement (Kysely sends
 * every query as `query(text, values)`, unnamed). Parsing and planning the session query cost
 * PostgreSQL more than running it.
 */
export class NamingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; only (text, values) is renamed
  override query(config: any, values?: any, callback?: any): any {
    const name = typeof config === "string" && callback === undefined ? names.get(config) : undefined;
    if (name) return super.query({ name, text: config, values });
    return super.query(config, values, callback);
  }
}
