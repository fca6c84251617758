import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { searchRecords } from "../../../domain/search/search.service.js";
import { errorBody } from "../../../shared/api/common.js";
import { searchQuery, searchResult } from "../../../shared/api/search.js";
import { authenticatedRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";

/** The header's global search. */
export async function searchRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/v1/search", {
    // Everyone signed in; the service keeps each caller to the task forces they may read.
    config: { rule: authenticatedRule },
    schema: {
      tags: ["search"],
      summary:
        "Find tasks, 督办单, indicators, people and task forces by code, part of a title or pinyin initials (招商引资 → zsyz), within the task forces the caller may read; best first (exact code, code prefix, title or initials, then any part), grouped by kind",
      querystring: searchQuery,
      response: { 200: searchResult, 400: errorBody, 401: errorBody },
    },
    handler: async (req) =>
      present(searchResult, await searchRecords(contextOf(req, opts.database), req.query)),
  });
}
