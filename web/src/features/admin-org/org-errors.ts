/**
 * Pure explanation of a refused delete of a unit, person or goal (409 STILL_REFERENCED) in the UI
 * language: one line per kind of record that still refers to it, with how many, and the names the
 * screen knows (child units, the unit's people, child goals …).
 */
import { ApiError, type ApiErrorDetail } from "../../api/client";

/** A translator (i18next's `t`, or a stub in tests). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A delete refusal ready to show: a title and one line per kind of referrer. */
export interface DeleteRefusal {
  readonly title: string;
  readonly items: readonly string[];
}

/** Referrer paths (`<resource>.<field>` of the API's details) this screen names in words. */
export const ORG_REFERRERS = [
  "org-units.parentId",
  "org-units.headPersonId",
  "persons.orgUnitId",
  "goals.orgUnitId",
  "goals.parentId",
  "task-forces.leadUnitId",
  "task-forces.coUnitIds",
  "task-forces.leadLeaderId",
  "task-forces.goalIds",
  "tasks.responsibleUnitId",
  "tasks.coUnitIds",
  "tasks.responsiblePersonId",
  "tasks.goalId",
  "supervision-items.responsibleUnitId",
  "supervision-items.responsiblePersonId",
  "supervision-items.raisedById",
  "supervision-items.verifiedById",
  "users.personId",
  "members.personId",
  "indicators.ownerPersonId",
  "indicator-readings.reportedById",
  "progress-reports.reportedById",
  "chases.recipientId",
  "inbox.personId",
] as const;

/** How many names of referring records a line lists before "…". */
const MAX_NAMES = 3;

/** i18next keys may not hold dots: `persons.orgUnitId` → `persons_orgUnitId`. */
export const referrerKey = (path: string) => `org.refs.${path.replace(".", "_")}`;

function referrerLine(d: ApiErrorDetail, t: Translate, names: readonly string[]): string {
  const n = Number(d.params?.n ?? Number.parseInt(d.message, 10));
  const count = Number.isNaN(n) ? "" : n;
  const line = (ORG_REFERRERS as readonly string[]).includes(d.path)
    ? t(referrerKey(d.path), { count })
    : t("org.refs.other", { count });
  if (!names.length) return line;
  const shown = names.slice(0, MAX_NAMES).join(t("org.listSep"));
  return t("org.refNamed", { line, names: names.length > MAX_NAMES ? t("org.andMore", { shown }) : shown });
}

/**
 * The explanation of a refused delete, or null for any other error (a stale version, a network
 * failure …), which the generic write alert explains. `names(path)` lists the referring records
 * the screen knows by name.
 */
export function explainDeleteRefusal(
  error: unknown,
  t: Translate,
  names: (path: string) => readonly string[] = () => [],
): DeleteRefusal | null {
  if (!(error instanceof ApiError) || error.code !== "STILL_REFERENCED") return null;
  return {
    title: t("org.refusedDelete"),
    items: error.details.map((d) => referrerLine(d, t, names(d.path))),
  };
}
