import type { OrgUnitKind, Role } from "../../shared/api/org.js";
import type { RecordColumns } from "../records/record.table.js";

/** `org_units`: the organisation tree (单位). */
export interface OrgUnitTable extends RecordColumns {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  sort: number;
  /** The unit's head: told at the chain's second level when an owner misses a deadline. */
  headPersonId: string | null;
}

/** `persons`: people who hold posts and own work. */
export interface PersonTable extends RecordColumns {
  name: string;
  orgUnitId: string | null;
  post: string | null;
  phone: string | null;
  email: string | null;
}

/** `users`: login accounts; `roles` is a JSON array of roles, `disabled` 0/1. */
export interface UserTable extends RecordColumns {
  username: string;
  displayName: string;
  personId: string | null;
  /** JSON text of `Role[]`. */
  roles: string;
  disabled: number;
  passwordHash: string | null;
}

export type { Role };
