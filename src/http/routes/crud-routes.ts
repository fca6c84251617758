import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { DatabaseHandle } from "../../db/connection.js";
import type { ServiceContext } from "../../domain/context.js";
import { EncodedRows, type RowEncoding } from "../../domain/read-cache.js";
import type { ListCriteria, ListFields, Page } from "../../domain/records/list.js";
import { correctionReason, errorBody, id, keysetPage, page, version } from "../../shared/api/common.js";
import { readRule, writeRule } from "../policy.js";
import { present, validated } from "../present.js";
import { contextOf } from "../request-context.js";
import { criteriaOf, lightsOf, listQueryOf } from "./list-query.js";

const idParams = z.strictObject({ id });
const versionQuery = z.strictObject({ version: z.coerce.number().pipe(version).optional() });
const withdrawalQuery = versionQuery.extend({ reason: correctionReason });
const JSON_TYPE = "application/json; charset=utf-8";
const errors = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody };

/** The five services behind a record's standard routes; each checks scope itself. */
export interface CrudService<E, C, U> {
  list(ctx: ServiceContext, criteria: ListCriteria, light?: readonly string[]): Promise<Page<E>>;
  get(ctx: ServiceContext, id: string): Promise<E>;
  create(ctx: ServiceContext, input: C): Promise<E>;
  update(ctx: ServiceContext, id: string, input: U): Promise<E>;
  remove(ctx: ServiceContext, id: string, version?: number, reason?: string): Promise<void>;
}

/** What the standard routes of one kind of record are made of. */
export interface CrudRoutes<E, C, U> {
  readonly database: DatabaseHandle;
  /** URL segment and the access rules' resource, e.g. `task-forces`. */
  readonly path: string;
  /** What one record is called in the docs, e.g. `task force`. */
  readonly label: string;
  readonly schemas: {
    readonly entity: z.ZodType<E>;
    readonly create: z.ZodType<C>;
    readonly update: z.ZodType<U>;
  };
  readonly fields: ListFields;
  /**
   * Recorded values (readings, progress reports): a change is a correction and a delete a
   * withdrawal, each with a `reason` (the update schema carries it; the delete takes `?reason=`).
   */
  readonly corrections?: boolean;
  /** Whether the list takes a `light` filter (records the lights engine colours). */
  readonly lighted?: boolean;
  /** Whether the list also pages by `cursor` (keyset; its service passes the criteria's cursor on). */
  readonly keyset?: boolean;
  readonly service: CrudService<E, C, U>;
  /**
   * The list and the read by id answered from records kept encoded per data revision (see
   * EncodedRows): the same answers as `service.list` and `service.get`, assembled from JSON rows.
   */
  readonly encoded?: {
    list(
      ctx: ServiceContext,
      criteria: ListCriteria,
      light: readonly string[] | undefined,
      encoding: RowEncoding<E>,
    ): Promise<Page<Buffer>>;
    get(ctx: ServiceContext, id: string, encoding: RowEncoding<E>): Promise<Buffer>;
  };
}

const ITEMS = Buffer.from('{"items":[');
const COMMA = Buffer.from(",");

/** A page whose items are already UTF-8 JSON, as the page schema would encode it. */
function pageJson(page: Page<Buffer>): Buffer {
  const { items, total, limit, offset, nextCursor } = page;
  const cursor = nextCursor === undefined ? "" : `,"nextCursor":${JSON.stringify(nextCursor)}`;
  const parts: Buffer[] = [ITEMS];
  for (const [i, item] of items.entries()) {
    if (i) parts.push(COMMA);
    parts.push(item);
  }
  parts.push(Buffer.from(`],"total":${total},"limit":${limit},"offset":${offset}${cursor}}`));
  return Buffer.concat(parts);
}

/**
 * List, create, read, update and delete routes of one kind of record, each calling its feature
 * service and presenting through the wire schema: the routes a feature would otherwise repeat.
 */
export function crudRoutes<E, C, U>(app: FastifyInstance, def: CrudRoutes<E, C, U>): void {
  // Generic over the record, so not typed by the zod provider: `validated` restates what the route's
  // schema has already checked.
  const r = app;
  const tags = [def.label];
  const base = `/api/v1/${def.path}`;
  const { service, database } = def;
  const listPage = def.keyset ? keysetPage(def.schemas.entity) : page(def.schemas.entity);
  // One cache of encoded records per route set, i.e. per app instance and database.
  const encode = def.encoded && app.encoderFor(def.schemas.entity, `${def.label} (encoded)`);
  const encoding: RowEncoding<E> | undefined = encode && {
    rows: new EncodedRows(),
    encode: (value) => Buffer.from(encode(value), "utf8"),
  };
  r.get(base, {
    config: { rule: readRule(def.path) },
    schema: {
      tags,
      summary: `List ${def.label}s`,
      querystring: listQueryOf(def.fields, { lighted: def.lighted ?? false, keyset: def.keyset ?? false }),
      response: { 200: listPage, 400: errorBody },
    },
    handler: async (req, reply) => {
      const query = validated(z.record(z.string(), z.unknown()), req.query);
      const criteria = criteriaOf(def.path, def.fields, query);
      const ctx = contextOf(req, database);
      if (encoding && def.encoded) {
        const page = await def.encoded.list(ctx, criteria, lightsOf(query), encoding);
        return reply.type(JSON_TYPE).send(pageJson(page));
      }
      return present(listPage, await service.list(ctx, criteria, lightsOf(query)));
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
      reply
        .status(201)
        .send(await service.create(contextOf(req, database), validated(def.schemas.create, req.body))),
  });
  r.get(`${base}/:id`, {
    config: { rule: readRule(def.path) },
    schema: {
      tags,
      summary: `Read a ${def.label}`,
      params: idParams,
      response: { 200: def.schemas.entity, ...errors },
    },
    handler: async (req, reply) => {
      const ctx = contextOf(req, database);
      const recordId = validated(idParams, req.params).id;
      if (encoding && def.encoded)
        return reply.type(JSON_TYPE).send(await def.encoded.get(ctx, recordId, encoding));
      return service.get(ctx, recordId);
    },
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
    handler: async (req) =>
      service.update(
        contextOf(req, database),
        validated(idParams, req.params).id,
        validated(def.schemas.update, req.body),
      ),
  });
  const removeQuery = def.corrections ? withdrawalQuery : versionQuery;
  r.delete(`${base}/:id`, {
    config: { rule: writeRule(def.path) },
    schema: {
      tags,
      summary: def.corrections
        ? `Withdraw a ${def.label} (send its version and the reason)`
        : `Delete a ${def.label} nothing refers to`,
      params: idParams,
      querystring: removeQuery,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      const q = validated(withdrawalQuery.partial(), req.query);
      await service.remove(contextOf(req, database), validated(idParams, req.params).id, q.version, q.reason);
      return reply.status(204).send(null);
    },
  });
}
