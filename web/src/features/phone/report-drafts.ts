/**
 * Drafts of progress reports kept on the device, one per task: what the person typed, the evidence
 * files already uploaded, and whether the report waits to be sent (submitted while offline) or was
 * refused when it was sent. Pure functions over an immutable book; storage is draft-store.ts.
 */
import { type AttachmentMeta, attachmentRef } from "../../../../src/shared/api/attachments";
import type { ApiErrorDetail } from "../../api/client";

/** The fields of the progress-report form a draft keeps, as the form holds them. */
export interface DraftValues {
  /** `YYYY-MM-DD`: the status date when the report was written, unless the person changed it. */
  readonly reportDate: string;
  readonly percent: number | null;
  readonly narrative: string;
  readonly problems: string;
  readonly coordination: string;
  /** Evidence typed as lines (file names, links). */
  readonly evidence: string;
}

/** editing: being written; waiting: submitted while offline; refused: the server said no when it was sent. */
export type DraftState = "editing" | "waiting" | "refused";

/** The server's answer to a deferred send that refused it, kept so that it can be shown. */
export interface DraftRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details: readonly ApiErrorDetail[];
}

/** One task's draft. */
export interface ReportDraft {
  readonly taskId: string;
  /** The task's WBS code, to name the report in a notice. */
  readonly taskCode: string;
  readonly values: DraftValues;
  /** Evidence files uploaded before the draft was kept; their references go with the report. */
  readonly attachments: readonly AttachmentMeta[];
  readonly state: DraftState;
  /** ISO instant of the last change. */
  readonly savedAt: string;
  readonly refusal?: DraftRefusal;
}

/** Every draft of one user, by task id. */
export type DraftBook = Readonly<Record<string, ReportDraft>>;

const STATES: readonly string[] = ["editing", "waiting", "refused"];
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The form's values as a draft keeps them (empty fields as ""). */
export function draftValues(v: Readonly<Partial<Record<keyof DraftValues, unknown>>>): DraftValues {
  return {
    reportDate: str(v.reportDate),
    percent: typeof v.percent === "number" ? v.percent : null,
    narrative: str(v.narrative),
    problems: str(v.problems),
    coordination: str(v.coordination),
    evidence: str(v.evidence),
  };
}

function isDraft(v: unknown): v is ReportDraft {
  if (typeof v !== "object" || v === null) return false;
  const d: Partial<Record<keyof ReportDraft, unknown>> = v;
  return (
    typeof d.taskId === "string" &&
    typeof d.values === "object" &&
    d.values !== null &&
    Array.isArray(d.attachments) &&
    STATES.includes(str(d.state)) &&
    typeof d.savedAt === "string"
  );
}

/** A stored book; whatever is unreadable (another version's shape, a hand edit) is left out. */
export function parseDraftBook(raw: string | null): DraftBook {
  let parsed: unknown;
  try {
    parsed = raw ? JSON.parse(raw) : {};
  } catch {
    return {};
  }
  if (typeof parsed !== "object" || parsed === null) return {};
  const out: Record<string, ReportDraft> = {};
  for (const [id, d] of Object.entries(parsed)) {
    if (isDraft(d) && d.taskId === id) out[id] = { ...d, values: draftValues(d.values) };
  }
  return out;
}

/** The book with `draft` as its task's draft. */
export const putDraft = (book: DraftBook, draft: ReportDraft): DraftBook => ({
  ...book,
  [draft.taskId]: draft,
});

/** The book without the draft of `taskId`. */
export function dropDraft(book: DraftBook, taskId: string): DraftBook {
  const { [taskId]: _gone, ...rest } = book;
  return rest;
}

/** The drafts waiting to be sent, oldest first (sent in the order they were written). */
export const queuedDrafts = (book: DraftBook): ReportDraft[] =>
  Object.values(book)
    .filter((d) => d.state === "waiting")
    .sort((a, b) => a.savedAt.localeCompare(b.savedAt));

/** Non-empty trimmed lines of a text. */
export const textLines = (v: unknown): string[] =>
  String(v ?? "")
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);

const orNull = (s: string) => (s.trim() === "" ? null : s);

/** The body of `POST /progress-reports` a draft makes. */
export function draftBody(
  draft: Pick<ReportDraft, "taskId" | "values" | "attachments">,
  reportedById: string | null,
): Record<string, unknown> {
  const v = draft.values;
  return {
    taskId: draft.taskId,
    reportDate: v.reportDate,
    percent: v.percent,
    narrative: v.narrative,
    problems: orNull(v.problems),
    coordination: orNull(v.coordination),
    evidence: [...textLines(v.evidence), ...draft.attachments.map(attachmentRef)],
    reportedById,
  };
}
