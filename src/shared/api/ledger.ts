import { z } from "zod";
import { text } from "./common.js";

/** The sheets of the ledger (台账), in import order. */
const sheetKey = z.enum([
  "units",
  "people",
  "taskForces",
  "members",
  "tasks",
  "dependencies",
  "indicators",
  "readings",
  "supervision",
]);

/** One problem of a workbook: sheet, row and column, with a message key and params for people. */
export const ledgerProblem = z.object({
  sheet: z.string(),
  /** Excel row (1-based); null for the whole sheet. */
  row: z.number().int().nullable(),
  /** Column letters; null for a whole row or sheet. */
  column: z.string().nullable(),
  /** Key in src/shared/messages.ts (`ledgerNotDate` …), in zh-CN and English. */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** In English, for logs and API clients. */
  message: z.string(),
});
z.globalRegistry.add(ledgerProblem, { id: "LedgerProblem" });
export type LedgerProblemWire = z.output<typeof ledgerProblem>;

/**
 * How an office's own ledger names our sheets and columns: our sheet → the file's sheet (null: the
 * file has none), and our sheet → our column key → the file's header. Remembered after an import
 * that used it.
 */
export const ledgerMapping = z.strictObject({
  sheets: z.partialRecord(sheetKey, z.string().trim().min(1).max(100).nullable()).default({}),
  columns: z
    .partialRecord(sheetKey, z.record(z.string().max(40), z.string().trim().min(1).max(100)))
    .default({}),
});
z.globalRegistry.add(ledgerMapping, { id: "LedgerMapping" });
export type LedgerMappingWire = z.output<typeof ledgerMapping>;

/** One sheet of an uploaded file, for whoever maps it: its name and its likely header row's texts. */
const fileSheet = z.object({
  name: z.string(),
  headerRow: z.number().int().nullable(),
  headers: z.array(z.string()),
});

const counts = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() });

/** What an import found and did (a dry run: what it would do). */
export const importResult = z.object({
  sha256: z.string(),
  dryRun: z.boolean(),
  /** Whether anything was written: false on a dry run, with problems, or when nothing changed. */
  written: z.boolean(),
  counts: z.record(sheetKey, counts),
  /** The records created or updated (unchanged ones are only counted), by sheet and row. */
  changes: z.array(
    z.object({
      sheet: sheetKey,
      row: z.number().int(),
      action: z.enum(["create", "update"]),
      label: z.string(),
      /** The fields an update changes (every field for a new record). */
      fields: z.array(z.string()),
    }),
  ),
  problems: z.array(ledgerProblem),
  /** The file's sheets with their likely header rows (empty when the file could not be read). */
  fileSheets: z.array(fileSheet),
  /** The header mapping the import read the file with (the remembered one, with the request's over it). */
  mapping: ledgerMapping,
  /** After a written import: what the schedule and the five-ization check find in its task forces. */
  findings: z
    .object({
      taskForces: z.number().int(),
      total: z.number().int(),
      byCode: z.record(z.string(), z.number().int()),
      /** The first 200 findings. */
      items: z.array(
        z.object({
          taskForceCode: z.string().nullable(),
          wbs: z.string().nullable(),
          code: z.string(),
          text: z.object({ zh: z.string(), en: z.string() }),
        }),
      ),
      unscheduled: z.array(z.object({ taskForceCode: z.string(), message: z.string() })),
    })
    .nullable(),
});
z.globalRegistry.add(importResult, { id: "ImportResult" });
export type ImportResultWire = z.output<typeof importResult>;

export const importQuery = z.strictObject({
  /** `true`: check and report what would change, writing nothing (the preview). */
  dryRun: z.enum(["true", "false"]).default("false"),
  /** The file's name, kept in the audit entry. */
  name: text(255).optional(),
  /** A header mapping (JSON of LedgerMapping) over the remembered one; remembered once the import is written. */
  mapping: z.string().max(20_000).optional(),
});

export const ledgerExportQuery = z.strictObject({
  /** Only this task force (by code); default: every task force the caller may read. */
  taskForceCode: text(20).optional(),
});

/** The media type of an xlsx workbook. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The largest workbook an import takes. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
