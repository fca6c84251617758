import { z } from "zod";
import type { ListCriteria, ListFields } from "../../domain/records/list.js";
import { listCursor, listQuery, text } from "../../shared/api/common.js";
import { AppError, type ErrorDetail } from "../../shared/errors.js";
import { ruleDetail } from "../../shared/messages.js";
import { isIsoDate } from "../../vocabulary/dates.js";
import { LIGHT_COLORS } from "../../vocabulary/index.js";

const lightList = new RegExp(`^(${LIGHT_COLORS.join("|")})(,(${LIGHT_COLORS.join("|")}))*$`);

/**
 * Query schema of a list route: paging, sorting, search, its equality filters, (lit lists) `light`
 * and (lists with keyset paging) `cursor`.
 */
export function listQueryOf(fields: ListFields, options: { lighted?: boolean; keyset?: boolean } = {}) {
  const filters = Object.fromEntries(fields.filters.map((f) => [f, text(2000).optional()]));
  const light = options.lighted
    ? { light: z.string().regex(lightList, "must be light colours separated by commas").optional() }
    : {};
  const cursor = options.keyset ? { cursor: listCursor.optional() } : {};
  return listQuery.extend({ ...filters, ...light, ...cursor });
}

/** A typed filter's value as stored (a flag's `true` → `1`), or undefined when it is not of the kind. */
function filterValue(kind: "flag" | "int" | "date" | "month", v: string): string | undefined {
  if (v === "null") return v;
  switch (kind) {
    case "flag":
      return /^(true|1)$/i.test(v) ? "1" : /^(false|0)$/i.test(v) ? "0" : undefined;
    case "int":
      return /^-?\d{1,9}$/.test(v) ? String(Number(v)) : undefined;
    case "date":
      return isIsoDate(v) ? v : undefined;
    case "month":
      return /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : undefined;
  }
}

const KIND_KEYS = { flag: "flag", int: "wholeNumber", date: "date", month: "month" } as const;

/** Query values → list criteria; an unknown sort field or a filter value not of its kind is a 400 naming it. */
export function criteriaOf(path: string, fields: ListFields, query: Record<string, unknown>): ListCriteria {
  const filters: Record<string, string[]> = {};
  const bad: ErrorDetail[] = [];
  for (const f of fields.filters) {
    const v = query[f];
    if (typeof v !== "string" || v.length === 0) continue;
    const kind = fields.filterKinds?.[f];
    const values = v.split(",").map((x) => (kind ? filterValue(kind, x) : x));
    if (kind && values.some((x) => x === undefined)) {
      bad.push(ruleDetail(`querystring.${f}`, KIND_KEYS[kind]));
    } else filters[f] = values as string[]; // none undefined, just checked
  }
  if (bad.length) throw new AppError("VALIDATION", `${path}: ${bad.map((d) => d.path).join(", ")}`, bad);
  const sortText = typeof query.sort === "string" ? query.sort : fields.defaultSort.join(",");
  const sort = sortText.split(",").map((s) => ({ field: s.replace(/^-/, ""), desc: s.startsWith("-") }));
  for (const s of sort) {
    // Own keys only: `constructor` or `toString` are "in" every object.
    if (s.field !== "id" && !Object.hasOwn(fields.sorts, s.field) && !fields.defaultSort.includes(s.field))
      throw new AppError("VALIDATION", `sort: cannot sort ${path} by ${s.field}`, [
        { path: "querystring.sort", message: `sortable fields: ${Object.keys(fields.sorts).join(", ")}` },
      ]);
  }
  const cursor = typeof query.cursor === "string" ? { cursor: query.cursor } : {};
  if (cursor.cursor !== undefined && typeof query.offset === "number" && query.offset > 0)
    throw new AppError("VALIDATION", "cursor: a page is asked by cursor or by offset, not both", [
      { path: "querystring.offset", message: "must be 0 with a cursor" },
    ]);
  return {
    filters,
    ...cursor,
    ...(typeof query.q === "string" ? { q: query.q } : {}),
    sort,
    limit: typeof query.limit === "number" ? query.limit : 50,
    offset: typeof query.offset === "number" ? query.offset : 0,
  };
}

/** The colours of a list's `light` filter, when given. */
export const lightsOf = (query: Record<string, unknown>): string[] | undefined =>
  typeof query.light === "string" ? query.light.split(",") : undefined;
