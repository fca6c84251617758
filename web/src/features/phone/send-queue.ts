/**
 * Sending the progress reports that wait (submitted while offline): one at a time, oldest first.
 * A refusal stays with its draft, to be shown and corrected; an unreachable server stops the round
 * and leaves the rest waiting for the next.
 */
import { ApiError } from "../../api/client";
import { type DraftBook, type DraftRefusal, dropDraft, putDraft, type ReportDraft } from "./report-drafts";

/** What became of one send. */
export type SendOutcome =
  | { readonly kind: "sent" }
  | { readonly kind: "refused"; readonly refusal: DraftRefusal }
  | { readonly kind: "unreachable" };

/**
 * The outcome of a send that threw: an API answer below 500 refuses (the server looked at the
 * report); anything else (no network, a gateway's 502, a server error) is tried again later.
 */
export function failedSend(err: unknown): SendOutcome {
  if (err instanceof ApiError && err.status >= 400 && err.status < 500)
    return {
      kind: "refused",
      refusal: { status: err.status, code: err.code, message: err.message, details: err.details },
    };
  return { kind: "unreachable" };
}

/** One draft sent, with its outcome. */
export interface SendResult {
  readonly draft: ReportDraft;
  readonly outcome: SendOutcome;
}

/** Sends `drafts` in order with `send`; stops after the first that could not reach the server. */
export async function sendQueued(
  drafts: readonly ReportDraft[],
  send: (draft: ReportDraft) => Promise<unknown>,
): Promise<SendResult[]> {
  const results: SendResult[] = [];
  for (const draft of drafts) {
    let outcome: SendOutcome;
    try {
      await send(draft);
      outcome = { kind: "sent" };
    } catch (err) {
      outcome = failedSend(err);
    }
    results.push({ draft, outcome });
    if (outcome.kind === "unreachable") break;
  }
  return results;
}

/**
 * The book after a send: a sent draft is gone, a refused one keeps its refusal. A draft changed
 * while it was being sent (its `savedAt` moved on) is left as it now is.
 */
export function applySendResult(book: DraftBook, { draft, outcome }: SendResult): DraftBook {
  const now = book[draft.taskId];
  if (!now || now.savedAt !== draft.savedAt || outcome.kind === "unreachable") return book;
  if (outcome.kind === "sent") return dropDraft(book, draft.taskId);
  return putDraft(book, { ...now, state: "refused", refusal: outcome.refusal });
}
