/** Pure helpers of account administration: what the tables show and what the forms send. */
import { type Role, roles } from "../../../../src/shared/api/org";
import { memberRoles } from "../../../../src/shared/api/task-forces";
import type { Member, Session } from "../../api/types";
import type { User } from "./use-accounts";

/**
 * The roles a new API token may carry: one of the caller's own, any role for an admin (the service
 * allows that), in the policy's order.
 */
export function tokenRoles(session: Pick<Session, "roles"> | null | undefined): Role[] {
  const own = session?.roles ?? [];
  return own.includes("admin") ? [...roles] : roles.filter((r) => own.includes(r));
}

const ROLE_RANK = new Map<string, number>(memberRoles.map((r, i) => [r, i]));

/** Each person's task-force memberships, the most senior role first. */
export function membershipsByPerson(members: readonly Member[]): Map<string, Member[]> {
  const out = new Map<string, Member[]>();
  for (const m of members) out.set(m.personId, [...(out.get(m.personId) ?? []), m]);
  for (const list of out.values())
    list.sort((a, b) => (ROLE_RANK.get(a.role) ?? 9) - (ROLE_RANK.get(b.role) ?? 9));
  return out;
}

/**
 * Roles that act through the account's linked person: a lead edits the plan of a task force whose
 * members list that person as lead (or lead leader); an owner reports on what that person owns.
 */
const PERSON_ROLES: readonly Role[] = ["lead", "member"];

/** Whether these roles need a linked person to have any effect. */
export const needsPerson = (r: readonly Role[] | null | undefined): boolean =>
  (r ?? []).some((x) => PERSON_ROLES.includes(x));

/** A membership role that lets its person edit the task force's plan (as the server's `leadsPlan`). */
const leadsPlan = (role: string) => role === "lead" || role === "lead_leader";

/** What an account lacks for its roles to work: no linked person, or a lead whose person leads no task force. */
export type AccountGap = "noPerson" | "leadsNone";

/** The gap of `user` given its person's task-force memberships; null when its roles work as set. */
export function accountGap(
  user: Pick<User, "roles" | "personId">,
  memberships: readonly Pick<Member, "role">[],
): AccountGap | null {
  if (!needsPerson(user.roles)) return null;
  if (!user.personId) return "noPerson";
  if (user.roles.includes("lead") && !memberships.some((m) => leadsPlan(m.role))) return "leadsNone";
  return null;
}

/** The fields of the user form. */
export interface UserFormValues {
  readonly username?: string;
  readonly displayName?: string;
  readonly personId?: string | null;
  readonly roles?: Role[];
  readonly disabled?: boolean;
  readonly password?: string;
}

/** The body of `POST /users`: blank fields left out (the API's defaults apply), the password kept. */
export function userCreateBodyOf(v: UserFormValues): Record<string, unknown> {
  return {
    username: v.username?.trim(),
    displayName: v.displayName?.trim(),
    ...(v.personId ? { personId: v.personId } : {}),
    roles: v.roles ?? [],
    ...(v.password ? { password: v.password } : {}),
  };
}

/** The body of `PATCH /users/:id`: only what changed, with the version it was read at. */
export function userPatchOf(user: User, v: UserFormValues): Record<string, unknown> {
  const next: Record<string, unknown> = {
    username: v.username?.trim() ?? user.username,
    displayName: v.displayName?.trim() ?? user.displayName,
    personId: v.personId ?? null,
    roles: v.roles ?? user.roles,
    disabled: v.disabled ?? user.disabled,
  };
  const body: Record<string, unknown> = { version: user.version };
  for (const [k, value] of Object.entries(next))
    if (JSON.stringify(value) !== JSON.stringify(user[k as keyof User])) body[k] = value;
  return body;
}
