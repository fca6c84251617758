/** The five-ization findings a task book shows: its own task force's, from the check's answer. */
import type { CheckFinding, CheckView } from "../../api/types";

const CHECK_ORDER = ["project", "list", "responsibility", "concrete", "assessable"] as const;

/**
 * The findings of task force `taskForceId` (the cascade's on its indicators included), in the order
 * of the five checks, then by WBS code or indicator code. District-level findings (no task force)
 * belong to no task book.
 */
export function taskForceFindings(check: CheckView, taskForceId: string): CheckFinding[] {
  const rank = (f: CheckFinding) => CHECK_ORDER.indexOf(f.check);
  const code = (f: CheckFinding) => f.wbs ?? String(f.params.code ?? "");
  return check.findings
    .filter((f) => f.taskForceId === taskForceId)
    .sort((a, b) => rank(a) - rank(b) || code(a).localeCompare(code(b), "en", { numeric: true }));
}

/** What a finding is about in the task book's table: the task's WBS code, or the indicator's code. */
export const findingSubject = (f: CheckFinding): string => f.wbs ?? String(f.params.code ?? "");
