import { z } from "zod";
import { recordBase, version } from "./common.js";

type Shape = Record<string, z.ZodType>;

/** What one entity's wire schemas are made from. */
export interface EntitySpec<F extends Shape, R extends Shape, K extends keyof F> {
  /** PascalCase name used as the OpenAPI component id, e.g. `Task`. */
  readonly name: string;
  /** Writable fields as they appear on a stored record (nullable where a record may lack them). */
  readonly fields: F;
  /** Fields computed by the server (never accepted in a body). */
  readonly readOnly: R;
  /** Fields a create body must carry. */
  readonly required: readonly K[];
  /** Values given to omitted non-nullable fields on create. */
  readonly defaults: { readonly [P in Exclude<keyof F, K>]?: z.output<F[P]> };
}

/** The three schemas of an entity: the stored record, a create body and an update body. */
export interface EntitySchemas<F extends Shape, R extends Shape, K extends keyof F> {
  readonly spec: EntitySpec<F, R, K>;
  readonly entity: z.ZodObject<typeof recordBase & F & R>;
  readonly create: z.ZodObject<{ [P in keyof F]: P extends K ? F[P] : z.ZodOptional<F[P]> }, z.core.$strict>;
  readonly update: z.ZodObject<
    { [P in keyof F]: z.ZodOptional<F[P]> } & { version: typeof version },
    z.core.$strict
  >;
  /** A parsed create body with every omitted field at its default: the record to store. */
  readonly complete: (input: z.output<EntitySchemas<F, R, K>["create"]>) => Complete<F>;
}

/** Every writable field of an entity, as stored. */
export type Complete<F extends Shape> = { -readonly [P in keyof F]: z.output<F[P]> };

/**
 * Builds the entity, create and update schemas from one field list, so the TS types, the 400
 * errors and the OpenAPI document cannot drift apart. Bodies are strict: unknown fields are errors.
 */
export function defineEntity<F extends Shape, R extends Shape, K extends keyof F>(
  spec: EntitySpec<F, R, K>,
): EntitySchemas<F, R, K> {
  const required = new Set<PropertyKey>(spec.required);
  const createShape: Shape = {};
  const updateShape: Shape = {};
  for (const [key, schema] of Object.entries(spec.fields)) {
    createShape[key] = required.has(key) ? schema : schema.optional();
    updateShape[key] = schema.optional();
  }
  const entity = z.object({ ...recordBase, ...spec.fields, ...spec.readOnly });
  z.globalRegistry.add(entity, { id: spec.name });
  const create = z.strictObject(createShape);
  const update = z.strictObject({ ...updateShape, version });
  const complete = (input: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...spec.defaults };
    for (const [k, v] of Object.entries(input)) if (v !== undefined) out[k] = v;
    return out;
  };
  // The casts restate what the loops above built; zod cannot infer mapped shapes from a loop.
  return { spec, entity, create, update, complete } as unknown as EntitySchemas<F, R, K>;
}
