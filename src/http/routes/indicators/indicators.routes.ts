import type { FastifyInstance } from "fastify";
import type { DatabaseHandle } from "../../../db/connection.js";
import { INDICATOR_LIST, READING_LIST } from "../../../domain/indicators/indicator.js";
import {
  createIndicator,
  deleteIndicator,
  getIndicator,
  listIndicators,
  updateIndicator,
} from "../../../domain/indicators/indicator.service.js";
import {
  createReading,
  deleteReading,
  getReading,
  listReadings,
  updateReading,
} from "../../../domain/indicators/reading.service.js";
import { indicatorSchemas, readingCorrection, readingSchemas } from "../../../shared/api/indicators.js";
import { crudRoutes } from "../crud-routes.js";

/** Indicators (指标) and their monthly actuals. */
export async function indicatorRoutes(
  app: FastifyInstance,
  opts: { database: DatabaseHandle },
): Promise<void> {
  crudRoutes(app, {
    database: opts.database,
    path: "indicators",
    label: "indicator",
    schemas: indicatorSchemas,
    fields: INDICATOR_LIST,
    service: {
      list: listIndicators,
      get: getIndicator,
      create: (ctx, input) => createIndicator(ctx, input),
      update: updateIndicator,
      remove: deleteIndicator,
    },
  });
  crudRoutes(app, {
    database: opts.database,
    path: "indicator-readings",
    label: "indicator reading",
    schemas: { ...readingSchemas, update: readingCorrection },
    corrections: true,
    fields: READING_LIST,
    service: {
      list: listReadings,
      get: getReading,
      create: (ctx, input) => createReading(ctx, input),
      update: updateReading,
      remove: deleteReading,
    },
  });
}
