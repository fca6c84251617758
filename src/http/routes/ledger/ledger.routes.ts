import { create as contentDisposition } from "content-disposition";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import {
  assertImported,
  exportLedger,
  importLedger,
  importSummary,
  ledgerTemplate,
} from "../../../domain/ledger/ledger.service.js";
import { errorBody } from "../../../shared/api/common.js";
import {
  IMPORT_MAX_BYTES,
  importQuery,
  importResult,
  type LedgerMappingWire,
  ledgerExportQuery,
  ledgerMapping,
  XLSX_TYPE,
} from "../../../shared/api/ledger.js";
import { AppError } from "../../../shared/errors.js";
import { issueDetail, ruleDetail } from "../../../shared/messages.js";
import { authenticatedRule, readRule, writeRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";

const errors = { 400: errorBody, 403: errorBody, 404: errorBody };

/** An xlsx answer, downloaded under `fileName`. */
const xlsx = (fileName: string) => ({
  "content-type": XLSX_TYPE,
  "content-disposition": contentDisposition(fileName),
});

/** The `mapping` query parameter: JSON of a LedgerMapping, refused (400) naming the parameter. */
function parseMapping(text: string): LedgerMappingWire {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "mapping: not JSON", [ruleDetail("mapping", "mappingNotJson")]);
  }
  const r = ledgerMapping.safeParse(json);
  if (r.success) return r.data;
  throw new AppError(
    "VALIDATION",
    `mapping: ${r.error.issues[0]?.message ?? "invalid"}`,
    r.error.issues.map((i) => issueDetail(i, "mapping")),
  );
}

/**
 * The ledger (台账) as Excel: the empty template, the export of what the caller may read, and the
 * import (a dry run previews it). Imports are parsed in a plugin of their own, so only this route
 * takes workbook bodies.
 */
export async function ledgerRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  // Without the zod type provider: the answers are workbook bytes, which no response schema describes.
  app.get("/api/v1/ledger/template", {
    config: { rule: authenticatedRule },
    schema: {
      tags: ["ledger"],
      summary:
        "The empty ledger template (xlsx): a sheet per kind of record, Chinese headers with the English key below, drop-down lists, frozen header rows",
      response: errors,
    },
    handler: async (_req, reply) => reply.headers(xlsx("台账模板.xlsx")).send(await ledgerTemplate()),
  });
  app.get<{ Querystring: z.output<typeof ledgerExportQuery> }>("/api/v1/ledger", {
    config: { rule: readRule("ledger") },
    schema: {
      tags: ["ledger"],
      summary:
        "The ledger (xlsx) of every task force the caller may read, or of one by code: the template's shape, so it imports back unchanged",
      querystring: ledgerExportQuery,
      response: errors,
    },
    handler: async (req, reply) => {
      const bytes = await exportLedger(contextOf(req, opts.database), req.query);
      return reply
        .headers(xlsx(`台账${req.query.taskForceCode ? `-${req.query.taskForceCode}` : ""}.xlsx`))
        .send(bytes);
    },
  });
  await app.register(async (upload) => {
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    upload.withTypeProvider<ZodTypeProvider>().post("/api/v1/imports", {
      config: { rule: writeRule("imports") },
      bodyLimit: IMPORT_MAX_BYTES,
      // Only a workbook is read (up to 50 MiB): anything else is refused before its body.
      preParsing: async (req) => {
        const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
        if (type !== XLSX_TYPE && type !== "application/octet-stream")
          throw new AppError("UNSUPPORTED_MEDIA_TYPE", `an import takes an xlsx workbook (${XLSX_TYPE})`);
      },
      schema: {
        tags: ["ledger"],
        summary:
          "Import a ledger workbook (the raw xlsx bytes). Every problem is reported by sheet, row and column and nothing is written (422 LEDGER_PROBLEMS; with dryRun=true: 200 listing them); otherwise records are created or updated by code in one transaction, audited as one import with the file's SHA-256",
        querystring: importQuery,
        response: { 200: importResult, ...errors, 413: errorBody, 415: errorBody, 422: errorBody },
      },
      handler: async (req) => {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const result = await importLedger(contextOf(req, opts.database), bytes, {
          dryRun: req.query.dryRun === "true",
          fileName: req.query.name,
          mapping: req.query.mapping === undefined ? undefined : parseMapping(req.query.mapping),
        });
        assertImported(result);
        return present(importResult, importSummary(result));
      },
    });
  });
}
