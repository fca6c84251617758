/** Readiness: whether the database answers (for `GET /health/ready` and load balancers). */
import { sql } from "kysely";
import type { DatabaseHandle } from "../../db/connection.js";
import { AppError } from "../../shared/errors.js";

/** Runs `select 1`; a database that does not answer is 503 `UNAVAILABLE`. */
export async function assertDatabaseAnswers(database: DatabaseHandle): Promise<void> {
  try {
    await sql`select 1`.execute(database.db);
  } catch {
    throw new AppError("UNAVAILABLE", "the database does not answer");
  }
}
