import { type Role, userSchemas } from "../../shared/api/org.js";
import type { Db as Executor } from "../database.js";
import { fromJson } from "../records/json-column.js";
import { taskForcesOfPerson, type UserRow } from "./account.repository.js";

export type { UserRow };

/** Who is calling, with the task forces their scopes reach. */
export interface Principal {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly personId: string | null;
  /** Effective roles: the user's, or the one role an API token was scoped to. */
  readonly roles: readonly Role[];
  readonly via: "session" | "token";
  /** An API token may be limited to one task force. */
  readonly taskForceScope: string | null;
  /** Task forces whose plan this person leads (member role `lead` or `lead_leader`). */
  readonly leadTaskForceIds: ReadonlySet<string>;
  /** Task forces this person belongs to, leads, or owns tasks or indicators in. */
  readonly ownTaskForceIds: ReadonlySet<string>;
}

/** Whether a membership of this role lets its person edit the task force's plan. */
export const leadsPlan = (role: string | null | undefined): boolean =>
  role === "lead" || role === "lead_leader";

/** Builds the principal of a user, looking up the task forces their person is part of. */
export async function principalFor(
  db: Executor,
  user: UserRow,
  via: "session" | "token",
  token?: { role: Role; taskForceId: string | null },
): Promise<Principal> {
  const lead = new Set<string>();
  const own = new Set<string>();
  if (user.personId) {
    for (const r of await taskForcesOfPerson(db, user.personId)) {
      own.add(r.taskForceId);
      if (leadsPlan(r.role)) lead.add(r.taskForceId);
    }
  }
  const roles = token ? [token.role] : fromJson(userSchemas.entity.shape.roles, user.roles);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    personId: user.personId,
    roles,
    via,
    taskForceScope: token?.taskForceId ?? null,
    leadTaskForceIds: lead,
    ownTaskForceIds: own,
  };
}

/**
 * Principals remembered per user row and data revision, so a signed-in read costs no membership
 * query. The task forces a person leads or owns work in change only through audited writes, and
 * every audited write moves the data revision on (in the database, so other app instances see it
 * too); the user row (roles, person, disabled) is read on every request and is part of the key.
 */
export class PrincipalCache {
  readonly #entries = new Map<string, Principal>();

  constructor(private readonly capacity = 1000) {}

  async get(
    db: Executor,
    user: UserRow,
    via: "session" | "token",
    revision: number,
    token?: { role: Role; taskForceId: string | null },
  ): Promise<Principal> {
    const key = JSON.stringify([
      revision,
      user.id,
      user.username,
      user.displayName,
      user.personId,
      user.roles,
      via,
      token?.role,
      token?.taskForceId,
    ]);
    const hit = this.#entries.get(key);
    if (hit) return hit;
    const principal = await principalFor(db, user, via, token);
    if (this.capacity === 0) return principal;
    if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, principal);
    return principal;
  }
}
