import type { z } from "zod";

/**
 * A JSON text column read back as what it was written as, checked against its wire schema (a
 * row edited by hand or an older format fails loudly here rather than deep in an engine).
 */
export function fromJson<S extends z.ZodType>(schema: S, text: string): z.output<S> {
  return schema.parse(JSON.parse(text));
}
