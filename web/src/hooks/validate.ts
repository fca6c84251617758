/** Form validation with the API's own zod schemas, reported like the API's 400 answers. */
import type { z } from "zod";
import { ApiError } from "../api/client";

/** Parses `value` with `schema`; throws an ApiError(400, VALIDATION) naming each bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new ApiError(400, "VALIDATION", details.map((d) => `${d.path}: ${d.message}`).join("; "), details);
}

/** Field errors of a value as `{field: message}` (empty when valid), for inline form messages. */
export function fieldErrors<S extends z.ZodType>(schema: S, value: unknown): Record<string, string> {
  const r = schema.safeParse(value);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[String(i.path[0] ?? "")] ??= i.message;
  return out;
}

/** An empty input as null: the API's optional fields take null, not "" or undefined. */
export const orNull = (v: unknown) => (v === undefined || v === "" ? null : v);

/** An antd Form rule that validates one field with the API's zod schema for that field. */
export function zodRule(schema: z.ZodType, transform: (v: unknown) => unknown = (v) => v) {
  return {
    validator: async (_: unknown, value: unknown) => {
      const r = schema.safeParse(transform(value));
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? "invalid");
    },
  };
}
