import type { z } from "zod";

/**
 * Hands a service result to the response serializer typed as the route's wire schema. The
 * serializer encodes with that schema, so only the listed fields leave the server, and a record
 * that does not match it is caught there rather than sent.
 */
export function present<S extends z.ZodType>(_schema: S, value: unknown): z.output<S> {
  return value as z.output<S>;
}

/**
 * A request part (body, params, query) typed as the route's schema has already parsed it: for routes
 * built generically, which the zod type provider cannot type.
 */
export function validated<S extends z.ZodType>(_schema: S, value: unknown): z.output<S> {
  return value as z.output<S>;
}
