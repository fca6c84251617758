import type { z } from "zod";
import type { indicatorSchemas, readingCorrection, readingSchemas } from "../../shared/api/indicators.js";
import type { ListFields } from "../records/list.js";

export type Indicator = z.output<typeof indicatorSchemas.entity>;
export type IndicatorCreate = z.output<typeof indicatorSchemas.create>;
export type IndicatorUpdate = z.output<typeof indicatorSchemas.update>;
export type Reading = z.output<typeof readingSchemas.entity>;
export type ReadingCreate = z.output<typeof readingSchemas.create>;
export type ReadingUpdate = z.output<typeof readingCorrection>;

/** Lists of indicators (指标). */
export const INDICATOR_LIST: ListFields = {
  filters: ["taskForceId", "taskId", "ownerPersonId", "kind", "direction", "year"],
  sorts: { code: "text", name: "text", kind: "text" },
  defaultSort: ["taskForceId", "code"],
  search: ["name", "code"],
  filterKinds: { year: "int" },
};

/** Lists of monthly actuals. */
export const READING_LIST: ListFields = {
  filters: ["indicatorId", "period", "reportedById"],
  sorts: { period: "text", actual: "number" },
  defaultSort: ["indicatorId", "period"],
  search: [],
  filterKinds: { period: "month" },
};
