/** The global search's tables (migration 2026-12-04-0016-search-index). */
import type { SearchKind } from "../../shared/api/search.js";

/**
 * `search_entries`: one per searchable record, with its keys (search-text.ts).
 */
export interface SearchEntryTable {
  /** SQLite only: the entry's row in the FTS5 table `search_fts`. */
  rid?: number;
  kind: SearchKind;
  entityId: string;
  /** The record's task force (a task force: itself); null for a person. */
  taskForceId: string | null;
  /** As the record shows it; "" for a person. */
  code: string;
  title: string;
  /** Lower-case code and title, initials and full pinyin (search-text.ts). */
  codeKey: string;
  titleKey: string;
  initials: string;
  pinyin: string;
}

/** `search_state`: the data revision the index reflects (`name` "index"; -1: never built). */
export interface SearchStateTable {
  name: string;
  revision: number;
}
