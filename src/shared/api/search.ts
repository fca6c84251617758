import { z } from "zod";
import { id, requiredText } from "./common.js";

/** What the global search finds, in the order its groups list them when equally good. */
export const SEARCH_KINDS = ["taskForce", "task", "supervisionItem", "indicator", "person"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The most hits one search answers (its default is 20). */
export const SEARCH_LIMIT_MAX = 50;

/** `kinds` as the query string carries it: comma-separated kinds, e.g. `task,indicator`. */
const kindList = z
  .string()
  .max(200)
  .superRefine((s, ctx) => {
    for (const k of s.split(","))
      if (!SEARCH_KINDS.some((x) => x === k))
        ctx.addIssue({ code: "invalid_value", values: [...SEARCH_KINDS], input: k });
  });

/** `GET /search`: a code, part of a title, or pinyin initials (招商引资 → zsyz), 1–100 characters. */
export const searchQuery = z.strictObject({
  q: requiredText(100),
  kinds: kindList.optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(20),
});
export type SearchQuery = z.output<typeof searchQuery>;

/** The kinds a `kinds` parameter names (every kind when absent). */
export const searchKindsOf = (kinds: string | undefined): SearchKind[] =>
  kinds ? SEARCH_KINDS.filter((k) => kinds.split(",").includes(k)) : [...SEARCH_KINDS];

/** One record found. */
export const searchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id,
  /** WBS code of a task, number of a 督办单 or indicator, code of a task force; null for a person. */
  code: z.string().nullable(),
  /** A task's title, a 督办单's issue, an indicator's or task force's or person's name. */
  title: z.string(),
  /** The task force it belongs to (a task force: itself); null for a person. */
  taskForceId: id.nullable(),
  /** That task force's code and name, e.g. `02 招商引资专班`. */
  taskForceName: z.string().nullable(),
  /** A person's post and unit, e.g. `副局长 · 区发改局`. */
  detail: z.string().nullable(),
});
export type SearchHit = z.output<typeof searchHit>;

/** Hits of one kind, best first. */
export const searchGroup = z.object({ kind: z.enum(SEARCH_KINDS), items: z.array(searchHit) });

/** `GET /search`'s answer: groups ordered by their best hit (an exact code first), each best first. */
export const searchResult = z.object({
  /** The query as searched (trimmed, lower-case). */
  query: z.string(),
  groups: z.array(searchGroup),
  /** Whether more records match than `limit` let through. */
  more: z.boolean(),
});
z.globalRegistry.add(searchResult, { id: "SearchResult" });
export type SearchResult = z.output<typeof searchResult>;
