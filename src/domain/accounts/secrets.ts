import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A new random secret for a cookie, CSRF token or API token (base64url, 32 bytes of entropy). */
export const newSecret = (prefix = ""): string => `${prefix}${randomBytes(32).toString("base64url")}`;

/** The stored form of a secret: its SHA-256 (a database leak does not hand out sessions). */
export const digest = (secret: string): string => createHash("sha256").update(secret).digest("hex");

/** Constant-time string equality. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
