import { z } from "zod";
import { isIsoDate, isSupportedDate } from "../../vocabulary/dates.js";
import { keyed } from "../messages.js";

/**
 * Wire primitives shared by the API and the web app. Every string is bounded and must be well-formed
 * Unicode without NUL (PostgreSQL rejects NUL in text; lone surrogates corrupt storage and exports).
 */
const wellFormed = (s: string) => !s.includes("\u0000") && s.isWellFormed();

/** Bounded text: `text(200)` is a string of at most 200 characters. */
export const text = (max: number) => z.string().max(max).refine(wellFormed, keyed("wellFormed"));
/** Bounded non-empty text (leading/trailing blanks do not count as content). */
export const requiredText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, keyed("notEmpty"))
    .refine(wellFormed, keyed("wellFormed"));

/** Why a recorded value was corrected or withdrawn (kept in its audit entry). */
export const correctionReason = requiredText(500);

/** Record ids: app-made UUIDs or readable demo ids such as `task-01-2.1`. */
export const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, keyed("id"));

/** A calendar date `YYYY-MM-DD` (no time of day; the organisation's time zone). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, keyed("date"))
  // Arithmetic, not `new Date()`: every date of every answer passes here (a tenth of a list's CPU).
  .refine(isIsoDate, keyed("realDate"))
  // A sanity bound, not a plausibility rule: 9999-12-31 would schedule into a five-digit year.
  .refine(isSupportedDate, keyed("dateRange"));
/** A month `YYYY-MM`, the period of an indicator reading. */
export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, keyed("month"));
/** An instant in ISO 8601 with offset, as stored in audit trails and timestamps. */
export const timestamp = z.string().max(40);
/** An instant asked for in a query (`from`, `to`): a date, or a date and time with its zone. */
export const instantQuery = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, keyed("instant"));

/** Optimistic-concurrency version: starts at 1, +1 on each update. */
export const version = z.number().int().min(1).max(2_147_483_647);
/** Working days, whole and non-negative (a milestone has 0). */
export const workingDays = z.number().int().min(0).max(100_000);
/** A percentage 0–100. */
export const percent = z.number().min(0).max(100);
/** A finite measured value (indicator baselines, targets, actuals). */
export const measure = z.number().min(-1e15).max(1e15);

/** The fields every stored record carries. */
export const recordBase = {
  id,
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
};
export const baseFieldNames = ["id", "version", "createdAt", "updatedAt"] as const;

/** Query parameters shared by every list route. */
export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  sort: z
    .string()
    .max(200)
    .regex(/^-?[A-Za-z]+(,-?[A-Za-z]+)*$/, keyed("sortFields"))
    .optional(),
  q: text(100).optional(),
});

/** The list envelope: a page of items plus the total that match. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

/** `cursor` of a list with keyset paging: a page's `nextCursor`, or empty for the first page. */
export const listCursor = z
  .string()
  .max(2000)
  .regex(/^[A-Za-z0-9_-]*$/, keyed("cursor"));

/** The list envelope of a list with keyset paging: `nextCursor` answers a request with `cursor`. */
export const keysetPage = <T extends z.ZodType>(item: T) =>
  page(item).extend({ nextCursor: z.string().nullable().optional() });

/** One problem, by field: an error's detail, or why a plan cannot be scheduled. */
export const errorDetail = z.object({
  path: z.string(),
  message: z.string(),
  /** The message's key in the validation vocabulary (src/shared/messages.ts), for people's language. */
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

/** The error body of every 4xx/5xx answer. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(errorDetail).optional(),
    /** On 5xx answers: the request's id (also its `x-request-id` header), which finds the server's log line. */
    requestId: z.string().optional(),
  }),
});
