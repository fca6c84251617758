import type { z } from "zod";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
import { issueDetail } from "../../shared/messages.js";

/** Zod issues → our error details, one per field, with dotted paths such as `tasks.3.duration`. */
export function zodDetails(error: z.ZodError, prefix = ""): ErrorDetail[] {
  return error.issues.map((issue) => {
    const d = issueDetail(issue, prefix);
    return d.path ? d : { ...d, path: "(body)" };
  });
}

/** Parses `input` with `schema` or throws a 400-kind AppError naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = zodDetails(result.error);
  const first = details[0];
  throw new AppError("VALIDATION", `invalid ${what}: ${first?.path} ${first?.message}`, details);
}
