import { create as contentDisposition } from "content-disposition";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import {
  createAttachment,
  evidenceContentType,
  getAttachmentContent,
  getAttachmentMeta,
} from "../../../domain/attachments/attachment.service.js";
import {
  ATTACHMENT_MAX_BYTES,
  attachmentMeta,
  attachmentUploadQuery,
} from "../../../shared/api/attachments.js";
import { errorBody, id } from "../../../shared/api/common.js";
import { readRule, writeRule } from "../../policy.js";
import { present } from "../../present.js";
import { contextOf } from "../../request-context.js";

const idParams = z.strictObject({ id });
const errors = { 400: errorBody, 403: errorBody, 404: errorBody };

/**
 * Evidence attachments (佐证材料): upload the raw bytes of a file, download them, read their
 * description. Uploads are parsed in a plugin of their own, so only this route takes binary bodies
 * (JSON routes keep their parser and 1 MiB limit).
 */
export async function attachmentRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  await app.register(async (upload) => {
    upload.removeAllContentTypeParsers();
    // Any type reaches the parser only after `preParsing` has accepted it (see below).
    upload.addContentTypeParser(
      "*",
      { parseAs: "buffer", bodyLimit: ATTACHMENT_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
    upload.withTypeProvider<ZodTypeProvider>().post("/api/v1/attachments", {
      config: { rule: writeRule("attachments") },
      bodyLimit: ATTACHMENT_MAX_BYTES,
      // Refuse a type that cannot be evidence before reading up to 10 MiB of it.
      preParsing: async (req) => {
        evidenceContentType(req.headers["content-type"]);
      },
      schema: {
        tags: ["attachments"],
        summary:
          "Upload an evidence file (佐证材料) for a task: the raw bytes as the body with the file's Content-Type (png, jpeg, webp, gif, pdf, docx, xlsx, pptx, plain text), at most 10 MiB; reference it in a progress report's evidence as attachment:<id>:<fileName>",
        querystring: attachmentUploadQuery,
        response: { 201: attachmentMeta, ...errors, 413: errorBody, 415: errorBody },
      },
      handler: async (req, reply) => {
        const meta = await createAttachment(contextOf(req, opts.database), {
          taskId: req.query.taskId,
          fileName: req.query.name,
          contentType: req.headers["content-type"],
          content: Buffer.isBuffer(req.body) ? req.body : undefined,
        });
        return reply.status(201).send(present(attachmentMeta, meta));
      },
    });
  });

  // Without the zod type provider: the answer is the file's bytes, which no response schema describes.
  app.get<{ Params: z.output<typeof idParams> }>("/api/v1/attachments/:id", {
    config: { rule: readRule("attachments") },
    schema: {
      tags: ["attachments"],
      summary:
        "Download an attachment's bytes (its stored Content-Type, Content-Disposition: attachment, CSP sandbox); 404 for callers who may not read its task force",
      params: idParams,
      response: errors,
    },
    handler: async (req, reply) => {
      const { meta, content } = await getAttachmentContent(contextOf(req, opts.database), req.params.id);
      // Never rendered in the app's origin: downloaded, not sniffed, and sandboxed if opened anyway.
      return reply
        .header("content-type", meta.contentType)
        .header("content-disposition", contentDisposition(meta.fileName))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header("cache-control", "private, no-cache")
        .send(content);
    },
  });
  app.withTypeProvider<ZodTypeProvider>().get("/api/v1/attachments/:id/meta", {
    config: { rule: readRule("attachments") },
    schema: {
      tags: ["attachments"],
      summary: "An attachment's description (name, type, size, sha256, task, uploader)",
      params: idParams,
      response: { 200: attachmentMeta, ...errors },
    },
    handler: async (req) =>
      present(attachmentMeta, await getAttachmentMeta(contextOf(req, opts.database), req.params.id)),
  });
}
