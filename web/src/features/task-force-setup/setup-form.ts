/**
 * The setup wizard's form as data: which step holds which field, the request body its values make,
 * and where each refusal of the server (or of the shared schema) belongs — beside which field, on
 * which step. Pure, so it is tested without a browser.
 */
import type { ApiErrorDetail } from "../../api/client";
import { orNull } from "../../hooks/validate";

/** The wizard's steps, in order. */
export const SETUP_STEPS = ["basics", "members", "goals", "review"] as const;

/** The form fields each step holds (the review step holds none). */
export const STEP_FIELDS: readonly (readonly string[])[] = [
  ["name", "code", "leadLeaderId", "leadUnitId", "coUnitIds", "startDate", "deadline", "objective"],
  ["members"],
  ["goalIds"],
  [],
];

/** One row of the members step. */
export interface MemberRow {
  readonly personId?: string;
  readonly post?: string;
  readonly role?: string;
  readonly duties?: string;
}

/** The wizard's values as the form holds them. */
export interface SetupValues {
  readonly code?: string;
  readonly name?: string;
  readonly leadLeaderId?: string;
  readonly leadUnitId?: string;
  readonly coUnitIds?: readonly string[];
  readonly startDate?: string;
  readonly deadline?: string;
  readonly objective?: string;
  readonly goalIds?: readonly string[];
  readonly members?: readonly (MemberRow | undefined)[];
}

/** The body of `POST /task-forces/setup` (checked against the shared schema before it is sent). */
export function setupBody(v: SetupValues) {
  return {
    taskForce: {
      code: v.code,
      name: v.name,
      leadLeaderId: orNull(v.leadLeaderId),
      leadUnitId: orNull(v.leadUnitId),
      coUnitIds: [...(v.coUnitIds ?? [])],
      goalIds: [...(v.goalIds ?? [])],
      startDate: orNull(v.startDate),
      deadline: orNull(v.deadline),
      objective: orNull(v.objective),
    },
    members: (v.members ?? []).map((m) => ({
      personId: m?.personId,
      post: m?.post,
      role: m?.role ?? "member",
      duties: orNull(m?.duties),
    })),
  };
}

/** A form field's name path, e.g. `["code"]` or `["members", 1, "personId"]`. */
export type FieldName = readonly (string | number)[];

/** The step holding a top-level field (the basics when unknown). */
export const stepOf = (field: string): number =>
  Math.max(
    STEP_FIELDS.findIndex((fields) => fields.includes(field)),
    0,
  );

/**
 * Where a refusal's detail belongs: `taskForce.code` → field `code`; `members.1.post` →
 * `["members", 1, "post"]`; `members` alone → the members step without a field. Server paths may
 * start with `body.`. Null when the detail names nothing of the wizard.
 */
export function placeOf(path: string): { name: FieldName | null; step: number } | null {
  const rest = path.replace(/^body\.?/, "");
  const member = /^members\.(\d+)\.(\w+)/.exec(rest);
  if (member) return { name: ["members", Number(member[1]), member[2]!], step: stepOf("members") };
  if (/^members(\.|$)/.test(rest)) return { name: null, step: stepOf("members") };
  const own = /^taskForce\.(\w+)/.exec(rest);
  if (own && STEP_FIELDS.some((f) => f.includes(own[1]!))) return { name: [own[1]!], step: stepOf(own[1]!) };
  return null;
}

/**
 * A refusal spread over the form: the errors of each field it names (in `message`'s words), and the
 * first step that holds one of them (null: none — the refusal stays below the form only).
 */
export function placeRefusal(
  details: readonly ApiErrorDetail[],
  message: (d: ApiErrorDetail) => string,
): { fields: { name: FieldName; errors: string[] }[]; step: number | null } {
  const byName = new Map<string, { name: FieldName; errors: string[] }>();
  let step: number | null = null;
  for (const d of details) {
    const place = placeOf(d.path);
    if (!place) continue;
    step = step === null ? place.step : Math.min(step, place.step);
    if (!place.name) continue;
    const key = place.name.join(".");
    const entry = byName.get(key) ?? { name: place.name, errors: [] };
    entry.errors.push(message(d));
    byName.set(key, entry);
  }
  return { fields: [...byName.values()], step };
}

/** "name · post · unit" of a person in the pickers, the parts it lacks left out: two 张伟 in two units differ. */
export const personPickLabel = (p: { name: string; post: string | null }, unitName: string): string =>
  [p.name, p.post, unitName].filter(Boolean).join(" · ");
