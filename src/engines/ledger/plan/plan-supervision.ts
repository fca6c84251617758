/**
 * Supervision items by code. A new one takes its progress from the ledger (an office moving its
 * ledger in has items already 整改中); an existing one's state moves only through the state
 * machine, so those columns are then left as stored.
 */
import { num, type Planner, str } from "./planner.js";

const PROGRESS_DATES = ["submittedOn", "verifiedOn"] as const;

export function planSupervision(p: Planner): void {
  const stored = new Map(p.existing.supervision.map((s) => [s.code, s]));
  const columns = { taskId: "taskCode", responsiblePersonId: "person", responsibleUnitId: "unitCode" };
  for (const r of p.ledger.rows.supervision) {
    const tf = p.taskForceId("supervision", r);
    if (!tf) continue;
    const task = p.taskId("supervision", r, tf, "taskCode");
    const person = p.personId("supervision", r, "person");
    const unit = p.unitId("supervision", r, "unitCode");
    if (task === undefined || person === undefined || unit === undefined) continue;
    const code = r.values.code as string;
    const was = stored.get(code);
    const raisedOn = r.values.raisedOn as string;
    const early = was ? [] : PROGRESS_DATES.filter((c) => (str(r.values[c]) ?? raisedOn) < raisedOn);
    for (const c of early) {
      const date = r.values[c] as string;
      p.at(
        "supervision",
        r,
        c,
        "ledgerBeforeRaised",
        { date, raisedOn },
        `${date} is before the day the item was raised (${raisedOn})`,
      );
    }
    if (early.length) continue;
    const fields = {
      taskForceId: tf,
      taskId: task,
      code,
      raisedOn,
      issue: r.values.issue,
      requiredAction: r.values.requiredAction,
      responsiblePersonId: person,
      responsibleUnitId: unit,
      dueDate: r.values.dueDate,
    };
    p.plan("supervision", r, was, { fields, label: code, taskForceId: tf, columns });
    if (was) continue;
    const recorded = {
      state: str(r.values.state) ?? "open",
      rectification: str(r.values.rectification),
      submittedOn: str(r.values.submittedOn),
      verifiedOn: str(r.values.verifiedOn),
      returnCount: num(r.values.returnCount) ?? 0,
      lastNote: str(r.values.lastNote),
    };
    p.changes[p.changes.length - 1] = { ...p.changes[p.changes.length - 1]!, recorded };
  }
}
