import type { Principal } from "../src/domain/accounts/principal.js";

/** A task-force lead's principal (session), leading `leads` and belonging to `own` (default: `leads`). */
export const leadPrincipal = (leads: readonly string[], own: readonly string[] = leads): Principal => ({
  userId: "u-lead",
  username: "lead",
  displayName: "牵头人",
  personId: null,
  roles: ["lead"],
  via: "session",
  taskForceScope: null,
  leadTaskForceIds: new Set(leads),
  ownTaskForceIds: new Set(own),
});
