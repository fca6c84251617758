import { describe, expect, it } from "vitest";
import type { AttachmentMeta } from "../../../../src/shared/api/attachments";
import { buildDraft } from "./build-draft";
import { createDraftStore, type DraftStorage, draftsKey } from "./draft-store";
import {
  type DraftBook,
  draftBody,
  draftValues,
  dropDraft,
  parseDraftBook,
  putDraft,
  queuedDrafts,
} from "./report-drafts";

const photo: AttachmentMeta = {
  id: "att-1",
  taskForceId: "tf-01",
  taskId: "t1",
  fileName: "现场照片.jpg",
  contentType: "image/jpeg",
  size: 1200,
  sha256: "ab",
  createdAt: "2022-08-15T02:00:00.000Z",
  createdBy: "member",
};

/** A Storage stand-in over a Map; `full` makes every write fail as a full quota does. */
function memoryStorage(full = false): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new DOMException("quota", "QuotaExceededError");
      map.set(k, v);
    },
  };
}

describe("report drafts", () => {
  it("keeps the form's values, empty fields as empty text and a cleared percent as null", () => {
    expect(draftValues({ reportDate: "2022-08-15", percent: undefined, problems: undefined })).toEqual({
      reportDate: "2022-08-15",
      percent: null,
      narrative: "",
      problems: "",
      coordination: "",
      evidence: "",
    });
  });

  it("makes the report's body: the date as written, empty optional texts as null, typed evidence then files", () => {
    const d = buildDraft("t1", {
      values: { ...buildDraft("t1").values, problems: "  ", evidence: "照片-0815.jpg\n\n https://oa/1 " },
      attachments: [photo],
    });
    expect(draftBody(d, "p-9")).toEqual({
      taskId: "t1",
      reportDate: "2022-08-15",
      percent: 40,
      narrative: "现场已完成基础施工",
      problems: null,
      coordination: null,
      evidence: ["照片-0815.jpg", "https://oa/1", "attachment:att-1:现场照片.jpg"],
      reportedById: "p-9",
    });
  });

  it("lists the waiting drafts oldest first, and neither the ones being written nor the refused", () => {
    let book: DraftBook = {};
    book = putDraft(book, buildDraft("a", { state: "waiting", savedAt: "2022-08-15T03:00:00.000Z" }));
    book = putDraft(book, buildDraft("b", { state: "waiting", savedAt: "2022-08-15T01:00:00.000Z" }));
    book = putDraft(book, buildDraft("c"));
    book = putDraft(
      book,
      buildDraft("d", { state: "refused", refusal: { status: 400, code: "X", message: "", details: [] } }),
    );
    expect(queuedDrafts(book).map((d) => d.taskId)).toEqual(["b", "a"]);
    expect(Object.keys(dropDraft(book, "a"))).toEqual(["b", "c", "d"]);
    expect(Object.keys(book)).toHaveLength(4);
  });

  it("reads back what it stored, and leaves out what it cannot read", () => {
    const good = buildDraft("t1", { attachments: [photo] });
    const raw = JSON.stringify({ t1: good, t2: { taskId: "t2" }, t3: { ...good, taskId: "other" } });
    expect(parseDraftBook(raw)).toEqual({ t1: good });
    for (const bad of [null, "", "{", "[1]", "42", "null"]) expect(parseDraftBook(bad)).toEqual({});
  });
});

describe("the draft store", () => {
  it("persists each change under the user's key and tells its listeners", () => {
    const storage = memoryStorage();
    const store = createDraftStore(storage, draftsKey("u1"));
    let told = 0;
    const stop = store.subscribe(() => told++);
    const first = store.read();
    expect(store.read()).toBe(first);
    expect(store.update((b) => putDraft(b, buildDraft("t1")))).toBe(true);
    expect(told).toBe(1);
    expect(store.read()).not.toBe(first);
    expect(parseDraftBook(storage.map.get("guatu.reportDrafts.u1") ?? null)).toEqual(store.read());
    // A second store (the next start of the app) finds the draft.
    expect(createDraftStore(storage, draftsKey("u1")).read().t1).toEqual(buildDraft("t1"));
    expect(createDraftStore(storage, draftsKey("u2")).read()).toEqual({});
    stop();
    store.update((b) => dropDraft(b, "t1"));
    expect(told).toBe(1);
  });

  it("keeps the draft in memory and says so when the device refuses to store it", () => {
    const store = createDraftStore(memoryStorage(true), draftsKey("u1"));
    expect(store.update((b) => putDraft(b, buildDraft("t1")))).toBe(false);
    expect(store.read().t1?.taskId).toBe("t1");
  });

  it("re-reads storage written by another tab", () => {
    const storage = memoryStorage();
    const store = createDraftStore(storage, draftsKey("u1"));
    storage.setItem(draftsKey("u1"), JSON.stringify({ t9: buildDraft("t9") }));
    store.reload();
    expect(Object.keys(store.read())).toEqual(["t9"]);
  });
});
