import type { z } from "zod";
import type { Executor, ServiceContext } from "../context.js";

/** A scalar field that refers to a record of another resource (checked → 422, blocks delete → 409). */
export interface RefDef {
  readonly field: string;
  /** The referenced resource's `path`, e.g. `org-units`. */
  readonly target: string;
}

/** A many-to-many field stored in a link table, e.g. a task force's `coUnitIds`. */
export interface LinkDef {
  readonly field: string;
  readonly table: string;
  /** Column (camelCase) holding the owner's id. */
  readonly ownerColumn: string;
  /** Column (camelCase) holding the linked record's id. */
  readonly targetColumn: string;
  readonly target: string;
}

export type Row = Record<string, unknown>;

/** Rules a resource adds to the generic create/update (run inside the transaction). */
export interface ResourceHooks {
  /**
   * Checks the merged record (after defaults and patch) and returns read-only fields it derives
   * (e.g. a dependency's taskForceId). Throws AppError to refuse.
   */
  readonly beforeWrite?: (
    ctx: ServiceContext,
    trx: Executor,
    next: Row,
    before: Row | null,
  ) => Promise<Row | undefined>;
  /** Follows a committed-to-be write with dependent changes (e.g. a report moves its task). */
  readonly afterWrite?: (
    ctx: ServiceContext,
    trx: Executor,
    record: Row,
    before: Row | null,
  ) => Promise<void>;
  /** Checks a delete the references allow (e.g. a task force's last lead); throws AppError to refuse. */
  readonly beforeDelete?: (ctx: ServiceContext, trx: Executor, record: Row) => Promise<void>;
  /** Follows a delete with dependent changes, in the same transaction. */
  readonly afterDelete?: (ctx: ServiceContext, trx: Executor, record: Row) => Promise<void>;
}

/**
 * Everything the generic repository, service and routes need to serve one entity: its table,
 * wire schemas, references, filters and sorts. One definition per feature folder.
 */
export interface ResourceDef {
  /** Singular entity name in the audit trail and messages, e.g. `task`. */
  readonly name: string;
  /** Human label for messages, e.g. `task force`. */
  readonly label: string;
  /** URL segment and registry key, e.g. `task-forces`. */
  readonly path: string;
  readonly table: string;
  readonly schemas: {
    readonly entity: z.ZodObject;
    readonly create: z.ZodObject;
    readonly update: z.ZodObject;
  };
  readonly defaults: Row;
  /** Initial values of read-only fields on create. */
  readonly readOnlyDefaults?: Row;
  readonly jsonFields?: readonly string[];
  readonly boolFields?: readonly string[];
  readonly refs?: readonly RefDef[];
  readonly links?: readonly LinkDef[];
  /** Field sets that must be unique, checked before writing for a message that names them. */
  readonly uniques?: readonly (readonly string[])[];
  /** Equality filters accepted as query parameters (comma-separated values mean "any of"). */
  readonly filters: readonly string[];
  /** Sortable fields and whether they hold text (text sorts byte-wise on both databases). */
  readonly sorts: Readonly<Record<string, "text" | "number">>;
  readonly defaultSort: readonly string[];
  /** Text fields searched by `?q=`. */
  readonly search?: readonly string[];
  /** Fields that may be set on create but never changed afterwards. */
  readonly immutable?: readonly string[];
  readonly hooks?: ResourceHooks;
}
