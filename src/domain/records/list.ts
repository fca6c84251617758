/** How a list route may filter, sort and search one kind of record. */
export interface ListFields {
  /** Equality filters accepted as query parameters (comma-separated values mean "any of"). */
  readonly filters: readonly string[];
  /** Sortable fields and whether they hold text (text sorts byte-wise on both databases). */
  readonly sorts: Readonly<Record<string, "text" | "number">>;
  readonly defaultSort: readonly string[];
  /** Text fields searched by `?q=`. */
  readonly search: readonly string[];
  /**
   * Filters whose values are not text, checked before the query (a bad one is a 400 naming it):
   * `flag` (true/false/1/0, stored 0/1), `int`, `date` (YYYY-MM-DD), `month` (YYYY-MM). `null`
   * (no value) is accepted by every kind.
   */
  readonly filterKinds?: Readonly<Record<string, "flag" | "int" | "date" | "month">>;
}

/** The text-sorted fields of a list (plus the default sort's, which are text unless numbers). */
export const textSortsOf = (fields: ListFields): ReadonlySet<string> =>
  new Set([
    ...Object.entries(fields.sorts)
      .filter(([, kind]) => kind === "text")
      .map(([f]) => f),
    ...fields.defaultSort.filter((f) => fields.sorts[f] !== "number"),
  ]);

export type { ListCriteria, Page } from "./list-page.js";
