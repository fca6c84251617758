import { create as contentDisposition } from "content-disposition";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { DatabaseHandle } from "../../../db/connection.js";
import { type AnswerSheetRequest, answerSheet } from "../../../domain/answer-sheet/answer-sheet.service.js";
import { answerSheetXlsx } from "../../../domain/answer-sheet/answer-sheet-xlsx.js";
import { ReadCache } from "../../../domain/read-cache.js";
import { cachedReadModel } from "../../../domain/read-model.js";
import {
  type AnswerSheet,
  answerSheetQuery,
  answerSheetView,
  answerSheetXlsxQuery,
} from "../../../shared/api/answer-sheet.js";
import { errorBody, id } from "../../../shared/api/common.js";
import { XLSX_TYPE } from "../../../shared/api/ledger.js";
import { type Rule, readRule } from "../../policy.js";
import { contextOf } from "../../request-context.js";
import { sendCached } from "../../send-cached.js";

const errors = { 400: errorBody, 403: errorBody, 404: errorBody };
const params = z.strictObject({ id });

/** The download's name: `交卷-2022-01.xlsx`, `交卷-2022-全区-草稿.xlsx`. */
const fileName = (s: AnswerSheet) =>
  `交卷-${s.year}-${s.taskForce ? s.taskForce.code : "全区"}${s.draft ? "-草稿" : ""}.xlsx`;

const SUMMARY =
  "goals served, indicators against target with the months they stopped falling, rebounded or turned positive (止跌/回升/转正), milestones met on time or late, supervision items raised and closed, extensions granted, score and rank among all task forces, the signature block; a draft (草稿) before Dec 31";

/**
 * The year's answer sheet (交卷): the district's for those who read every task force (admins, the
 * supervision office, leaders: rule `read:answer-sheet`), a task force's for whoever reads that task
 * force (rule `read:task-forces`, scope checked by the service) — as JSON and as a workbook.
 */
export async function answerSheetRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = new ReadCache(50);
  /** The sheet as cached JSON (per status date, caller's scope and task force). */
  const json = (rule: Rule, url: string, summary: string, of: (p: { id?: string }) => AnswerSheetRequest) =>
    r.get(url, {
      config: { rule },
      schema: {
        tags: ["closed loop"],
        summary,
        ...(url.includes(":id") ? { params } : {}),
        querystring: answerSheetQuery,
        response: { 200: answerSheetView, ...errors },
      },
      handler: async (req, reply) => {
        const ctx = contextOf(req, opts.database);
        const request = of(req.params as { id?: string });
        const body = await cachedReadModel(
          ctx,
          cache,
          { name: "answer-sheet", params: request, statusDate: req.query.statusDate },
          async (statusDate) =>
            JSON.stringify(answerSheetView.parse(await answerSheet(ctx, { ...request, statusDate }))),
        );
        return sendCached(req, reply as FastifyReply, body);
      },
    });
  // Without the zod type provider: the answer is workbook bytes, which no response schema describes.
  const xlsx = (rule: Rule, url: string, summary: string, of: (p: { id?: string }) => AnswerSheetRequest) =>
    app.get<{ Querystring: z.output<typeof answerSheetXlsxQuery> }>(url, {
      config: { rule },
      schema: {
        tags: ["closed loop"],
        summary,
        ...(url.includes(":id") ? { params } : {}),
        querystring: answerSheetXlsxQuery,
        response: errors,
      },
      handler: async (req, reply) => {
        const { statusDate, lang } = req.query;
        const sheet = await answerSheet(contextOf(req, opts.database), {
          ...of(req.params as { id?: string }),
          ...(statusDate ? { statusDate } : {}),
        });
        return reply
          .headers({ "content-type": XLSX_TYPE, "content-disposition": contentDisposition(fileName(sheet)) })
          .send(await answerSheetXlsx(sheet, lang));
      },
    });
  const district = () => ({});
  const taskForce = (p: { id?: string }) => ({ taskForceId: p.id! });
  json(
    readRule("answer-sheet"),
    "/api/v1/answer-sheet",
    `The district's answer sheet (交卷): every task force's line, the ranking and the district's figures; ${SUMMARY}`,
    district,
  );
  json(
    readRule("task-forces"),
    "/api/v1/task-forces/:id/answer-sheet",
    `A task force's answer sheet (交卷): ${SUMMARY}`,
    taskForce,
  );
  xlsx(
    readRule("answer-sheet"),
    "/api/v1/answer-sheet.xlsx",
    "The district's answer sheet (交卷) as a workbook (xlsx): a summary sheet with the title (草稿 on a draft) and signature block, then a sheet per section",
    district,
  );
  xlsx(
    readRule("task-forces"),
    "/api/v1/task-forces/:id/answer-sheet.xlsx",
    "A task force's answer sheet (交卷) as a workbook (xlsx): a summary sheet with the title (草稿 on a draft) and signature block, then a sheet per section",
    taskForce,
  );
}
