/** Calls of the global search route. */
import type { SearchHit, SearchResult } from "../../../../src/shared/api/search";
import { get } from "../../api/client";
import { query } from "../../api/data";

export type { SearchHit, SearchResult };

/** `GET /search`: up to `limit` records matching `q`, grouped by kind. */
export const fetchSearch = (q: string, limit = 20) => get<SearchResult>(`/search${query({ q, limit })}`);
