import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "../../../db/connection.js";
import { PROGRESS_REPORT_LIST } from "../../../domain/progress-reports/progress-report.js";
import {
  createProgressReport,
  deleteProgressReport,
  getProgressReport,
  listProgressReports,
  updateProgressReport,
} from "../../../domain/progress-reports/progress-report.service.js";
import { progressReportCorrection, progressReportSchemas } from "../../../shared/api/reports.js";
import { crudRoutes } from "../crud-routes.js";

/** Progress reports (进展报告); the latest one moves its task. */
export async function progressReportRoutes(
  app: FastifyInstance,
  opts: { database: DatabaseHandle },
): Promise<void> {
  crudRoutes(app, {
    database: opts.database,
    path: "progress-reports",
    label: "progress report",
    schemas: { ...progressReportSchemas, update: progressReportCorrection },
    corrections: true,
    fields: PROGRESS_REPORT_LIST,
    service: {
      list: listProgressReports,
      get: getProgressReport,
      create: (ctx, input) => createProgressReport(ctx, input),
      update: updateProgressReport,
      remove: deleteProgressReport,
    },
  });
}
