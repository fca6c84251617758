import { z } from "zod";
import type { ListCriteria, ListFields } from "../../domain/records/list.js";
import { listQuery, text } from "../../shared/api/common.js";
import { AppError } from "../../shared/errors.js";
import { LIGHT_COLORS } from "../../vocabulary/index.js";

const lightList = new RegExp(`^(${LIGHT_COLORS.join("|")})(,(${LIGHT_COLORS.join("|")}))*$`);

/** Query schema of a list route: paging, sorting, search, its equality filters and (lit lists) `light`. */
export function listQueryOf(fields: ListFields, options: { lighted?: boolean } = {}) {
  const filters = Object.fromEntries(fields.filters.map((f) => [f, text(2000).optional()]));
  const light = options.lighted
    ? { light: z.string().regex(lightList, "must be light colours separated by commas").optional() }
    : {};
  return listQuery.extend({ ...filters, ...light });
}

/** Query values → list criteria; an unknown sort field is a 400 naming it. */
export function criteriaOf(path: string, fields: ListFields, query: Record<string, unknown>): ListCriteria {
  const filters: Record<string, string[]> = {};
  for (const f of fields.filters) {
    const v = query[f];
    if (typeof v === "string" && v.length > 0) filters[f] = v.split(",");
  }
  const sortText = typeof query.sort === "string" ? query.sort : fields.defaultSort.join(",");
  const sort = sortText.split(",").map((s) => ({ field: s.replace(/^-/, ""), desc: s.startsWith("-") }));
  for (const s of sort) {
    if (s.field !== "id" && !(s.field in fields.sorts) && !fields.defaultSort.includes(s.field))
      throw new AppError("VALIDATION", `sort: cannot sort ${path} by ${s.field}`, [
        { path: "querystring.sort", message: `sortable fields: ${Object.keys(fields.sorts).join(", ")}` },
      ]);
  }
  return {
    filters,
    ...(typeof query.q === "string" ? { q: query.q } : {}),
    sort,
    limit: typeof query.limit === "number" ? query.limit : 50,
    offset: typeof query.offset === "number" ? query.offset : 0,
  };
}

/** The colours of a list's `light` filter, when given. */
export const lightsOf = (query: Record<string, unknown>): string[] | undefined =>
  typeof query.light === "string" ? query.light.split(",") : undefined;
