import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/client";
import { buildDraft } from "./build-draft";
import { type DraftBook, putDraft, queuedDrafts, type ReportDraft } from "./report-drafts";
import { applySendResult, failedSend, sendQueued } from "./send-queue";

const waiting = (id: string, savedAt: string) => buildDraft(id, { state: "waiting", savedAt });
const implausible = new ApiError(422, "IMPLAUSIBLE_REPORT", "percent below the last report", [
  { path: "body.percent", message: "is below 40", key: "percentBelow" },
]);

describe("sending the waiting reports", () => {
  it("tells a refusal (an answer below 500) from a server that cannot be reached", () => {
    expect(failedSend(implausible)).toEqual({
      kind: "refused",
      refusal: {
        status: 422,
        code: "IMPLAUSIBLE_REPORT",
        message: implausible.message,
        details: implausible.details,
      },
    });
    expect(failedSend(new ApiError(401, "UNAUTHENTICATED", "sign in")).kind).toBe("refused");
    expect(failedSend(new TypeError("Failed to fetch")).kind).toBe("unreachable");
    expect(failedSend(new ApiError(502, "HTTP_ERROR", "Bad Gateway")).kind).toBe("unreachable");
  });

  it("sends oldest first, goes on after a refusal and stops at the first unreachable", async () => {
    const drafts = ["a", "b", "c", "d"].map((id, i) => waiting(id, `2022-08-15T0${i}:00:00.000Z`));
    const sent: string[] = [];
    const results = await sendQueued(drafts, async (d: ReportDraft) => {
      sent.push(d.taskId);
      if (d.taskId === "b") throw implausible;
      if (d.taskId === "c") throw new TypeError("Failed to fetch");
    });
    expect(sent).toEqual(["a", "b", "c"]);
    expect(results.map((r) => [r.draft.taskId, r.outcome.kind])).toEqual([
      ["a", "sent"],
      ["b", "refused"],
      ["c", "unreachable"],
    ]);
  });

  it("drops a sent draft, keeps a refused one with its refusal, leaves an unreachable one waiting", async () => {
    let book: DraftBook = {};
    for (const [id, h] of [
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ] as const)
      book = putDraft(book, waiting(id, `2022-08-15T0${h}:00:00.000Z`));
    const results = await sendQueued(queuedDrafts(book), async (d) => {
      if (d.taskId === "b") throw implausible;
      if (d.taskId === "c") throw new TypeError("offline");
    });
    for (const r of results) book = applySendResult(book, r);
    expect(Object.keys(book)).toEqual(["b", "c"]);
    expect(book.b?.state).toBe("refused");
    expect(book.b?.refusal?.code).toBe("IMPLAUSIBLE_REPORT");
    expect(book.c?.state).toBe("waiting");
    expect(queuedDrafts(book).map((d) => d.taskId)).toEqual(["c"]);
  });

  it("leaves a draft alone that was changed while it was being sent", () => {
    const sentVersion = waiting("a", "2022-08-15T01:00:00.000Z");
    const edited = buildDraft("a", { savedAt: "2022-08-15T01:05:00.000Z" });
    const book = putDraft({}, edited);
    expect(applySendResult(book, { draft: sentVersion, outcome: { kind: "sent" } })).toBe(book);
    expect(applySendResult({}, { draft: sentVersion, outcome: { kind: "sent" } })).toEqual({});
  });
});
