import {
  type SearchHit,
  type SearchKind,
  type SearchQuery,
  type SearchResult,
  searchKindsOf,
} from "../../shared/api/search.js";
import { readScope } from "../accounts/scope.js";
import { readerOf, type ServiceContext } from "../context.js";
import { type FoundEntry, findEntries } from "./search.repository.js";
import { personDetails, taskForceNames } from "./search-source.repository.js";
import { syncSearchIndex } from "./search-sync.js";
import { normaliseQuery } from "./search-text.js";

/**
 * The global search: tasks, 督办单, indicators, people and task forces by code, part of a title or
 * pinyin initials, within what the caller may read — the task forces a list would show them
 * (accounts/scope.ts `readScope`), and people, whom everyone signed in may list. Best first: an
 * exact code, a code prefix, a title or initials match, then anything containing the query;
 * grouped by kind, the group with the best hit first.
 */
export async function searchRecords(ctx: ServiceContext, query: SearchQuery): Promise<SearchResult> {
  const q = normaliseQuery(query.q);
  await syncSearchIndex(ctx.database, ctx.dataRevision);
  const db = readerOf(ctx);
  const found = await findEntries(db, ctx.database.dialect, {
    q,
    kinds: searchKindsOf(query.kinds),
    taskForceIds: readScope(ctx),
    // One more than asked: tells whether there are more.
    limit: query.limit + 1,
  });
  const entries = found.slice(0, query.limit);
  const tfNames = await taskForceNames(db, [
    ...new Set(entries.flatMap((e) => (e.taskForceId ? [e.taskForceId] : []))),
  ]);
  const details = await personDetails(
    db,
    entries.filter((e) => e.kind === "person").map((e) => e.entityId),
  );
  const groups = new Map<SearchKind, SearchHit[]>();
  for (const e of entries) {
    const hits = groups.get(e.kind) ?? [];
    hits.push(hitOf(e, tfNames, details));
    groups.set(e.kind, hits);
  }
  return {
    query: q,
    // A Map keeps insertion order: the kind of the best hit first.
    groups: [...groups].map(([kind, items]) => ({ kind, items })),
    more: found.length > query.limit,
  };
}

function hitOf(e: FoundEntry, tfNames: Map<string, string>, details: Map<string, string>): SearchHit {
  return {
    kind: e.kind,
    id: e.entityId,
    code: e.kind === "person" ? null : e.code,
    title: e.title,
    taskForceId: e.taskForceId,
    taskForceName: e.taskForceId ? (tfNames.get(e.taskForceId) ?? null) : null,
    detail: e.kind === "person" ? details.get(e.entityId) || null : null,
  };
}
