/** Hook: the signed-in user's progress-report drafts on this device (see report-drafts.ts). */
import { useEffect, useSyncExternalStore } from "react";
import { useSession } from "../../hooks/use-session";
import { createDraftStore, type DraftStore, draftsKey } from "./draft-store";
import { type DraftBook, dropDraft, putDraft, type ReportDraft } from "./report-drafts";

const stores = new Map<string, DraftStore>();
const NO_BOOK: DraftBook = {};
const noStore: DraftStore = {
  read: () => NO_BOOK,
  update: () => false,
  reload: () => {},
  subscribe: () => () => {},
};

/** One store per user, shared by every component of this tab. */
function storeFor(userId: string | undefined): DraftStore {
  if (!userId || typeof localStorage === "undefined") return noStore;
  let s = stores.get(userId);
  if (!s) {
    s = createDraftStore(localStorage, draftsKey(userId));
    stores.set(userId, s);
  }
  return s;
}

/** The user's drafts, and the ways to change them. */
export function useReportDrafts() {
  const store = storeFor(useSession().data?.user.id);
  const book = useSyncExternalStore(store.subscribe, store.read);
  // Another tab of the same user wrote its drafts.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key?.startsWith("guatu.reportDrafts.")) store.reload();
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [store]);
  return {
    book,
    store,
    save: (draft: ReportDraft) => store.update((b) => putDraft(b, draft)),
    drop: (taskId: string) => store.update((b) => dropDraft(b, taskId)),
  };
}
