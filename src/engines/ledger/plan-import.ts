/**
 * Plans an import: matches each ledger row to the stored record of the same code (or plans a new
 * one), resolves codes and names to ids, and checks what only the whole workbook shows (a parent or
 * unit that exists nowhere, a person's name that fits two people, a dependency cycle). Pure: the
 * stored records come in as plain data, new ids from `newId`. Sheet by sheet in `plan/`.
 */
import type { ExistingRecords, Id } from "./plan/existing.js";
import { planIndicators, planReadings, reserveIndicators } from "./plan/plan-indicators.js";
import { planPeople, planUnits } from "./plan/plan-org.js";
import { planSupervision } from "./plan/plan-supervision.js";
import { planMembers, planTaskForces } from "./plan/plan-task-forces.js";
import { planDependencies, planTasks } from "./plan/plan-tasks.js";
import { type PlannedChange, Planner } from "./plan/planner.js";
import type { LedgerProblem, ReadLedger } from "./read-ledger.js";

export type { ExistingRecords, Id } from "./plan/existing.js";
export type { ChangeAction, PlannedChange } from "./plan/planner.js";

export interface ImportPlan {
  readonly changes: readonly PlannedChange[];
  readonly problems: readonly LedgerProblem[];
}

/**
 * Plans the import of `ledger` over `existing`, sheet by sheet in the order rows refer to each
 * other. Rows with problems plan nothing; any problem means the caller writes nothing.
 */
export function planImport(ledger: ReadLedger, existing: ExistingRecords, newId: () => Id): ImportPlan {
  const p = new Planner(ledger, existing, newId);
  planUnits(p);
  planPeople(p);
  planTaskForces(p);
  planMembers(p);
  reserveIndicators(p);
  planTasks(p);
  planDependencies(p);
  planReadings(p, planIndicators(p));
  planSupervision(p);
  return { changes: p.changes, problems: inReadingOrder(p.problems, ledger) };
}

/** Problems sheet by sheet (in the ledger's order), then by row and column. */
function inReadingOrder(
  problems: readonly LedgerProblem[],
  ledger: Pick<ReadLedger, "sheetNames">,
): LedgerProblem[] {
  const order = new Map(Object.values(ledger.sheetNames).map((name, i) => [name, i]));
  // Column letters in Excel's order: shorter first (Z before AA), then alphabetically.
  const col = (c: string | null) => (c ? c.padStart(3, " ") : "");
  return [...problems].sort(
    (a, b) =>
      (order.get(a.sheet) ?? 99) - (order.get(b.sheet) ?? 99) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      col(a.column).localeCompare(col(b.column)),
  );
}
