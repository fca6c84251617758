/** Form validation with the API's own zod schemas, reported like the API's 400 answers. */
import type { z } from "zod";
import { issueDetail } from "../../../src/shared/messages";
import { ApiError } from "../api/client";
import { detailMessage } from "./messages";

/** Parses `value` with `schema`; throws an ApiError(400, VALIDATION) naming each bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => issueDetail(i));
  throw new ApiError(400, "VALIDATION", details.map((d) => `${d.path}: ${d.message}`).join("; "), details);
}

/** Field errors of a value as `{field: message}` in the UI's language (empty when valid). */
export function fieldErrors<S extends z.ZodType>(schema: S, value: unknown): Record<string, string> {
  const r = schema.safeParse(value);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[String(i.path[0] ?? "")] ??= detailMessage(issueDetail(i));
  return out;
}

/** An empty input as null: the API's optional fields take null, not "" or undefined. */
export const orNull = (v: unknown) => (v === undefined || v === "" ? null : v);

/**
 * An antd Form rule that validates one field with the API's zod schema for that field; its message
 * is in the UI's language.
 */
export function zodRule(schema: z.ZodType, transform: (v: unknown) => unknown = (v) => v) {
  return {
    validator: async (_: unknown, value: unknown) => {
      const r = schema.safeParse(transform(value));
      const issue = r.error?.issues[0];
      if (issue) throw new Error(detailMessage(issueDetail(issue)));
    },
  };
}
