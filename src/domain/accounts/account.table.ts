import type { Role } from "../../shared/api/org.js";

/** `sessions`: browser sessions; `id` is the digest of the cookie. */
export interface SessionTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** `api_tokens`: the digest of each token, its role and optional task-force scope. */
export interface ApiTokenTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  role: Role;
  taskForceId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** `auth_failures`: failed logins per account or address in the current window. */
export interface AuthFailureTable {
  key: string;
  count: number;
  windowStart: string;
}
