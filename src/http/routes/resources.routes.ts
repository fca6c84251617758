import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../db/connection.js";
import { idsWithLight } from "../../domain/closed-loop/closed-loop.service.js";
import { allResources } from "../../domain/registry.js";
import type { ListCriteria } from "../../domain/resource/resource.repository.js";
import {
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  updateRecord,
} from "../../domain/resource/resource.service.js";
import type { ResourceDef } from "../../domain/resource/resource-def.js";
import { errorBody, id, listQuery, page, text, version } from "../../shared/api/common.js";
import { AppError } from "../../shared/errors.js";
import { readRule, writeRule } from "../policy.js";
import { contextOf } from "../request-context.js";

const idParams = z.strictObject({ id });
const errors = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

/** Query schema of a resource's list route: paging, sorting, search and its equality filters. */
function listQueryOf(def: ResourceDef) {
  const filters = Object.fromEntries(def.filters.map((f) => [f, text(2000).optional()]));
  const light = LIGHTED.has(def.path)
    ? {
        light: z
          .string()
          .regex(
            /^(red|yellow|green|grey|blue)(,(red|yellow|green|grey|blue))*$/,
            "must be light colours separated by commas",
          )
          .optional(),
      }
    : {};
  return listQuery.extend({ ...filters, ...light });
}

/** Resources whose lists can be filtered by light (computed by the closed-loop engines). */
const LIGHTED = new Set(["tasks", "task-forces"]);

/** Query values → repository criteria; an unknown sort field is a 400 naming it. */
export function criteriaOf(def: ResourceDef, query: Record<string, unknown>): ListCriteria {
  const filters: Record<string, string[]> = {};
  for (const f of def.filters) {
    const v = query[f];
    if (typeof v === "string" && v.length > 0) filters[f] = v.split(",");
  }
  const sortText = (query.sort as string | undefined) ?? def.defaultSort.join(",");
  const sort = sortText.split(",").map((s) => ({ field: s.replace(/^-/, ""), desc: s.startsWith("-") }));
  for (const s of sort) {
    if (s.field !== "id" && !(s.field in def.sorts) && !def.defaultSort.includes(s.field)) {
      throw new AppError("invalid", `sort: cannot sort ${def.path} by ${s.field}`, {
        details: [
          { path: "querystring.sort", message: `sortable fields: ${Object.keys(def.sorts).join(", ")}` },
        ],
      });
    }
  }
  return {
    filters,
    q: query.q as string | undefined,
    sort,
    limit: query.limit as number,
    offset: query.offset as number,
  };
}

/** List, create, read, update and delete for every resource of the registry. */
export async function resourceRoutes(app: FastifyInstance, opts: { database: Database }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const def of allResources()) {
    const tags = [def.label];
    const base = `/api/v1/${def.path}`;
    r.get(base, {
      config: { rule: readRule(def.path) },
      schema: {
        tags,
        summary: `List ${def.label}s`,
        querystring: listQueryOf(def),
        response: { 200: page(def.schemas.entity), 400: errorBody },
      },
      handler: async (req) => {
        const ctx = contextOf(req, opts.database);
        const query = req.query as Record<string, unknown>;
        const criteria = criteriaOf(def, query);
        if (typeof query.light !== "string") return listRecords(ctx, def, criteria);
        const ids = await idsWithLight(ctx, def.path as "tasks", query.light.split(","));
        if (ids.length === 0) return { items: [], total: 0, limit: criteria.limit, offset: criteria.offset };
        return listRecords(ctx, def, { ...criteria, filters: { ...criteria.filters, id: ids } });
      },
    });
    r.post(base, {
      config: { rule: writeRule(def.path) },
      schema: {
        tags,
        summary: `Create a ${def.label}`,
        body: def.schemas.create,
        response: { 201: def.schemas.entity, ...errors },
      },
      handler: async (req, reply) =>
        reply.status(201).send(await createRecord(contextOf(req, opts.database), def, req.body)),
    });
    r.get(`${base}/:id`, {
      config: { rule: readRule(def.path) },
      schema: {
        tags,
        summary: `Read a ${def.label}`,
        params: idParams,
        response: { 200: def.schemas.entity, ...errors },
      },
      handler: async (req) => getRecord(contextOf(req, opts.database), def, req.params.id),
    });
    r.patch(`${base}/:id`, {
      config: { rule: writeRule(def.path) },
      schema: {
        tags,
        summary: `Update a ${def.label} (send its current version)`,
        params: idParams,
        body: def.schemas.update,
        response: { 200: def.schemas.entity, ...errors },
      },
      handler: async (req) => updateRecord(contextOf(req, opts.database), def, req.params.id, req.body),
    });
    r.delete(`${base}/:id`, {
      config: { rule: writeRule(def.path) },
      schema: {
        tags,
        summary: `Delete a ${def.label} nothing refers to`,
        params: idParams,
        querystring: z.strictObject({ version: z.coerce.number().pipe(version).optional() }),
        response: { 204: z.null(), ...errors },
      },
      handler: async (req, reply) => {
        await deleteRecord(contextOf(req, opts.database), def, req.params.id, req.query.version);
        return reply.status(204).send(null);
      },
    });
  }
}
