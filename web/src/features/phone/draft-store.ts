/**
 * Where a user's drafts live: one localStorage entry per user, read once and then kept in memory,
 * with listeners for `useSyncExternalStore`. Storage is passed in, so tests use a Map.
 */
import { type DraftBook, parseDraftBook } from "./report-drafts";

/** The part of `Storage` the store uses. */
export type DraftStorage = Pick<Storage, "getItem" | "setItem">;

/** The localStorage key of a user's drafts. */
export const draftsKey = (userId: string) => `guatu.reportDrafts.${userId}`;

/** A user's drafts: a stable snapshot, updates that persist, and change listeners. */
export interface DraftStore {
  /** The current book (the same object until it changes). */
  read(): DraftBook;
  /**
   * Applies `change` to the current book, keeps it and tells the listeners. Returns false when the
   * device refused to keep it (storage full or forbidden): the book then lives only in memory.
   */
  update(change: (book: DraftBook) => DraftBook): boolean;
  /** Re-reads storage (another tab wrote it). */
  reload(): void;
  subscribe(listener: () => void): () => void;
}

/** The store of the drafts under `key` in `storage`. */
export function createDraftStore(storage: DraftStorage, key: string): DraftStore {
  const load = () => {
    try {
      return parseDraftBook(storage.getItem(key));
    } catch {
      return {};
    }
  };
  let book = load();
  const listeners = new Set<() => void>();
  const tell = () => {
    for (const l of listeners) l();
  };
  return {
    read: () => book,
    update(change) {
      book = change(book);
      tell();
      try {
        storage.setItem(key, JSON.stringify(book));
        return true;
      } catch {
        return false;
      }
    },
    reload() {
      book = load();
      tell();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
